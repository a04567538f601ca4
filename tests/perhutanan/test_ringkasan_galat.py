"""Ringkasan galat: satu mekanisme untuk setiap formulir yang ditolak (crispy, formset, daftar
indikator), setiap galat bertaut ke id bidang yang memang ada di halaman."""

import re

from django import forms
from django.urls import reverse

from perhutanan.templatetags.formulir import ButirGalat, butir_galat


class Contoh(forms.Form):
    nama = forms.CharField(label="Nama")
    jenis = forms.ChoiceField(label="Jenis", choices=[("a", "A")], widget=forms.RadioSelect)
    berkas = forms.FileField(label="Berkas", required=False)

    def clean(self):
        raise forms.ValidationError("Formulir tidak lengkap.")


def test_form_and_formset_errors_are_listed_in_page_order_with_their_field_ids():
    form = Contoh({"nama": "", "jenis": "x"})
    Barisan = forms.formset_factory(Contoh, extra=0)
    formset = Barisan(
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "0",
            "form-0-nama": "ada",
            "form-0-jenis": "a",
            "form-1-nama": "",
            "form-1-jenis": "a",
        }
    )
    for i, f in enumerate(formset.forms, start=1):
        f.label_baris = f"Produk {i}"
    butir = butir_galat(form, None, formset)
    assert butir[0] == ButirGalat("Formulir", "Formulir tidak lengkap.", "id_nama")
    nama = next(b for b in butir if b.label == "Nama")
    assert nama.tujuan == "id_nama"
    jenis = next(b for b in butir if b.label == "Jenis")
    assert jenis.tujuan == "id_jenis_0"  # pilihan radio: tautan ke pilihan pertama
    produk = [b for b in butir if b.label.startswith("Produk")]
    assert [b.label for b in produk] == ["Produk 1", "Produk 2", "Produk 2: Nama"]
    assert produk[2].tujuan == "id_form-1-nama"


def test_every_crispy_form_opens_with_the_summary(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    respons = client.post(reverse("kelompok:kps_ubah", args=[kps_a.pk]), {"nama": ""})
    teks = respons.content.decode()
    assert teks.count("data-ringkasan-galat") == 1
    jumlah = sum(len(v) for v in respons.context["form"].errors.values())
    assert f"Ada {jumlah} isian yang perlu diperbaiki" in teks
    ringkasan = teks[
        teks.index("data-ringkasan-galat") : teks.index("</ul>", teks.index("data-ringkasan-galat"))
    ]
    for tujuan in re.findall(r'href="#([^"]+)"', ringkasan):
        assert f'id="{tujuan}"' in teks, tujuan
    assert "Berkas yang sudah dipilih perlu dipilih ulang" in teks  # formulir berunggahan
    # Halaman tanpa galat tidak membawa ringkasan.
    assert (
        "data-ringkasan-galat"
        not in client.get(reverse("kelompok:kps_ubah", args=[kps_a.pk])).content.decode()
    )
