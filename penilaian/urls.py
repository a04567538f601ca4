from django.urls import path

from penilaian import views, views_admin, views_ekonomi, views_kth

app_name = "penilaian"

urlpatterns = [
    path("hkm/", views.evaluasi_daftar, name="evaluasi_daftar"),
    path("hkm/baru/<int:kps_pk>/", views.evaluasi_baru, name="evaluasi_baru"),
    path("hkm/<int:pk>/", views.evaluasi_detail, name="evaluasi_detail"),
    path("hkm/<int:pk>/prasyarat/", views.prasyarat, name="prasyarat"),
    path("hkm/<int:pk>/responden/", views.responden_tambah, name="responden_tambah"),
    path("hkm/<int:pk>/finalkan/", views.evaluasi_finalkan, name="evaluasi_finalkan"),
    path("hkm/<int:pk>/rekap/", views.rekap, name="rekap"),
    path("hkm/kps/<int:kps_pk>/riwayat/", views.riwayat_kps, name="riwayat_kps"),
    path("responden/<int:pk>/", views.kuesioner_isi, name="kuesioner_isi"),
    path(
        "responden/<int:pk>/kriteria/<str:kriteria>/",
        views.kuesioner_isi,
        name="kuesioner_kriteria",
    ),
    path("responden/<int:pk>/jawab/", views.kuesioner_jawab, name="kuesioner_jawab"),
    path("responden/<int:pk>/ringkasan/", views.kuesioner_ringkas, name="kuesioner_ringkas"),
    path("responden/<int:pk>/serahkan/", views.kuesioner_serahkan, name="kuesioner_serahkan"),
    path("responden/<int:pk>/buka/", views.kuesioner_buka, name="kuesioner_buka"),
    path("kth/", views_kth.daftar, name="kth_daftar"),
    path("kth/antrean/", views_kth.antrean, name="kth_antrean"),
    path("kth/baru/<int:kth_pk>/", views_kth.baru, name="kth_baru"),
    path("kth/<int:pk>/", views_kth.detail, name="kth_detail"),
    path("kth/<int:pk>/jawab/", views_kth.jawab, name="kth_jawab"),
    path("kth/<int:pk>/bukti/", views_kth.bukti, name="kth_bukti"),
    path("kth/bukti/<int:pk>/", views_kth.bukti_unduh, name="kth_bukti_unduh"),
    path("kth/<int:pk>/ajukan/", views_kth.ajukan, name="kth_ajukan"),
    path("kth/<int:pk>/tarik/", views_kth.tarik, name="kth_tarik"),
    path("kth/<int:pk>/tetapkan/", views_kth.tetapkan, name="kth_tetapkan"),
    path("kth/<int:pk>/kembalikan/", views_kth.kembalikan, name="kth_kembalikan"),
    path("sertifikat/<int:pk>/", views_kth.sertifikat_unduh, name="sertifikat_unduh"),
    path("sertifikat/<int:pk>/cabut/", views_kth.sertifikat_cabut, name="sertifikat_cabut"),
    path("sertifikat/ekspor/", views_admin.ekspor_baru, name="ekspor_baru"),
    path("sertifikat/ekspor/<int:pk>/", views_admin.ekspor_status, name="ekspor_status"),
    path("sertifikat/ekspor/<int:pk>/unduh/", views_admin.ekspor_unduh, name="ekspor_unduh"),
    path("kth/cakupan/", views_admin.cakupan, name="cakupan"),
    path("instrumen/", views_admin.rubrik_unggah, name="rubrik_unggah"),
    path("instrumen/<int:pk>/xlsx/", views_admin.rubrik_xlsx, name="rubrik_xlsx"),
    path("usaha/kups/<int:kups_pk>/", views_ekonomi.daftar, name="analisis_daftar"),
    path("usaha/kups/<int:kups_pk>/baru/<str:jenis>/", views_ekonomi.baru, name="analisis_baru"),
    path("usaha/<int:pk>/", views_ekonomi.detail, name="analisis_detail"),
]
