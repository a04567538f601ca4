"""Halaman profil Token API: pengguna membuat dan mencabut token pribadinya sendiri."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from api.models import TokenApi
from kelompok.forms import PesanIndonesiaMixin

TOKEN_AKTIF_MAKS = 10


class TokenForm(PesanIndonesiaMixin, forms.Form):
    nama = forms.CharField(
        label="Nama token",
        max_length=80,
        help_text="Untuk mengenalinya nanti, misalnya: aplikasi lapangan ponsel.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()


@login_required
def token_api(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    kunci_baru = None
    if request.method == "POST" and form.is_valid():
        aktif = TokenApi.objects.filter(pengguna=request.user, dicabut_pada__isnull=True).count()
        if aktif >= TOKEN_AKTIF_MAKS:
            form.add_error(
                None, f"Paling banyak {TOKEN_AKTIF_MAKS} token aktif. Cabut yang tidak dipakai."
            )
        else:
            token, kunci_baru = TokenApi.buat(pengguna=request.user, nama=form.cleaned_data["nama"])
            messages.success(request, f"Token {token.nama} dibuat. Salin sekarang.")
            form = TokenForm()
    return render(
        request,
        "api/token.html",
        {
            "form": form,
            "kunci_baru": kunci_baru,
            "token": TokenApi.objects.filter(pengguna=request.user),
        },
    )


@login_required
@require_POST
def token_cabut(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(TokenApi, pk=pk, pengguna=request.user)
    token.cabut()
    messages.success(request, f"Token {token.nama} dicabut; aplikasi yang memakainya ditolak.")
    return redirect("token_api")
