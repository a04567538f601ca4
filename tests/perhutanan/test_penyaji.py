"""Penyaji formulir cepat: HTML sama persis dengan templat widget Django; bidang penyaring."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from perhutanan.penyaji import PenyajiCepat
from perhutanan.templatetags.formulir import medan


class Contoh(forms.Form):
    teks = forms.CharField(label="Nama", max_length=20, help_text="Nama lengkap")
    angka = forms.IntegerField(required=False)
    surel = forms.EmailField(required=False)
    sandi = forms.CharField(widget=forms.PasswordInput, required=False)
    tanggal = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    tersembunyi = forms.CharField(widget=forms.HiddenInput, required=False)
    centang = forms.BooleanField(required=False)
    pilih = forms.ChoiceField(
        choices=[("", "---"), ("a", "A & <b>"), ('"q"', "Kutip")], required=False
    )
    grup = forms.ChoiceField(
        choices=[("Jawa", [("32", "Jawa Barat"), ("33", "Jawa Tengah")]), ("lain", "Lainnya")]
    )
    banyak = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], required=False)
    radio = forms.ChoiceField(widget=forms.RadioSelect, choices=[("1", "Satu")], required=False)
    teks_panjang = forms.CharField(widget=forms.Textarea, required=False)


DATA = {
    "teks": 'Dewi "Kartika" <script>',
    "angka": "12",
    "surel": "a@b.id",
    "sandi": "rahasia",
    "tanggal": "2026-11-22",
    "tersembunyi": "x&y",
    "centang": "on",
    "pilih": "a",
    "grup": "33",
    "banyak": ["x", "y"],
    "radio": "1",
    "teks_panjang": "baris\nkedua",
}


@pytest.mark.parametrize("data", [None, DATA, {"teks": ""}], ids=["kosong", "terisi", "galat"])
def test_fast_renderer_output_equals_django_widget_templates(data):
    biasa = Contoh(data, initial={"tanggal": datetime.date(2026, 1, 2)}, renderer=DjangoTemplates())
    cepat = Contoh(data, initial={"tanggal": datetime.date(2026, 1, 2)}, renderer=PenyajiCepat())
    for nama in biasa.fields:
        assert str(cepat[nama]) == str(biasa[nama]), nama


def test_the_project_uses_the_fast_renderer_for_every_form(settings):
    assert settings.FORM_RENDERER == "perhutanan.penyaji.PenyajiCepat"


def test_a_filter_field_shows_its_label_error_and_keeps_what_was_typed():
    form = Contoh({"teks": "x" * 25, "pilih": "zzz", "grup": "33"})
    form.is_valid()
    html = medan(form["teks"])
    assert (
        '<label class="form-label" for="id_teks">Nama<span class="asteriskField">*</span>' in html
    )
    assert 'value="' + "x" * 25 + '"' in html
    assert 'class="form-control is-invalid"' in html and 'aria-invalid="true"' in html
    assert 'aria-describedby="id_teks_galat id_teks_helptext"' in html
    assert '<div id="id_teks_galat" class="invalid-feedback d-block"><strong>' in html
    pilih = medan(form["pilih"])
    assert 'class="form-select is-invalid"' in pilih
    centang = medan(Contoh()["centang"])
    assert 'class="form-check-input"' in centang and 'class="form-check-label"' in centang


def test_the_kps_filter_renders_provinces_without_a_query_per_page(
    client, django_assert_max_num_queries, admin_nasional
):
    from django.urls import reverse

    client.force_login(admin_nasional)
    client.get(reverse("kelompok:kps_daftar"))  # mengisi cache pilihan provinsi
    with django_assert_max_num_queries(20) as kueri:
        html = client.get(reverse("kelompok:kps_daftar")).content.decode()
    assert not [q for q in kueri.captured_queries if "kelompok_provinsi" in q["sql"]]
    assert '<option value="32">Jawa Barat</option>' in html
    assert '<select name="provinsi" class="form-select" id="id_provinsi">' in html


def test_a_whole_form_keeps_its_hidden_fields_and_form_errors():
    from perhutanan.templatetags.formulir import formulir

    class F(forms.Form):
        rahasia = forms.CharField(widget=forms.HiddenInput, initial="x")
        nama = forms.CharField()

        def clean(self):
            raise forms.ValidationError("Data bertabrakan.")

    form = F({"rahasia": "x", "nama": "Dewi"})
    form.is_valid()
    html = formulir(form)
    assert '<div class="alert alert-danger" role="alert">Data bertabrakan.</div>' in html
    assert '<input type="hidden" name="rahasia" value="x" id="id_rahasia">' in html
    assert 'value="Dewi"' in html and 'for="id_nama"' in html
