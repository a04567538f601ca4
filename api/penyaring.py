"""Penyaring API: parameter yang sama dengan penyaring daftar halaman (kelompok.filters,
kerjasama.filters). Bedanya hanya rujukan ke objek lain: di halaman berupa pilihan dari
daftar, di API berupa nomor/kode biasa, sehingga nomor yang tidak ada (atau di luar cakupan)
menghasilkan daftar kosong, bukan galat."""

from django import forms
from django_filters import rest_framework as saring
from drf_spectacular.utils import extend_schema_field

from kelompok.filters import PenyaringKps, PenyaringKth
from kelompok.models import Anggota, Kups
from kerjasama.filters import PenyaringKerjaSama
from kerjasama.models import KategoriMitra, Mitra
from penilaian.hkm.models import EvaluasiHkm
from penilaian.kth.models import PenilaianKth, Sertifikat

BILANGAN_MAKS = 2_147_483_647  # kolom integer PostgreSQL


class BilanganField(forms.IntegerField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", BILANGAN_MAKS)
        super().__init__(*args, **kwargs)
        self.error_messages["invalid"] = "Masukkan bilangan bulat."


@extend_schema_field({"type": "integer", "minimum": 0, "maximum": BILANGAN_MAKS})
class NomorFilter(saring.NumberFilter):
    """Nomor objek atau tahun: bilangan bulat dalam rentang kolom basis data (tidak pernah
    membuat kueri yang meluap)."""

    field_class = BilanganField


class TahunField(forms.IntegerField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=2000, max_value=2100, **kwargs)
        self.error_messages["invalid"] = "Masukkan tahun, misalnya 2026."


@extend_schema_field({"type": "integer", "minimum": 2000, "maximum": 2100})
class TahunFilter(saring.NumberFilter):
    field_class = TahunField


class KabupatenKode(saring.FilterSet):
    kabupaten = saring.CharFilter(field_name="kabupaten_id", label="Kode kabupaten/kota")


class PenyaringKpsApi(KabupatenKode, PenyaringKps):
    provinsi = saring.CharFilter(field_name="provinsi_id", label="Kode provinsi")


class PenyaringKthApi(KabupatenKode, PenyaringKth):
    provinsi = saring.CharFilter(field_name="provinsi_id", label="Kode provinsi")


class PenyaringKerjaSamaApi(PenyaringKerjaSama):
    provinsi = saring.CharFilter(field_name="kps_utama__provinsi_id", label="Kode provinsi")
    diputuskan_tahun = TahunFilter(field_name="diputuskan_pada", lookup_expr="year")
    dikirim_tahun = TahunFilter(field_name="dikirim_ke_opd_pada", lookup_expr="year")


class PenyaringKups(saring.FilterSet):
    kps = NomorFilter(field_name="kps_id")

    class Meta:
        model = Kups
        fields = ["kps", "kelas"]


class PenyaringAnggota(saring.FilterSet):
    kps = NomorFilter(field_name="kps_id")
    kth = NomorFilter(field_name="kth_id")

    class Meta:
        model = Anggota
        fields = ["kps", "kth", "jenis_kelamin", "jabatan"]


class PenyaringMitra(saring.FilterSet):
    q = saring.CharFilter(field_name="nama", lookup_expr="icontains", label="Nama mengandung")
    kategori = saring.ChoiceFilter(choices=KategoriMitra.choices)
    provinsi = saring.CharFilter(field_name="provinsi_id", label="Kode provinsi")

    class Meta:
        model = Mitra
        fields = ["q", "kategori", "provinsi"]


class PenyaringSertifikat(saring.FilterSet):
    kth = NomorFilter(field_name="penilaian__kth_id")
    tahun = NomorFilter(field_name="tahun")

    class Meta:
        model = Sertifikat
        fields = ["kth", "tahun", "status"]


class PenyaringEvaluasiHkm(saring.FilterSet):
    kps = NomorFilter(field_name="kps_id")

    class Meta:
        model = EvaluasiHkm
        fields = ["kps", "status"]


class PenyaringPenilaianKth(saring.FilterSet):
    kth = NomorFilter(field_name="kth_id")
    tahun = NomorFilter(field_name="tahun")

    class Meta:
        model = PenilaianKth
        fields = ["kth", "tahun", "status", "kelas"]
