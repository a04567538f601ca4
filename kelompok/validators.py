"""Validasi masukan registri, dengan pesan berbahasa Indonesia."""

import datetime
import json
from numbers import Real

from django.core.exceptions import ValidationError
from django.utils import timezone

from perhutanan import berkas


def validasi_tanggal_tidak_di_masa_depan(nilai: datetime.date) -> None:
    if nilai and nilai > timezone.localdate():
        raise ValidationError("Tanggal tidak boleh di masa depan.", code="masa_depan")


def _posisi_sah(posisi) -> bool:
    return (
        isinstance(posisi, list)
        and len(posisi) >= 2
        and all(isinstance(v, Real) and not isinstance(v, bool) for v in posisi[:2])
        and -180 <= posisi[0] <= 180
        and -90 <= posisi[1] <= 90
    )


def _periksa_poligon(koordinat) -> str | None:
    if not isinstance(koordinat, list) or not koordinat:
        return "Poligon harus berisi paling sedikit satu cincin koordinat."
    for cincin in koordinat:
        if not isinstance(cincin, list) or len(cincin) < 4:
            return "Setiap cincin poligon membutuhkan paling sedikit 4 titik."
        if not all(_posisi_sah(p) for p in cincin):
            return "Koordinat harus [bujur, lintang] dengan bujur -180..180 dan lintang -90..90."
        if cincin[0][:2] != cincin[-1][:2]:
            return "Cincin poligon harus tertutup: titik pertama sama dengan titik terakhir."
    return None


def validasi_geojson_poligon(nilai) -> None:
    """Polygon atau MultiPolygon GeoJSON (boleh dibungkus Feature/FeatureCollection)."""
    if nilai in (None, ""):
        return
    if isinstance(nilai, str):
        try:
            nilai = json.loads(nilai)
        except json.JSONDecodeError as galat:
            raise ValidationError("Bukan GeoJSON yang sah (JSON tidak terbaca).") from galat
    if not isinstance(nilai, dict):
        raise ValidationError("GeoJSON harus berupa objek dengan kunci 'type'.")
    jenis = nilai.get("type")
    if jenis == "FeatureCollection":
        fitur = nilai.get("features") or []
        if not fitur:
            raise ValidationError("FeatureCollection tidak berisi fitur.")
        for f in fitur:
            validasi_geojson_poligon(f)
        return
    if jenis == "Feature":
        validasi_geojson_poligon(nilai.get("geometry"))
        return
    if jenis == "Polygon":
        masalah = _periksa_poligon(nilai.get("coordinates"))
    elif jenis == "MultiPolygon":
        daftar = nilai.get("coordinates")
        if not isinstance(daftar, list) or not daftar:
            masalah = "MultiPolygon tidak berisi poligon."
        else:
            masalah = next((m for p in daftar if (m := _periksa_poligon(p))), None)
    else:
        masalah = f"Geometri harus Polygon atau MultiPolygon, bukan {jenis or 'tanpa jenis'}."
    if masalah:
        raise ValidationError(masalah)


# Migrasi lama merujuk pemeriksaan berkas lewat modul ini; pemeriksaannya kini satu untuk
# semua aplikasi di perhutanan.berkas.
validasi_berkas_pendukung = berkas.validasi_berkas_pendukung
