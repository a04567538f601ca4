from django.urls import path

from kerjasama import views

app_name = "kerjasama"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("baru/<int:kps_pk>/", views.tambah, name="tambah"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/tahap/", views.pindah, name="pindah"),
    path("<int:pk>/permohonan/", views.permohonan, name="permohonan"),
    path("<int:pk>/ajukan/", views.ajukan, name="ajukan"),
    path("<int:pk>/putuskan/", views.putuskan, name="putuskan"),
    path("<int:pk>/kirim-opd/", views.kirim_opd, name="kirim_opd"),
    path("<int:pk>/naskah/", views.naskah, name="naskah"),
    path("<int:pk>/naskah/<int:versi>/pdf/", views.naskah_pdf, name="naskah_pdf"),
    path("<int:pk>/naskah/<int:versi>/tanda-tangan/", views.naskah_tandatangani, name="naskah_ttd"),
    path("<int:pk>/naskah/<int:versi>/pindaian/", views.naskah_scan, name="naskah_scan"),
    path("<int:pk>/surat/<slug:jenis>/", views.surat_unduh, name="surat_unduh"),
    path("bukti-tahap/<int:pk>/", views.bukti_tahap_unduh, name="bukti_tahap_unduh"),
    path("mitra/bukti/<int:pk>/", views.mitra_bukti_unduh, name="mitra_bukti_unduh"),
    path("<int:pk>/jangka-waktu/", views.jangka_waktu, name="jangka_waktu"),
    path("<int:pk>/rencana-aksi/", views.rencana_aksi, name="rencana_aksi"),
    path("<int:pk>/rencana-aksi/<int:aksi_pk>/", views.rencana_aksi_ubah, name="rencana_aksi_ubah"),
    path("<int:pk>/monitoring/", views.monitoring, name="monitoring"),
    path("<int:pk>/akhiri/", views.akhiri, name="akhiri"),
    path("<int:pk>/kmp/", views.kmp, name="kmp"),
    path("antrean/", views.antrean_bpskl, name="antrean"),
    path("mitra/", views.mitra_daftar, name="mitra_daftar"),
    path("mitra/tambah/", views.mitra_tambah, name="mitra_tambah"),
    path("mitra/<int:pk>/", views.mitra_detail, name="mitra_detail"),
    path("notifikasi/", views.notifikasi, name="notifikasi"),
]
