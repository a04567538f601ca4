"""Model arus kas tahunan untuk agroforestri (tahun 0 sampai n), seperti kajian skala usaha.

Python murni dengan Decimal. Masukan untuk luas yang dianalisis (biasanya 1 ha, satu rumah
tangga):

- Baris biaya per kategori (investasi, persiapan lahan, bibit, pemeliharaan, panen, pemasaran,
  lainnya) dengan tahun terjadinya, jumlah rupiah per tahun (tetap atau berbeda per tahun),
  tanda "tenaga kerja keluarga", dan tanda biaya tetap. Biaya investasi selalu biaya tetap.
- Baris produk dengan tahun berproduksi, jumlah per tahun (tetap atau berbeda per tahun), harga,
  biaya variabel per satuan (mis. panen dan angkut per kg) dan tanda kayu (dipanen pada tahun
  yang diisi, misalnya akhir daur).

Hasil per skenario kajian: (1) kayu dan tenaga kerja keluarga dihitung, (2) kayu dihitung tanpa
tenaga keluarga, (3) tanpa kayu dengan tenaga keluarga: NPV (total, per ha, per ha per tahun =
NPV / (n + 1)), BCR, IRR, tahun balik modal, dan titik impas dengan kontribusi laba atas seluruh
periode: luas minimum = (biaya tetap selama periode + UMR x 12 x (n + 1)) / marjin kontribusi
per ha selama periode. Tabel kepekaan harga, hasil dan biaya -20%, -10%, +10%, +20%.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from penilaian.usaha.ekonomi import (
    BULAN,
    NOL,
    SATU,
    ArusKas,
    GalatMasukan,
    Kelayakan,
    kelayakan,
)

KATEGORI_BIAYA = {
    "investasi": "Investasi",
    "persiapan_lahan": "Persiapan lahan",
    "bibit": "Bibit",
    "pemeliharaan": "Pemeliharaan",
    "panen": "Panen",
    "pemasaran": "Pemasaran",
    "lainnya": "Lainnya",
}

POLA_RENTANG = re.compile(r"^(\d{1,3})\s*(?:-|\u2013|s\.?d\.?|sampai)\s*(\d{1,3})$")


def baca_tahun(teks: str) -> list[int]:
    """'0' -> [0]; '1-20' -> [1..20]; '5, 10, 15-17' -> [5, 10, 15, 16, 17]. ValueError bila
    tidak terbaca (pesan untuk pengguna)."""
    hasil: set[int] = set()
    for bagian in str(teks or "").replace(";", ",").split(","):
        bagian = bagian.strip()
        if not bagian:
            continue
        if bagian.isdecimal() and len(bagian) <= 3:
            hasil.add(int(bagian))
            continue
        cocok = POLA_RENTANG.match(bagian)
        if not cocok:
            raise ValueError(f"'{bagian}' tidak terbaca; tulis misalnya 0, 1-20 atau 5, 10, 15.")
        awal, akhir = int(cocok[1]), int(cocok[2])
        if awal > akhir:
            raise ValueError(f"Rentang {awal}-{akhir} terbalik.")
        hasil.update(range(awal, akhir + 1))
    if not hasil:
        raise ValueError("Isi tahun, misalnya 0, 1-20 atau 5, 10, 15.")
    return sorted(hasil)


def jadwal(tahun: list[int], jumlah: list[Decimal]) -> dict[int, Decimal]:
    """Jumlah per tahun: satu angka untuk semua tahun, atau beberapa angka untuk tahun-tahun
    berurutan dengan angka terakhir berlaku sampai tahun terakhir."""
    if not jumlah:
        return {}
    return {t: jumlah[min(i, len(jumlah) - 1)] for i, t in enumerate(tahun)}


@dataclass(frozen=True)
class BarisBiaya:
    nama: str
    kategori: str
    per_tahun: dict[int, Decimal]  # Rp per tahun untuk luas analisis
    tenaga_keluarga: bool = False
    tetap: bool = False

    @property
    def biaya_tetap(self) -> bool:
        return self.tetap or self.kategori == "investasi"


@dataclass(frozen=True)
class BarisProduk:
    nama: str
    satuan: str
    harga: Decimal  # Rp per satuan
    per_tahun: dict[int, Decimal]  # satuan per tahun untuk luas analisis
    biaya_variabel: Decimal = NOL  # Rp per satuan
    kayu: bool = False


@dataclass(frozen=True)
class MasukanTahunan:
    biaya: list[BarisBiaya]
    produk: list[BarisProduk]
    umr_bulanan: Decimal
    luas_analisis: Decimal = SATU  # ha yang digambarkan oleh baris biaya dan produk
    luas_rencana: Decimal = NOL  # ha yang dikelola/direncanakan KUPS
    periode: int = 20
    tingkat_diskonto: Decimal = Decimal("0.10")


@dataclass(frozen=True)
class Skenario:
    kode: str
    label: str
    kayu: bool
    tenaga_keluarga: bool


SKENARIO = (
    Skenario("lengkap", "Kayu dan tenaga kerja keluarga dihitung", True, True),
    Skenario("tanpa_keluarga", "Kayu dihitung, tenaga kerja keluarga tidak", True, False),
    Skenario("tanpa_kayu", "Kayu tidak dihitung, tenaga kerja keluarga dihitung", False, True),
)


@dataclass
class MinimumProduk:
    nama: str
    satuan: str
    periode: Decimal  # satuan selama periode pada luas minimum
    per_tahun: Decimal


@dataclass
class TitikImpas:
    biaya_tetap: Decimal  # selama periode (investasi dan biaya tetap lain, semua luas)
    laba_target: Decimal  # UMR x 12 x (n + 1)
    penerimaan: Decimal  # selama periode, luas analisis
    biaya_variabel: Decimal  # selama periode, luas analisis
    marjin_per_ha: Decimal  # selama periode
    luas_minimum: Decimal | None  # None: marjin tidak positif, tidak ada titik impas
    tahun_arus: int  # n + 1
    produk: list[MinimumProduk] = field(default_factory=list)

    @property
    def biaya_tetap_tahunan(self) -> Decimal:
        return self.biaya_tetap / self.tahun_arus

    @property
    def laba_tahunan(self) -> Decimal:
        return self.laba_target / self.tahun_arus

    @property
    def marjin_per_ha_tahunan(self) -> Decimal:
        return self.marjin_per_ha / self.tahun_arus


@dataclass
class HasilSkenario:
    skenario: Skenario
    berlaku: bool  # False bila masukan tidak membedakannya dari skenario lengkap
    alasan: str
    arus: list[ArusKas]
    nilai: Kelayakan
    npv_per_ha: Decimal
    npv_per_ha_tahun: Decimal
    impas: TitikImpas


@dataclass
class BarisKepekaan:
    peubah: str  # harga, hasil, biaya
    label: str
    perubahan: int  # persen
    npv: Decimal
    bcr: Decimal | None
    irr: Decimal | None
    luas_minimum: Decimal | None


@dataclass
class HasilTahunan:
    skenario: list[HasilSkenario]
    kepekaan: list[BarisKepekaan]
    tercapai: bool | None  # luas rencana >= luas minimum skenario lengkap
    catatan: list[str] = field(default_factory=list)

    @property
    def utama(self) -> HasilSkenario:
        return self.skenario[0]

    # Nama yang sama dengan hasil model lama, untuk daftar, ekspor dan grafik.
    @property
    def arus(self) -> list[ArusKas]:
        return self.utama.arus

    @property
    def npv(self) -> Decimal:
        return self.utama.nilai.npv

    @property
    def bcr(self) -> Decimal | None:
        return self.utama.nilai.bcr

    @property
    def luas_minimum(self) -> Decimal | None:
        return self.utama.impas.luas_minimum


def _periksa(m: MasukanTahunan) -> None:
    galat: dict[str, str] = {}
    if m.umr_bulanan <= 0:
        galat["umr_bulanan"] = "UMR harus lebih dari 0."
    if not 1 <= m.periode <= 100:
        galat["periode"] = "Periode analisis 1 sampai 100 tahun."
    if not NOL <= m.tingkat_diskonto < SATU:
        galat["tingkat_diskonto"] = "Tingkat diskonto 0 sampai kurang dari 100%."
    if m.luas_analisis <= 0:
        galat["luas_analisis"] = "Luas yang dianalisis harus lebih dari 0 ha."
    if m.luas_rencana < 0:
        galat["luas_rencana"] = "Luas rencana tidak boleh negatif."
    if not m.produk:
        galat["produk"] = "Isi paling sedikit satu produk."
    for jenis, daftar in (("biaya", m.biaya), ("produk", m.produk)):
        for n, b in enumerate(daftar, start=1):
            lewat = [t for t in b.per_tahun if t > m.periode]
            if lewat:
                galat[f"{jenis}_{n}_tahun"] = (
                    f"{b.nama}: tahun {lewat[0]} di luar periode 0-{m.periode}."
                )
            if any(v < 0 for v in b.per_tahun.values()):
                galat[f"{jenis}_{n}_jumlah"] = f"{b.nama}: jumlah tidak boleh negatif."
    for n, p in enumerate(m.produk, start=1):
        if p.harga <= 0:
            galat[f"produk_{n}_harga"] = f"Harga {p.nama} harus lebih dari 0."
        if p.biaya_variabel < 0:
            galat[f"produk_{n}_biaya_variabel"] = f"Biaya variabel {p.nama} tidak boleh negatif."
    if galat:
        raise GalatMasukan(galat)


def _arus(m: MasukanTahunan, s: Skenario, *, harga=SATU, hasil=SATU, biaya=SATU) -> list[ArusKas]:
    masuk = dict.fromkeys(range(m.periode + 1), NOL)
    keluar = dict.fromkeys(range(m.periode + 1), NOL)
    for p in m.produk:
        if p.kayu and not s.kayu:
            continue
        for t, q in p.per_tahun.items():
            masuk[t] += q * hasil * p.harga * harga
            keluar[t] += q * hasil * p.biaya_variabel * biaya
    for b in m.biaya:
        if b.tenaga_keluarga and not s.tenaga_keluarga:
            continue
        for t, rp in b.per_tahun.items():
            keluar[t] += rp * biaya
    return [ArusKas(t, masuk[t], keluar[t]) for t in range(m.periode + 1)]


def _impas(m: MasukanTahunan, s: Skenario, *, harga=SATU, hasil=SATU, biaya=SATU) -> TitikImpas:
    tahun_arus = m.periode + 1
    tetap = variabel = penerimaan = NOL
    for b in m.biaya:
        if b.tenaga_keluarga and not s.tenaga_keluarga:
            continue
        jumlah = sum(b.per_tahun.values(), start=NOL) * biaya
        if b.biaya_tetap:
            tetap += jumlah
        else:
            variabel += jumlah
    produk = [p for p in m.produk if s.kayu or not p.kayu]
    for p in produk:
        q = sum(p.per_tahun.values(), start=NOL) * hasil
        penerimaan += q * p.harga * harga
        variabel += q * p.biaya_variabel * biaya
    laba = m.umr_bulanan * BULAN * tahun_arus
    marjin = (penerimaan - variabel) / m.luas_analisis
    luas = (tetap + laba) / marjin if marjin > 0 else None
    minimum = []
    if luas is not None:
        for p in produk:
            per_ha = sum(p.per_tahun.values(), start=NOL) * hasil / m.luas_analisis
            minimum.append(
                MinimumProduk(p.nama, p.satuan, luas * per_ha, luas * per_ha / tahun_arus)
            )
    return TitikImpas(
        biaya_tetap=tetap,
        laba_target=laba,
        penerimaan=penerimaan,
        biaya_variabel=variabel,
        marjin_per_ha=marjin,
        luas_minimum=luas,
        tahun_arus=tahun_arus,
        produk=minimum,
    )


PEUBAH_KEPEKAAN = (("harga", "Harga produk"), ("hasil", "Hasil panen"), ("biaya", "Biaya"))
PERUBAHAN = (-20, -10, 10, 20)


def hitung_tahunan(m: MasukanTahunan) -> HasilTahunan:
    _periksa(m)
    ada_keluarga = any(b.tenaga_keluarga for b in m.biaya)
    ada_kayu = any(p.kayu for p in m.produk)
    hasil = []
    for s in SKENARIO:
        berlaku, alasan = True, ""
        if s.kode == "tanpa_keluarga" and not ada_keluarga:
            berlaku, alasan = False, "Tidak ada biaya yang ditandai tenaga kerja keluarga."
        if s.kode == "tanpa_kayu" and not ada_kayu:
            berlaku, alasan = False, "Tidak ada produk yang ditandai kayu."
        arus = _arus(m, s)
        nilai = kelayakan(arus, m.tingkat_diskonto)
        per_ha = nilai.npv / m.luas_analisis
        hasil.append(
            HasilSkenario(
                skenario=s,
                berlaku=berlaku,
                alasan=alasan,
                arus=arus,
                nilai=nilai,
                npv_per_ha=per_ha,
                npv_per_ha_tahun=per_ha / (m.periode + 1),
                impas=_impas(m, s),
            )
        )
    kepekaan = []
    lengkap = SKENARIO[0]
    for peubah, label in PEUBAH_KEPEKAAN:
        for persen in PERUBAHAN:
            faktor = {peubah: SATU + Decimal(persen) / 100}
            nilai = kelayakan(_arus(m, lengkap, **faktor), m.tingkat_diskonto)
            kepekaan.append(
                BarisKepekaan(
                    peubah=peubah,
                    label=label,
                    perubahan=persen,
                    npv=nilai.npv,
                    bcr=nilai.bcr,
                    irr=nilai.irr,
                    luas_minimum=_impas(m, lengkap, **faktor).luas_minimum,
                )
            )
    catatan = []
    utama = hasil[0]
    if utama.impas.luas_minimum is None:
        catatan.append(
            "Penerimaan selama periode tidak menutup biaya variabelnya: tidak ada luas yang "
            "mencapai titik impas pada harga dan hasil ini."
        )
    catatan.extend(utama.nilai.catatan)
    tercapai = (
        None if utama.impas.luas_minimum is None else m.luas_rencana >= utama.impas.luas_minimum
    )
    return HasilTahunan(skenario=hasil, kepekaan=kepekaan, tercapai=tercapai, catatan=catatan)
