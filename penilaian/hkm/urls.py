from django.urls import path

from penilaian.hkm.views import evaluasi, kuesioner

urlpatterns = [
    path("hkm/", evaluasi.evaluasi_daftar, name="evaluasi_daftar"),
    path("hkm/baru/<int:kps_pk>/", evaluasi.evaluasi_baru, name="evaluasi_baru"),
    path("hkm/<int:pk>/", evaluasi.evaluasi_detail, name="evaluasi_detail"),
    path("hkm/<int:pk>/prasyarat/", evaluasi.prasyarat, name="prasyarat"),
    path("hkm/<int:pk>/responden/", evaluasi.responden_tambah, name="responden_tambah"),
    path("hkm/<int:pk>/finalkan/", evaluasi.evaluasi_finalkan, name="evaluasi_finalkan"),
    path("hkm/<int:pk>/rekap/", evaluasi.rekap, name="rekap"),
    path("hkm/kps/<int:kps_pk>/riwayat/", evaluasi.riwayat_kps, name="riwayat_kps"),
    path("responden/<int:pk>/", kuesioner.kuesioner_isi, name="kuesioner_isi"),
    path(
        "responden/<int:pk>/kriteria/<str:kriteria>/",
        kuesioner.kuesioner_isi,
        name="kuesioner_kriteria",
    ),
    path("responden/<int:pk>/jawab/", kuesioner.kuesioner_jawab, name="kuesioner_jawab"),
    path("responden/<int:pk>/ringkasan/", kuesioner.kuesioner_ringkas, name="kuesioner_ringkas"),
    path("responden/<int:pk>/serahkan/", kuesioner.kuesioner_serahkan, name="kuesioner_serahkan"),
    path("responden/<int:pk>/buka/", kuesioner.kuesioner_buka, name="kuesioner_buka"),
]
