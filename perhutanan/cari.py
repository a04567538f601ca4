"""Satu kotak pencarian: KPS, KUPS, KTH, mitra dan kerja sama menurut nama, nomor SK atau
nomor register, dalam cakupan dan izin pengguna (queryset `untuk` tiap model).

KPS dan KTH memakai kolom `cari` (UPPER nama, nomor, ketua) dengan indeks trigram GIN di
PostgreSQL; KUPS, mitra dan kerja sama jauh lebih sedikit per cakupan dan dicari dengan ILIKE.
Setiap kelompok menampilkan beberapa hasil teratas dengan tautan ke daftar lengkapnya.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db.models import Q, Value
from django.db.models.functions import Upper
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

HASIL_PER_JENIS = 8
PANJANG_MIN = 2
PANJANG_MAKS = 100


@dataclass
class Kelompok:
    judul: str
    hasil: list[tuple[str, str, str]]  # teks, tautan, rincian
    semua: str = ""  # daftar lengkap dengan kata yang sama, bila ada


def _daftar(nama: str, q: str) -> str:
    return f"{reverse(nama)}?{urlencode({'q': q})}"


def cari_semua(user, q: str) -> list[Kelompok]:
    from kelompok.models import Kps, Kth, Kups
    from kerjasama.models import KerjaSama, Mitra

    besar = Upper(Value(q))
    hasil = []
    if user.has_perm("kelompok.view_kps"):
        kps = Kps.objects.untuk(user).filter(cari__contains=besar).select_related("provinsi")
        hasil.append(
            Kelompok(
                "KPS",
                [
                    (k.nama, k.get_absolute_url(), f"{k.nomor_sk} · {k.provinsi.nama}")
                    for k in kps.order_by("nama", "pk")[:HASIL_PER_JENIS]
                ],
                _daftar("kelompok:kps_daftar", q),
            )
        )
        kups = (
            Kups.objects.untuk(user)
            .filter(Q(nama__icontains=q) | Q(komoditas__icontains=q))
            .select_related("kps")
        )
        hasil.append(
            Kelompok(
                "KUPS",
                [
                    (k.sebutan, k.get_absolute_url(), f"{k.komoditas} · {k.kps.nama}")
                    for k in kups.order_by("nama", "pk")[:HASIL_PER_JENIS]
                ],
            )
        )
    if user.has_perm("kelompok.view_kth"):
        kth = Kth.objects.untuk(user).filter(cari__contains=besar).select_related("kabupaten")
        hasil.append(
            Kelompok(
                "KTH",
                [
                    (k.nama, k.get_absolute_url(), f"{k.nomor_register} · {k.kabupaten.nama}")
                    for k in kth.order_by("nama", "pk")[:HASIL_PER_JENIS]
                ],
                _daftar("kelompok:kth_daftar", q),
            )
        )
    if user.has_perm("kerjasama.view_mitra"):
        mitra = Mitra.objects.filter(Q(nama__icontains=q) | Q(nomor_registrasi__icontains=q))
        hasil.append(
            Kelompok(
                "Mitra",
                [
                    (m.nama, m.get_absolute_url(), m.get_kategori_display())
                    for m in mitra.order_by("nama", "pk")[:HASIL_PER_JENIS]
                ],
                _daftar("kerjasama:mitra_daftar", q),
            )
        )
    if user.has_perm("kerjasama.view_kerjasama"):
        ks = KerjaSama.objects.untuk(user).cari(q).select_related("kps_utama")
        hasil.append(
            Kelompok(
                "Kerja sama",
                [
                    (k.judul, k.get_absolute_url(), f"{k.kps_utama.nama} · {k.get_tahap_display()}")
                    for k in ks.order_by("-dibuat_pada", "-pk")[:HASIL_PER_JENIS]
                ],
                _daftar("kerjasama:daftar", q),
            )
        )
    return hasil


@login_required
@require_GET
def cari(request: HttpRequest) -> HttpResponse:
    q = " ".join(request.GET.get("q", "").split())[:PANJANG_MAKS]
    kelompok, pesan = [], ""
    if len(q) >= PANJANG_MIN:
        kelompok = cari_semua(request.user, q)
    elif q:
        pesan = f"Ketik paling sedikit {PANJANG_MIN} huruf."
    return render(
        request,
        "cari.html",
        {
            "q": q,
            "kelompok": kelompok,
            "pesan": pesan,
            "ada_hasil": any(k.hasil for k in kelompok),
        },
    )
