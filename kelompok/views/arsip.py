"""Arsip dan pemulihan KPS, KTH dan KUPS (data tidak pernah dihapus)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kelompok import services
from kelompok.forms import ArsipForm
from kelompok.views.bersama import JENIS_KELOMPOK
from perhutanan.akses import ambil


@login_required
def kelompok_arsipkan(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    model = JENIS_KELOMPOK[jenis]
    objek = ambil(model, request.user, pk, ubah=True)
    form = ArsipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kelompok_arsipkan(
                objek=objek, oleh=request.user, alasan=form.cleaned_data["alasan"]
            )
        except services.TindakanTidakSah as galat:
            messages.error(request, str(galat))
        else:
            messages.success(
                request, f"{objek} diarsipkan. Datanya tetap tersimpan dan bisa dipulihkan."
            )
        return redirect(f"kelompok:{jenis}_detail", pk=pk)
    return render(request, "kelompok/arsipkan.html", {"form": form, "objek": objek, "jenis": jenis})


@login_required
@require_POST
def kelompok_pulihkan(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    model = JENIS_KELOMPOK[jenis]
    objek = ambil(model, request.user, pk, ubah=True)
    try:
        services.kelompok_pulihkan(objek=objek, oleh=request.user)
    except services.TindakanTidakSah as galat:
        messages.error(request, str(galat))
    else:
        messages.success(request, f"{objek} dipulihkan dari arsip.")
    return redirect(f"kelompok:{jenis}_detail", pk=pk)
