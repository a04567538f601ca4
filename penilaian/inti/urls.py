from django.urls import path

from penilaian.inti import views

urlpatterns = [
    path("instrumen/", views.rubrik_unggah, name="rubrik_unggah"),
    path("instrumen/<int:pk>/xlsx/", views.rubrik_xlsx, name="rubrik_xlsx"),
    path("kalender-libur/", views.kalender_libur, name="kalender_libur"),
    path("kalender-libur/<int:tahun>/", views.kalender_tahun, name="kalender_tahun"),
]
