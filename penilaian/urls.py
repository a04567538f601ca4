from django.urls import path

from penilaian import views

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
]
