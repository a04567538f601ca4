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

from perhutanan.angka import format_angka

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


# Titik awal pencarian IRR: akar dicari di antara dua titik berurutan yang NPV-nya berbeda tanda.
_KISI_IRR = tuple(
    Decimal(x)
    for x in (
        "-0.99",
        "-0.9",
        "-0.75",
        "-0.5",
        "-0.25",
        "-0.1",
        "0",
        "0.05",
        "0.1",
        "0.15",
        "0.2",
        "0.3",
        "0.5",
        "0.75",
        "1",
        "1.5",
        "2",
        "3",
        "5",
        "10",
    )
)
_PRESISI_IRR = Decimal("0.000001")


def _npv_pada(arus: list[ArusKas], r: Decimal) -> Decimal:
    return sum((a.bersih / (SATU + r) ** a.tahun for a in arus), start=NOL)


def irr(arus: list[ArusKas]) -> tuple[Decimal | None, str]:
    """(IRR, catatan): tingkat diskonto yang membuat NPV nol, dicari antara -99% dan 1.000%
    dengan bagi dua pada Decimal. None (dengan alasannya) bila arus bersih tidak berganti tanda
    atau tidak ada akar dalam rentang itu; bila ada beberapa akar, yang terkecil dan catatan."""
    bersih = [a.bersih for a in arus if a.bersih != 0]
    if not bersih or all(b > 0 for b in bersih) or all(b < 0 for b in bersih):
        return None, "IRR tidak ada: arus kas bersih tidak pernah berganti tanda."
    akar = []
    kiri, nilai_kiri = _KISI_IRR[0], _npv_pada(arus, _KISI_IRR[0])
    for kanan in _KISI_IRR[1:]:
        nilai_kanan = _npv_pada(arus, kanan)
        if nilai_kiri == 0:
            akar.append(kiri)
        elif nilai_kanan != 0 and (nilai_kiri < 0) != (nilai_kanan < 0):
            a, b, fa = kiri, kanan, nilai_kiri
            while b - a > _PRESISI_IRR / 100:
                tengah = (a + b) / 2
                ft = _npv_pada(arus, tengah)
                if ft == 0:
                    a = b = tengah
                    break
                if (ft < 0) == (fa < 0):
                    a, fa = tengah, ft
                else:
                    b = tengah
            akar.append(((a + b) / 2).quantize(_PRESISI_IRR, rounding=ROUND_HALF_UP))
        kiri, nilai_kiri = kanan, nilai_kanan
    if nilai_kiri == 0:
        akar.append(kiri)
    if not akar:
        return None, "IRR tidak ditemukan antara -99% dan 1.000% per tahun."
    if len(akar) > 1:
        return akar[0], "Arus kas berganti tanda lebih dari sekali: IRR lebih dari satu."
    return akar[0], ""


def tahun_balik_modal(arus: list[ArusKas]) -> int | None:
    """Tahun pertama arus kas bersih kumulatif (tanpa diskonto) tidak lagi negatif."""
    jalan = NOL
    for a in arus:
        jalan += a.bersih
        if jalan >= 0:
            return a.tahun
    return None


@dataclass
class Kelayakan:
    npv: Decimal
    bcr: Decimal | None
    irr: Decimal | None
    balik_modal: int | None
    catatan: list[str] = field(default_factory=list)


def kelayakan(arus: list[ArusKas], tingkat_diskonto: Decimal) -> Kelayakan:
    nilai_irr, catatan_irr = irr(arus)
    return Kelayakan(
        npv=npv(arus, tingkat_diskonto),
        bcr=bcr(arus, tingkat_diskonto),
        irr=nilai_irr,
        balik_modal=tahun_balik_modal(arus),
        catatan=[catatan_irr] if catatan_irr else [],
    )


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
            f"Jumlah rasio produk {format_angka(jumlah_rasio)}, bukan 1; perhitungan memakai rasio "
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
    pintu_masuk: bool = False  # tiket masuk kawasan: jumlahnya = jumlah pengunjung


@dataclass(frozen=True)
class MasukanEkowisata:
    atraksi: list[Atraksi]
    biaya_tetap: Decimal  # Rp per tahun
    umr_bulanan: Decimal
    investasi: Decimal = NOL
    periode: int = 20
    tingkat_diskonto: Decimal = Decimal("0.10")
    kunjungan_sekarang: Decimal | None = None  # tiket masuk per tahun saat ini
    # 1: analisis lama (investasi tidak masuk titik impas, tanpa tiket masuk);
    # 2: titik impas seperti kajian (investasi dan biaya tetap selama periode).
    model: int = 2


@dataclass(frozen=True)
class BarisAtraksi:
    nama: str
    pintu_masuk: bool
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
    laba_target: Decimal  # per tahun
    bep_rupiah: Decimal  # per tahun
    bep_periode: Decimal  # selama n + 1 tahun arus kas
    biaya_tetap_periode: Decimal  # investasi + biaya tetap x (n + 1) (model 2)
    atraksi: list[BarisAtraksi]
    masuk: BarisAtraksi | None  # atraksi tiket masuk (model 2)
    kunjungan_sekarang: Decimal | None
    kunjungan_sekarang_diisi: bool
    kunjungan_tahunan: Decimal  # model 1: jumlah semua atraksi; model 2: tiket masuk
    arus: list[ArusKas]
    npv: Decimal
    bcr: Decimal | None
    nilai: Kelayakan
    tercapai: bool
    tahun_arus: int
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
    if m.model >= 2 and m.atraksi and sum(1 for a in m.atraksi if a.pintu_masuk) != 1:
        galat["atraksi"] = "Tandai tepat satu atraksi sebagai tiket masuk."
    if m.kunjungan_sekarang is not None and m.kunjungan_sekarang < 0:
        galat["kunjungan_sekarang"] = "Kunjungan tidak boleh negatif."
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
    tahun_arus = Decimal(m.periode + 1)
    if m.model >= 2:
        # Kajian: biaya tetap seluruh periode (investasi tahun 0 dan biaya tetap tiap tahun arus
        # kas) ditambah laba yang diinginkan seluruh periode (UMR x 12 x (n + 1)).
        tetap_periode = m.investasi + m.biaya_tetap * tahun_arus
        bep_periode = (tetap_periode + laba * tahun_arus) / rasio
        bep = bep_periode / tahun_arus
    else:
        tetap_periode = m.biaya_tetap * tahun_arus
        bep = (m.biaya_tetap + laba) / rasio
        bep_periode = bep * tahun_arus
    baris = []
    for a in m.atraksi:
        s = a.penerimaan / penerimaan
        jual = s * bep
        tahunan = jual / a.harga_tiket
        baris.append(
            BarisAtraksi(
                nama=a.nama,
                pintu_masuk=a.pintu_masuk,
                nilai_jual_relatif=s,
                penjualan_minimum=jual,
                kunjungan_periode=tahunan * tahun_arus,
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
    nilai = kelayakan(arus, m.tingkat_diskonto)
    masuk = next((b for b in baris if b.pintu_masuk), None)
    if masuk is not None:
        sekarang = (
            m.kunjungan_sekarang if m.kunjungan_sekarang is not None else masuk.kunjungan_sekarang
        )
        perlu = masuk.kunjungan_tahunan
        tercapai = sekarang >= perlu
    else:
        sekarang = None
        perlu = sum((b.kunjungan_tahunan for b in baris), start=NOL)
        tercapai = penerimaan >= bep
    return HasilEkowisata(
        penerimaan=penerimaan,
        biaya_variabel=biaya_var,
        rasio_marjin=rasio,
        laba_target=laba,
        bep_rupiah=bep,
        bep_periode=bep_periode,
        biaya_tetap_periode=tetap_periode,
        atraksi=baris,
        masuk=masuk,
        kunjungan_sekarang=sekarang,
        kunjungan_sekarang_diisi=m.kunjungan_sekarang is not None,
        kunjungan_tahunan=perlu,
        arus=arus,
        npv=nilai.npv,
        bcr=nilai.bcr,
        nilai=nilai,
        tercapai=tercapai,
        tahun_arus=m.periode + 1,
        catatan=list(nilai.catatan),
    )


# ------------------------------------------------------------------ pembulatan tampilan


def bulat_ke_atas(nilai: Decimal, desimal: int = 0) -> Decimal:
    """Minimum dibulatkan ke atas: setengah pengunjung atau 0,001 ha belum mencukupi."""
    return nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_CEILING)


def bulat(nilai: Decimal, desimal: int = 0) -> Decimal:
    return nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
