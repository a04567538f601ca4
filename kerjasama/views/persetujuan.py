"""Persetujuan kerja sama usaha: permohonan mitra, ajukan ke BPSKL, antrean, putusan, kirim OPD."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from akun import peran
from kerjasama import services
from kerjasama.evaluasi import antrean_perpanjangan
from kerjasama.forms import PermohonanForm
from kerjasama.models import KerjaSama, StatusPersetujuan
from kerjasama.views.bersama import ambil_kerjasama, jalankan, jalankan_formulir
from perhutanan.berkas import respons_berkas
from perhutanan.forms import teks_post


@login_required
@require_POST
def permohonan(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    return jalankan_formulir(
        request,
        ks,
        PermohonanForm(request.POST, request.FILES),
        lambda d: services.permohonan_simpan(
            kerjasama=ks, surat=d["surat"], tanggal=d["tanggal"], oleh=request.user
        ),
        "Permohonan mitra tersimpan.",
    )


@login_required
@require_POST
def ajukan(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    return jalankan(
        request,
        pk,
        lambda: services.kerjasama_ajukan(kerjasama=ks, oleh=request.user),
        "Diajukan ke BPSKL untuk persetujuan.",
    )


@login_required
@require_GET
def antrean_bpskl(request: HttpRequest) -> HttpResponse:
    if not request.user.punya_peran(peran.STAF_BPSKL):
        raise PermissionDenied("Antrean persetujuan untuk Staf BPSKL.")
    qs = (
        KerjaSama.objects.filter(
            status_persetujuan=StatusPersetujuan.DIAJUKAN, bpskl_id=request.user.bpskl_id
        )
        .select_related("kps_utama__provinsi")
        .prefetch_related("mitra")
        .order_by("diajukan_pada")
    )
    return render(
        request,
        "kerjasama/antrean.html",
        {
            "antrean": qs,
            "perpanjangan": antrean_perpanjangan(request.user),
            "menu_aktif": "antrean_bpskl",
        },
    )


@login_required
@require_POST
def putuskan(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    if not request.user.punya_peran(peran.STAF_BPSKL):
        raise PermissionDenied("Persetujuan oleh Staf BPSKL.")
    setuju = request.POST.get("keputusan") == "setuju"
    return jalankan(
        request,
        pk,
        lambda: services.kerjasama_putuskan(
            kerjasama=ks, oleh=request.user, setuju=setuju, catatan=teks_post(request, "catatan")
        ),
        "Keputusan tersimpan." if setuju else "Penolakan tersimpan.",
    )


@login_required
@require_POST
def kirim_opd(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    return jalankan(
        request,
        pk,
        lambda: services.kerjasama_kirim_opd(kerjasama=ks, oleh=request.user),
        "Naskah dicatat terkirim ke OPD kehutanan provinsi dengan tembusannya.",
    )


@login_required
@require_GET
def surat_unduh(request: HttpRequest, pk: int, jenis: str) -> HttpResponse:
    """Surat permohonan mitra atau surat pengakhiran, bagi yang boleh membaca kerja samanya
    (termasuk Staf BPSKL yang memutuskan permohonan itu)."""
    kolom = {"permohonan": "surat_permohonan", "pengakhiran": "surat_akhir"}.get(jenis)
    if kolom is None:
        raise Http404("Jenis surat tidak dikenal.")
    ks = ambil_kerjasama(request.user, pk)
    return respons_berkas(request, getattr(ks, kolom))
