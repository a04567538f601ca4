from django.urls import path

from penilaian.usaha import views

urlpatterns = [
    path("usaha/kups/<int:kups_pk>/", views.daftar, name="analisis_daftar"),
    path("usaha/kups/<int:kups_pk>/baru/<str:jenis>/", views.baru, name="analisis_baru"),
    path("usaha/kups/<int:kups_pk>/banding/", views.banding, name="analisis_banding"),
    path("usaha/<int:pk>/", views.detail, name="analisis_detail"),
]
