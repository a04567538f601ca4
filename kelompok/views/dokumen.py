"""Dokumen pendukung KPS/KUPS: unggah (isi diperiksa) dan unduh dalam cakupan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from kelompok.forms import DokumenForm
from kelompok.models import DokumenPendukung, Kps
from perhutanan.akses import ambil
from perhutanan.berkas import respons_berkas


@login_required
def dokumen_unggah(request: HttpRequest, pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, pk, ubah=True)
    if not request.user.has_perm("kelompok.add_dokumenpendukung"):
        raise PermissionDenied
    form = DokumenForm(
        request.POST or None,
        request.FILES or None,
        kps=kps,
        initial={"kups": request.GET.get("kups")},
    )
    if request.method == "POST" and form.is_valid():
        dokumen = form.save(commit=False)
        dokumen.diunggah_oleh = request.user
        dokumen.save()
        messages.success(request, f"{dokumen.get_jenis_display()} tersimpan.")
        return redirect("kelompok:kps_detail", pk=kps.pk)
    return render(
        request,
        "kelompok/form_sederhana.html",
        {"form": form, "judul": "Unggah dokumen pendukung", "induk": kps, "unggah": True},
    )


@login_required
@require_GET
def dokumen_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """Berkas unggahan hanya lewat view ini (bukan URL media publik): cakupan diperiksa."""
    dokumen = get_object_or_404(DokumenPendukung.objects.untuk(request.user), pk=pk)
    return respons_berkas(request, dokumen.berkas)
