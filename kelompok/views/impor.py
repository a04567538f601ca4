"""Impor Excel KPS, KTH dan anggota: unggah, pratinjau semua baris salah, konfirmasi."""

import tempfile
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kelompok import impor
from kelompok.forms import UnggahImporForm
from kelompok.views.bersama import JENIS_KELOMPOK
from perhutanan.akses import ambil


def _impor(request: HttpRequest, *, jenis: str, kelompok=None, kembali: str) -> HttpResponse:
    """Unggah -> pratinjau (semua baris salah dan alasannya) -> konfirmasi -> simpan semua."""
    kunci_sesi = f"impor:{jenis}:{getattr(kelompok, 'pk', '')}"
    form = UnggahImporForm(request.POST or None, request.FILES or None)
    hasil = None
    if request.method == "POST" and request.POST.get("langkah") == "simpan":
        jalur = request.session.get(kunci_sesi)
        if not jalur or not default_storage.exists(jalur):
            messages.error(request, "Berkas pratinjau sudah tidak ada. Unggah ulang berkasnya.")
            return redirect(request.path)
        with default_storage.open(jalur, "rb") as berkas:
            hasil = impor.pratinjau(jenis, berkas, user=request.user, kelompok=kelompok)
        if hasil.boleh_diimpor:
            try:
                jumlah = impor.simpan(hasil, user=request.user)
            except IntegrityError:
                messages.error(request, "Data berubah sejak pratinjau (nomor ganda). Unggah ulang.")
            else:
                default_storage.delete(jalur)
                del request.session[kunci_sesi]
                messages.success(
                    request, f"{jumlah} baris {impor.SPESIFIKASI[jenis].judul} diimpor."
                )
                return redirect(kembali)
    elif request.method == "POST" and form.is_valid():
        jalur = default_storage.save(
            f"impor/sementara/{uuid.uuid4().hex}.xlsx", form.cleaned_data["berkas"]
        )
        lama = request.session.get(kunci_sesi)
        if lama:
            default_storage.delete(lama)
        request.session[kunci_sesi] = jalur
        with default_storage.open(jalur, "rb") as berkas:
            hasil = impor.pratinjau(jenis, berkas, user=request.user, kelompok=kelompok)
    return render(
        request,
        "kelompok/impor.html",
        {
            "form": form,
            "hasil": hasil,
            "spek": impor.SPESIFIKASI[jenis],
            "jenis": jenis,
            "kelompok": kelompok,
            "kembali": kembali,
        },
    )


@login_required
def impor_kelompok(request: HttpRequest, jenis: str) -> HttpResponse:
    if jenis not in ("kps", "kth"):
        raise Http404("Jenis impor tidak dikenal.")
    if not request.user.has_perm(f"kelompok.add_{jenis}"):
        raise PermissionDenied
    return _impor(request, jenis=jenis, kembali=reverse(f"kelompok:{jenis}_daftar"))


@login_required
def impor_anggota(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    kelompok = ambil(JENIS_KELOMPOK[jenis], request.user, pk, ubah=True)
    if not request.user.has_perm("kelompok.add_anggota"):
        raise PermissionDenied
    return _impor(
        request,
        jenis="anggota",
        kelompok=kelompok,
        kembali=reverse("kelompok:anggota_daftar", args=[jenis, pk]),
    )


@login_required
@require_GET
def impor_templat(request: HttpRequest, jenis: str) -> FileResponse:
    if jenis not in impor.SPESIFIKASI:
        raise Http404("Jenis impor tidak dikenal.")
    berkas = tempfile.TemporaryFile()  # noqa: SIM115  (ditutup FileResponse)
    impor.templat_xlsx(jenis, berkas)
    berkas.seek(0)
    return FileResponse(
        berkas,
        as_attachment=True,
        filename=f"templat-impor-{jenis}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
