from django.urls import path

from laporan import views

app_name = "laporan"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/susun-ulang/", views.susun_ulang, name="susun_ulang"),
    path("<int:pk>/xlsx/", views.unduh, {"format": "xlsx"}, name="unduh_xlsx"),
    path("<int:pk>/pdf/", views.unduh, {"format": "pdf"}, name="unduh_pdf"),
]
