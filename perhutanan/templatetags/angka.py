from django import template

from perhutanan.angka import format_desimal, format_rupiah

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
