"""Rubrik instrumen: admin nasional memuat versi baru (YAML/.xlsx) dan mengunduh rubrik bernilai."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from akun.predikat import admin_nasional
from penilaian.inti import definisi, impor_rubrik, services
from penilaian.inti.forms import FormRubrik
from penilaian.inti.models import VersiInstrumen


@login_required
@permission_required("penilaian.add_versiinstrumen", raise_exception=True)
def rubrik_unggah(request: HttpRequest) -> HttpResponse:
    """Admin nasional memuat rubrik yang dikoreksi sebagai versi baru, tanpa mengubah kode.

    Instrumen berlaku nasional, jadi admin provinsi tidak memuatnya."""
    if not admin_nasional(request.user):
        raise PermissionDenied("Rubrik penilaian berlaku nasional; dimuat oleh admin nasional.")
    form = FormRubrik(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        try:
            if berkas.name.lower().endswith(".xlsx"):
                kanonik = definisi.dari_data(impor_rubrik.dari_xlsx(berkas))
            else:
                kanonik = definisi.dari_yaml(berkas.read().decode("utf-8"))
        except (definisi.GalatInstrumen, UnicodeDecodeError, impor_rubrik.GalatRubrik) as e:
            pesan = getattr(e, "pesan", None) or [str(e)]
            for p in pesan:
                form.add_error("berkas", p)
        else:
            versi, dibuat = services.instrumen_muat(
                kanonik=kanonik,
                sumber=berkas.name,
                oleh=request.user,
                catatan=form.cleaned_data["catatan"],
            )
            if dibuat:
                messages.success(request, f"{versi} dimuat. Penilaian baru memakai versi ini.")
            else:
                messages.info(request, f"Isinya sama dengan {versi}; tidak ada versi baru.")
            return redirect("penilaian:rubrik_unggah")

    return render(
        request,
        "penilaian/rubrik_unggah.html",
        {
            "form": form,
            "versi": VersiInstrumen.objects.select_related("instrumen", "dimuat_oleh")[:20],
        },
    )


@login_required
@permission_required("penilaian.view_versiinstrumen", raise_exception=True)
@require_GET
def rubrik_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    versi = get_object_or_404(VersiInstrumen.objects.select_related("instrumen"), pk=pk)
    if versi.isi["metode"] != "jumlah":
        raise PermissionDenied("Unduhan .xlsx tersedia untuk rubrik bernilai (KTH).")
    respons = HttpResponse(
        impor_rubrik.ke_xlsx(versi.isi),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    respons["Content-Disposition"] = (
        f'attachment; filename="rubrik-{versi.instrumen.kode.lower()}-v{versi.nomor}.xlsx"'
    )
    return respons
