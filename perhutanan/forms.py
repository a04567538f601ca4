"""Bidang formulir lintas aplikasi: angka dan rupiah yang diketik dalam format Indonesia."""

import re
from decimal import Decimal, InvalidOperation

from django import forms

POLA_RIBUAN = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def baca_angka(teks: str) -> Decimal:
    """'Rp 1.500.000' -> 1500000; '0,6' -> 0.6; '1.250,75' -> 1250.75; '12.5' -> 12.5."""
    bersih = teks.strip().replace("Rp", "").replace("rp", "").replace(" ", "")
    if "," in bersih:
        bersih = bersih.replace(".", "").replace(",", ".")
    elif POLA_RIBUAN.match(bersih):
        bersih = bersih.replace(".", "")
    try:
        nilai = Decimal(bersih)
    except InvalidOperation as e:
        raise ValueError(teks) from e
    if not nilai.is_finite():
        raise ValueError(teks)
    return nilai


class AngkaField(forms.CharField):
    """Angka Indonesia (titik pemisah ribuan, koma desimal) menjadi Decimal."""

    def __init__(self, *args, minimum: Decimal | None = None, rupiah: bool = False, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)
        self.minimum = minimum
        self.error_messages["required"] = "Wajib diisi."
        if rupiah:
            self.widget.attrs["placeholder"] = "Rp"

    def to_python(self, value):
        teks = super().to_python(value)
        if teks in self.empty_values:
            return None
        try:
            nilai = baca_angka(teks)
        except ValueError as e:
            raise forms.ValidationError("Masukkan angka, misalnya 1.500.000 atau 0,6.") from e
        if self.minimum is not None and nilai < self.minimum:
            raise forms.ValidationError(f"Tidak boleh kurang dari {self.minimum}.")
        return nilai
