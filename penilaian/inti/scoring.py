"""Mesin penilaian: data instrumen + jawaban -> nilai per indikator, kriteria, aspek dan total.

Python murni (tanpa ORM), nilai eksak dengan Fraction, pembulatan hanya di tempat aturan resmi
memintanya (rekap HKm). Satu mesin untuk dua metode:

- "bobot" (evaluasi HKm): nilai kriteria (%) = jumlah(bobot x skor) / (jumlah(bobot) x skor
  maksimum) x 100; kategori tiap kriteria dari ambang instrumen.
- "jumlah" (kelas KTH): nilai indikator adalah nilai opsi yang dipilih, atau angka bulat 0..maks
  yang diisi penilai; total = jumlah semua indikator; kelas dari ambang total.

Aspek berjenis "prasyarat" dijawab Ada/Tidak ada dan tidak dinilai.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

BOBOT = "bobot"
JUMLAH = "jumlah"
PRASYARAT = "prasyarat"


@dataclass(frozen=True)
class Opsi:
    kode: str  # a, b, c, ... menurut urutan di instrumen
    teks: str
    skor: Fraction | None = None  # metode bobot: skor 1..3; metode jumlah: nilai
    ada: bool | None = None  # prasyarat: Ada / Tidak ada
    sementara: bool = False


@dataclass(frozen=True)
class Indikator:
    kode: str
    teks: str
    opsi: tuple[Opsi, ...] = ()
    bobot: Fraction | None = None
    maks: Fraction | None = None
    isian: bool = False  # metode jumlah: angka bulat 0..maks diisi penilai
    sementara: bool = False

    def opsi_dengan_kode(self, kode: str) -> Opsi | None:
        return next((o for o in self.opsi if o.kode == kode), None)


@dataclass(frozen=True)
class Kriteria:
    kode: str
    nama: str
    indikator: tuple[Indikator, ...]


@dataclass(frozen=True)
class Aspek:
    kode: str
    nama: str
    kriteria: tuple[Kriteria, ...]
    jenis: str = "dinilai"  # atau "prasyarat"
    maks: Fraction | None = None


@dataclass(frozen=True)
class Ambang:
    """Kategori/kelas: nilai di antara min dan maks (inklusif kecuali ditandai eksklusif)."""

    nama: str
    min: Fraction
    maks: Fraction | None = None
    min_eksklusif: bool = False
    maks_eksklusif: bool = False

    def cocok(self, nilai: Fraction | Decimal) -> bool:
        nilai = Fraction(nilai)
        di_atas_min = nilai > self.min if self.min_eksklusif else nilai >= self.min
        if self.maks is None:
            return di_atas_min
        di_bawah_maks = nilai < self.maks if self.maks_eksklusif else nilai <= self.maks
        return di_atas_min and di_bawah_maks


@dataclass(frozen=True)
class Instrumen:
    kode: str
    nama: str
    metode: str
    aspek: tuple[Aspek, ...]
    ambang: tuple[Ambang, ...]  # kategori (bobot) atau kelas (jumlah), dari yang tertinggi
    skor_maks: Fraction = Fraction(3)

    def semua_indikator(self, *, termasuk_prasyarat: bool = True) -> list[Indikator]:
        return [
            i
            for a in self.aspek
            if termasuk_prasyarat or a.jenis != PRASYARAT
            for k in a.kriteria
            for i in k.indikator
        ]

    def kriteria_dinilai(self) -> list[Kriteria]:
        return [k for a in self.aspek if a.jenis != PRASYARAT for k in a.kriteria]

    def golongkan(self, nilai: Fraction | Decimal) -> str:
        for ambang in self.ambang:
            if ambang.cocok(nilai):
                return ambang.nama
        raise ValueError(f"Nilai {nilai} di luar semua ambang instrumen {self.kode}.")


class GalatJawaban(ValueError):
    """Jawaban tidak lengkap atau tidak sah; `galat` memetakan kode indikator ke pesannya."""

    def __init__(self, galat: Mapping[str, str]):
        self.galat = dict(galat)
        ringkas = "; ".join(f"{k}: {v}" for k, v in self.galat.items())
        super().__init__(f"Jawaban tidak dapat dinilai: {ringkas}")


@dataclass(frozen=True)
class HasilKriteria:
    kode: str
    nama: str
    nilai: Fraction | None  # None bila belum semua indikatornya dijawab (draf)
    kategori: str | None
    terjawab: int
    jumlah_indikator: int


@dataclass(frozen=True)
class HasilAspek:
    kode: str
    nama: str
    nilai: Fraction | None  # bobot: rata-rata kriteria (%); jumlah: jumlah nilai
    kriteria: tuple[HasilKriteria, ...]


@dataclass(frozen=True)
class Hasil:
    instrumen: str
    indikator: dict[str, Fraction | bool]
    kriteria: tuple[HasilKriteria, ...]
    aspek: tuple[HasilAspek, ...]
    total: Fraction | None
    golongan: str | None  # kelas KTH; untuk HKm tidak dipakai (kategori per kriteria)
    lengkap: bool
    kurang: tuple[str, ...] = field(default_factory=tuple)


def periksa_jawaban(indikator: Indikator, jawaban) -> Fraction | bool:
    """Nilai satu jawaban, atau ValueError dengan pesan Indonesia (untuk simpan per jawaban)."""
    if indikator.isian:
        if isinstance(jawaban, bool) or not isinstance(jawaban, int | Fraction | Decimal | str):
            raise ValueError("Isi angka bulat.")
        try:
            angka = Fraction(str(jawaban).strip())
        except (ValueError, ZeroDivisionError) as galat:
            raise ValueError("Isi angka bulat.") from galat
        if angka.denominator != 1:
            raise ValueError("Isi angka bulat, tanpa pecahan.")
        if angka < 0 or (indikator.maks is not None and angka > indikator.maks):
            raise ValueError(f"Nilai harus antara 0 dan {indikator.maks}.")
        return angka
    opsi = indikator.opsi_dengan_kode(str(jawaban))
    if opsi is None:
        raise ValueError("Pilihan tidak ada di indikator ini.")
    if opsi.ada is not None:
        return opsi.ada
    return opsi.skor


def nilai(
    instrumen: Instrumen,
    jawaban: Mapping[str, object],
    *,
    lengkap: bool = True,
    termasuk_prasyarat: bool = True,
) -> Hasil:
    """Nilai jawaban satu kuesioner.

    lengkap=True menolak jawaban yang kurang (penyerahan final); lengkap=False menilai yang
    sudah dijawab saja (draf, nilai berjalan). Jawaban yang tidak sah selalu ditolak, begitu
    pula kode indikator yang tidak dikenal. termasuk_prasyarat=False untuk kuesioner responden
    HKm: prasyarat dijawab sekali per evaluasi, bukan per responden.
    """
    galat: dict[str, str] = {}
    per_kode = {i.kode: i for i in instrumen.semua_indikator(termasuk_prasyarat=termasuk_prasyarat)}
    for kode in jawaban:
        if kode not in per_kode:
            galat[kode] = "Indikator tidak dikenal di instrumen ini."
    nilai_indikator: dict[str, Fraction | bool] = {}
    kurang = []
    for kode, indikator in per_kode.items():
        if kode not in jawaban or jawaban[kode] in (None, ""):
            kurang.append(kode)
            continue
        try:
            nilai_indikator[kode] = periksa_jawaban(indikator, jawaban[kode])
        except ValueError as e:
            galat[kode] = str(e)
    if lengkap:
        for kode in kurang:
            galat.setdefault(kode, "Belum dijawab.")
    if galat:
        raise GalatJawaban(galat)

    hasil_aspek = []
    semua_kriteria = []
    for aspek in instrumen.aspek:
        if aspek.jenis == PRASYARAT:
            continue
        hk = tuple(_nilai_kriteria(instrumen, k, nilai_indikator) for k in aspek.kriteria)
        semua_kriteria.extend(hk)
        hasil_aspek.append(HasilAspek(aspek.kode, aspek.nama, _nilai_aspek(instrumen, hk), hk))

    total = golongan = None
    if instrumen.metode == JUMLAH:
        total = sum(
            (v for k, v in nilai_indikator.items() if not isinstance(v, bool)), start=Fraction(0)
        )
        if not kurang:
            golongan = instrumen.golongkan(total)
    return Hasil(
        instrumen=instrumen.kode,
        indikator=nilai_indikator,
        kriteria=tuple(semua_kriteria),
        aspek=tuple(hasil_aspek),
        total=total,
        golongan=golongan,
        lengkap=not kurang,
        kurang=tuple(kurang),
    )


def nilai_prasyarat(instrumen: Instrumen, jawaban: Mapping[str, object]) -> dict[str, bool]:
    """Jawaban Ada/Tidak ada aspek prasyarat; semua harus dijawab."""
    galat = {}
    hasil = {}
    prasyarat = [
        i for a in instrumen.aspek if a.jenis == PRASYARAT for k in a.kriteria for i in k.indikator
    ]
    for indikator in prasyarat:
        if jawaban.get(indikator.kode) in (None, ""):
            galat[indikator.kode] = "Belum dijawab."
            continue
        try:
            hasil[indikator.kode] = periksa_jawaban(indikator, jawaban[indikator.kode])
        except ValueError as e:
            galat[indikator.kode] = str(e)
    if galat:
        raise GalatJawaban(galat)
    return hasil


def _nilai_kriteria(instrumen: Instrumen, kriteria: Kriteria, nilai_indikator) -> HasilKriteria:
    terjawab = [i for i in kriteria.indikator if i.kode in nilai_indikator]
    lengkap = len(terjawab) == len(kriteria.indikator)
    if instrumen.metode == BOBOT:
        if not lengkap:
            nilai_k = None
        else:
            pembilang = sum(i.bobot * nilai_indikator[i.kode] for i in kriteria.indikator)
            penyebut = sum(i.bobot for i in kriteria.indikator) * instrumen.skor_maks
            nilai_k = Fraction(pembilang) / penyebut * 100
        kategori = instrumen.golongkan(nilai_k) if nilai_k is not None else None
    else:
        nilai_k = sum((nilai_indikator[i.kode] for i in terjawab), start=Fraction(0))
        kategori = None
    return HasilKriteria(
        kriteria.kode, kriteria.nama, nilai_k, kategori, len(terjawab), len(kriteria.indikator)
    )


def _nilai_aspek(instrumen: Instrumen, kriteria: tuple[HasilKriteria, ...]) -> Fraction | None:
    if instrumen.metode == JUMLAH:
        return sum((k.nilai for k in kriteria), start=Fraction(0))
    if any(k.nilai is None for k in kriteria):
        return None
    return sum((k.nilai for k in kriteria), start=Fraction(0)) / len(kriteria)


# ------------------------------------------------------------------ rekap resmi HKm

SATU_DESIMAL = Decimal("0.1")


def potong_satu_desimal(nilai: Fraction) -> Decimal:
    """Potong (bukan bulatkan) ke satu desimal, seperti lembar rekap: 2/3 x 100 -> 66,6."""
    if nilai < 0:
        raise ValueError("Nilai kriteria tidak pernah negatif.")
    persepuluhan = (nilai.numerator * 10) // nilai.denominator
    return Decimal(persepuluhan) / 10


def bulatkan_setengah_ke_atas(nilai: Fraction, desimal: int = 1) -> Decimal:
    """Bulatkan eksak setengah ke atas (66,65 -> 66,7), tanpa lewat float."""
    skala = 10**desimal
    pembilang = nilai.numerator * skala * 2 + nilai.denominator
    bulat = pembilang // (2 * nilai.denominator)
    return (Decimal(bulat) / skala).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class KolomRekap:
    kode: str
    nama: str
    total: Decimal
    rata_rata: Decimal
    kategori: str


@dataclass(frozen=True)
class Rekap:
    """Tabel rekap: baris responden x kolom kriteria, lalu Total, Rata-rata, Kategori."""

    baris: tuple[tuple[Decimal, ...], ...]  # nilai tampil (terpotong) per responden
    kolom: tuple[KolomRekap, ...]

    def terlemah(self, jumlah: int = 3) -> list[KolomRekap]:
        return sorted(self.kolom, key=lambda k: (k.rata_rata, k.kode))[:jumlah]


def rekap(instrumen: Instrumen, hasil: list[Hasil] | list[dict[str, Fraction]]) -> Rekap:
    """Aturan lembar rekap resmi (DOMAIN 4.1).

    Nilai tiap responden dipotong ke satu desimal; Total = jumlah nilai yang tampil;
    Rata-rata = Total / jumlah responden, dibulatkan setengah ke atas ke satu desimal;
    Kategori dari Rata-rata. `hasil` berisi Hasil lengkap atau peta kode kriteria -> nilai.
    """
    kriteria = instrumen.kriteria_dinilai()
    if not hasil:
        raise ValueError("Rekap membutuhkan paling sedikit satu responden.")
    peta = [h if isinstance(h, dict) else {k.kode: k.nilai for k in h.kriteria} for h in hasil]
    baris = tuple(tuple(potong_satu_desimal(p[k.kode]) for k in kriteria) for p in peta)
    kolom = []
    for i, k in enumerate(kriteria):
        total = sum((b[i] for b in baris), start=Decimal(0))
        rata = bulatkan_setengah_ke_atas(Fraction(total) / len(baris))
        kolom.append(KolomRekap(k.kode, k.nama, total, rata, instrumen.golongkan(rata)))
    return Rekap(baris=baris, kolom=tuple(kolom))
