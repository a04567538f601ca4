"""Kelas KUPS (SK Dirjen PSKL 32/2022): daftar periksa kumulatif, kelas diturunkan darinya.

Blue: syarat 1-3. Silver: 1-7. Gold: 1-15. Platinum: 1-15 ditambah dua syarat Platinum.
Kelas tidak pernah diketik: selalu dihitung dari syarat yang terpenuhi.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models


class KelasKups(models.TextChoices):
    BELUM = "belum", "Belum berkelas"
    BLUE = "blue", "Blue"
    SILVER = "silver", "Silver"
    GOLD = "gold", "Gold"
    PLATINUM = "platinum", "Platinum"


@dataclass(frozen=True)
class SyaratKups:
    kode: str
    teks: str
    kelas: str  # kelas pertama yang mensyaratkannya


SYARAT_KUPS: tuple[SyaratKups, ...] = (
    SyaratKups("01", "Telah dibentuk/ditetapkan sebagai KUPS", KelasKups.BLUE),
    SyaratKups("02", "Potensi usaha sudah teridentifikasi", KelasKups.BLUE),
    SyaratKups("03", "Memiliki Rencana Kelola Perhutanan Sosial (RKPS)", KelasKups.BLUE),
    SyaratKups("04", "Memiliki unit usaha yang berjalan", KelasKups.SILVER),
    SyaratKups("05", "Produk/jasa sudah dipasarkan", KelasKups.SILVER),
    SyaratKups("06", "Memiliki akses permodalan", KelasKups.SILVER),
    SyaratKups("07", "Memiliki pasar lokal", KelasKups.SILVER),
    SyaratKups("08", "Memiliki pasar nasional/internasional", KelasKups.GOLD),
    SyaratKups("09", "Pernah menjuarai kompetisi/lomba", KelasKups.GOLD),
    SyaratKups("10", "Mempekerjakan tenaga kerja", KelasKups.GOLD),
    SyaratKups("11", "Produk sudah bersertifikat", KelasKups.GOLD),
    SyaratKups("12", "Memiliki AD/ART", KelasKups.GOLD),
    SyaratKups("13", "Memiliki perjanjian kerja sama usaha", KelasKups.GOLD),
    SyaratKups("14", "Membayar PNBP", KelasKups.GOLD),
    SyaratKups("15", "Mencatat nilai ekonomi usaha", KelasKups.GOLD),
    SyaratKups("P1", "Akses permodalan sudah terverifikasi", KelasKups.PLATINUM),
    SyaratKups("P2", "Ekspor produk / dikunjungi wisatawan mancanegara", KelasKups.PLATINUM),
)
PILIHAN_SYARAT = [(s.kode, f"{s.kode}. {s.teks}") for s in SYARAT_KUPS]
_URUTAN = [KelasKups.BLUE, KelasKups.SILVER, KelasKups.GOLD, KelasKups.PLATINUM]


def _wajib_untuk(kelas: str) -> list[SyaratKups]:
    batas = _URUTAN.index(kelas)
    return [s for s in SYARAT_KUPS if _URUTAN.index(s.kelas) <= batas]


def kelas_dari(terpenuhi: Iterable[str]) -> str:
    """Kelas tertinggi yang seluruh syaratnya (kumulatif) terpenuhi."""
    kode = set(terpenuhi)
    hasil = KelasKups.BELUM
    for kelas in _URUTAN:
        if all(s.kode in kode for s in _wajib_untuk(kelas)):
            hasil = kelas
        else:
            break
    return hasil


def kekurangan_kelas_berikut(terpenuhi: Iterable[str]) -> tuple[str | None, list[SyaratKups]]:
    """(kelas berikutnya, syarat yang belum terpenuhi untuk mencapainya); (None, []) di puncak."""
    kode = set(terpenuhi)
    sekarang = kelas_dari(kode)
    if sekarang == KelasKups.PLATINUM:
        return None, []
    berikut = _URUTAN[0] if sekarang == KelasKups.BELUM else _URUTAN[_URUTAN.index(sekarang) + 1]
    return berikut, [s for s in _wajib_untuk(berikut) if s.kode not in kode]
