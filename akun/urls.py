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
        auth_views.PasswordChangeView.as_view(form_class=FormGantiKataSandi),
        name="password_change",
    ),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]
