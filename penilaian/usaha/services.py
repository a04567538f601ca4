"""Analisis skala usaha KUPS: hitung dari formulir, simpan masukan dan ringkasan, muat ulang.

Masukan disimpan sebagai teks angka eksak; hasil lengkap selalu dihitung ulang dari masukan
oleh `ekonomi` (murni, deterministik), jadi analisis lama tetap dapat dibaca.
"""

from decimal import Decimal

from django.db import transaction

from akun.models import Pengguna
from penilaian.usaha import ekonomi, tahunan
from penilaian.usaha.forms import (
    masukan_agroforestri,
    masukan_agroforestri_konstan,
    masukan_ekowisata,
)
from penilaian.usaha.models import AnalisisUsaha

TEKS = frozenset({"nama", "satuan", "judul", "tahun", "jumlah", "kategori"})


def _teks_angka(v):
    """Decimal sebagai teks posisi biasa (3600, bukan 3.60E+3); nilai lain apa adanya."""

    if v is None or isinstance(v, bool | str):
        return v
    return format(v, "f") if isinstance(v, Decimal) else str(v)


def _ke_json(data: dict) -> dict:
    return {k: _teks_angka(v) for k, v in data.items()}


def _dari_json(data: dict) -> dict:
    hasil = {}
    for k, v in data.items():
        if v is None or k in TEKS or isinstance(v, bool):
            hasil[k] = v
        elif k == "periode":
            hasil[k] = int(v)
        else:
            hasil[k] = Decimal(v)
    return hasil


def analisis_hitung(jenis: str, umum: dict, baris: list[dict], biaya=None, *, versi: int = 2):
    """(masukan, hasil) dari data formulir; GalatMasukan bila tidak mungkin dihitung.

    Versi masukan 1 (analisis lama): satu tahun konstan, investasi di luar titik impas.
    Versi 2: agroforestri dengan arus kas tahunan; ekowisata dengan tiket masuk dan titik impas
    atas seluruh periode."""

    if jenis == AnalisisUsaha.Jenis.AGROFORESTRI:
        if versi == 1:
            masukan = masukan_agroforestri_konstan(umum, baris)
            return masukan, ekonomi.hitung_agroforestri(masukan)
        masukan = masukan_agroforestri(umum, biaya or [], baris)
        return masukan, tahunan.hitung_tahunan(masukan)
    masukan = masukan_ekowisata(umum, baris, model=versi)
    return masukan, ekonomi.hitung_ekowisata(masukan)


def ringkasan(jenis: str, hasil) -> dict:
    """Angka utama yang disimpan untuk daftar dan perbandingan (hasil lengkap dihitung ulang)."""
    ringkas = {
        "npv": _teks_angka(hasil.npv),
        "bcr": _teks_angka(hasil.bcr),
        "tercapai": hasil.tercapai,
    }
    if jenis == AnalisisUsaha.Jenis.AGROFORESTRI:
        ringkas["luas_minimum"] = _teks_angka(hasil.luas_minimum)
        ringkas["irr"] = _teks_angka(hasil.utama.nilai.irr)
    else:
        ringkas["bep_rupiah"] = _teks_angka(hasil.bep_rupiah)
        ringkas["kunjungan_tahunan"] = _teks_angka(hasil.kunjungan_tahunan)
        ringkas["irr"] = _teks_angka(hasil.nilai.irr)
    return ringkas


@transaction.atomic
def analisis_buat(
    *, kups, jenis: str, umum: dict, baris: list[dict], biaya=None, oleh: Pengguna
) -> AnalisisUsaha:
    _, hasil = analisis_hitung(jenis, umum, baris, biaya)
    masukan = {"umum": _ke_json(umum), "baris": [_ke_json(b) for b in baris]}
    if jenis == AnalisisUsaha.Jenis.AGROFORESTRI:
        masukan["biaya"] = [_ke_json(b) for b in biaya or []]
    return AnalisisUsaha.objects.create(
        kups=kups,
        jenis=jenis,
        judul=umum["judul"],
        masukan=masukan,
        versi_masukan=AnalisisUsaha.VERSI_MASUKAN,
        hasil=ringkasan(jenis, hasil),
        penulis=oleh,
    )


def analisis_muat(analisis: AnalisisUsaha):
    """(umum, baris, biaya, hasil): hasil lengkap dihitung ulang dari masukan yang tersimpan
    dengan model versinya (perhitungan murni, deterministik)."""
    umum = _dari_json(analisis.masukan["umum"])
    baris = [_dari_json(b) for b in analisis.masukan["baris"]]
    biaya = [_dari_json(b) for b in analisis.masukan.get("biaya", [])]
    hasil = analisis_hitung(analisis.jenis, umum, baris, biaya, versi=analisis.versi_masukan)[1]
    return umum, baris, biaya, hasil


def salinan_awal(analisis: AnalisisUsaha) -> tuple[dict, list[dict], list[dict], str]:
    """Isian awal formulir versi terbaru dari analisis yang disalin: (umum, baris, biaya,
    catatan). Analisis lama model tahun konstan diubah ke baris tahunan yang setara."""
    umum = {**analisis.masukan["umum"], "judul": f"{analisis.judul} (salinan)"}
    baris = [dict(b) for b in analisis.masukan["baris"]]
    biaya = [dict(b) for b in analisis.masukan.get("biaya", [])]
    if analisis.versi_masukan >= 2:
        return umum, baris, biaya, ""
    if analisis.jenis == AnalisisUsaha.Jenis.EKOWISATA:
        if len(baris) == 1:
            baris[0]["pintu_masuk"] = True
        return (
            umum,
            baris,
            biaya,
            ("Disalin dari analisis lama: tandai atraksi tiket masuk dan isi kunjungan saat ini."),
        )
    n = int(umum.get("periode") or 20)
    paket = Decimal(umum.get("paket_per_hektar") or 1)
    produk = [
        {
            "nama": p["nama"],
            "satuan": p.get("satuan") or "unit",
            "tahun": f"1-{n}",
            "jumlah": format_desimal_mentah(Decimal(p["rasio"]) * paket),
            "harga": p["harga"],
            "biaya_variabel": p["biaya_variabel"],
        }
        for p in baris
    ]
    biaya = []
    if Decimal(umum.get("investasi") or 0) > 0:
        biaya.append(
            {
                "nama": "Investasi awal",
                "kategori": "investasi",
                "tahun": "0",
                "jumlah": umum["investasi"],
            }
        )
    if Decimal(umum.get("biaya_tetap") or 0) > 0:
        biaya.append(
            {
                "nama": "Biaya tetap",
                "kategori": "lainnya",
                "tahun": f"1-{n}",
                "jumlah": umum["biaya_tetap"],
                "tetap": True,
            }
        )
    umum["luas_analisis"] = "1"
    return (
        umum,
        produk,
        biaya,
        (
            "Disalin dari analisis lama (satu tahun konstan): produk per hektar = rasio x paket "
            "per hektar, tahun 1 sampai akhir periode. Periksa tahun produksi, biaya per "
            "kategori dan tenaga kerja keluarga."
        ),
    )


def format_desimal_mentah(nilai: Decimal) -> str:
    """Angka untuk diketik ulang di formulir: koma desimal, tanpa pemisah ribuan."""
    teks = format(nilai.normalize(), "f")
    return teks.replace(".", ",")
