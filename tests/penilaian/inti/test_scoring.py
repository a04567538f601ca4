"""Mesin penilaian tanpa basis data: kasus hitungan tangan, aturan rekap, dan sifat umum."""

from decimal import Decimal
from fractions import Fraction
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from penilaian.inti import definisi, scoring
from tests.penilaian.conftest import FIXTURES


@cache
def instrumen(nama: str) -> scoring.Instrumen:
    return definisi.ke_mesin(definisi.dari_yaml((FIXTURES / f"{nama}.yaml").read_text()))


def jawaban_teratas(ins: scoring.Instrumen, **ganti) -> dict:
    """Semua indikator dijawab opsi pertama (skor tertinggi), lalu diganti sesuai argumen."""
    jawab = {i.kode: (i.maks if i.isian else i.opsi[0].kode) for i in ins.semua_indikator()}
    jawab.update({k.replace("_", "."): v for k, v in ganti.items()})
    return jawab


def kriteria(hasil: scoring.Hasil, kode: str) -> scoring.HasilKriteria:
    return next(k for k in hasil.kriteria if k.kode == kode)


def test_all_best_answers_give_100_in_every_criterion():
    hasil = scoring.nilai(instrumen("hkm"), jawaban_teratas(instrumen("hkm")))
    assert len(hasil.kriteria) == 13
    assert all(k.nilai == 100 and k.kategori == "Baik" for k in hasil.kriteria)


def test_a_hand_computed_criterion_b1():
    # Bobot B1: 10, 9, 10, 8, 6, 10, 10 (jumlah 63). Skor: 3, 2, 1, 3, 2, 3, 1.
    # (30 + 18 + 10 + 24 + 12 + 30 + 10) / (63 x 3) x 100 = 134/189 x 100 = 70,899...
    jawab = jawaban_teratas(instrumen("hkm"), B1_2="b", B1_3="b", B1_5="b", B1_7="b")
    b1 = kriteria(scoring.nilai(instrumen("hkm"), jawab), "B1")
    assert b1.nilai == Fraction(13400, 189)
    assert b1.kategori == "Sedang"


def test_a_criterion_with_two_option_indicators():
    # D4.1 (bobot 8) hanya punya Ada (3) / Tidak ada (1); D4.2 (bobot 7) tiga opsi.
    # D4.1 = Tidak ada, D4.2 = a: (8 x 1 + 7 x 3) / (15 x 3) x 100 = 2900/45 = 64,44...
    d4 = kriteria(
        scoring.nilai(instrumen("hkm"), jawaban_teratas(instrumen("hkm"), D4_1="b")), "D4"
    )
    assert d4.nilai == Fraction(2900, 45)
    assert d4.kategori == "Sedang"


def test_the_no_assets_option_of_d2_6_scores_like_decreasing_assets():
    ins = instrumen("hkm")
    berkurang = kriteria(scoring.nilai(ins, jawaban_teratas(ins, D2_6="c")), "D2")
    tanpa_aset = kriteria(scoring.nilai(ins, jawaban_teratas(ins, D2_6="d")), "D2")
    assert ins.semua_indikator()[0].kode == "A1.1"
    d26 = next(i for i in ins.semua_indikator() if i.kode == "D2.6")
    assert [o.teks for o in d26.opsi][-1] == "Tidak memiliki aset"
    # D2: jumlah bobot 61; D2.6 bobot 8 turun dari 3 ke 1: (183 - 16) / 183 x 100
    assert berkurang.nilai == tanpa_aset.nilai == Fraction(16700, 183)


def test_prerequisites_are_recorded_but_not_scored():
    ins = instrumen("hkm")
    hasil = scoring.nilai(ins, jawaban_teratas(ins, A1_1="b", A1_2="b"))
    assert hasil.indikator["A1.1"] is False
    assert all(k.nilai == 100 for k in hasil.kriteria)


def test_incomplete_or_invalid_answers_are_rejected_with_precise_errors():
    ins = instrumen("hkm")
    jawab = jawaban_teratas(ins)
    del jawab["C3.2"]
    jawab["B1.3"] = "c"  # B1.3 hanya punya opsi a dan b
    jawab["Z9.9"] = "a"
    with pytest.raises(scoring.GalatJawaban) as e:
        scoring.nilai(ins, jawab)
    assert e.value.galat == {
        "C3.2": "Belum dijawab.",
        "B1.3": "Pilihan tidak ada di indikator ini.",
        "Z9.9": "Indikator tidak dikenal di instrumen ini.",
    }


def test_a_draft_scores_only_complete_criteria():
    ins = instrumen("hkm")
    jawab = jawaban_teratas(ins)
    del jawab["C3.2"]
    hasil = scoring.nilai(ins, jawab, lengkap=False)
    c3 = kriteria(hasil, "C3")
    assert (c3.nilai, c3.terjawab, c3.jumlah_indikator) == (None, 1, 2)
    assert not hasil.lengkap and hasil.kurang == ("C3.2",)


# ------------------------------------------------------------------ rekap


def test_values_are_truncated_not_rounded_for_the_recap():
    assert scoring.potong_satu_desimal(Fraction(200, 3)) == Decimal("66.6")
    assert scoring.potong_satu_desimal(Fraction(7099, 100)) == Decimal("70.9")
    assert scoring.potong_satu_desimal(Fraction(100)) == Decimal("100.0")


def test_the_average_is_rounded_half_up_exactly():
    assert scoring.bulatkan_setengah_ke_atas(Fraction(6665, 100)) == Decimal("66.7")
    assert scoring.bulatkan_setengah_ke_atas(Fraction(6664999, 100000)) == Decimal("66.6")
    assert scoring.bulatkan_setengah_ke_atas(Fraction(200, 3)) == Decimal("66.7")


def peta(nilai_b1: Fraction) -> dict:
    """Peta kriteria responden: B1 sesuai argumen, kriteria lain 100."""
    return {
        k.kode: (nilai_b1 if k.kode == "B1" else Fraction(100))
        for k in instrumen("hkm").kriteria_dinilai()
    }


def test_the_recap_follows_the_official_sheet_where_truncation_and_rounding_differ():
    # Nilai tampil 66,6 (dari 66,66..) dan 66,7 (dari 66,78): Total 133,3, Rata-rata
    # 133,3 / 2 = 66,65 -> 66,7 (setengah ke atas). Rata-rata eksak 66,72 juga 66,7, tetapi
    # rata-rata nilai bulat (66,7 + 66,8) / 2 = 66,75 -> 66,8 akan salah.
    r = scoring.rekap(instrumen("hkm"), [peta(Fraction(200, 3)), peta(Fraction(6678, 100))])
    b1 = r.kolom[0]
    assert r.baris[0][0] == Decimal("66.6") and r.baris[1][0] == Decimal("66.7")
    assert (b1.kode, b1.total, b1.rata_rata, b1.kategori) == (
        "B1",
        Decimal("133.3"),
        Decimal("66.7"),
        "Sedang",
    )


def test_the_category_uses_the_rounded_average_at_the_boundary():
    # Tampil 79,9 dan 80,0: Total 159,9 / 2 = 79,95 -> 80,0 -> Baik, walau rata-rata eksak
    # (79,99 + 80,0) / 2 sedikit di bawah 80 pada data lain.
    r = scoring.rekap(instrumen("hkm"), [peta(Fraction(7999, 100)), peta(Fraction(80))])
    assert (r.kolom[0].rata_rata, r.kolom[0].kategori) == (Decimal("80.0"), "Baik")
    r = scoring.rekap(instrumen("hkm"), [peta(Fraction(7999, 100)), peta(Fraction(7999, 100))])
    assert (r.kolom[0].rata_rata, r.kolom[0].kategori) == (Decimal("79.9"), "Sedang")


def test_the_weakest_criteria_are_the_lowest_averages():
    nilai = {k.kode: Fraction(90) for k in instrumen("hkm").kriteria_dinilai()}
    nilai.update({"C3": Fraction(40), "D5": Fraction(50), "B2": Fraction(60)})
    r = scoring.rekap(instrumen("hkm"), [nilai])
    assert [k.kode for k in r.terlemah()] == ["C3", "D5", "B2"]


# ------------------------------------------------------------------ sifat umum (hypothesis)


@st.composite
def jawaban_lengkap(draw, nama="hkm"):
    ins = instrumen(nama)
    jawab = {}
    for i in ins.semua_indikator():
        if i.isian:
            jawab[i.kode] = draw(st.integers(0, int(i.maks)))
        else:
            jawab[i.kode] = draw(st.sampled_from([o.kode for o in i.opsi]))
    return jawab


@settings(max_examples=200)
@given(jawaban_lengkap())
def test_every_criterion_stays_between_one_third_and_100(jawab):
    for k in scoring.nilai(instrumen("hkm"), jawab).kriteria:
        assert Fraction(100, 3) <= k.nilai <= 100
        assert k.kategori in ("Baik", "Sedang", "Tidak Baik")


@settings(max_examples=200)
@given(jawaban_lengkap(), st.data())
def test_raising_one_answer_never_lowers_its_criterion(jawab, data):
    ins = instrumen("hkm")
    indikator = data.draw(st.sampled_from(ins.semua_indikator(termasuk_prasyarat=False)))
    sekarang = indikator.opsi_dengan_kode(jawab[indikator.kode]).skor
    lebih_tinggi = [o.kode for o in indikator.opsi if o.skor >= sekarang]
    naik = dict(jawab, **{indikator.kode: data.draw(st.sampled_from(lebih_tinggi))})
    kode_kriteria = indikator.kode.split(".")[0]
    sebelum = kriteria(scoring.nilai(ins, jawab), kode_kriteria).nilai
    sesudah = kriteria(scoring.nilai(ins, naik), kode_kriteria).nilai
    assert sesudah >= sebelum


@settings(max_examples=100)
@given(jawaban_lengkap("kth"))
def test_the_kth_total_is_the_sum_of_aspects_and_within_1000(jawab):
    hasil = scoring.nilai(instrumen("kth"), jawab)
    assert hasil.total == sum(a.nilai for a in hasil.aspek)
    assert 0 <= hasil.total <= 1000
    assert hasil.golongan in ("Pemula", "Madya", "Utama")


def test_the_kth_maxima_sum_as_the_instrument_says():
    ins = instrumen("kth")
    per_aspek = {a.kode: sum(i.maks for k in a.kriteria for i in k.indikator) for a in ins.aspek}
    assert per_aspek == {"I": 360, "II": 300, "III": 340}
    assert all(a.maks == per_aspek[a.kode] for a in ins.aspek)
    assert sum(per_aspek.values()) == 1000


def test_the_hkm_weights_are_the_denominators_of_each_criterion():
    ins = instrumen("hkm")
    bobot = {k.kode: sum(i.bobot for i in k.indikator) for k in ins.kriteria_dinilai()}
    assert bobot["B1"] == 63 and bobot["D2"] == 61 and bobot["D4"] == 15
    assert len(bobot) == 13


@pytest.mark.parametrize(
    ("total", "kelas"),
    [
        (0, "Pemula"),
        (349, "Pemula"),
        (350, "Madya"),
        (700, "Madya"),
        (701, "Utama"),
        (1000, "Utama"),
    ],
)
def test_kth_class_thresholds(total, kelas):
    assert instrumen("kth").golongkan(Fraction(total)) == kelas


def test_a_kth_fill_in_value_must_be_a_whole_number_within_its_maximum():
    ins = instrumen("kth")
    jawab = jawaban_teratas(ins)
    jawab["I.7"] = 21  # maks 20
    jawab["I.8"] = "7,5"
    jawab["I.9"] = -1
    with pytest.raises(scoring.GalatJawaban) as e:
        scoring.nilai(ins, jawab)
    assert e.value.galat == {
        "I.7": "Nilai harus antara 0 dan 20.",
        "I.8": "Isi angka bulat.",
        "I.9": "Nilai harus antara 0 dan 20.",
    }


def test_the_loader_rejects_an_inconsistent_rubric():
    teks = (FIXTURES / "kth.yaml").read_text().replace("maks: 360", "maks: 365", 1)
    with pytest.raises(definisi.GalatInstrumen, match="tidak sama dengan maksimum aspek 365"):
        definisi.dari_yaml(teks)
    teks = (FIXTURES / "hkm.yaml").read_text().replace("bobot: 10", "bobot: 0", 1)
    with pytest.raises(definisi.GalatInstrumen, match=r"B1\.1: bobot harus lebih dari 0"):
        definisi.dari_yaml(teks)


def test_an_option_text_cut_by_an_unquoted_comma_is_refused():
    teks = (
        (FIXTURES / "hkm.yaml")
        .read_text()
        .replace('{teks: "Ada, rutin", skor: 3}', "{teks: Ada, rutin, skor: 3}")
    )
    with pytest.raises(definisi.GalatInstrumen, match=r"Opsi C4\.2a: kunci tidak dikenal 'rutin'"):
        definisi.dari_yaml(teks)


def test_every_option_text_is_whole():
    c42 = next(i for i in instrumen("hkm").semua_indikator() if i.kode == "C4.2")
    assert [o.teks for o in c42.opsi] == ["Ada, rutin", "Ada, tidak rutin", "Tidak ada"]
    i2 = next(i for i in instrumen("kth").semua_indikator() if i.kode == "I.2")
    assert i2.opsi[3].teks == "Ketua, sekretaris, bendahara"
