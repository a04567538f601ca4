"""Sertifikat kelas KTH: unduh, cabut dengan alasan, verifikasi publik, ekspor ZIP per provinsi."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from akun.predikat import admin_nasional
from penilaian.inti.services import TindakanTidakSah
from penilaian.kth import akses, services
from penilaian.kth.forms import FormEkspor
from penilaian.kth.models import EksporSertifikat, Sertifikat
from perhutanan.berkas import respons_berkas
from perhutanan.forms import MasukanTidakSah, teks_post


@login_required
@require_GET
def sertifikat_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    sertifikat = get_object_or_404(Sertifikat, pk=pk)
    akses.ambil_penilaian(request.user, sertifikat.penilaian_id)
    if not sertifikat.pdf_siap:
        messages.info(request, "PDF sertifikat masih disiapkan; tunggu sebentar.")
        return redirect("penilaian:kth_detail", pk=sertifikat.penilaian_id)
    return respons_berkas(
        request,
        sertifikat.berkas,
        nama=f"sertifikat-{sertifikat.nomor.replace('/', '-')}.pdf",
        lampiran=True,
    )


@login_required
@require_POST
def sertifikat_cabut(request: HttpRequest, pk: int) -> HttpResponse:
    sertifikat = get_object_or_404(Sertifikat.objects.select_related("penilaian"), pk=pk)
    penilaian = akses.ambil_penilaian(request.user, sertifikat.penilaian_id)
    if not akses.boleh_cabut(request.user, sertifikat, penilaian):
        raise PermissionDenied("Pencabutan oleh Kepala Dinas atau Admin.")
    try:
        services.sertifikat_cabut(
            sertifikat=sertifikat,
            oleh=request.user,
            alasan=teks_post(request, "alasan", label="Alasan"),
        )
    except (TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Sertifikat {sertifikat.nomor} dicabut.")
    return redirect("penilaian:kth_detail", pk=sertifikat.penilaian_id)


@login_required
@require_GET
def sertifikat_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Potongan status PDF untuk halaman penilaian: ditanya ulang (htmx) sampai PDF siap."""
    sertifikat = get_object_or_404(Sertifikat, pk=pk)
    akses.ambil_penilaian(request.user, sertifikat.penilaian_id)
    return render(request, "penilaian/_sertifikat_pdf.html", {"sertifikat": sertifikat})


@login_required
@require_POST
def sertifikat_siapkan_ulang(request: HttpRequest, pk: int) -> HttpResponse:
    sertifikat = get_object_or_404(Sertifikat, pk=pk)
    akses.ambil_penilaian(request.user, sertifikat.penilaian_id)
    try:
        services.sertifikat_siapkan_ulang(sertifikat=sertifikat)
    except TindakanTidakSah as e:
        messages.info(request, str(e))
    else:
        messages.success(request, "Pembuatan PDF sertifikat diantrekan lagi.")
    return redirect("penilaian:kth_detail", pk=sertifikat.penilaian_id)


@login_required
@permission_required("penilaian.add_eksporsertifikat", raise_exception=True)
def ekspor_baru(request: HttpRequest) -> HttpResponse:
    form = FormEkspor(
        request.POST or None, user=request.user, initial={"tahun": timezone.localdate().year}
    )
    if request.method == "POST" and form.is_valid():
        permintaan = services.ekspor_minta(
            provinsi=form.cleaned_data["provinsi"],
            tahun=form.cleaned_data["tahun"],
            kelas=form.cleaned_data["kelas"],
            oleh=request.user,
        )
        return redirect("penilaian:ekspor_status", pk=permintaan.pk)
    terakhir = EksporSertifikat.objects.filter(diminta_oleh=request.user).select_related(
        "provinsi"
    )[:10]
    return render(
        request,
        "penilaian/ekspor_baru.html",
        {"form": form, "terakhir": terakhir, "menu_aktif": "ekspor"},
    )


def _ambil_ekspor(request, pk: int) -> EksporSertifikat:
    permintaan = get_object_or_404(EksporSertifikat.objects.select_related("provinsi"), pk=pk)
    if permintaan.diminta_oleh_id != request.user.pk and not admin_nasional(request.user):
        raise PermissionDenied("Ekspor ini milik pengguna lain.")
    return permintaan


@login_required
@require_GET
def ekspor_status(request: HttpRequest, pk: int) -> HttpResponse:
    permintaan = _ambil_ekspor(request, pk)
    templat = "penilaian/_ekspor_kemajuan.html" if request.htmx else "penilaian/ekspor_status.html"
    return render(request, templat, {"ekspor": permintaan, "menu_aktif": "ekspor"})


@login_required
@require_POST
def ekspor_ulang(request: HttpRequest, pk: int) -> HttpResponse:
    permintaan = _ambil_ekspor(request, pk)
    try:
        services.ekspor_ulang(permintaan=permintaan, oleh=request.user)
    except TindakanTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Ekspor diantrekan ulang.")
    return redirect("penilaian:ekspor_status", pk=pk)


@login_required
@require_GET
def ekspor_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    permintaan = _ambil_ekspor(request, pk)
    if permintaan.status != EksporSertifikat.Status.SELESAI:
        raise PermissionDenied("Ekspor belum selesai.")
    return respons_berkas(request, permintaan.berkas, lampiran=True, jenis_konten="application/zip")
