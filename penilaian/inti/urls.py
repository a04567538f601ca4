from django.urls import path

from penilaian.inti import views

urlpatterns = [
    path("instrumen/", views.rubrik_unggah, name="rubrik_unggah"),
    path("instrumen/<int:pk>/xlsx/", views.rubrik_xlsx, name="rubrik_xlsx"),
]
