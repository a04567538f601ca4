from decimal import ROUND_CEILING, Decimal
from fractions import Fraction

from django import template

from perhutanan.angka import format_angka, format_desimal, format_rupiah, ke_decimal

register = template.Library()


@register.filter
def rupiah(nilai) -> str:
    """{{ anggaran|rupiah }} -> Rp 1.500.000"""
    if nilai in (None, ""):
        return ""
    return format_rupiah(nilai)


@register.filter
def desimal(nilai, digit=1) -> str:
    """{{ luas|desimal:2 }} -> 1.234,50"""
    if nilai in (None, ""):
        return ""
    return format_desimal(nilai, int(digit))


@register.filter
def persen(nilai) -> str:
    """{{ 0.125|persen }} -> 12,5%"""
    if nilai in (None, ""):
        return ""
    return f"{format_desimal(ke_decimal(nilai) * 100, 1)}%"


@register.filter
def bulat_atas(nilai) -> str:
    """Bilangan bulat dibulatkan ke atas, dengan pemisah ribuan: 24,66 -> 25."""
    if nilai in (None, ""):
        return ""
    return format_desimal(ke_decimal(nilai).to_integral_value(rounding=ROUND_CEILING), 0)


@register.filter
def angka(nilai) -> str:
    """Rasio/desimal dengan presisi yang masuk akal: 2,38; 0,0457; 1.235."""
    if nilai in (None, ""):
        return ""
    return format_angka(nilai)


@register.filter
def kunjungan(nilai) -> str:
    """Kunjungan minimum dibulatkan ke atas: bulat bila 1 atau lebih, satu desimal di bawah 1
    (0,18 per hari -> 0,2; bukan '1 per hari')."""
    if nilai in (None, ""):
        return ""
    angka = ke_decimal(nilai)
    if abs(angka) < 1:
        return format_desimal(angka.quantize(Decimal("0.1"), rounding=ROUND_CEILING), 1)
    return format_desimal(angka.to_integral_value(rounding=ROUND_CEILING), 0)


@register.filter
def minimum(nilai, digit=2) -> str:
    """Batas minimum dibulatkan ke atas pada `digit` desimal: 8,1538 ha -> 8,16 (8,15 ha belum
    mencukupi)."""
    if nilai in (None, ""):
        return ""
    kuantum = Decimal(1).scaleb(-int(digit))
    return format_desimal(ke_decimal(nilai).quantize(kuantum, rounding=ROUND_CEILING), int(digit))


@register.filter
def nilai_rekap(nilai) -> str:
    """Nilai kriteria HKm seperti lembar rekap resmi: dipotong (bukan dibulatkan) ke satu
    desimal, 2/3 x 100 -> 66,6. Satu aturan tampilan untuk ringkasan responden, rekap, .xlsx
    dan PDF-nya."""
    if nilai in (None, ""):
        return ""
    pecahan = nilai if isinstance(nilai, Fraction) else Fraction(ke_decimal(nilai))
    persepuluhan = (pecahan.numerator * 10) // pecahan.denominator
    if pecahan < 0 and persepuluhan * pecahan.denominator != pecahan.numerator * 10:
        persepuluhan += 1  # potong ke arah nol
    return format_desimal(Decimal(persepuluhan) / 10, 1)


@register.filter
def rasio(nilai) -> str:
    """Rasio seperti BCR: dua desimal (2,38; 0,45), tetapi rasio kecil tidak menjadi '0,00'
    (0,0046 -> '0,0046')."""
    if nilai in (None, ""):
        return ""
    angka = ke_decimal(nilai)
    if angka == 0 or abs(angka) >= Decimal("0.1"):
        return format_desimal(angka, 2)
    return format_angka(angka)
