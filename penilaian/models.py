"""Model app penilaian dikumpulkan dari intinya dan tiap subjek, agar Django memuat semuanya.

Kode lain mengimpor dari modul subjeknya (`penilaian.kth.models`), bukan dari sini.
"""

from penilaian.hkm.models import EvaluasiHkm, Responden
from penilaian.inti.models import (
    AspekInstrumen,
    HariLibur,
    IndikatorInstrumen,
    Instrumen,
    Jawaban,
    KalenderLibur,
    KriteriaInstrumen,
    Kuesioner,
    OpsiInstrumen,
    PengaturanKalender,
    Penjelasan,
    VersiInstrumen,
)
from penilaian.kth.models import (
    BuktiFisik,
    EksporSertifikat,
    PengaturanSertifikat,
    PenilaianKth,
    RiwayatStatusKth,
    Sertifikat,
    UrutanSertifikat,
)
from penilaian.usaha.models import AnalisisUsaha

__all__ = [
    "AnalisisUsaha",
    "AspekInstrumen",
    "BuktiFisik",
    "EksporSertifikat",
    "EvaluasiHkm",
    "HariLibur",
    "IndikatorInstrumen",
    "Instrumen",
    "Jawaban",
    "KalenderLibur",
    "KriteriaInstrumen",
    "Kuesioner",
    "OpsiInstrumen",
    "PengaturanKalender",
    "PengaturanSertifikat",
    "PenilaianKth",
    "Penjelasan",
    "Responden",
    "RiwayatStatusKth",
    "Sertifikat",
    "UrutanSertifikat",
    "VersiInstrumen",
]
