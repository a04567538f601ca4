"""Halaman KTH: daftar, tambah, detail, ubah."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kelompok import ekspor, selectors
from kelompok.filters import PenyaringKth
from kelompok.models import Kth
from kelompok.views.bersama import daftar_kelompok, simpan_kelompok
from perhutanan.akses import ambil


@login_required
@require_GET
def kth_daftar(request: HttpRequest) -> HttpResponse:
    return daftar_kelompok(
        request,
        model=Kth,
        penyaring_kelas=PenyaringKth,
        selector=selectors.kth_daftar,
        templat="kelompok/kth_daftar.html",
        judul_ekspor="KTH",
        kolom_ekspor=ekspor.KOLOM_KTH,
    )


@login_required
@permission_required("kelompok.add_kth", raise_exception=True)
def kth_tambah(request: HttpRequest) -> HttpResponse:
    return simpan_kelompok(request, jenis="kth")


@login_required
@require_GET
def kth_detail(request: HttpRequest, pk: int) -> HttpResponse:
    kth = ambil(
        Kth,
        request.user,
        pk,
        dengan_ubah=True,
        select_related=("desa__kecamatan", "kabupaten", "provinsi", "kps"),
    )
    return render(
        request,
        "kelompok/kth_detail.html",
        {
            "kth": kth,
            "anggota": selectors.ringkasan_anggota(kth.anggota.all()),
            "riwayat_kelas": kth.riwayat_kelas.all(),
            "riwayat": selectors.riwayat(kth),
            "boleh_ubah": kth.boleh_diubah,
            "menu_aktif": "kth",
        },
    )


@login_required
def kth_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    kth = ambil(Kth, request.user, pk, ubah=True, select_related=("desa",))
    return simpan_kelompok(request, jenis="kth", objek=kth)
