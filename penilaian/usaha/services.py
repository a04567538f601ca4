"""Analisis skala usaha KUPS: hitung dari formulir, simpan masukan dan ringkasan, muat ulang.

Masukan disimpan sebagai teks angka eksak; hasil lengkap selalu dihitung ulang dari masukan
oleh `ekonomi` (murni, deterministik), jadi analisis lama tetap dapat dibaca.
"""

from decimal import Decimal

from django.db import transaction

from akun.models import Pengguna
from penilaian.usaha import ekonomi
from penilaian.usaha.forms import masukan_agroforestri, masukan_ekowisata
from penilaian.usaha.models import AnalisisUsaha


def _teks_angka(v) -> str | None:
    """Decimal sebagai teks posisi biasa (3600, bukan 3.60E+3); nilai lain apa adanya."""

    if v is None:
        return None
    return format(v, "f") if isinstance(v, Decimal) else str(v)


def _ke_json(data: dict) -> dict:
    return {k: _teks_angka(v) for k, v in data.items()}


def _dari_json(data: dict) -> dict:
    hasil = {}
    for k, v in data.items():
        if v is None or k in ("nama", "satuan", "judul"):
            hasil[k] = v
        elif k == "periode":
            hasil[k] = int(v)
        else:
            hasil[k] = Decimal(v)
    return hasil


def analisis_hitung(jenis: str, umum: dict, baris: list[dict]):
    """(masukan, hasil) dari data formulir; GalatMasukan bila tidak mungkin dihitung."""

    if jenis == AnalisisUsaha.Jenis.AGROFORESTRI:
        masukan = masukan_agroforestri(umum, baris)
        return masukan, ekonomi.hitung_agroforestri(masukan)
    masukan = masukan_ekowisata(umum, baris)
    return masukan, ekonomi.hitung_ekowisata(masukan)


@transaction.atomic
def analisis_buat(
    *, kups, jenis: str, umum: dict, baris: list[dict], oleh: Pengguna
) -> AnalisisUsaha:
    _, hasil = analisis_hitung(jenis, umum, baris)
    ringkas = {
        "npv": _teks_angka(hasil.npv),
        "bcr": _teks_angka(hasil.bcr),
        "tercapai": hasil.tercapai,
    }
    if jenis == AnalisisUsaha.Jenis.AGROFORESTRI:
        ringkas["bep_paket"] = _teks_angka(hasil.bep_paket)
        ringkas["luas_minimum"] = _teks_angka(hasil.luas_minimum)
    else:
        ringkas["bep_rupiah"] = _teks_angka(hasil.bep_rupiah)
        ringkas["kunjungan_tahunan"] = _teks_angka(hasil.kunjungan_tahunan)
    return AnalisisUsaha.objects.create(
        kups=kups,
        jenis=jenis,
        judul=umum["judul"],
        masukan={"umum": _ke_json(umum), "baris": [_ke_json(b) for b in baris]},
        hasil=ringkas,
        penulis=oleh,
    )


def analisis_muat(analisis: AnalisisUsaha):
    """Hitung ulang hasil lengkap dari masukan yang tersimpan (perhitungan murni, deterministik)."""
    umum = _dari_json(analisis.masukan["umum"])
    baris = [_dari_json(b) for b in analisis.masukan["baris"]]
    return umum, baris, analisis_hitung(analisis.jenis, umum, baris)[1]
