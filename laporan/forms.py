from django import forms
from django.utils import timezone

from akun import peran, predikat
from kelompok.models import Bpskl
from laporan.models import BULAN
from laporan.services import PermintaanTidakSah, bulan_lalu, periksa_periode

NASIONAL = "nasional"


def cakupan_untuk(user) -> list[tuple[str, str]]:
    """Cakupan yang boleh diminta: admin nasional semua, Staf BPSKL BPSKL-nya."""
    if predikat.admin_nasional(user):
        return [(NASIONAL, "Nasional"), *Bpskl.objects.values_list("kode", "nama")]
    if user.punya_peran(peran.STAF_BPSKL) and user.bpskl_id:
        return list(Bpskl.objects.filter(kode=user.bpskl_id).values_list("kode", "nama"))
    return []


class LaporanForm(forms.Form):
    cakupan = forms.ChoiceField(
        label="Cakupan",
        error_messages={
            "required": "Pilih cakupan.",
            "invalid_choice": "Pilih cakupan dari daftar.",
        },
    )
    bulan = forms.TypedChoiceField(
        label="Bulan",
        coerce=int,
        choices=[(n, nama) for n, nama in enumerate(BULAN, start=1)],
        error_messages={"required": "Pilih bulan.", "invalid_choice": "Pilih bulan dari daftar."},
    )
    tahun = forms.IntegerField(
        label="Tahun",
        min_value=2020,
        max_value=2100,
        error_messages={
            "required": "Wajib diisi.",
            "invalid": "Isi tahun, misalnya 2026.",
            "min_value": "Laporan tersedia mulai tahun 2020.",
            "max_value": "Isi tahun yang benar.",
        },
    )

    def __init__(self, *args, user, **kwargs):
        tahun, bulan = bulan_lalu(timezone.localdate())
        kwargs.setdefault("initial", {"tahun": tahun, "bulan": bulan})
        super().__init__(*args, **kwargs)
        self.fields["cakupan"].choices = cakupan_untuk(user)

    def clean(self):
        data = super().clean()
        if data.get("tahun") and data.get("bulan"):
            try:
                periksa_periode(data["tahun"], data["bulan"], timezone.localdate())
            except PermintaanTidakSah as e:
                self.add_error("bulan", str(e))
        return data

    @property
    def bpskl_id(self) -> str | None:
        kode = self.cleaned_data["cakupan"]
        return None if kode == NASIONAL else kode
