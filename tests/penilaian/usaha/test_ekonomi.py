"""Skala usaha ekonomis: kasus hitungan tangan, validasi, dan sifat umum (tanpa basis data)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penilaian.usaha import ekonomi as e


def kopi_pisang(**ubah) -> e.MasukanAgroforestri:
    data = {
        "produk": [
            e.Produk("Kopi", D("0.6"), D("25000"), D("10000"), "kg"),  # CM 15.000 x 0,6 = 9.000
            e.Produk("Pisang", D("0.4"), D("4500"), D("2000"), "tandan"),  # CM 2.500 x 0,4 = 1.000
        ],
        "biaya_tetap": D("12000000"),
        "umr_bulanan": D("2000000"),
        "paket_per_hektar": D("1200"),
        "luas_rencana": D("2.5"),
    }
    data.update(ubah)
    return e.MasukanAgroforestri(**data)


def test_agroforestry_break_even_by_hand():
    # CM paket 10.000; L = 2.000.000 x 12 = 24.000.000; BEP = 36.000.000 / 10.000 = 3.600 paket
    h = e.hitung_agroforestri(kopi_pisang())
    assert h.marjin_paket == 10000
    assert h.laba_target == 24000000
    assert h.bep_paket == 3600
    assert [b.minimum for b in h.produk] == [D("2160.0"), D("1440.0")]
    assert h.luas_minimum == 3  # 3.600 / 1.200 paket per ha
    assert not h.tercapai  # rencana 2,5 ha < 3 ha
    assert [b.porsi for b in h.produk] == [D("0.9"), D("0.1")]  # kopi pendorong utama
    assert h.catatan == []


def test_ratios_not_summing_to_one_get_a_notice_but_are_used_as_given():
    h = e.hitung_agroforestri(
        kopi_pisang(
            produk=[
                e.Produk("Kopi", D("1"), D("25000"), D("10000")),
                e.Produk("Pisang", D("1"), D("4500"), D("2000")),
            ]
        )
    )
    assert h.marjin_paket == 17500
    assert h.bep_paket == D(36000000) / D(17500)
    assert "bukan 1" in h.catatan[0]


@pytest.mark.parametrize(
    ("ubah", "kolom"),
    [
        ({"produk": [e.Produk("Kopi", D("-1"), D("25000"), D("1"))]}, "produk_1_rasio"),
        ({"produk": [e.Produk("Kopi", D("0"), D("25000"), D("1"))]}, "produk"),
        ({"produk": [e.Produk("Kopi", D("1"), D("0"), D("1"))]}, "produk_1_harga"),
        ({"produk": [e.Produk("Kopi", D("1"), D("1000"), D("1500"))]}, "produk"),
        ({"umr_bulanan": D("0")}, "umr_bulanan"),
        ({"paket_per_hektar": D("0")}, "paket_per_hektar"),
        ({"periode": 0}, "periode"),
        ({"tingkat_diskonto": D("1")}, "tingkat_diskonto"),
    ],
)
def test_impossible_agroforestry_inputs_get_clear_errors(ubah, kolom):
    with pytest.raises(e.GalatMasukan) as galat:
        e.hitung_agroforestri(kopi_pisang(**ubah))
    assert kolom in galat.value.galat


def test_npv_and_bcr_by_hand():
    arus = e.arus_kas_konstan(
        investasi=D(10000000), masuk_tahunan=D(5000000), keluar_tahunan=D(2000000), periode=2
    )
    # -10.000.000 + 3.000.000/1,1 + 3.000.000/1,21
    assert e.bulat(e.npv(arus, D("0.1")), 2) == D("-4793388.43")
    # (5/1,1 + 5/1,21) / (10 + 2/1,1 + 2/1,21) juta
    assert e.bulat(e.bcr(arus, D("0.1")), 4) == D("0.6442")
    assert e.npv(arus, D(0)) == -4000000


def test_ecotourism_break_even_by_hand():
    m = e.MasukanEkowisata(
        atraksi=[
            e.Atraksi("Gardu pandang", D(300000000), D(60000000), D(10000), pintu_masuk=True),
            e.Atraksi("Flying fox", D(100000000), D(40000000), D(25000)),
        ],
        biaya_tetap=D(60000000),
        umr_bulanan=D(2500000),
    )
    h = e.hitung_ekowisata(m)
    assert h.rasio_marjin == D("0.75")  # (400 - 100) / 400
    assert h.bep_rupiah == 120000000  # (60 + 30) juta / 0,75
    gardu, flying = h.atraksi
    assert (gardu.nilai_jual_relatif, flying.nilai_jual_relatif) == (D("0.75"), D("0.25"))
    assert (gardu.penjualan_minimum, flying.penjualan_minimum) == (90000000, 30000000)
    assert (gardu.kunjungan_periode, gardu.kunjungan_tahunan) == (
        189000,
        9000,
    )  # 21 arus kas tahunan
    assert flying.kunjungan_tahunan == 1200
    assert e.bulat_ke_atas(gardu.kunjungan_harian) == 25  # 9.000 / 365 = 24,66 -> 25 per hari
    assert h.masuk is gardu and h.kunjungan_tahunan == 9000  # tiket masuk saja
    assert h.kunjungan_sekarang == 30000 and h.tercapai  # 300 juta / 10.000 >= 9.000


def test_ecotourism_investment_enters_the_break_even_over_the_period():
    m = e.MasukanEkowisata(
        atraksi=[e.Atraksi("Masuk", D(400), D(100), D(1), pintu_masuk=True)],
        biaya_tetap=D(60),
        umr_bulanan=D("2.5"),
        investasi=D(210),
        periode=20,
    )
    h = e.hitung_ekowisata(m)
    # (210 + 60 x 21 + 30 x 21) / 0,75 = 2.800 selama periode; 2.800 / 21 per tahun.
    assert h.bep_periode == 2800
    assert h.bep_rupiah == D(2800) / 21
    lama = e.hitung_ekowisata(
        e.MasukanEkowisata(
            atraksi=[e.Atraksi("Masuk", D(400), D(100), D(1))],
            biaya_tetap=D(60),
            umr_bulanan=D("2.5"),
            investasi=D(210),
            model=1,
        )
    )
    assert lama.bep_rupiah == 120  # model lama: investasi di luar titik impas


@pytest.mark.parametrize(
    ("atraksi", "kolom"),
    [
        ([e.Atraksi("A", D(100), D(10), D(0))], "atraksi_1_tiket"),
        ([e.Atraksi("A", D(0), D(0), D(10))], "atraksi"),
        ([e.Atraksi("A", D(100), D(120), D(10))], "atraksi"),
    ],
)
def test_impossible_ecotourism_inputs_get_clear_errors(atraksi, kolom):
    with pytest.raises(e.GalatMasukan) as galat:
        e.hitung_ekowisata(
            e.MasukanEkowisata(atraksi=atraksi, biaya_tetap=D(1), umr_bulanan=D(1), model=1)
        )
    assert kolom in galat.value.galat


rupiah = st.integers(min_value=0, max_value=10**10).map(D)


@given(rupiah, rupiah)
def test_raising_fixed_cost_never_lowers_the_break_even(a, b):
    rendah, tinggi = sorted((a, b))
    assert e.hitung_agroforestri(kopi_pisang(biaya_tetap=tinggi)).bep_paket >= (
        e.hitung_agroforestri(kopi_pisang(biaya_tetap=rendah)).bep_paket
    )


@given(
    st.integers(1, 10**9).map(D),
    st.lists(st.integers(0, 10**9).map(D), min_size=1, max_size=25),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_a_higher_discount_rate_never_raises_the_npv_of_a_profitable_project(
    investasi, bersih, p1, p2
):
    # Proyek menguntungkan dengan arus konvensional: keluar di tahun 0, bersih >= 0 sesudahnya.
    arus = [e.ArusKas(0, D(0), investasi)] + [
        e.ArusKas(t, b, D(0)) for t, b in enumerate(bersih, start=1)
    ]
    rendah, tinggi = sorted((D(p1) / 100, D(p2) / 100))
    assert e.npv(arus, tinggi) <= e.npv(arus, rendah) + D("1e-12")
