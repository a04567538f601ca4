"""Formulir inti: rubrik instrumen yang dimuat admin nasional sebagai versi baru."""

from django import forms

from perhutanan.berkas import batas_ukuran

# Rubrik KTH lengkap sebagai YAML atau .xlsx sekitar 20-40 KB.
RUBRIK_MAKS_KB = 512


class FormRubrik(forms.Form):
    berkas = forms.FileField(
        label="Berkas rubrik (.yaml atau .xlsx)",
        error_messages={"required": "Pilih berkas rubrik."},
        validators=[batas_ukuran(RUBRIK_MAKS_KB * 1024)],
        help_text=f"Paling besar {RUBRIK_MAKS_KB} KB.",
    )
    catatan = forms.CharField(
        label="Catatan perubahan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
