"""Laporan berkala ke atas: daftar dan permintaan, halaman angka, unduhan .xlsx dan PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from laporan import services
from laporan.forms import LaporanForm, cakupan_untuk
from laporan.models import LaporanBerkala
from perhutanan.berkas import respons_berkas


def _boleh(user) -> None:
    if not cakupan_untuk(user):
        raise PermissionDenied("Laporan berkala untuk Staf BPSKL dan admin nasional.")


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    _boleh(request.user)
    form = LaporanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        laporan = services.minta(
            bpskl_id=form.bpskl_id,
            tahun=form.cleaned_data["tahun"],
            bulan=form.cleaned_data["bulan"],
            oleh=request.user,
        )
        messages.success(request, f"{laporan} sedang disusun; halaman ini menampilkan hasilnya.")
        return redirect(laporan)
    halaman = Paginator(
        LaporanBerkala.objects.untuk(request.user).select_related("bpskl"), 50
    ).get_page(request.GET.get("halaman"))
    return render(
        request,
        "laporan/daftar.html",
        {"form": form, "halaman": halaman, "menu_aktif": "laporan"},
    )


def _ambil(user, pk: int) -> LaporanBerkala:
    return get_object_or_404(LaporanBerkala.objects.untuk(user).select_related("bpskl"), pk=pk)


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    laporan = _ambil(request.user, pk)
    return render(
        request,
        "laporan/detail.html",
        {
            "laporan": laporan,
            "tabel": services.tabel(laporan),
            "keterangan": services.keterangan(laporan) if laporan.data else "",
            "menu_aktif": "laporan",
        },
    )


@login_required
@require_POST
def susun_ulang(request: HttpRequest, pk: int) -> HttpResponse:
    laporan = _ambil(request.user, pk)
    try:
        services.minta(
            bpskl_id=laporan.bpskl_id, tahun=laporan.tahun, bulan=laporan.bulan, oleh=request.user
        )
    except services.PermintaanTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Laporan disusun ulang dari data terbaru.")
    return redirect(laporan)


@login_required
@require_GET
def unduh(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    laporan = _ambil(request.user, pk)
    if format == "xlsx":
        return respons_berkas(
            request,
            laporan.berkas_xlsx,
            lampiran=True,
            jenis_konten="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    if format == "pdf":
        return respons_berkas(request, laporan.berkas_pdf)
    raise Http404("Format tidak dikenal.")
