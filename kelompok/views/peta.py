"""Peta KPS: peta wilayah dengan penyaring daftar, data titik dan batas, unduhan batas.

Semua data peta dibaca dari `Kps.objects.untuk(user)` lalu penyaring yang sama dengan daftar
KPS, sehingga peta tidak pernah memuat KPS di luar cakupan. Titik dikirim ringkas (satu larik
per KPS) dan dibatasi; poligon hanya dikirim untuk layar yang sedang dilihat, sehingga ukuran
respons tidak tumbuh dengan jumlah KPS nasional.
"""

import json
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kelompok.filters import PenyaringKps
from kelompok.models import Kps
from kelompok.views.bersama import tersaring
from perhutanan.akses import ambil

TITIK_MAKS = 5_000
BATAS_MAKS = 200


def konteks_peta() -> dict:
    """Server ubin dari pengaturan; kosong berarti latar polos (jaringan tanpa internet)."""
    return {
        "peta_ubin": settings.PETA_UBIN,
        "peta_atribusi": settings.PETA_ATRIBUSI,
        "selisih_luas_batas": settings.PETA_SELISIH_LUAS_PERSEN,
    }


def _tersaring(request: HttpRequest):
    penyaring, qs = tersaring(request, Kps, PenyaringKps)
    return penyaring, qs.order_by()


@login_required
@require_GET
def kps_peta(request: HttpRequest) -> HttpResponse:
    penyaring, _ = _tersaring(request)
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    return render(
        request,
        "kelompok/kps_peta.html",
        {
            "penyaring": penyaring,
            "parameter": parameter.urlencode(),
            "titik_maks": TITIK_MAKS,
            "menu_aktif": "kps",
            **konteks_peta(),
        },
    )


def _titik(baris) -> tuple[Decimal, Decimal] | None:
    _, _, lintang, bujur, barat, selatan, timur, utara = baris
    if lintang is not None and bujur is not None:
        return lintang, bujur
    if barat is not None:
        return (selatan + utara) / 2, (barat + timur) / 2
    return None


@login_required
@require_GET
def kps_peta_titik(request: HttpRequest) -> JsonResponse:
    """Satu titik per KPS: [pk, nama, lintang, bujur, punya batas]; bila ada batas, tengah
    kotaknya."""
    _, qs = _tersaring(request)
    ada_lokasi = Q(lintang__isnull=False) | Q(batas_barat__isnull=False)
    hitung = qs.aggregate(jumlah=Count("pk"), berlokasi=Count("pk", filter=ada_lokasi))
    baris = (
        qs.filter(ada_lokasi)
        .order_by("nama", "pk")
        .values_list(
            "pk",
            "nama",
            "lintang",
            "bujur",
            "batas_barat",
            "batas_selatan",
            "batas_timur",
            "batas_utara",
        )[:TITIK_MAKS]
    )
    titik = []
    for b in baris:
        letak = _titik(b)
        if letak:
            titik.append([b[0], b[1], float(letak[0]), float(letak[1]), b[4] is not None])
    return JsonResponse(
        {
            "jumlah": hitung["jumlah"],
            "berlokasi": hitung["berlokasi"],
            "tanpa_lokasi": hitung["jumlah"] - hitung["berlokasi"],
            "titik": titik,
            "terpotong": hitung["berlokasi"] > len(titik),
        }
    )


def _kotak(teks: str) -> tuple[Decimal, Decimal, Decimal, Decimal] | None:
    try:
        barat, selatan, timur, utara = (Decimal(v) for v in teks.split(","))
    except (ValueError, InvalidOperation):
        return None
    if not (-180 <= barat <= timur <= 180 and -90 <= selatan <= utara <= 90):
        return None
    return barat, selatan, timur, utara


@login_required
@require_GET
def kps_peta_batas(request: HttpRequest) -> JsonResponse:
    """Batas KPS yang kotaknya bersinggungan dengan `bbox=barat,selatan,timur,utara`."""
    kotak = _kotak(request.GET.get("bbox", ""))
    if kotak is None:
        return JsonResponse(
            {"galat": "Parameter bbox harus barat,selatan,timur,utara dalam derajat."}, status=400
        )
    barat, selatan, timur, utara = kotak
    _, qs = _tersaring(request)
    baris = list(
        qs.filter(
            batas_barat__lte=timur,
            batas_timur__gte=barat,
            batas_selatan__lte=utara,
            batas_utara__gte=selatan,
        )
        .order_by("-luas_batas_ha", "pk")
        .values_list("pk", "nama", "wilayah_kerja")[: BATAS_MAKS + 1]
    )
    return JsonResponse(
        {
            "type": "FeatureCollection",
            "terpotong": len(baris) > BATAS_MAKS,
            "features": [
                {"type": "Feature", "id": pk, "properties": {"nama": nama}, "geometry": geometri}
                for pk, nama, geometri in baris[:BATAS_MAKS]
            ],
        }
    )


@login_required
@require_GET
def kps_batas_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """Batas areal kerja sebagai berkas GeoJSON untuk aplikasi SIG."""
    kps = ambil(Kps, request.user, pk)
    if not kps.wilayah_kerja:
        raise Http404("KPS ini belum memiliki batas areal kerja.")
    isi = {
        "type": "Feature",
        "properties": {
            "nama": kps.nama,
            "nomor_sk": kps.nomor_sk,
            "luas_sk_ha": str(kps.luas_ha),
            "luas_batas_ha": str(kps.luas_batas_ha),
        },
        "geometry": kps.wilayah_kerja,
    }
    respons = HttpResponse(
        json.dumps(isi, ensure_ascii=False), content_type="application/geo+json; charset=utf-8"
    )
    respons["Content-Disposition"] = f'attachment; filename="batas-kps-{kps.pk}.geojson"'
    return respons
