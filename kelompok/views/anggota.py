"""Anggota KPS dan KTH: daftar dengan pencarian, tambah, ubah, arsipkan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from kelompok import services
from kelompok.forms import AnggotaForm
from kelompok.models import Anggota
from kelompok.views.bersama import JENIS_KELOMPOK, paginasi
from perhutanan.akses import ambil


@login_required
@require_GET
def anggota_daftar(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    model = JENIS_KELOMPOK[jenis]
    kelompok = ambil(model, request.user, pk, dengan_ubah=True)
    qs = kelompok.anggota.filter(diarsipkan_pada__isnull=True).order_by("nama", "pk")
    cari = request.GET.get("q", "").strip()
    if cari:
        qs = qs.filter(nama__icontains=cari)
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    return render(
        request,
        "kelompok/anggota_daftar.html",
        {
            "kelompok": kelompok,
            "jenis": jenis,
            "halaman": paginasi(request, qs),
            "parameter": parameter.urlencode(),
            "q": cari,
            "boleh_ubah": kelompok.boleh_diubah,
            "menu_aktif": jenis,
        },
    )


@login_required
def anggota_tambah(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    model = JENIS_KELOMPOK[jenis]
    kelompok = ambil(model, request.user, pk, ubah=True)
    form = AnggotaForm(request.POST or None, kelompok=kelompok)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Anggota {form.instance} tersimpan.")
        if "simpan_tambah" in request.POST:
            return redirect("kelompok:anggota_tambah", jenis=jenis, pk=pk)
        return redirect("kelompok:anggota_daftar", jenis=jenis, pk=pk)
    return render(
        request,
        "kelompok/anggota_form.html",
        {"form": form, "kelompok": kelompok, "jenis": jenis},
    )


def _ambil_anggota(user, pk, *, ubah: bool) -> Anggota:
    anggota = get_object_or_404(Anggota.objects.untuk(user).select_related("kps", "kth"), pk=pk)
    if ubah and not (
        user.has_perm("kelompok.change_anggota")
        and Anggota.objects.untuk(user, ubah=True).filter(pk=pk).exists()
    ):
        raise PermissionDenied("Anda hanya dapat membaca data ini.")
    return anggota


@login_required
def anggota_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    anggota = _ambil_anggota(request.user, pk, ubah=True)
    kelompok = anggota.kps or anggota.kth
    jenis = "kps" if anggota.kps_id else "kth"
    form = AnggotaForm(request.POST or None, instance=anggota, kelompok=kelompok)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Data anggota {anggota} tersimpan.")
        return redirect("kelompok:anggota_daftar", jenis=jenis, pk=kelompok.pk)
    return render(
        request,
        "kelompok/anggota_form.html",
        {"form": form, "kelompok": kelompok, "jenis": jenis, "objek": anggota},
    )


@login_required
@require_POST
def anggota_arsipkan(request: HttpRequest, pk: int) -> HttpResponse:
    anggota = _ambil_anggota(request.user, pk, ubah=True)
    kelompok = anggota.kps or anggota.kth
    try:
        services.anggota_arsipkan(anggota=anggota, oleh=request.user)
    except services.TindakanTidakSah as galat:
        messages.error(request, str(galat))
    else:
        messages.success(request, f"Anggota {anggota} diarsipkan.")
    jenis = "kps" if anggota.kps_id else "kth"
    return redirect("kelompok:anggota_daftar", jenis=jenis, pk=kelompok.pk)
