"""Kelola kantor penerbit: kop, penandatangan dan pola nomor, oleh admin wilayahnya."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from akun import peran
from dokumen.forms import FormsetPenandatangan, FormsetPolaNomor, KantorForm
from dokumen.models import Kantor
from perhutanan.berkas import respons_berkas


def _wajib_admin(user) -> None:
    if not user.punya_peran(peran.ADMIN):
        raise PermissionDenied("Kop dan penomoran kantor dikelola admin wilayahnya.")


@login_required
@require_GET
def kantor_daftar(request: HttpRequest) -> HttpResponse:
    _wajib_admin(request.user)
    kantor = Kantor.objects.untuk(request.user).select_related("provinsi", "bpskl", "kps")
    return render(request, "dokumen_kantor/daftar.html", {"kantor": kantor, "menu_aktif": "kantor"})


@login_required
def kantor_simpan(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _wajib_admin(request.user)
    kantor = (
        get_object_or_404(Kantor.objects.untuk(request.user), pk=pk) if pk is not None else None
    )
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = KantorForm(*data, instance=kantor, user=request.user)
    penandatangan = FormsetPenandatangan(*data, instance=kantor or Kantor(), prefix="ttd")
    pola = FormsetPolaNomor(*data, instance=kantor or Kantor(), prefix="pola")
    for i, f in enumerate(penandatangan.forms, start=1):
        f.label_baris = f"Penandatangan {i}"
    for i, f in enumerate(pola.forms, start=1):
        f.label_baris = f"Pola nomor {i}"
    if request.method == "POST" and all(
        [form.is_valid(), penandatangan.is_valid(), pola.is_valid()]
    ):
        with transaction.atomic():
            baru = form.save()
            penandatangan.instance = pola.instance = baru
            penandatangan.save()
            pola.save()
        messages.success(request, f"Kop {baru} tersimpan.")
        return redirect("dokumen:kantor_daftar")
    return render(
        request,
        "dokumen_kantor/form.html",
        {
            "form": form,
            "penandatangan": penandatangan,
            "pola": pola,
            "kantor": kantor,
            "menu_aktif": "kantor",
        },
    )


@login_required
@require_GET
def kantor_logo(request: HttpRequest, pk: int) -> HttpResponse:
    kantor = get_object_or_404(Kantor.objects.untuk(request.user), pk=pk)
    return respons_berkas(request, kantor.logo)
