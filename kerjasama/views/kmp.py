"""Ruang kerja kemitraan multi pihak: langkah, peta para pihak, komitmen, laporan PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kerjasama import kmp
from kerjasama.forms import KomitmenForm, LangkahKmpForm, PemangkuForm
from kerjasama.models import LangkahKmp
from kerjasama.pelaksanaan import tahap_kmp
from kerjasama.views.bersama import ambil_kerjasama, simpan_objek_kerjasama
from perhutanan.pdf import render_pdf


def _ambil(user, pk: int, *, ubah: bool = False):
    ks = ambil_kerjasama(user, pk, ubah=ubah)
    if not kmp.berlaku(ks):
        raise Http404("Ruang kerja KMP untuk kerja sama multi pihak dan kemitraan lingkungan.")
    return ks


@login_required
@require_GET
def ruang(request: HttpRequest, pk: int) -> HttpResponse:
    ks = _ambil(request.user, pk)
    return render(
        request,
        "kerjasama/ruang_kmp.html",
        {
            "ks": ks,
            **kmp.ruang_kerja(ks),
            "boleh_ubah": ks.boleh_diubah and not ks.diakhiri_pada,
            "menu_aktif": "kerjasama",
        },
    )


def _simpan(request, ks, form, **kwargs):
    return simpan_objek_kerjasama(
        request, ks, form, kembali=reverse("kerjasama:ruang_kmp", args=[ks.pk]), **kwargs
    )


@login_required
def langkah(request: HttpRequest, pk: int, nomor: int) -> HttpResponse:
    ks = _ambil(request.user, pk, ubah=True)
    rinci = next(
        (lgk for t in tahap_kmp() for lgk in t["langkah_rinci"] if lgk["no"] == nomor), None
    )
    if rinci is None:
        raise Http404("Langkah KMP bernomor 1 sampai 12.")
    ada = LangkahKmp.objects.filter(kerjasama=ks, nomor=nomor).first()
    form = LangkahKmpForm(
        request.POST or None, instance=ada or LangkahKmp(kerjasama=ks, nomor=nomor)
    )
    return _simpan(
        request,
        ks,
        form,
        judul=f"Langkah {nomor}. {rinci['nama']}",
        peristiwa="langkah KMP",
        keterangan="Tugas: " + "; ".join(rinci["tugas"]) + ".",
    )


@login_required
def pemangku(request: HttpRequest, pk: int, pemangku_pk: int | None = None) -> HttpResponse:
    ks = _ambil(request.user, pk, ubah=True)
    ada = get_object_or_404(ks.pemangku, pk=pemangku_pk) if pemangku_pk else None
    return _simpan(
        request,
        ks,
        PemangkuForm(request.POST or None, instance=ada),
        judul="Para pihak dalam peta",
        peristiwa="peta para pihak",
        keterangan="Petakan aktor, kepentingannya, dan seberapa besar pengaruh dan "
        "kepentingannya terhadap kemitraan (langkah 1 dan 3).",
    )


@login_required
def komitmen(request: HttpRequest, pk: int, komitmen_pk: int | None = None) -> HttpResponse:
    ks = _ambil(request.user, pk, ubah=True)
    ada = get_object_or_404(ks.komitmen, pk=komitmen_pk) if komitmen_pk else None
    return _simpan(
        request,
        ks,
        KomitmenForm(request.POST or None, instance=ada),
        judul="Komitmen para pihak",
        peristiwa="komitmen diubah" if ada else "komitmen",
        keterangan="Komitmen satu pihak dan pemenuhannya; setiap perubahan status tercatat "
        "di riwayat sebagai catatan pemenuhan dari waktu ke waktu.",
    )


@login_required
@require_GET
def akuntabilitas_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    ks = _ambil(request.user, pk)
    isi = render_pdf(
        "dokumen/akuntabilitas_kmp.html",
        {
            "ks": ks,
            **kmp.ruang_kerja(ks),
            "mitra": list(ks.mitra.all()),
            "tanggal": timezone.localdate(),
        },
        gaya="laporan_pdf",  # tabel laporan yang sama dengan laporan berkala
    )
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = f'inline; filename="akuntabilitas-kmp-{ks.pk}.pdf"'
    return respons
