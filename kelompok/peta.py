"""Batas areal kerja: membaca GeoJSON dan KML, luas geodesik, titik pusat dan kotak batas.

Batas disimpan sebagai satu geometri GeoJSON (Polygon atau MultiPolygon, bujur/lintang WGS 84).
Luas dihitung di elipsoid WGS 84 (GeographicLib), bukan di bidang datar: di Indonesia, luas
poligon bujur/lintang yang dihitung datar meleset karena satu derajat bujur dan lintang tidak
sama panjang di permukaan bumi. KML dibaca dengan defusedxml (tanpa entitas eksternal atau
"bom" XML); yang diambil hanya Polygon beserta lubangnya, karena itulah arti batas areal kerja.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.core.exceptions import ValidationError
from geographiclib.geodesic import Geodesic

from kelompok.validators import validasi_geojson_poligon

# Berkas batas lebih besar dari ini hampir pasti bukan satu areal kerja (atau titiknya terlalu
# rapat untuk digambar di ponsel); pengguna diminta menyederhanakannya lebih dulu.
UKURAN_BERKAS_MAKS = 2 * 1024 * 1024
TITIK_MAKS = 50_000
_EMPAT = Decimal("0.0001")
_ENAM = Decimal("0.000001")


@dataclass(frozen=True)
class Batas:
    """Poligon; tiap poligon daftar cincin (pertama luar, lainnya lubang) [bujur, lintang]."""

    poligon: list

    @property
    def geojson(self) -> dict:
        if len(self.poligon) == 1:
            return {"type": "Polygon", "coordinates": self.poligon[0]}
        return {"type": "MultiPolygon", "coordinates": self.poligon}

    @property
    def luas_ha(self) -> Decimal:
        """Luas geodesik (WGS 84) dalam hektare, lubang dikurangkan, dibulatkan 4 desimal."""
        meter_persegi = Decimal(0)
        for poligon in self.poligon:
            for i, cincin in enumerate(poligon):
                luas = _luas_cincin(cincin)
                meter_persegi += luas if i == 0 else -luas
        return (max(meter_persegi, Decimal(0)) / 10_000).quantize(_EMPAT, ROUND_HALF_UP)

    @property
    def kotak(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        """(barat, selatan, timur, utara) dalam derajat."""
        bujur = [p[0] for poligon in self.poligon for p in poligon[0]]
        lintang = [p[1] for poligon in self.poligon for p in poligon[0]]
        return tuple(_derajat(v) for v in (min(bujur), min(lintang), max(bujur), max(lintang)))

    @property
    def pusat(self) -> tuple[Decimal, Decimal]:
        """(lintang, bujur) titik berat cincin luar, ditimbang luasnya (cukup untuk label)."""
        jumlah_a = jumlah_x = jumlah_y = 0.0
        for poligon in self.poligon:
            a, x, y = _titik_berat_datar(poligon[0])
            jumlah_a += a
            jumlah_x += x * a
            jumlah_y += y * a
        if jumlah_a == 0:
            barat, selatan, timur, utara = self.kotak
            return (selatan + utara) / 2, (barat + timur) / 2
        return _derajat(jumlah_y / jumlah_a), _derajat(jumlah_x / jumlah_a)


def svg_batas(batas: Batas, *, lebar: int = 600, tinggi: int = 420) -> str:
    """Batas sebagai SVG sederhana untuk lampiran dokumen cetak (tanpa ubin, tanpa internet).

    Proyeksi equirektangular dengan bujur diskalakan cos(lintang tengah): cukup setia untuk
    areal seluas desa. Lubang digambar dengan aturan isi evenodd; ada panah utara dan skala."""
    barat, selatan, timur, utara = (float(v) for v in batas.kotak)
    kos = math.cos(math.radians((selatan + utara) / 2))
    lebar_derajat = max((timur - barat) * kos, 1e-9)
    tinggi_derajat = max(utara - selatan, 1e-9)
    tepi = 24
    skala = min((lebar - 2 * tepi) / lebar_derajat, (tinggi - 2 * tepi) / tinggi_derajat)
    geser_x = (lebar - lebar_derajat * skala) / 2
    geser_y = (tinggi - tinggi_derajat * skala) / 2

    def titik(bujur: float, lintang: float) -> str:
        x = geser_x + (bujur - barat) * kos * skala
        y = geser_y + (utara - lintang) * skala
        return f"{x:.1f},{y:.1f}"

    jalur = " ".join(
        "M" + " L".join(titik(p[0], p[1]) for p in cincin) + " Z"
        for poligon in batas.poligon
        for cincin in poligon
    )
    # Skala: satu derajat lintang ~111,32 km; batang skala dibulatkan ke 1-2-5 x 10^n meter.
    meter_per_px = 111_320 / skala
    target = meter_per_px * lebar / 4
    pangkat = 10 ** math.floor(math.log10(target))
    langkah = max(m * pangkat for m in (1, 2, 5) if m * pangkat <= target)
    px = langkah / meter_per_px
    label = f"{langkah / 1000:g} km".replace(".", ",") if langkah >= 1000 else f"{langkah:g} m"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi}" '
        f'width="{lebar}" height="{tinggi}">'
        f'<rect x="0.5" y="0.5" width="{lebar - 1}" height="{tinggi - 1}" fill="#fff" '
        'stroke="#999"/>'
        f'<path d="{jalur}" fill="#cfe8cf" fill-rule="evenodd" stroke="#1f5130" '
        'stroke-width="1.5"/>'
        f'<g font-family="DejaVu Sans" font-size="11"><text x="{lebar - 22}" y="20" '
        'text-anchor="middle">U</text>'
        f'<path d="M{lebar - 22},24 l-5,12 l5,-4 l5,4 Z" fill="#333"/>'
        f'<line x1="12" y1="{tinggi - 14}" x2="{12 + px:.1f}" y2="{tinggi - 14}" stroke="#333" '
        'stroke-width="2"/>'
        f'<text x="12" y="{tinggi - 20}">{label}</text></g></svg>'
    )


def _derajat(nilai) -> Decimal:
    return Decimal(str(nilai)).quantize(_ENAM, ROUND_HALF_UP)


def _luas_cincin(cincin) -> Decimal:
    poligon = Geodesic.WGS84.Polygon()
    for bujur, lintang, *_ in cincin[:-1]:
        poligon.AddPoint(lintang, bujur)
    _, _, luas = poligon.Compute(False, True)
    return abs(Decimal(str(luas)))


def _titik_berat_datar(cincin) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x0, y0, *_), (x1, y1, *_) in pairwise(cincin):
        silang = x0 * y1 - x1 * y0
        a += silang
        cx += (x0 + x1) * silang
        cy += (y0 + y1) * silang
    if a == 0:
        return 0.0, 0.0, 0.0
    return abs(a / 2), cx / (3 * a), cy / (3 * a)


def _kumpulkan_poligon(nilai: dict) -> list:
    jenis = nilai.get("type")
    if jenis == "FeatureCollection":
        return [p for f in nilai["features"] for p in _kumpulkan_poligon(f)]
    if jenis == "Feature":
        return _kumpulkan_poligon(nilai["geometry"])
    if jenis == "Polygon":
        return [nilai["coordinates"]]
    return list(nilai["coordinates"])


def _bersihkan(poligon: list) -> list:
    """Ketinggian dibuang; koordinat dibulatkan 7 desimal (sekitar 1 cm), cukup untuk batas."""
    return [[[round(float(p[0]), 7), round(float(p[1]), 7)] for p in cincin] for cincin in poligon]


def _jadi_batas(poligon: list) -> Batas:
    jumlah_titik = sum(len(c) for p in poligon for c in p)
    if jumlah_titik > TITIK_MAKS:
        raise ValidationError(
            f"Batas berisi {jumlah_titik:,} titik (paling banyak {TITIK_MAKS:,}). "
            "Sederhanakan poligonnya di aplikasi SIG lalu unggah lagi.".replace(",", ".")
        )
    return Batas([_bersihkan(p) for p in poligon])


def baca_geojson(nilai) -> Batas:
    """GeoJSON (teks atau objek) Polygon/MultiPolygon, boleh dibungkus Feature(Collection)."""
    if isinstance(nilai, (bytes, bytearray)):
        try:
            nilai = nilai.decode("utf-8-sig")
        except UnicodeDecodeError as galat:
            raise ValidationError("Berkas GeoJSON harus berupa teks UTF-8.") from galat
    if isinstance(nilai, str):
        try:
            nilai = json.loads(nilai)
        except json.JSONDecodeError as galat:
            raise ValidationError("Bukan GeoJSON yang sah (JSON tidak terbaca).") from galat
    validasi_geojson_poligon(nilai)
    return _jadi_batas(_kumpulkan_poligon(nilai))


def _nama_lokal(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _cincin_kml(elemen) -> list:
    teks = next((e.text or "" for e in elemen.iter() if _nama_lokal(e.tag) == "coordinates"), "")
    cincin = []
    for tupel in teks.split():
        bagian = tupel.split(",")
        try:
            bujur, lintang = float(bagian[0]), float(bagian[1])
        except (ValueError, IndexError) as galat:
            raise ValidationError(
                f"Koordinat KML '{tupel[:40]}' tidak terbaca; harus bujur,lintang[,tinggi]."
            ) from galat
        cincin.append([bujur, lintang])
    if cincin and cincin[0] != cincin[-1]:
        cincin.append(list(cincin[0]))
    return cincin


def baca_kml(isi: bytes) -> Batas:
    """Semua Polygon dalam KML (di Placemark, MultiGeometry, Folder mana pun)."""
    try:
        akar = ElementTree.fromstring(isi, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError) as galat:
        raise ValidationError("Berkas KML tidak terbaca sebagai XML yang sah.") from galat
    poligon = []
    for elemen in akar.iter():
        if _nama_lokal(elemen.tag) != "Polygon":
            continue
        luar, lubang = [], []
        for anak in elemen:
            nama = _nama_lokal(anak.tag)
            if nama == "outerBoundaryIs":
                luar.append(_cincin_kml(anak))
            elif nama == "innerBoundaryIs":
                lubang.append(_cincin_kml(anak))
        if luar:
            poligon.append([luar[0], *lubang])
    if not poligon:
        raise ValidationError("Berkas KML tidak berisi Polygon; batas areal harus berupa poligon.")
    geojson = (
        {"type": "Polygon", "coordinates": poligon[0]}
        if len(poligon) == 1
        else {"type": "MultiPolygon", "coordinates": poligon}
    )
    validasi_geojson_poligon(geojson)
    return _jadi_batas(poligon)


def baca_berkas(berkas) -> Batas:
    """Berkas unggahan .geojson/.json atau .kml."""
    if berkas.size > UKURAN_BERKAS_MAKS:
        raise ValidationError("Berkas batas lebih dari 2 MB. Sederhanakan poligonnya lebih dulu.")
    nama = (berkas.name or "").lower()
    isi = berkas.read()
    if nama.endswith(".kml"):
        return baca_kml(isi)
    if nama.endswith((".geojson", ".json")):
        return baca_geojson(isi)
    if nama.endswith(".kmz"):
        raise ValidationError(
            "KMZ belum didukung; simpan sebagai KML (tanpa kompresi) lalu unggah."
        )
    raise ValidationError("Berkas batas harus .geojson, .json atau .kml.")


def selisih_persen(luas_batas: Decimal | None, luas_sk: Decimal | None) -> Decimal | None:
    """Selisih luas batas terhadap luas SK dalam persen (positif: batas lebih luas)."""
    if not luas_batas or not luas_sk:
        return None
    return ((luas_batas - luas_sk) * 100 / luas_sk).quantize(Decimal("0.1"), ROUND_HALF_UP)
