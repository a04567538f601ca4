"""Formulir kelas KTH: penilaian baru dan permintaan ekspor sertifikat."""

from django import forms
from django.utils import timezone

from kelompok.forms import provinsi_dalam_cakupan
from kelompok.models import KelasKth, Provinsi
from penilaian.kth import ekspor


class FormPenilaianBaru(forms.Form):
    tahun = forms.IntegerField(
        label="Tahun penilaian", min_value=2000, error_messages={"required": "Wajib diisi."}
    )

    def clean_tahun(self):
        tahun = self.cleaned_data["tahun"]
        if tahun > timezone.localdate().year:
            raise forms.ValidationError("Tahun penilaian tidak boleh di masa depan.")
        return tahun


class FormEkspor(forms.Form):
    provinsi = forms.ModelChoiceField(Provinsi.objects.none(), label="Provinsi")
    tahun = forms.IntegerField(label="Tahun", min_value=2000)
    kelas = forms.ChoiceField(
        label="Kelas",
        required=False,
        choices=[("", "Semua kelas"), *[(k.label, k.label) for k in KelasKth]],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provinsi"].queryset = provinsi_dalam_cakupan(user)
        for f in self.fields.values():
            f.error_messages["required"] = "Wajib diisi."
            f.error_messages["invalid_choice"] = "Pilihan tidak sah."

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        ada = ekspor.sertifikat_ekspor(
            provinsi_id=data["provinsi"].pk, tahun=data["tahun"], kelas=data["kelas"]
        ).exists()
        if not ada:
            raise forms.ValidationError(
                "Belum ada sertifikat berlaku untuk provinsi, tahun dan kelas ini; "
                "tidak ada yang bisa dimasukkan ke ZIP."
            )
        return data
