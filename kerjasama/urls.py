from django.urls import path  # noqa: F401  (halaman aplikasi ini ditambahkan per fitur)

app_name = "kerjasama"

urlpatterns: list = []
