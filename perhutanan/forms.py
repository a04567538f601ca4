"""Bidang formulir lintas aplikasi: angka dan rupiah yang diketik dalam format Indonesia."""

import re
from decimal import Decimal, InvalidOperation

from django import forms

from perhutanan.angka import format_desimal

# Kunci utama BIGINT: nilai di luar jangkauan ini membuat basis data galat (SQLite OverflowError,
# PostgreSQL "bigint out of range") sebelum validasi pilihan sempat menolak.
KUNCI_MAKS = 2**63 - 1
POLA_ANGKA = re.compile(r"^-?\d+(\.\d+)?$")
POLA_RIBUAN = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def baca_angka(teks: str) -> Decimal:
    """'Rp 1.500.000' -> 1500000; '0,6' -> 0.6; '1.250,75' -> 1250.75; '12.5' -> 12.5."""
    bersih = teks.strip().replace("Rp", "").replace("rp", "").replace(" ", "")
    if "," in bersih:
        bersih = bersih.replace(".", "").replace(",", ".")
    elif POLA_RIBUAN.match(bersih):
        bersih = bersih.replace(".", "")
    # Hanya angka biasa: notasi ilmiah (1e309), NaN dan Infinity bukan isian pengguna.
    if not POLA_ANGKA.match(bersih):
        raise ValueError(teks)
    try:
        nilai = Decimal(bersih)
    except InvalidOperation as e:
        raise ValueError(teks) from e
    if not nilai.is_finite():
        raise ValueError(teks)
    return nilai


# Batas bawaan setiap angka yang diketik: seribu triliun rupiah, enam angka di belakang koma.
# Di atasnya bukan data yang masuk akal, dan perhitungan, PDF dan Excel-nya tidak boleh gagal.
ANGKA_MAKS = Decimal("1e15")
DESIMAL_MAKS = 6


class AngkaField(forms.CharField):
    """Angka Indonesia (titik pemisah ribuan, koma desimal) menjadi Decimal, dalam batas."""

    def __init__(
        self,
        *args,
        minimum: Decimal | None = None,
        maksimum: Decimal = ANGKA_MAKS,
        rupiah: bool = False,
        **kwargs,
    ):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)
        self.minimum = minimum
        self.maksimum = maksimum
        self.error_messages["required"] = "Wajib diisi."
        if rupiah:
            self.widget.attrs["placeholder"] = "Rp"

    def to_python(self, value):
        teks = super().to_python(value)
        if teks in self.empty_values:
            return None
        try:
            if len(teks) > 40:
                raise ValueError(teks)
            nilai = baca_angka(teks)
        except ValueError as e:
            raise forms.ValidationError("Masukkan angka, misalnya 1.500.000 atau 0,6.") from e
        if self.minimum is not None and nilai < self.minimum:
            raise forms.ValidationError(f"Tidak boleh kurang dari {self.minimum}.")
        if abs(nilai) >= self.maksimum:
            raise forms.ValidationError(
                f"Terlalu besar. Paling banyak {format_desimal(self.maksimum - 1)}."
            )
        if -nilai.as_tuple().exponent > DESIMAL_MAKS:
            raise forms.ValidationError(f"Paling banyak {DESIMAL_MAKS} angka di belakang koma.")
        return nilai


def _di_luar_jangkauan(nilai) -> bool:
    daftar = nilai if isinstance(nilai, list | tuple) else [nilai]
    return any(
        isinstance(v, str) and v.strip().lstrip("-").isdigit() and abs(int(v)) > KUNCI_MAKS
        for v in daftar
    )


def jaga_kunci_pilihan(form: forms.BaseForm) -> None:
    """Pilihan model (ModelChoiceField, ModelMultipleChoiceField) menolak angka kunci raksasa
    dengan pesan pilihan biasa, sebelum menyentuh basis data. Dipasang oleh mixin formulir."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            field.clean = _penjaga(field.clean)


def _penjaga(clean_asli):
    def clean(value):
        if _di_luar_jangkauan(value):
            raise forms.ValidationError(
                "Pilihan tidak sah. Pilih dari daftar.", code="invalid_choice"
            )
        return clean_asli(value)

    return clean


class MasukanTidakSah(ValueError):
    """Isian teks yang ditolak di view tanpa formulir; pesannya untuk pengguna."""


def teks_post(request, nama: str, *, label: str = "Catatan", maks: int = 2000) -> str:
    """Teks bebas dari POST (alasan, catatan) dengan aturan CharField Django: tanpa NUL,
    paling panjang `maks`. Dipakai view tindakan yang tidak merender formulir."""
    try:
        return forms.CharField(required=False, max_length=maks).clean(request.POST.get(nama, ""))
    except forms.ValidationError as galat:
        raise MasukanTidakSah(f"{label}: {' '.join(galat.messages)}") from galat
