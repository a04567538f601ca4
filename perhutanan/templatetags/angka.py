from decimal import ROUND_CEILING

from django import template

from perhutanan.angka import format_desimal, format_rupiah, ke_decimal

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
