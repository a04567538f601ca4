"""Penyaring daftar KPS dan KTH (django-filter). Cakupan wilayah diterapkan sebelum penyaring."""

from decimal import Decimal

import django_filters
from django import forms
from django.apps import apps
from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Upper
from django.utils import timezone

from kelompok.kelas_kups import KelasKups
from kelompok.models import (
    DokumenPendukung,
    Kabupaten,
    KelasKth,
    Kps,
    Kth,
    Kups,
    Penugasan,
    Skema,
    kth_beranggota_cukup,
)
from kelompok.pilihan import pilihan_provinsi
from perhutanan.templatetags.formulir import kisi_penyaring

URUTAN_KPS = [
    ("nama", "Nama (A-Z)"),
    ("-nama", "Nama (Z-A)"),
    ("-luas_ha", "Luas terbesar"),
    ("luas_ha", "Luas terkecil"),
    ("-tanggal_sk", "SK terbaru"),
    ("tanggal_sk", "SK terlama"),
]
URUTAN_KTH = [
    ("nama", "Nama (A-Z)"),
    ("-nama", "Nama (Z-A)"),
    ("nomor_register", "Nomor register"),
    ("kelas", "Kelas"),
]


# (kelas penyaring, pilihan provinsi) -> HTML formulir kosong; kecil (dua kelas, provinsi jarang
# berubah) sehingga tidak perlu dibatasi.
_HTML_KOSONG: dict[tuple, str] = {}


class PenyaringKelompok(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Cari", method="cari")
    # Pilihan dari cache (kelompok.pilihan), bukan kueri baru di setiap halaman daftar.
    provinsi = django_filters.ChoiceFilter(
        choices=pilihan_provinsi, label="Provinsi", empty_label="Semua provinsi"
    )
    kabupaten = django_filters.ModelChoiceFilter(
        queryset=Kabupaten.objects.none(), label="Kabupaten/kota", empty_label="Semua"
    )
    pendamping = django_filters.CharFilter(label="Pendamping", method="saring_pendamping")
    arsip = django_filters.BooleanFilter(
        label="Tampilkan yang diarsipkan",
        method="saring_arsip",
        widget=forms.CheckboxInput,
    )
    jalur_kps = "pk"

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        provinsi = (data or {}).get("provinsi")
        if provinsi:
            self.filters["kabupaten"].queryset = Kabupaten.objects.filter(provinsi_id=provinsi)
        for f in self.form.fields.values():
            f.error_messages["invalid_choice"] = "Pilihan tidak sah."

    def html_kosong(self) -> str:
        """Formulir penyaring yang belum diisi (tampilan biasa halaman daftar) sama untuk semua
        permintaan selama daftar provinsinya sama: dirender sekali per proses, lalu dipakai
        ulang, bukan membangun formulir dan widgetnya di setiap halaman."""
        kunci = (type(self), tuple(pilihan_provinsi()))
        html = _HTML_KOSONG.get(kunci)
        if html is None:
            form = type(self)(None, queryset=self.queryset.none()).form
            html = _HTML_KOSONG[kunci] = kisi_penyaring(form)
        return html

    @property
    def qs(self):
        qs = super().qs
        if not self.form.cleaned_data.get("arsip"):
            qs = qs.filter(diarsipkan_pada__isnull=True)
        return qs

    def cari(self, queryset, name, value):
        # Kolom `cari` = UPPER(nama, nomor, ketua); nilai dicari dalam huruf besar oleh basis
        # data yang sama, sehingga aturan huruf besarnya pasti sama dengan isi kolom.
        return queryset.filter(cari__contains=Upper(Value(value.strip())))

    def saring_pendamping(self, queryset, name, value):
        cocok = Penugasan.objects.filter(
            kps_id=OuterRef(self.jalur_kps),
            selesai__isnull=True,
        ).filter(Q(pendamping__nama__icontains=value) | Q(pendamping__username=value))
        return queryset.filter(Exists(cocok))

    def urutkan(self, queryset, name, value):
        return queryset.order_by(value, "pk")

    def saring_arsip(self, queryset, name, value):
        return queryset  # diterapkan di qs agar bawaannya menyembunyikan arsip


class PenyaringKps(PenyaringKelompok):
    skema = django_filters.ChoiceFilter(choices=Skema.choices, label="Skema", empty_label="Semua")
    kelas_kups = django_filters.ChoiceFilter(
        choices=KelasKups.choices,
        label="Kelas KUPS",
        empty_label="Semua",
        method="saring_kelas_kups",
    )
    masalah = django_filters.ChoiceFilter(
        choices=[
            ("tanpa_pendamping", "Tanpa pendamping"),
            ("tanpa_dokumen", "Tanpa dokumen pendukung"),
            ("tanpa_lokasi", "Tanpa titik atau batas di peta"),
            ("selisih_luas", "Luas batas berbeda dari luas SK"),
        ],
        label="Kelengkapan data",
        empty_label="Semua",
        method="saring_masalah",
    )
    urut = django_filters.ChoiceFilter(
        choices=URUTAN_KPS, label="Urutkan", empty_label=None, method="urutkan"
    )

    class Meta:
        model = Kps
        fields = [
            "q",
            "provinsi",
            "kabupaten",
            "skema",
            "kelas_kups",
            "pendamping",
            "masalah",
            "arsip",
            "urut",
        ]

    def saring_kelas_kups(self, queryset, name, value):
        ada = Kups.objects.filter(kps_id=OuterRef("pk"), kelas=value, diarsipkan_pada__isnull=True)
        return queryset.filter(Exists(ada))

    def saring_masalah(self, queryset, name, value):
        if value == "tanpa_pendamping":
            aktif = Penugasan.objects.filter(kps_id=OuterRef("pk"), selesai__isnull=True)
            return queryset.filter(~Exists(aktif))
        if value == "tanpa_lokasi":
            return queryset.filter(lintang__isnull=True, batas_barat__isnull=True)
        if value == "selisih_luas":
            batas = Decimal(settings.PETA_SELISIH_LUAS_PERSEN) / 100
            return queryset.filter(
                Q(luas_batas_ha__gt=F("luas_ha") * (1 + batas))
                | Q(luas_batas_ha__lt=F("luas_ha") * (1 - batas))
            )
        return queryset.filter(~Exists(DokumenPendukung.objects.filter(kps_id=OuterRef("pk"))))


class PenyaringKth(PenyaringKelompok):
    kelas = django_filters.ChoiceFilter(
        choices=KelasKth.choices, label="Kelas KTH", empty_label="Semua"
    )
    masalah = django_filters.ChoiceFilter(
        choices=[
            ("anggota_kurang", "Anggota kurang dari 15"),
            ("belum_dinilai", "Belum dinilai tahun ini"),
        ],
        label="Kelengkapan data",
        empty_label="Semua",
        method="saring_masalah",
    )
    urut = django_filters.ChoiceFilter(
        choices=URUTAN_KTH, label="Urutkan", empty_label=None, method="urutkan"
    )
    jalur_kps = "kps_id"

    class Meta:
        model = Kth
        fields = [
            "q",
            "provinsi",
            "kabupaten",
            "kelas",
            "pendamping",
            "masalah",
            "arsip",
            "urut",
        ]

    def saring_masalah(self, queryset, name, value):
        if value == "belum_dinilai":
            # Model penilaian dibaca lewat registri aplikasi: kelompok tidak mengimpor penilaian.
            penilaian = apps.get_model("penilaian", "PenilaianKth")
            dinilai = penilaian.objects.menilai(OuterRef("pk"), timezone.localdate().year)
            return queryset.filter(~Exists(dinilai))
        return queryset.filter(~kth_beranggota_cukup())
