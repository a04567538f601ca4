from django.contrib.auth import views as auth_views
from django.urls import path

from akun import views
from akun.forms import FormGantiKataSandi, FormMasuk

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("beranda/<slug:kode>/", views.beranda_peran, name="beranda_peran"),
    path(
        "akun/masuk/",
        auth_views.LoginView.as_view(
            authentication_form=FormMasuk, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("akun/keluar/", views.KeluarView.as_view(), name="logout"),
    path(
        "akun/kata-sandi/",
        views.GantiSandiView.as_view(form_class=FormGantiKataSandi),
        name="password_change",
    ),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("akun/pengguna/", views.pengguna_daftar, name="pengguna_daftar"),
    path("akun/pengguna/tambah/", views.pengguna_tambah, name="pengguna_tambah"),
    path("akun/pengguna/<int:pk>/", views.pengguna_detail, name="pengguna_detail"),
    path("akun/pengguna/<int:pk>/ubah/", views.pengguna_ubah, name="pengguna_ubah"),
    path(
        "akun/pengguna/<int:pk>/atur-ulang-sandi/",
        views.pengguna_atur_ulang_sandi,
        name="pengguna_atur_ulang_sandi",
    ),
    path(
        "akun/pengguna/<int:pk>/buka-kunci/", views.pengguna_buka_kunci, name="pengguna_buka_kunci"
    ),
]
