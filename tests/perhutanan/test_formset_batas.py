"""Setiap formset punya batas atas: TOTAL_FORMS yang dimanipulasi (misalnya 40 angka 9) tidak
membuat server membangun ribuan formulir dalam satu permintaan."""

import importlib

from django.forms.formsets import BaseFormSet

MODUL = ["kelompok.forms", "kerjasama.forms", "dokumen.forms", "penilaian.usaha.forms"]
BATAS = 300


def test_every_formset_is_bounded():
    ditemukan = {}
    for nama in MODUL:
        for atribut, nilai in vars(importlib.import_module(nama)).items():
            if (
                isinstance(nilai, type)
                and issubclass(nilai, BaseFormSet)
                and hasattr(nilai, "form")
            ):
                ditemukan[f"{nama}.{atribut}"] = nilai.absolute_max
    assert len(ditemukan) >= 6
    terlalu = {k: v for k, v in ditemukan.items() if v > BATAS}
    assert not terlalu, terlalu
