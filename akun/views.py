from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from akun.peran import peran_dari_kode


@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    """Arahkan pengguna ke beranda peran utamanya (halaman tujuan setelah masuk)."""
    peran = request.user.peran_utama
    if peran is None:
        return render(request, "akun/tanpa_peran.html")
    return redirect("beranda_peran", kode=peran.kode)


@login_required
def beranda_peran(request: HttpRequest, kode: str) -> HttpResponse:
    peran = peran_dari_kode(kode)
    if peran is None:
        raise Http404("Peran tidak dikenal.")
    if not request.user.punya_peran(peran):
        raise PermissionDenied("Halaman ini untuk peran lain.")
    return render(request, "akun/beranda.html", {"peran": peran, "menu_aktif": "beranda"})


class KeluarView(auth_views.LogoutView):
    """Keluar (hanya POST), lalu beri tahu pengguna di halaman masuk."""

    def post(self, request, *args, **kwargs):
        respons = super().post(request, *args, **kwargs)
        messages.success(request, "Anda sudah keluar. Sampai jumpa.")
        return respons
