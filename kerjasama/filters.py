"""Penyaring daftar kerja sama: cari, jenis, tahap, persetujuan, provinsi, mitra."""

import datetime

import django_filters
from django.utils import timezone

from kelompok.pilihan import pilihan_provinsi
from kerjasama.models import JenisKerjaSama, KerjaSama, StatusPersetujuan, Tahap


class PenyaringKerjaSama(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Cari (judul, KPS, mitra)", method="cari")
    jenis = django_filters.ChoiceFilter(
        choices=JenisKerjaSama.choices, label="Jenis", empty_label="Semua jenis"
    )
    tahap = django_filters.ChoiceFilter(
        choices=Tahap.choices, label="Tahap", empty_label="Semua tahap"
    )
    status_persetujuan = django_filters.ChoiceFilter(
        choices=StatusPersetujuan.choices, label="Persetujuan BPSKL", empty_label="Semua"
    )
    provinsi = django_filters.ChoiceFilter(
        choices=pilihan_provinsi,
        label="Provinsi",
        empty_label="Semua provinsi",
        field_name="kps_utama__provinsi_id",
    )
    mitra = django_filters.CharFilter(label="Mitra", method="saring_mitra")
    diputuskan_tahun = django_filters.NumberFilter(
        label="Diputuskan BPSKL tahun",
        field_name="diputuskan_pada",
        lookup_expr="year",
        min_value=2000,
        max_value=2100,
    )
    dikirim_tahun = django_filters.NumberFilter(
        label="Dikirim ke OPD tahun",
        field_name="dikirim_ke_opd_pada",
        lookup_expr="year",
        min_value=2000,
        max_value=2100,
    )
    berakhir = django_filters.ChoiceFilter(
        choices=[("90", "Dalam 90 hari")],
        label="Jangka waktu berakhir",
        empty_label="Semua",
        method="saring_berakhir",
    )

    class Meta:
        model = KerjaSama
        fields = [
            "q",
            "jenis",
            "tahap",
            "status_persetujuan",
            "provinsi",
            "mitra",
            "diputuskan_tahun",
            "dikirim_tahun",
            "berakhir",
        ]

    def saring_berakhir(self, queryset, name, value):
        hari_ini = timezone.localdate()
        return queryset.filter(
            diakhiri_pada__isnull=True,
            berlaku_sampai__gte=hari_ini,
            berlaku_sampai__lte=hari_ini + datetime.timedelta(days=int(value)),
        )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for f in self.form.fields.values():
            f.error_messages["invalid_choice"] = "Pilihan tidak sah."
            f.error_messages["invalid"] = "Isi tahun, misalnya 2026."

    def cari(self, queryset, name, value):
        return queryset.cari(value.strip())

    def saring_mitra(self, queryset, name, value):
        return queryset.dengan_mitra(value.strip())
