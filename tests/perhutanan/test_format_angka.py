import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from django.template import Context, Template
from django.utils import formats

from perhutanan.angka import format_desimal, format_rupiah


@pytest.mark.parametrize(
    ("nilai", "digit", "teks"),
    [
        (Decimal("1234.5"), 1, "1.234,5"),
        (Decimal("1234.56"), 1, "1.234,6"),
        (Decimal("0.05"), 1, "0,1"),  # setengah ke atas, bukan ke genap
        (Decimal("0.25"), 1, "0,3"),
        (Decimal("1234567"), 0, "1.234.567"),
        (Decimal("-9876.54"), 2, "-9.876,54"),
        (Fraction(2, 3) * 100, 1, "66,7"),
        (999, 0, "999"),
        ("1000", 0, "1.000"),
    ],
)
def test_it_formats_decimals_the_indonesian_way(nilai, digit, teks):
    assert format_desimal(nilai, digit) == teks


def test_it_formats_rupiah_without_decimals():
    assert format_rupiah(Decimal("1500000")) == "Rp 1.500.000"
    assert format_rupiah(Decimal("1500000.49")) == "Rp 1.500.000"
    assert format_rupiah(Decimal("-250000")) == "-Rp 250.000"
    assert format_rupiah(0) == "Rp 0"


def test_it_refuses_floats_so_scores_never_pass_through_binary_fractions():
    with pytest.raises(TypeError):
        format_desimal(0.1, 1)


def test_templates_show_indonesian_numbers_rupiah_and_dates():
    templat = Template(
        "{% load angka %}{{ luas|desimal:1 }}|{{ anggaran|rupiah }}|{{ tanggal }}|{{ jumlah }}"
    )
    teks = templat.render(
        Context(
            {
                "luas": Decimal("1234.5"),
                "anggaran": 1500000,
                "tanggal": datetime.date(2026, 11, 22),
                "jumlah": 1234567,
            }
        )
    )
    assert teks == "1.234,5|Rp 1.500.000|22 November 2026|1.234.567"


def test_date_inputs_accept_iso_and_day_month_year_but_not_month_first():
    from django import forms

    class F(forms.Form):
        tanggal = forms.DateField()

    for masukan in ("2026-11-22", "22-11-2026", "22/11/2026"):
        f = F({"tanggal": masukan})
        assert f.is_valid(), masukan
        assert f.cleaned_data["tanggal"] == datetime.date(2026, 11, 22)
    f = F({"tanggal": "11/22/2026"})
    assert not f.is_valid()
    assert f.errors["tanggal"] == ["Masukkan tanggal yang valid."]


def test_the_active_number_format_is_indonesian():
    assert formats.number_format(Decimal("1234.5"), 1, use_l10n=True, force_grouping=True) == (
        "1.234,5"
    )


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        ("1.2056442446019530043", "1,21"),  # catatan rasio produk: bukan "1.2056..." (ribuan)
        ("2.3842", "2,38"),
        ("0.0457", "0,0457"),
        ("0.000123", "0,000123"),
        ("12.345", "12,3"),
        ("12345.6", "12.346"),
        ("0", "0"),
        ("-0.5", "-0,5"),
    ],
)
def test_sensible_precision_for_ratios_and_decimals(nilai, teks):
    from perhutanan.angka import format_angka

    assert format_angka(Decimal(nilai)) == teks


def test_display_filters_for_ratios_minimums_visits_and_hkm_values():
    from fractions import Fraction

    from perhutanan.templatetags import angka as f

    assert f.rasio(Decimal("2.3842")) == "2,38"
    assert f.rasio(Decimal("0.0046")) == "0,0046"  # bukan "0,00"
    assert f.minimum(Decimal("8.1538"), 2) == "8,16"  # batas minimum ke atas
    assert f.kunjungan(Decimal("0.18")) == "0,2"  # di bawah satu per hari: satu desimal
    assert f.kunjungan(Decimal("24.66")) == "25"
    assert f.nilai_rekap(Fraction(200, 3)) == "66,6"  # dipotong seperti lembar rekap
    assert f.nilai_rekap(Fraction(8999, 100)) == "89,9"
    assert f.nilai_rekap(Decimal("100")) == "100,0"
