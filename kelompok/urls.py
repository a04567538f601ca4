from django.urls import path, register_converter

from kelompok import views


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
    path("kps/", views.kps_daftar, name="kps_daftar"),
    path("kps/tambah/", views.kps_tambah, name="kps_tambah"),
    path("kps/<int:pk>/", views.kps_detail, name="kps_detail"),
    path("kps/<int:pk>/ubah/", views.kps_ubah, name="kps_ubah"),
    path("kps/<int:pk>/kups/tambah/", views.kups_tambah, name="kups_tambah"),
    path("kps/<int:pk>/dokumen/unggah/", views.dokumen_unggah, name="dokumen_unggah"),
    path("kps/<int:pk>/pendamping/tambah/", views.penugasan_tambah, name="penugasan_tambah"),
    path("penugasan/<int:pk>/akhiri/", views.penugasan_akhiri, name="penugasan_akhiri"),
    path("kups/<int:pk>/", views.kups_detail, name="kups_detail"),
    path("kups/<int:pk>/ubah/", views.kups_ubah, name="kups_ubah"),
    path("kups/<int:pk>/syarat/", views.kups_syarat, name="kups_syarat"),
    path("kth/", views.kth_daftar, name="kth_daftar"),
    path("kth/tambah/", views.kth_tambah, name="kth_tambah"),
    path("kth/<int:pk>/", views.kth_detail, name="kth_detail"),
    path("kth/<int:pk>/ubah/", views.kth_ubah, name="kth_ubah"),
    path("<kelompok:jenis>/<int:pk>/arsipkan/", views.kelompok_arsipkan, name="arsipkan"),
    path("<kelompok:jenis>/<int:pk>/pulihkan/", views.kelompok_pulihkan, name="pulihkan"),
    path("<beranggota:jenis>/<int:pk>/anggota/", views.anggota_daftar, name="anggota_daftar"),
    path(
        "<beranggota:jenis>/<int:pk>/anggota/tambah/", views.anggota_tambah, name="anggota_tambah"
    ),
    path("anggota/<int:pk>/ubah/", views.anggota_ubah, name="anggota_ubah"),
    path("anggota/<int:pk>/arsipkan/", views.anggota_arsipkan, name="anggota_arsipkan"),
    path("dokumen/<int:pk>/", views.dokumen_unduh, name="dokumen_unduh"),
    path("syarat-kups/<int:pk>/bukti/", views.syarat_bukti_unduh, name="syarat_bukti_unduh"),
    path("wilayah/pilihan/", views.pilihan_wilayah, name="pilihan_wilayah"),
    path("impor/<beranggota:jenis>/", views.impor_kelompok, name="impor"),
    path("impor/<str:jenis>/templat/", views.impor_templat, name="impor_templat"),
    path("<beranggota:jenis>/<int:pk>/anggota/impor/", views.impor_anggota, name="impor_anggota"),
]
