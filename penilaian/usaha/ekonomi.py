"""Skala usaha ekonomis KUPS: titik impas dengan kontribusi laba, NPV dan BCR.

Python murni dengan Decimal (tanpa ORM, tanpa float). Metode dari kajian skala usaha ekonomis
perhutanan sosial (agroforestri dan ekowisata), harga konstan:

- Agroforestri multiproduk: produk digabung menjadi satu paket; r_i = jumlah produk i dalam satu
  paket. CM_i = P_i - V_i; CM paket = jumlah(CM_i x r_i); BEP(Q) = (FC + L) / CM paket, dengan L
  laba yang diinginkan = UMR. Minimum per produk = BEP(Q) x r_i; luas minimum = BEP(Q) / hasil
  paket per hektar.
- Ekowisata: nilai jual relatif s_i = penerimaan_i / penerimaan total; rasio marjin kontribusi =
  (penerimaan - biaya variabel) / penerimaan; BEP(Rp) = (FC + UMR) / rasio; penjualan minimum
  atraksi i = s_i x BEP(Rp); kunjungan minimum = penjualan minimum / harga tiket.

Semua masukan per tahun. Laba yang diinginkan per tahun = UMR per bulan x 12. Untuk ekowisata,
kunjungan minimum selama periode dihitung atas n + 1 arus kas tahunan (tahun 0 sampai n) lalu
dibagi n + 1 per tahun dan 365 per hari.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

NOL = Decimal(0)
SATU = Decimal(1)
BULAN = Decimal(12)
HARI = Decimal(365)


class GalatMasukan(ValueError):
    """Masukan yang tidak mungkin dihitung; `galat` memetakan kolom ke pesan Indonesia."""

    def __init__(self, galat: dict[str, str]):
        self.galat = galat
        super().__init__("; ".join(f"{k}: {v}" for k, v in galat.items()))


# ------------------------------------------------------------------ arus kas, NPV, BCR


@dataclass(frozen=True)
class ArusKas:
    tahun: int
    masuk: Decimal
    keluar: Decimal

    @property
    def bersih(self) -> Decimal:
        return self.masuk - self.keluar


def _diskonto(i: Decimal, tahun: int) -> Decimal:
    return (SATU + i) ** tahun


def npv(arus: list[ArusKas], tingkat_diskonto: Decimal) -> Decimal:
    """Nilai kini bersih: jumlah (masuk - keluar) / (1 + i)^t, t dari 0."""
    return sum((a.bersih / _diskonto(tingkat_diskonto, a.tahun) for a in arus), start=NOL)


def bcr(arus: list[ArusKas], tingkat_diskonto: Decimal) -> Decimal | None:
    """Rasio nilai kini manfaat terhadap nilai kini biaya; None bila tidak ada biaya."""
    manfaat = sum((a.masuk / _diskonto(tingkat_diskonto, a.tahun) for a in arus), start=NOL)
    biaya = sum((a.keluar / _diskonto(tingkat_diskonto, a.tahun) for a in arus), start=NOL)
    return None if biaya == 0 else manfaat / biaya


def arus_kas_konstan(
    *, investasi: Decimal, masuk_tahunan: Decimal, keluar_tahunan: Decimal, periode: int
) -> list[ArusKas]:
    """Tahun 0: investasi; tahun 1..n: penerimaan dan biaya tahunan yang sama (harga konstan)."""
    return [ArusKas(0, NOL, investasi)] + [
        ArusKas(t, masuk_tahunan, keluar_tahunan) for t in range(1, periode + 1)
    ]


# ------------------------------------------------------------------ agroforestri


@dataclass(frozen=True)
class Produk:
    nama: str
    rasio: Decimal  # jumlah dalam satu paket
    harga: Decimal  # Rp per satuan
    biaya_variabel: Decimal  # Rp per satuan
    satuan: str = "unit"

    @property
    def marjin(self) -> Decimal:
        return self.harga - self.biaya_variabel


@dataclass(frozen=True)
class MasukanAgroforestri:
    produk: list[Produk]
    biaya_tetap: Decimal  # Rp per tahun
    umr_bulanan: Decimal
    paket_per_hektar: Decimal  # paket per hektar per tahun
    luas_rencana: Decimal  # hektar yang direncanakan/dikelola
    investasi: Decimal = NOL
    periode: int = 20
    tingkat_diskonto: Decimal = Decimal("0.10")


@dataclass(frozen=True)
class BarisProduk:
    nama: str
    satuan: str
    rasio: Decimal
    marjin: Decimal
    kontribusi: Decimal  # marjin x rasio
    porsi: Decimal  # bagian dari marjin paket
    minimum: Decimal  # satuan per tahun


@dataclass
class HasilAgroforestri:
    marjin_paket: Decimal
    laba_target: Decimal
    bep_paket: Decimal
    luas_minimum: Decimal
    produk: list[BarisProduk]
    arus: list[ArusKas]
    npv: Decimal
    bcr: Decimal | None
    tercapai: bool
    catatan: list[str] = field(default_factory=list)


def _periksa_umum(m: MasukanAgroforestri | MasukanEkowisata) -> dict[str, str]:
    """Pemeriksaan yang sama untuk kedua jenis analisis; kembalikan galat per kolom."""
    galat = {}
    if m.umr_bulanan <= 0:
        galat["umr_bulanan"] = "UMR harus lebih dari 0."
    if m.biaya_tetap < 0:
        galat["biaya_tetap"] = "Biaya tetap tidak boleh negatif."
    if not 1 <= m.periode <= 100:
        galat["periode"] = "Periode analisis 1 sampai 100 tahun."
    if not NOL <= m.tingkat_diskonto < SATU:
        galat["tingkat_diskonto"] = "Tingkat diskonto 0 sampai kurang dari 100%."
    if m.investasi < 0:
        galat["investasi"] = "Investasi tidak boleh negatif."
    return galat


def hitung_agroforestri(m: MasukanAgroforestri) -> HasilAgroforestri:
    galat = _periksa_umum(m)
    if not m.produk:
        galat["produk"] = "Isi paling sedikit satu produk."
    for n, p in enumerate(m.produk, start=1):
        if p.harga <= 0:
            galat[f"produk_{n}_harga"] = f"Harga {p.nama} harus lebih dari 0."
        if p.biaya_variabel < 0:
            galat[f"produk_{n}_biaya"] = f"Biaya variabel {p.nama} tidak boleh negatif."
        if p.rasio < 0:
            galat[f"produk_{n}_rasio"] = f"Rasio {p.nama} tidak boleh negatif."
    if m.produk and all(p.rasio == 0 for p in m.produk):
        galat["produk"] = "Rasio produk tidak boleh semuanya nol."
    if m.paket_per_hektar <= 0:
        galat["paket_per_hektar"] = "Hasil paket per hektar harus lebih dari 0."
    if m.luas_rencana < 0:
        galat["luas_rencana"] = "Luas rencana tidak boleh negatif."
    if galat:
        raise GalatMasukan(galat)
    marjin_paket = sum((p.marjin * p.rasio for p in m.produk), start=NOL)
    if marjin_paket <= 0:
        raise GalatMasukan(
            {
                "produk": "Marjin kontribusi paket tidak positif: harga tidak menutup biaya "
                "variabel, sehingga tidak ada titik impas."
            }
        )
    catatan = []
    jumlah_rasio = sum((p.rasio for p in m.produk), start=NOL)
    if jumlah_rasio != 1:
        catatan.append(
            f"Jumlah rasio produk {jumlah_rasio.normalize():f}, bukan 1; perhitungan memakai rasio "
            "seperti yang diisi (satu paket berisi jumlah itu)."
        )
    laba = m.umr_bulanan * BULAN
    bep = (m.biaya_tetap + laba) / marjin_paket
    luas = bep / m.paket_per_hektar
    baris = [
        BarisProduk(
            nama=p.nama,
            satuan=p.satuan,
            rasio=p.rasio,
            marjin=p.marjin,
            kontribusi=p.marjin * p.rasio,
            porsi=p.marjin * p.rasio / marjin_paket,
            minimum=bep * p.rasio,
        )
        for p in m.produk
    ]
    paket_rencana = m.luas_rencana * m.paket_per_hektar
    masuk = paket_rencana * sum((p.harga * p.rasio for p in m.produk), start=NOL)
    keluar = m.biaya_tetap + paket_rencana * sum(
        (p.biaya_variabel * p.rasio for p in m.produk), start=NOL
    )
    arus = arus_kas_konstan(
        investasi=m.investasi, masuk_tahunan=masuk, keluar_tahunan=keluar, periode=m.periode
    )
    return HasilAgroforestri(
        marjin_paket=marjin_paket,
        laba_target=laba,
        bep_paket=bep,
        luas_minimum=luas,
        produk=baris,
        arus=arus,
        npv=npv(arus, m.tingkat_diskonto),
        bcr=bcr(arus, m.tingkat_diskonto),
        tercapai=m.luas_rencana >= luas,
        catatan=catatan,
    )


# ------------------------------------------------------------------ ekowisata


@dataclass(frozen=True)
class Atraksi:
    nama: str
    penerimaan: Decimal  # Rp per tahun
    biaya_variabel: Decimal  # Rp per tahun
    harga_tiket: Decimal  # Rp per kunjungan


@dataclass(frozen=True)
class MasukanEkowisata:
    atraksi: list[Atraksi]
    biaya_tetap: Decimal  # Rp per tahun
    umr_bulanan: Decimal
    investasi: Decimal = NOL
    periode: int = 20
    tingkat_diskonto: Decimal = Decimal("0.10")


@dataclass(frozen=True)
class BarisAtraksi:
    nama: str
    nilai_jual_relatif: Decimal
    penjualan_minimum: Decimal  # Rp per tahun
    kunjungan_periode: Decimal  # selama n + 1 tahun arus kas
    kunjungan_tahunan: Decimal
    kunjungan_harian: Decimal
    kunjungan_sekarang: Decimal  # penerimaan / tiket


@dataclass
class HasilEkowisata:
    penerimaan: Decimal
    biaya_variabel: Decimal
    rasio_marjin: Decimal
    laba_target: Decimal
    bep_rupiah: Decimal  # per tahun
    atraksi: list[BarisAtraksi]
    kunjungan_tahunan: Decimal
    arus: list[ArusKas]
    npv: Decimal
    bcr: Decimal | None
    tercapai: bool
    catatan: list[str] = field(default_factory=list)


def hitung_ekowisata(m: MasukanEkowisata) -> HasilEkowisata:
    galat = _periksa_umum(m)
    if not m.atraksi:
        galat["atraksi"] = "Isi paling sedikit satu atraksi."
    for n, a in enumerate(m.atraksi, start=1):
        if a.harga_tiket <= 0:
            galat[f"atraksi_{n}_tiket"] = f"Harga tiket {a.nama} harus lebih dari 0."
        if a.penerimaan < 0 or a.biaya_variabel < 0:
            galat[f"atraksi_{n}_penerimaan"] = f"Penerimaan dan biaya {a.nama} tidak boleh negatif."
    if galat:
        raise GalatMasukan(galat)
    penerimaan = sum((a.penerimaan for a in m.atraksi), start=NOL)
    biaya_var = sum((a.biaya_variabel for a in m.atraksi), start=NOL)
    if penerimaan <= 0:
        raise GalatMasukan({"atraksi": "Penerimaan total harus lebih dari 0."})
    rasio = (penerimaan - biaya_var) / penerimaan
    if rasio <= 0:
        raise GalatMasukan(
            {"atraksi": "Biaya variabel menyamai atau melebihi penerimaan: tidak ada titik impas."}
        )
    laba = m.umr_bulanan * BULAN
    bep = (m.biaya_tetap + laba) / rasio
    tahun_arus = Decimal(m.periode + 1)
    baris = []
    for a in m.atraksi:
        s = a.penerimaan / penerimaan
        jual = s * bep
        periode = jual * tahun_arus / a.harga_tiket
        tahunan = periode / tahun_arus
        baris.append(
            BarisAtraksi(
                nama=a.nama,
                nilai_jual_relatif=s,
                penjualan_minimum=jual,
                kunjungan_periode=periode,
                kunjungan_tahunan=tahunan,
                kunjungan_harian=tahunan / HARI,
                kunjungan_sekarang=a.penerimaan / a.harga_tiket,
            )
        )
    arus = arus_kas_konstan(
        investasi=m.investasi,
        masuk_tahunan=penerimaan,
        keluar_tahunan=m.biaya_tetap + biaya_var,
        periode=m.periode,
    )
    return HasilEkowisata(
        penerimaan=penerimaan,
        biaya_variabel=biaya_var,
        rasio_marjin=rasio,
        laba_target=laba,
        bep_rupiah=bep,
        atraksi=baris,
        kunjungan_tahunan=sum((b.kunjungan_tahunan for b in baris), start=NOL),
        arus=arus,
        npv=npv(arus, m.tingkat_diskonto),
        bcr=bcr(arus, m.tingkat_diskonto),
        tercapai=penerimaan >= bep,
        catatan=[],
    )


# ------------------------------------------------------------------ pembulatan tampilan


def bulat_ke_atas(nilai: Decimal, desimal: int = 0) -> Decimal:
    """Minimum dibulatkan ke atas: setengah pengunjung atau 0,001 ha belum mencukupi."""
    return nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_CEILING)


def bulat(nilai: Decimal, desimal: int = 0) -> Decimal:
    return nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
