from django.urls import path

from kerjasama.views import (
    dokumen,
    evaluasi,
    kerjasama,
    kmp,
    mitra,
    naskah,
    pelaksanaan,
    persetujuan,
    portal,
    tindak_lanjut,
)

app_name = "kerjasama"

urlpatterns = [
    path("", kerjasama.daftar, name="daftar"),
    path("baru/<int:kps_pk>/", kerjasama.tambah, name="tambah"),
    path("<int:pk>/", kerjasama.detail, name="detail"),
    path("<int:pk>/tahap/", kerjasama.pindah, name="pindah"),
    path("<int:pk>/permohonan/", persetujuan.permohonan, name="permohonan"),
    path("<int:pk>/ajukan/", persetujuan.ajukan, name="ajukan"),
    path("<int:pk>/putuskan/", persetujuan.putuskan, name="putuskan"),
    path("<int:pk>/kirim-opd/", persetujuan.kirim_opd, name="kirim_opd"),
    path("<int:pk>/naskah/", naskah.naskah, name="naskah"),
    path("<int:pk>/naskah/<int:versi>/pdf/", naskah.naskah_pdf, name="naskah_pdf"),
    path(
        "<int:pk>/naskah/<int:versi>/tanda-tangan/", naskah.naskah_tandatangani, name="naskah_ttd"
    ),
    path("<int:pk>/naskah/<int:versi>/pindaian/", naskah.naskah_scan, name="naskah_scan"),
    path("<int:pk>/surat/<slug:jenis>/", persetujuan.surat_unduh, name="surat_unduh"),
    path("bukti-tahap/<int:pk>/", kerjasama.bukti_tahap_unduh, name="bukti_tahap_unduh"),
    path("mitra/bukti/<int:pk>/", mitra.mitra_bukti_unduh, name="mitra_bukti_unduh"),
    path("<int:pk>/jangka-waktu/", pelaksanaan.jangka_waktu, name="jangka_waktu"),
    path("<int:pk>/rencana-aksi/", pelaksanaan.rencana_aksi, name="rencana_aksi"),
    path(
        "<int:pk>/rencana-aksi/<int:aksi_pk>/",
        pelaksanaan.rencana_aksi_ubah,
        name="rencana_aksi_ubah",
    ),
    path("<int:pk>/monitoring/", pelaksanaan.monitoring, name="monitoring"),
    path("<int:pk>/akhiri/", pelaksanaan.akhiri, name="akhiri"),
    path("<int:pk>/kmp/", pelaksanaan.kmp, name="kmp"),
    path("<int:pk>/ruang-kmp/", kmp.ruang, name="ruang_kmp"),
    path("<int:pk>/ruang-kmp/langkah/<int:nomor>/", kmp.langkah, name="kmp_langkah"),
    path("<int:pk>/ruang-kmp/pihak/", kmp.pemangku, name="kmp_pemangku"),
    path("<int:pk>/ruang-kmp/pihak/<int:pemangku_pk>/", kmp.pemangku, name="kmp_pemangku_ubah"),
    path("<int:pk>/ruang-kmp/komitmen/", kmp.komitmen, name="kmp_komitmen"),
    path("<int:pk>/ruang-kmp/komitmen/<int:komitmen_pk>/", kmp.komitmen, name="kmp_komitmen_ubah"),
    path("<int:pk>/ruang-kmp/akuntabilitas/pdf/", kmp.akuntabilitas_pdf, name="kmp_pdf"),
    path("<int:pk>/dokumen/<slug:jenis>/", dokumen.terbitkan, name="terbitkan"),
    path("<int:pk>/pertemuan/", dokumen.pertemuan_simpan, name="pertemuan_tambah"),
    path("<int:pk>/pertemuan/<int:pertemuan_pk>/", dokumen.pertemuan_simpan, name="pertemuan_ubah"),
    path("<int:pk>/indikator/", evaluasi.indikator, name="indikator_tambah"),
    path("<int:pk>/indikator/<int:indikator_pk>/", evaluasi.indikator, name="indikator_ubah"),
    path("<int:pk>/evaluasi/", evaluasi.evaluasi, name="evaluasi"),
    path("<int:pk>/evaluasi/<int:evaluasi_pk>/", evaluasi.evaluasi_detail, name="evaluasi_detail"),
    path("<int:pk>/perpanjangan/", evaluasi.perpanjangan, name="perpanjangan"),
    path(
        "<int:pk>/perpanjangan/<int:perpanjangan_pk>/putuskan/",
        evaluasi.perpanjangan_putuskan,
        name="perpanjangan_putuskan",
    ),
    path(
        "<int:pk>/perpanjangan/<int:perpanjangan_pk>/surat/",
        evaluasi.perpanjangan_surat,
        name="perpanjangan_surat",
    ),
    path("tindak-lanjut/hkm/<int:evaluasi_pk>/", tindak_lanjut.rencana, name="tindak_lanjut"),
    path(
        "tindak-lanjut/kth/<int:penilaian_pk>/",
        tindak_lanjut.rencana_kth,
        name="tindak_lanjut_kth",
    ),
    path("antrean/", persetujuan.antrean_bpskl, name="antrean"),
    path("mitra/", mitra.mitra_daftar, name="mitra_daftar"),
    path("mitra/tambah/", mitra.mitra_tambah, name="mitra_tambah"),
    path("mitra/<int:pk>/", mitra.mitra_detail, name="mitra_detail"),
    path("mitra/<int:pk>/undang/", portal.mitra_undang, name="mitra_undang"),
    path("notifikasi/", kerjasama.notifikasi, name="notifikasi"),
    # Portal mitra (Langkah I).
    path("portal/daftar/", portal.daftar_akun, name="portal_daftar"),
    path(
        "portal/undangan/<str:uidb64>/<str:token>/",
        portal.terima_undangan,
        name="portal_undangan",
    ),
    path("permohonan-mitra/", portal.permohonan_daftar, name="permohonan_mitra_daftar"),
    path("permohonan-mitra/baru/", portal.permohonan_baru, name="permohonan_mitra_baru"),
    path("permohonan-mitra/<int:pk>/", portal.permohonan_detail, name="permohonan_mitra"),
    path(
        "permohonan-mitra/<int:pk>/tanggapi/",
        portal.permohonan_tanggapi,
        name="permohonan_mitra_tanggapi",
    ),
    path(
        "permohonan-mitra/<int:pk>/tarik/", portal.permohonan_tarik, name="permohonan_mitra_tarik"
    ),
    path(
        "permohonan-mitra/<int:pk>/surat/", portal.permohonan_surat, name="permohonan_mitra_surat"
    ),
    path(
        "permohonan-mitra/bukti/<int:pk>/", portal.permohonan_bukti, name="permohonan_mitra_bukti"
    ),
    path("akun-mitra/<int:pk>/", portal.akun_mitra, name="akun_mitra"),
    path(
        "akun-mitra/<int:pk>/kirim-ulang/",
        portal.akun_mitra_kirim_ulang,
        name="akun_mitra_kirim_ulang",
    ),
]
