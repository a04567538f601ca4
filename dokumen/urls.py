from django.urls import path

from dokumen import views

app_name = "dokumen"
urlpatterns = [
    path("kantor/", views.kantor_daftar, name="kantor_daftar"),
    path("kantor/tambah/", views.kantor_simpan, name="kantor_tambah"),
    path("kantor/<int:pk>/ubah/", views.kantor_simpan, name="kantor_ubah"),
    path("kantor/<int:pk>/logo/", views.kantor_logo, name="kantor_logo"),
    path("<str:kode>/unduh/", views.dokumen_unduh, name="unduh"),
    path("<str:kode>/cabut/", views.dokumen_cabut, name="cabut"),
]
