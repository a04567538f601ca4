"""Hari kerja: Sabtu, Minggu dan hari libur nasional tidak dihitung. Tanpa ORM."""

import datetime
from collections.abc import Collection


def hari_kerja(tanggal: datetime.date, libur: Collection[datetime.date]) -> bool:
    return tanggal.weekday() < 5 and tanggal not in libur


def tambah_hari_kerja(
    mulai: datetime.date, jumlah: int, libur: Collection[datetime.date]
) -> datetime.date:
    """Tanggal hari kerja ke-`jumlah` sesudah `mulai` (hari `mulai` sendiri tidak dihitung).

    Diterima Jumat, 10 hari kerja: tenggatnya Jumat dua minggu kemudian bila tidak ada libur.
    """
    if jumlah < 0:
        raise ValueError("Jumlah hari kerja tidak boleh negatif.")
    tanggal = mulai
    sisa = jumlah
    while sisa:
        tanggal += datetime.timedelta(days=1)
        if hari_kerja(tanggal, libur):
            sisa -= 1
    return tanggal


def sisa_hari_kerja(
    hari_ini: datetime.date, tenggat: datetime.date, libur: Collection[datetime.date]
) -> int:
    """Hari kerja tersisa sampai tenggat (negatif bila lewat: jumlah hari kerja terlambat)."""
    if hari_ini <= tenggat:
        hari = hari_ini
        jumlah = 0
        while hari < tenggat:
            hari += datetime.timedelta(days=1)
            jumlah += hari_kerja(hari, libur)
        return jumlah
    hari = tenggat
    jumlah = 0
    while hari < hari_ini:
        hari += datetime.timedelta(days=1)
        jumlah += hari_kerja(hari, libur)
    return -jumlah
