from django.urls import path, register_converter

from kelompok.views import (
    anggota,
    arsip,
    dokumen,
    impor,
    kps,
    kth,
    kups,
    pertukaran,
    peta,
    wilayah,
)


class JenisKelompok:
    regex = "kps|kth|kups"

    def to_python(self, nilai: str) -> str:
        return nilai

    def to_url(self, nilai: str) -> str:
        return nilai


class JenisBeranggota(JenisKelompok):
    regex = "kps|kth"


register_converter(JenisKelompok, "kelompok")
register_converter(JenisBeranggota, "beranggota")

app_name = "kelompok"

urlpatterns = [
    path("kps/", kps.kps_daftar, name="kps_daftar"),
    path("kps/tambah/", kps.kps_tambah, name="kps_tambah"),
    path("kps/peta/", peta.kps_peta, name="kps_peta"),
    path("kps/peta/titik/", peta.kps_peta_titik, name="kps_peta_titik"),
    path("kps/peta/batas/", peta.kps_peta_batas, name="kps_peta_batas"),
    path("kps/<int:pk>/batas.geojson", peta.kps_batas_unduh, name="kps_batas_unduh"),
    path("kps/<int:pk>/", kps.kps_detail, name="kps_detail"),
    path("kps/<int:pk>/ubah/", kps.kps_ubah, name="kps_ubah"),
    path("kps/<int:pk>/kups/tambah/", kups.kups_tambah, name="kups_tambah"),
    path("kps/<int:pk>/dokumen/unggah/", dokumen.dokumen_unggah, name="dokumen_unggah"),
    path("kps/<int:pk>/pendamping/tambah/", kps.penugasan_tambah, name="penugasan_tambah"),
    path("penugasan/<int:pk>/akhiri/", kps.penugasan_akhiri, name="penugasan_akhiri"),
    path("kups/<int:pk>/", kups.kups_detail, name="kups_detail"),
    path("kups/<int:pk>/ubah/", kups.kups_ubah, name="kups_ubah"),
    path("kups/<int:pk>/syarat/", kups.kups_syarat, name="kups_syarat"),
    path("kth/", kth.kth_daftar, name="kth_daftar"),
    path("kth/tambah/", kth.kth_tambah, name="kth_tambah"),
    path("kth/<int:pk>/", kth.kth_detail, name="kth_detail"),
    path("kth/<int:pk>/ubah/", kth.kth_ubah, name="kth_ubah"),
    path("<kelompok:jenis>/<int:pk>/arsipkan/", arsip.kelompok_arsipkan, name="arsipkan"),
    path("<kelompok:jenis>/<int:pk>/pulihkan/", arsip.kelompok_pulihkan, name="pulihkan"),
    path("<beranggota:jenis>/<int:pk>/anggota/", anggota.anggota_daftar, name="anggota_daftar"),
    path(
        "<beranggota:jenis>/<int:pk>/anggota/tambah/", anggota.anggota_tambah, name="anggota_tambah"
    ),
    path("anggota/<int:pk>/ubah/", anggota.anggota_ubah, name="anggota_ubah"),
    path("anggota/<int:pk>/arsipkan/", anggota.anggota_arsipkan, name="anggota_arsipkan"),
    path("dokumen/<int:pk>/", dokumen.dokumen_unduh, name="dokumen_unduh"),
    path("syarat-kups/<int:pk>/bukti/", kups.syarat_bukti_unduh, name="syarat_bukti_unduh"),
    path("wilayah/pilihan/", wilayah.pilihan_wilayah, name="pilihan_wilayah"),
    path("pertukaran/", pertukaran.pertukaran_daftar, name="pertukaran"),
    path(
        "pertukaran/<slug:kode>.<str:format>",
        pertukaran.pertukaran_unduh,
        name="pertukaran_unduh",
    ),
    path("impor/<beranggota:jenis>/", impor.impor_kelompok, name="impor"),
    path("impor/<str:jenis>/templat/", impor.impor_templat, name="impor_templat"),
    path("<beranggota:jenis>/<int:pk>/anggota/impor/", impor.impor_anggota, name="impor_anggota"),
]
