"""Formulir evaluasi HKm: evaluasi baru dan responden."""

from django import forms
from django.utils import timezone

from penilaian.hkm.models import EvaluasiHkm, Responden


class FormEvaluasiBaru(forms.Form):
    tanggal = forms.DateField(
        label="Tanggal evaluasi",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Wajib diisi.", "invalid": "Masukkan tanggal yang benar."},
    )

    def clean_tanggal(self):
        tanggal = self.cleaned_data["tanggal"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError("Tanggal evaluasi tidak boleh di masa depan.")
        return tanggal


class FormResponden(forms.Form):
    anggota = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Anggota/pengurus KPS",
        empty_label="(tulis nama di bawah)",
    )
    nama = forms.CharField(
        label="Nama (bila belum terdaftar sebagai anggota)", required=False, max_length=150
    )
    peran = forms.ChoiceField(label="Peran", choices=Responden.Peran.choices)

    def __init__(self, *args, evaluasi: EvaluasiHkm, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anggota"].queryset = (
            evaluasi.kps.anggota.filter(diarsipkan_pada__isnull=True)
            .exclude(pk__in=evaluasi.responden.exclude(anggota=None).values("anggota"))
            .order_by("nama")
        )
        self.fields["anggota"].error_messages["invalid_choice"] = "Pilih anggota dari daftar."

    def clean(self):
        data = super().clean()
        if not data.get("anggota") and not (data.get("nama") or "").strip():
            self.add_error("nama", "Pilih anggota atau tulis nama responden.")
        return data
