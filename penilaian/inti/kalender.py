"""Kalender hari kerja nasional: libur nasional dan cuti bersama per tahun.

Tahun yang daftarnya sudah dimuat dari SKB (`KalenderLibur`) memakai daftar itu. Tahun lain
memakai daftar perkiraan dari kalender Indonesia paket `holidays` (libur nasional dan cuti
bersama), ditambah hari yang diisi admin untuk tahun itu; tenggat yang melewati tahun seperti
itu ditandai "perkiraan". Cuti bersama tidak dihitung sebagai hari kerja kecuali pengaturan
nasional menyatakan sebaliknya.

`Kalender` dipakai seperti himpunan tanggal libur (`tanggal in kalender`) oleh `hari_kerja`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

LIBUR = "libur"
CUTI_BERSAMA = "cuti_bersama"


@dataclass(frozen=True)
class Hari:
    tanggal: datetime.date
    nama: str
    jenis: str  # LIBUR atau CUTI_BERSAMA

    @property
    def label_jenis(self) -> str:
        return "Cuti bersama" if self.jenis == CUTI_BERSAMA else "Libur nasional"


@lru_cache(maxsize=64)
def perkiraan(tahun: int) -> tuple[Hari, ...]:
    """Daftar perkiraan satu tahun dari kalender Indonesia paket `holidays` (bahasa Indonesia)."""
    import holidays

    hasil = {}
    for kategori, jenis in (("government", CUTI_BERSAMA), ("public", LIBUR)):
        kal = holidays.country_holidays("ID", years=tahun, language="id", categories=(kategori,))
        for tanggal, nama in kal.items():
            # Dua nama pada satu tanggal (mis. dua hari besar) digabung; libur mengalahkan cuti.
            lama = hasil.get(tanggal)
            if lama and lama.jenis == LIBUR and jenis == CUTI_BERSAMA:
                continue
            hasil[tanggal] = Hari(tanggal, nama, jenis)
    return tuple(sorted(hasil.values(), key=lambda h: h.tanggal))


@dataclass
class Kalender:
    """Hari libur semua tahun: resmi dari basis data, sisanya perkiraan (dimuat bila ditanya)."""

    tersimpan: dict[datetime.date, Hari]
    resmi: dict[int, str]  # tahun -> dasar SKB
    cuti_bersama_hari_kerja: bool = False
    _tahun: dict[int, dict[datetime.date, Hari]] = field(default_factory=dict, repr=False)

    def hari_tahun(self, tahun: int) -> dict[datetime.date, Hari]:
        """Semua libur dan cuti bersama satu tahun (resmi, atau perkiraan + isian admin)."""
        if tahun not in self._tahun:
            milik = {t: h for t, h in self.tersimpan.items() if t.year == tahun}
            if tahun not in self.resmi:
                milik = {h.tanggal: h for h in perkiraan(tahun)} | milik
            self._tahun[tahun] = dict(sorted(milik.items()))
        return self._tahun[tahun]

    def __contains__(self, tanggal: object) -> bool:
        if not isinstance(tanggal, datetime.date):
            return False
        hari = self.hari_tahun(tanggal.year).get(tanggal)
        if hari is None:
            return False
        return hari.jenis == LIBUR or not self.cuti_bersama_hari_kerja

    def adalah_perkiraan(self, tahun: int) -> bool:
        return tahun not in self.resmi

    def tahun_perkiraan(self, mulai: datetime.date, akhir: datetime.date) -> list[int]:
        """Tahun tanpa daftar resmi yang dilewati rentang [mulai, akhir]."""
        awal, ujung = sorted((mulai.year, akhir.year))
        return [t for t in range(awal, ujung + 1) if self.adalah_perkiraan(t)]


def catatan_perkiraan(tahun: list[int]) -> str:
    """Kalimat penanda tenggat yang dihitung dengan daftar libur perkiraan."""
    if not tahun:
        return ""
    daftar = ", ".join(str(t) for t in tahun)
    return (
        f"Dihitung dengan daftar libur {daftar} perkiraan (SKB libur nasional dan cuti bersama "
        "belum dimuat); dapat bergeser."
    )


# ------------------------------------------------------------------ daftar yang diunggah admin

KOLOM = ("tanggal", "nama", "jenis")
_JENIS_TEKS = {
    "libur": LIBUR,
    "libur nasional": LIBUR,
    "hari libur nasional": LIBUR,
    "cuti bersama": CUTI_BERSAMA,
    "cuti_bersama": CUTI_BERSAMA,
}
_FORMAT_TANGGAL = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


class GalatDaftarLibur(ValueError):
    """Daftar yang ditolak; `pesan` berisi satu kalimat per baris yang salah."""

    def __init__(self, pesan: list[str]):
        self.pesan = pesan
        super().__init__("; ".join(pesan))


def _tanggal(nilai) -> datetime.date | None:
    if isinstance(nilai, datetime.datetime):
        return nilai.date()
    if isinstance(nilai, datetime.date):
        return nilai
    teks = str(nilai or "").strip()
    for fmt in _FORMAT_TANGGAL:
        try:
            return datetime.datetime.strptime(teks, fmt).date()
        except ValueError:
            continue
    return None


def baca_daftar(baris: list[tuple], tahun: int) -> list[Hari]:
    """Baris (judul kolom lebih dulu) menjadi daftar hari; semua kesalahan dilaporkan sekaligus.

    Kolom: tanggal (2027-01-01 atau 01-01-2027), nama, jenis ("libur nasional"/"cuti bersama").
    """
    baris = [b for b in baris if any(str(v or "").strip() for v in b)]
    if not baris:
        raise GalatDaftarLibur(["Berkas kosong."])
    judul = [str(v or "").strip().lower() for v in baris[0]]
    if tuple(judul[:3]) != KOLOM:
        raise GalatDaftarLibur(
            [f"Baris 1 harus berjudul kolom: {', '.join(KOLOM)} (ditemukan: {', '.join(judul)})."]
        )
    galat, hasil, terlihat = [], [], {}
    for n, isi in enumerate(baris[1:], start=2):
        isi = (*isi, None, None, None)
        tanggal, nama = _tanggal(isi[0]), str(isi[1] or "").strip()
        jenis = _JENIS_TEKS.get(str(isi[2] or "").strip().lower())
        if tanggal is None:
            galat.append(f"Baris {n}: tanggal '{isi[0]}' tidak terbaca (contoh: {tahun}-01-01).")
        elif tanggal.year != tahun:
            galat.append(f"Baris {n}: tanggal {tanggal:%d-%m-%Y} bukan tahun {tahun}.")
        elif tanggal in terlihat:
            galat.append(
                f"Baris {n}: tanggal {tanggal:%d-%m-%Y} sudah ada di baris {terlihat[tanggal]}."
            )
        if not nama:
            galat.append(f"Baris {n}: nama hari libur kosong.")
        elif len(nama) > 150:
            galat.append(f"Baris {n}: nama lebih dari 150 huruf.")
        if jenis is None:
            galat.append(f"Baris {n}: jenis harus 'libur nasional' atau 'cuti bersama'.")
        if tanggal and tanggal.year == tahun and tanggal not in terlihat:
            terlihat[tanggal] = n
            if nama and jenis:
                hasil.append(Hari(tanggal, nama, jenis))
    if not galat and not hasil:
        galat.append("Tidak ada baris hari libur di bawah judul kolom.")
    if galat:
        raise GalatDaftarLibur(galat)
    return sorted(hasil, key=lambda h: h.tanggal)
