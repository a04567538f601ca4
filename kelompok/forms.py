import json
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.core import validators
from django.urls import reverse

from akun import peran
from akun.models import Pengguna
from akun.predikat import admin_nasional
from kelompok import peta
from kelompok.kelas_kups import SYARAT_KUPS
from kelompok.models import (
    Anggota,
    Desa,
    DokumenPendukung,
    Kabupaten,
    Kecamatan,
    Kps,
    Kth,
    Kups,
    Provinsi,
    SyaratKupsTerpenuhi,
    tahun_ini,
)
from perhutanan.berkas import batas_ukuran
from perhutanan.forms import jaga_kunci_pilihan
from perhutanan.luring import JagaBentrokMixin

PESAN_WAJIB = {"required": "Wajib diisi."}


class InputTanggal(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PesanIndonesiaMixin(JagaBentrokMixin):
    """Pesan 'wajib diisi' dan 'pilihan tidak sah' yang sama di semua formulir registri dan
    kerja sama; lewat JagaBentrokMixin, formulir model ini juga tidak menimpa perubahan pengguna
    lain sejak halamannya dibuka (perhutanan.luring)."""

    def _pasang_pesan(self):
        jaga_kunci_pilihan(self)
        for field in self.fields.values():
            field.error_messages["required"] = "Wajib diisi."
            if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
                field.error_messages["invalid_choice"] = "Pilihan tidak sah. Pilih dari daftar."
            if isinstance(field, forms.DecimalField | forms.IntegerField):
                field.error_messages["invalid"] = "Masukkan angka, misalnya 12,5."
            if isinstance(field, forms.DateField):
                field.error_messages["invalid"] = "Masukkan tanggal yang benar (hh-bb-tttt)."


class LokasiMixin(PesanIndonesiaMixin):
    """Pilihan desa bertingkat: provinsi > kabupaten > kecamatan > desa.

    Pilihan tiap tingkat diisi dari nilai induk yang terkirim (atau tersimpan), sehingga formulir
    yang ditolak tetap menampilkan pilihan pengguna.
    """

    def _pasang_lokasi(self, provinsi_qs, provinsi_bawaan: str | None = None):
        desa_awal = getattr(self.instance, "desa", None) if self.instance.desa_id else None

        def terkirim(nama: str) -> str | None:
            # Nilai terkirim menyaring pilihan tingkat berikutnya sebelum divalidasi; nilai
            # ber-NUL tidak dipakai menyaring (PostgreSQL menolaknya) dan isiannya sendiri
            # menolak dengan pesan di sampingnya.
            nilai = self.data.get(self.add_prefix(nama))
            return None if nilai and "\x00" in nilai else nilai

        nilai = {
            "provinsi": terkirim("provinsi")
            or (desa_awal and desa_awal.kode_provinsi)
            or provinsi_bawaan,
            "kabupaten": terkirim("kabupaten") or (desa_awal and desa_awal.kode_kabupaten),
            "kecamatan": terkirim("kecamatan") or (desa_awal and desa_awal.kecamatan_id),
        }
        url = reverse("kelompok:pilihan_wilayah")
        atribut = {"hx-get": url, "hx-trigger": "change", "hx-include": "this"}
        self.fields["provinsi"] = forms.ModelChoiceField(
            provinsi_qs,
            label="Provinsi",
            initial=nilai["provinsi"],
            widget=forms.Select(
                attrs={
                    **atribut,
                    "hx-target": "#id_kabupaten",
                    "hx-vals": '{"tingkat": "kabupaten"}',
                }
            ),
        )
        self.fields["kabupaten"] = forms.ModelChoiceField(
            Kabupaten.objects.filter(provinsi_id=nilai["provinsi"] or ""),
            label="Kabupaten/kota",
            initial=nilai["kabupaten"],
            widget=forms.Select(
                attrs={
                    **atribut,
                    "hx-target": "#id_kecamatan",
                    "hx-vals": '{"tingkat": "kecamatan"}',
                }
            ),
        )
        self.fields["kecamatan"] = forms.ModelChoiceField(
            Kecamatan.objects.filter(kabupaten_id=nilai["kabupaten"] or ""),
            label="Kecamatan",
            initial=nilai["kecamatan"],
            widget=forms.Select(
                attrs={**atribut, "hx-target": "#id_desa", "hx-vals": '{"tingkat": "desa"}'}
            ),
        )
        self.fields["desa"].queryset = Desa.objects.filter(kecamatan_id=nilai["kecamatan"] or "")
        self.fields["desa"].label = "Desa/kelurahan"
        self.order_fields(["nama", "provinsi", "kabupaten", "kecamatan", "desa"])

    def clean(self):
        data = super().clean()
        desa = data.get("desa")
        kecamatan = data.get("kecamatan")
        if desa and kecamatan and desa.kecamatan_id != kecamatan.pk:
            self.add_error("desa", "Desa ini tidak berada di kecamatan yang dipilih.")
        return data


KOLOM_KPS = [
    "nama",
    "desa",
    "bentuk_lembaga",
    "skema",
    "nomor_sk",
    "tanggal_sk",
    "luas_ha",
    "fungsi_hutan",
    "ketua",
    "kontak",
    "jumlah_kk",
]
KOLOM_KTH = [
    "nama",
    "desa",
    "nomor_register",
    "kps",
    "tanggal_berdiri",
    "nomor_sk_kepala_desa",
    "ketua",
    "kontak",
]


class KpsDasarForm(PesanIndonesiaMixin, forms.ModelForm):
    """Aturan KPS bersama formulir web dan impor Excel."""

    class Meta:
        model = Kps
        fields = KOLOM_KPS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["luas_ha"].localize = True
        self.fields["luas_ha"].widget.is_localized = True

    def clean_luas_ha(self):
        luas = self.cleaned_data["luas_ha"]
        if luas is not None and luas <= 0:
            raise forms.ValidationError("Luas harus lebih dari 0 ha.")
        return luas


class KthDasarForm(PesanIndonesiaMixin, forms.ModelForm):
    """Aturan KTH bersama formulir web dan impor Excel: KPS terkait dalam cakupan ubah."""

    class Meta:
        model = Kth
        fields = KOLOM_KTH

    def __init__(self, *args, user: Pengguna, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kps"].queryset = Kps.objects.untuk(user, ubah=True).aktif()
        if not user.punya_peran(peran.ADMIN) and not user.is_superuser:
            # Pendamping hanya mengelola KTH yang terkait KPS dampingannya.
            self.fields["kps"].required = True
            self.fields["kps"].help_text = "Pilih KPS dampingan Anda yang terkait dengan KTH ini."


def _enam_desimal(nilai: Decimal | None) -> Decimal | None:
    if nilai is None:
        return None
    if not -180 <= nilai <= 180:
        raise forms.ValidationError("Masukkan derajat desimal antara -180 dan 180.")
    return nilai.quantize(Decimal("0.000001"), ROUND_HALF_UP)


class KpsForm(LokasiMixin, KpsDasarForm):
    wilayah_kerja = forms.CharField(
        label="Batas areal kerja (GeoJSON, opsional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text="Tempel GeoJSON Polygon atau MultiPolygon (koordinat bujur, lintang).",
    )
    berkas_batas = forms.FileField(
        label="Atau unggah berkas batas (GeoJSON atau KML)",
        required=False,
        widget=forms.FileInput(attrs={"accept": ".geojson,.json,.kml"}),
        help_text="Paling besar 2 MB. Isinya menggantikan batas di atas; luasnya dihitung "
        "di elipsoid WGS 84 dan dibandingkan dengan luas SK.",
    )

    class Meta(KpsDasarForm.Meta):
        fields = [*KOLOM_KPS, "lintang", "bujur", "wilayah_kerja"]
        widgets = {
            "tanggal_sk": InputTanggal(),
            "luas_ha": forms.TextInput(attrs={"inputmode": "decimal"}),
            "lintang": forms.TextInput(attrs={"inputmode": "decimal"}),
            "bujur": forms.TextInput(attrs={"inputmode": "decimal"}),
        }

    def __init__(self, *args, user: Pengguna, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_lokasi(provinsi_dalam_cakupan(user), provinsi_bawaan=user.provinsi_id)
        for nama in ("luas_ha", "lintang", "bujur"):
            self.fields[nama].localize = True
            self.fields[nama].widget.is_localized = True
        for nama in ("lintang", "bujur"):
            # Titik GPS sering bertujuh desimal atau lebih: dibulatkan ke 6 (sekitar 10 cm),
            # bukan ditolak.
            field = self.fields[nama]
            field.validators = [
                v for v in field.validators if not isinstance(v, validators.DecimalValidator)
            ]
        if self.instance.wilayah_kerja and not self.is_bound:
            self.initial["wilayah_kerja"] = json.dumps(self.instance.wilayah_kerja)
        self._pasang_pesan()

    def clean_lintang(self):
        return _enam_desimal(self.cleaned_data.get("lintang"))

    def clean_bujur(self):
        return _enam_desimal(self.cleaned_data.get("bujur"))

    def clean_wilayah_kerja(self):
        teks = (self.cleaned_data.get("wilayah_kerja") or "").strip()
        if not teks:
            return None
        return peta.baca_geojson(teks).geojson

    def clean_berkas_batas(self):
        berkas = self.cleaned_data.get("berkas_batas")
        if not berkas:
            return None
        batas = peta.baca_berkas(berkas)
        # Batas dari berkas menggantikan isian teks, dan ditulis ke kotak teks agar tidak perlu
        # diunggah ulang bila ada isian lain yang ditolak.
        teks = json.dumps(batas.geojson)
        self.data = self.data.copy()
        self.data["wilayah_kerja"] = teks
        self.errors.pop("wilayah_kerja", None)
        self.cleaned_data["wilayah_kerja"] = batas.geojson
        return batas

    def clean(self):
        data = super().clean()
        ada_lintang = data.get("lintang") is not None
        if ada_lintang != (data.get("bujur") is not None) and not self.errors.keys() & {
            "lintang",
            "bujur",
        }:
            kosong = "bujur" if ada_lintang else "lintang"
            self.add_error(kosong, "Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.")
        return data


class KthForm(LokasiMixin, KthDasarForm):
    class Meta(KthDasarForm.Meta):
        widgets = {"tanggal_berdiri": InputTanggal()}

    def __init__(self, *args, user: Pengguna, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self._pasang_lokasi(provinsi_dalam_cakupan(user), provinsi_bawaan=user.provinsi_id)
        self._pasang_pesan()


class KupsForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = Kups
        fields = ["nama", "komoditas", "ketua"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()


class AnggotaForm(PesanIndonesiaMixin, forms.ModelForm):
    # Lebih panjang dari 16 agar NIK yang diketik berspasi seperti di KTP bisa dibersihkan.
    nik = forms.CharField(
        label="NIK",
        required=False,
        max_length=24,
        help_text="Opsional, 16 digit. Dilindungi: disamarkan di daftar dan ekspor.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Anggota
        fields = ["nama", "jenis_kelamin", "tahun_lahir", "jabatan", "nik"]
        widgets = {"tahun_lahir": forms.NumberInput(attrs={"inputmode": "numeric"})}

    def __init__(self, *args, kelompok: Kps | Kth, **kwargs):
        super().__init__(*args, **kwargs)
        self.kelompok = kelompok
        if isinstance(kelompok, Kps):
            self.instance.kps = kelompok
        else:
            self.instance.kth = kelompok
        self.fields["jenis_kelamin"].widget = forms.RadioSelect(
            choices=self.fields["jenis_kelamin"].choices[1:]
        )
        self._pasang_pesan()

    def clean_nik(self):
        nik = (self.cleaned_data.get("nik") or "").replace(" ", "")
        if nik and (len(nik) != 16 or not nik.isdigit()):
            raise forms.ValidationError("NIK harus 16 digit angka.")
        # Batasan unik di basis data tidak diperiksa ModelForm karena kelompoknya bukan kolom
        # formulir; tanpa ini NIK kembar berakhir sebagai galat server.
        if nik and self.kelompok.anggota.filter(nik=nik).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("NIK ini sudah terdaftar di kelompok ini.")
        return nik

    def clean_tahun_lahir(self):
        tahun = self.cleaned_data.get("tahun_lahir")
        if tahun is not None and tahun > tahun_ini():
            raise forms.ValidationError("Tahun lahir tidak boleh di masa depan.")
        return tahun


class DokumenForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = DokumenPendukung
        fields = ["jenis", "kups", "judul", "tanggal_dokumen", "berkas"]
        widgets = {
            "tanggal_dokumen": InputTanggal(),
            "berkas": forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
        }

    def __init__(self, *args, kps: Kps, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kps = kps
        self.fields["kups"].queryset = kps.kups.filter(diarsipkan_pada__isnull=True)
        self._pasang_pesan()


class SyaratKupsForm(forms.ModelForm):
    class Meta:
        model = SyaratKupsTerpenuhi
        fields = ["kode", "terpenuhi", "tanggal", "catatan_bukti", "berkas_bukti"]
        widgets = {
            "kode": forms.HiddenInput(),
            "tanggal": InputTanggal(),
            "catatan_bukti": forms.Textarea(attrs={"rows": 2}),
            "berkas_bukti": forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
        }
        labels = {"berkas_bukti": "Berkas bukti (PDF, JPEG atau PNG)"}

    def clean(self):
        data = super().clean()
        if data.get("terpenuhi") and not (
            data.get("catatan_bukti") or data.get("berkas_bukti") or self.instance.berkas_bukti
        ):
            self.add_error(
                "catatan_bukti", "Syarat yang terpenuhi membutuhkan catatan atau berkas bukti."
            )
        if data.get("terpenuhi") and not data.get("tanggal"):
            self.add_error("tanggal", "Isi tanggal syarat ini terpenuhi.")
        return data


# Jumlah baris tetap (satu per syarat): TOTAL_FORMS yang dimanipulasi ditolak formset.
SyaratKupsFormSet = forms.inlineformset_factory(
    Kups,
    SyaratKupsTerpenuhi,
    form=SyaratKupsForm,
    extra=0,
    can_delete=False,
    max_num=len(SYARAT_KUPS),
    absolute_max=len(SYARAT_KUPS),
    validate_max=True,
)


def formset_syarat(kups: Kups, data=None, files=None):
    """Satu baris formulir per syarat; syarat yang belum tersimpan muncul sebagai baris baru."""
    ada = {s.kode: s for s in kups.syarat.all()}
    for syarat in SYARAT_KUPS:
        if syarat.kode not in ada:
            ada[syarat.kode] = SyaratKupsTerpenuhi(kups=kups, kode=syarat.kode)
    baru = [ada[s.kode] for s in SYARAT_KUPS if ada[s.kode].pk is None]
    formset = SyaratKupsFormSet(
        data,
        files,
        instance=kups,
        initial=[{"kode": s.kode} for s in baru],
        prefix="syarat",
    )
    formset.extra = len(baru)
    return formset


class PenugasanForm(forms.Form):
    pendamping = forms.ModelChoiceField(
        Pengguna.objects.none(), label="Pendamping", error_messages=PESAN_WAJIB
    )

    def __init__(self, *args, kps: Kps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pendamping"].queryset = (
            Pengguna.objects.filter(
                groups__name=peran.PENDAMPING.nama_grup, is_active=True, provinsi_id=kps.provinsi_id
            )
            .exclude(penugasan__kps=kps, penugasan__selesai__isnull=True)
            .order_by("nama")
        )
        self.fields["pendamping"].error_messages["invalid_choice"] = (
            "Pilih pendamping dari provinsi KPS ini yang belum ditugaskan di sini."
        )


class ArsipForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan diarsipkan",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Tuliskan alasan pengarsipan."},
    )


def provinsi_dalam_cakupan(user: Pengguna):
    """Provinsi tempat pengguna boleh membuat kelompok: provinsinya, atau semua (admin nasional)."""

    if admin_nasional(user):
        return Provinsi.objects.all()
    return Provinsi.objects.filter(kode=user.provinsi_id or "")


# Berkas impor: 5.000 baris data cukup dalam 1 MB.
IMPOR_MAKS_MB = 5


class UnggahImporForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas Excel (.xlsx)",
        error_messages={"required": "Pilih berkas .xlsx yang akan diimpor."},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        validators=[batas_ukuran(IMPOR_MAKS_MB * 1024 * 1024)],
        help_text=f"Paling besar {IMPOR_MAKS_MB} MB (5.000 baris data cukup dalam 1 MB).",
    )
