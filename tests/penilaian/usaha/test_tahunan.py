"""Model arus kas tahunan: kasus agroforestri yang dihitung dengan tangan, tiga skenario kajian,
titik impas atas seluruh periode, IRR, balik modal dan kepekaan (tanpa basis data)."""

from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from penilaian.usaha import ekonomi as e
from penilaian.usaha import tahunan as t


def kasus_kopi_sengon(**ubah) -> t.MasukanTahunan:
    """1 ha, 3 tahun, diskonto 10%:
    tahun 0: investasi bibit dan penanaman Rp 10.000.000 (biaya tetap);
    tahun 1-3: pemeliharaan oleh tenaga kerja keluarga Rp 2.000.000 dan pupuk Rp 1.000.000;
    tahun 2-3: kopi 300 kg x Rp 20.000; tahun 3: sengon 10 m3 x Rp 1.000.000 (kayu)."""
    data = {
        "biaya": [
            t.BarisBiaya("Bibit dan penanaman", "investasi", {0: D(10_000_000)}),
            t.BarisBiaya(
                "Pemeliharaan",
                "pemeliharaan",
                dict.fromkeys((1, 2, 3), D(2_000_000)),
                tenaga_keluarga=True,
            ),
            t.BarisBiaya("Pupuk", "pemeliharaan", dict.fromkeys((1, 2, 3), D(1_000_000))),
        ],
        "produk": [
            t.BarisProduk("Kopi", "kg", D(20_000), {2: D(300), 3: D(300)}),
            t.BarisProduk("Sengon", "m3", D(1_000_000), {3: D(10)}, kayu=True),
        ],
        "umr_bulanan": D(2_000_000),
        "luas_analisis": D(1),
        "luas_rencana": D(5),
        "periode": 3,
        "tingkat_diskonto": D("0.10"),
    }
    data.update(ubah)
    return t.MasukanTahunan(**data)


def pecahan(d: D) -> F:
    return F(str(d))


# Faktor diskonto 1 / 1,1^t dengan tangan.
DF = [F(1), F(10, 11), F(100, 121), F(1000, 1331)]


def test_three_scenarios_npv_and_bcr_by_hand():
    h = t.hitung_tahunan(kasus_kopi_sengon())
    lengkap, tanpa_keluarga, tanpa_kayu = h.skenario
    assert [s.skenario.kode for s in h.skenario] == ["lengkap", "tanpa_keluarga", "tanpa_kayu"]
    assert all(s.berlaku for s in h.skenario)

    # (1) Kayu dan tenaga keluarga: arus bersih -10 jt, -3 jt, +3 jt, +13 jt.
    assert [a.bersih for a in lengkap.arus] == [-10_000_000, -3_000_000, 3_000_000, 13_000_000]
    manfaat = 6_000_000 * DF[2] + 16_000_000 * DF[3]  # 16.979.714,50
    biaya = 10_000_000 + 3_000_000 * (DF[1] + DF[2] + DF[3])  # 17.460.555,97
    assert round(manfaat, 2) == F("16979714.50")
    assert round(biaya, 2) == F("17460555.97")
    assert round(pecahan(lengkap.nilai.npv), 2) == round(manfaat - biaya, 2) == F("-480841.47")
    assert round(pecahan(lengkap.nilai.bcr), 6) == round(manfaat / biaya, 6) == F("0.972461")

    # (2) Tanpa upah keluarga: biaya tahun 1-3 tinggal 1 jt.
    biaya2 = 10_000_000 + 1_000_000 * (DF[1] + DF[2] + DF[3])  # 12.486.851,99
    assert round(pecahan(tanpa_keluarga.nilai.npv), 2) == F("4492862.51")
    assert round(pecahan(tanpa_keluarga.nilai.bcr), 6) == round(manfaat / biaya2, 6)
    assert round(manfaat / biaya2, 4) == F("1.3598")

    # (3) Tanpa kayu: manfaat kopi saja.
    manfaat3 = 6_000_000 * (DF[2] + DF[3])  # 9.466.566,49
    assert round(pecahan(tanpa_kayu.nilai.npv), 2) == round(manfaat3 - biaya, 2)
    assert round(manfaat3 - biaya, 2) == F("-7993989.48")
    assert round(pecahan(tanpa_kayu.nilai.bcr), 4) == F("0.5422")

    # Per ha (1 ha) dan per ha per tahun = NPV / (n + 1) = NPV / 4.
    assert tanpa_keluarga.npv_per_ha == tanpa_keluarga.nilai.npv
    assert tanpa_keluarga.npv_per_ha_tahun == tanpa_keluarga.nilai.npv / 4


def test_per_hectare_divides_by_the_analysed_area():
    dua = t.hitung_tahunan(kasus_kopi_sengon(luas_analisis=D(2)))
    satu = t.hitung_tahunan(kasus_kopi_sengon())
    assert dua.utama.nilai.npv == satu.utama.nilai.npv
    assert dua.utama.npv_per_ha == satu.utama.npv_per_ha / 2
    # Marjin per ha setengahnya, jadi luas minimum dua kali lipat.
    assert dua.utama.impas.luas_minimum == satu.utama.impas.luas_minimum * 2


def test_break_even_over_the_whole_period_with_the_investment_as_entered():
    h = t.hitung_tahunan(kasus_kopi_sengon())
    i = h.utama.impas
    # Biaya tetap = investasi 10 jt; laba = 2 jt x 12 x (3 + 1) = 96 jt;
    # marjin per ha = penerimaan 22 jt - biaya variabel 9 jt = 13 jt; luas = 106 / 13 ha.
    assert (i.biaya_tetap, i.laba_target) == (10_000_000, 96_000_000)
    assert (i.penerimaan, i.biaya_variabel, i.marjin_per_ha) == (22_000_000, 9_000_000, 13_000_000)
    assert round(pecahan(i.luas_minimum), 20) == round(F(106, 13), 20)
    assert i.biaya_tetap_tahunan == 2_500_000 and i.laba_tahunan == 24_000_000
    kopi, sengon = i.produk
    # Kopi 600 kg per ha selama periode x 106/13 ha; per tahun dibagi 4.
    assert round(pecahan(kopi.periode), 4) == round(F(600 * 106, 13), 4)
    assert round(pecahan(kopi.per_tahun), 4) == round(F(600 * 106, 13 * 4), 4)
    assert round(pecahan(sengon.periode), 4) == round(F(10 * 106, 13), 4)
    assert h.tercapai is False  # 5 ha < 8,15 ha
    # Tanpa kayu marjin 3 jt per ha: luas minimum 106 / 3 ha.
    assert round(pecahan(h.skenario[2].impas.luas_minimum), 6) == round(F(106, 3), 6)


def test_the_paper_constant_year_break_even_is_the_same_as_a_repeated_year():
    """Tahun yang sama diulang tahun 0..n: luas minimum kajian = (investasi + (n + 1) x (biaya
    tetap + UMR x 12)) / ((n + 1) x marjin per ha), bentuk yang dipakai tabel kajian."""
    n = 20
    semua = dict.fromkeys(range(n + 1), D(1))
    m = t.MasukanTahunan(
        biaya=[
            t.BarisBiaya("Investasi", "investasi", {0: D(30_000_000)}),
            t.BarisBiaya("Tetap", "lainnya", {k: D(2_000_000) for k in semua}, tetap=True),
        ],
        produk=[t.BarisProduk("Paket", "ha", D(9_000_000), semua, biaya_variabel=D(3_000_000))],
        umr_bulanan=D(1_500_000),
        periode=n,
    )
    luas = t.hitung_tahunan(m).utama.impas.luas_minimum
    harapan = F(30_000_000 + 21 * (2_000_000 + 18_000_000), 21 * 6_000_000)
    assert round(pecahan(luas), 12) == round(harapan, 12)


def test_scenarios_that_the_inputs_do_not_distinguish_are_marked():
    m = kasus_kopi_sengon(
        biaya=[t.BarisBiaya("Bibit", "investasi", {0: D(1_000_000)})],
        produk=[t.BarisProduk("Kopi", "kg", D(20_000), {1: D(100)})],
    )
    h = t.hitung_tahunan(m)
    assert [s.berlaku for s in h.skenario] == [True, False, False]
    assert "tenaga kerja keluarga" in h.skenario[1].alasan
    assert "kayu" in h.skenario[2].alasan


def test_irr_and_payback_by_hand():
    arus = [e.ArusKas(0, D(0), D(100)), e.ArusKas(1, D(110), D(0))]
    assert e.irr(arus) == (D("0.100000"), "")
    arus = [e.ArusKas(0, D(0), D(1000))] + [e.ArusKas(k, D(400), D(0)) for k in (1, 2, 3)]
    nilai, _ = e.irr(arus)
    # 400 x (1/(1+r) + 1/(1+r)^2 + 1/(1+r)^3) = 1000 pada r ~ 9,7010%
    assert abs(e.npv(arus, nilai)) < D("0.01")
    assert nilai.quantize(D("0.0001")) == D("0.0970")
    assert e.tahun_balik_modal(arus) == 3  # -1000, -600, -200, +200
    assert e.irr([e.ArusKas(0, D(5), D(0))])[0] is None
    h = t.hitung_tahunan(kasus_kopi_sengon())
    assert h.utama.nilai.balik_modal == 3  # -10, -13, -10, +3 juta
    assert abs(e.npv(h.utama.arus, h.utama.nilai.irr)) < D(10)  # IRR dibulatkan ke 0,0001%


def test_sensitivity_moves_the_right_way():
    h = t.hitung_tahunan(kasus_kopi_sengon())
    per = {(b.peubah, b.perubahan): b for b in h.kepekaan}
    assert len(h.kepekaan) == 12
    assert per[("harga", -20)].npv < per[("harga", -10)].npv < h.npv < per[("harga", 10)].npv
    assert per[("biaya", 20)].npv < h.npv < per[("biaya", -20)].npv
    # Hasil panen naik 10% sama dengan harga naik 10% bila tidak ada biaya per satuan.
    assert per[("hasil", 10)].npv == per[("harga", 10)].npv
    with_unit_cost = kasus_kopi_sengon(
        produk=[t.BarisProduk("Kopi", "kg", D(20_000), {2: D(300)}, biaya_variabel=D(5_000))]
    )
    per2 = {(b.peubah, b.perubahan): b for b in t.hitung_tahunan(with_unit_cost).kepekaan}
    assert per2[("hasil", 10)].npv < per2[("harga", 10)].npv


def test_year_specs_and_schedules():
    assert t.baca_tahun("0") == [0]
    assert t.baca_tahun("5, 10, 15-17") == [5, 10, 15, 16, 17]
    for salah in ("", "x", "5-3", "1-2-3"):
        with pytest.raises(ValueError):
            t.baca_tahun(salah)
    assert t.jadwal([3, 4, 5, 6], [D(100), D(250), D(400)]) == {
        3: D(100),
        4: D(250),
        5: D(400),
        6: D(400),
    }


@pytest.mark.parametrize(
    ("ubah", "kolom"),
    [
        ({"periode": 2}, "biaya_2_tahun"),  # tahun 3 di luar periode 0-2
        ({"luas_analisis": D(0)}, "luas_analisis"),
        ({"produk": []}, "produk"),
        ({"produk": [t.BarisProduk("Kopi", "kg", D(0), {1: D(1)})]}, "produk_1_harga"),
    ],
)
def test_impossible_yearly_inputs_get_errors_on_their_field(ubah, kolom):
    with pytest.raises(e.GalatMasukan) as galat:
        t.hitung_tahunan(kasus_kopi_sengon(**ubah))
    assert kolom in galat.value.galat


def test_no_break_even_when_revenue_never_covers_variable_cost():
    m = kasus_kopi_sengon(produk=[t.BarisProduk("Kopi", "kg", D(1_000), {2: D(1)})])
    h = t.hitung_tahunan(m)
    assert h.utama.impas.luas_minimum is None and h.tercapai is None
    assert "tidak ada luas" in h.catatan[0]


def test_a_twenty_year_agroforestry_model_like_the_papers_checked_with_annuity_factors():
    """Struktur kajian: persiapan tahun 0, kopi berbuah sejak tahun 4, kayu dipanen tahun 20,
    upah tenaga keluarga tiap tahun. Dihitung ulang dengan faktor anuitas (rumus tertutup):
    nilai kini 1 rupiah tiap tahun a..b = (1,1^-(a-1) - 1,1^-b) / 0,1."""
    n = 20

    def anuitas(a: int, b: int) -> F:
        return (F(10, 11) ** (a - 1) - F(10, 11) ** b) / F(1, 10)

    m = t.MasukanTahunan(
        biaya=[
            t.BarisBiaya("Persiapan dan bibit", "investasi", {0: D(8_000_000)}),
            t.BarisBiaya(
                "Tenaga keluarga",
                "pemeliharaan",
                dict.fromkeys(range(1, n + 1), D(3_000_000)),
                tenaga_keluarga=True,
            ),
            t.BarisBiaya("Pupuk", "pemeliharaan", dict.fromkeys(range(1, n + 1), D(1_000_000))),
        ],
        produk=[
            t.BarisProduk("Kopi", "kg", D(20_000), dict.fromkeys(range(4, n + 1), D(500))),
            t.BarisProduk("Sengon", "m3", D(1_500_000), {n: D(30)}, kayu=True),
        ],
        umr_bulanan=D(2_000_000),
        periode=n,
    )
    h = t.hitung_tahunan(m)
    kopi = 10_000_000 * anuitas(4, n)
    kayu = 45_000_000 * F(10, 11) ** n
    keluarga = 3_000_000 * anuitas(1, n)
    pupuk = 1_000_000 * anuitas(1, n)
    harapan = {
        "lengkap": (kopi + kayu, 8_000_000 + keluarga + pupuk),
        "tanpa_keluarga": (kopi + kayu, 8_000_000 + pupuk),
        "tanpa_kayu": (kopi, 8_000_000 + keluarga + pupuk),
    }
    for s in h.skenario:
        manfaat, biaya = harapan[s.skenario.kode]
        assert round(pecahan(s.nilai.npv), 2) == round(manfaat - biaya, 2), s.skenario.kode
        assert round(pecahan(s.nilai.bcr), 8) == round(manfaat / biaya, 8), s.skenario.kode
        assert s.npv_per_ha_tahun == s.nilai.npv / 21
    # Urutan seperti kajian: tanpa upah keluarga paling tinggi, tanpa kayu paling rendah.
    bcr = [s.nilai.bcr for s in h.skenario]
    assert bcr[1] > bcr[0] > bcr[2]
