from decimal import Decimal

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

from kelompok.forms import InputTanggal, PesanIndonesiaMixin
from kelompok.models import Kps, Provinsi
from kelompok.validators import validasi_tanggal_tidak_di_masa_depan
from kerjasama.models import (
    AlasanAkhir,
    EvaluasiKerjaSama,
    HadirPertemuan,
    IndikatorKerjaSama,
    KategoriMitra,
    KerjaSama,
    Komitmen,
    LangkahKmp,
    Mitra,
    Monitoring,
    NaskahKerjaSama,
    PemangkuKepentingan,
    PermohonanMitra,
    Pertemuan,
    RencanaAksi,
    Tahap,
)
from kerjasama.naskah import SEMUA_BUTIR
from kerjasama.pelaksanaan import KEWAJIBAN
from kerjasama.portal import surel_terpakai
from kerjasama.services import mitra_serupa
from perhutanan.berkas import validasi_berkas_pendukung
from perhutanan.forms import AngkaField


class MitraForm(PesanIndonesiaMixin, forms.ModelForm):
    bukan_ganda = forms.BooleanField(
        label="Saya sudah memeriksa: ini mitra yang berbeda dari yang mirip di atas", required=False
    )

    class Meta:
        model = Mitra
        fields = [
            "nama",
            "kategori",
            "nomor_registrasi",
            "alamat",
            "provinsi",
            "kontak_nama",
            "telepon",
            "email",
        ]
        widgets = {"alamat": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()
        self.fields["email"].error_messages["invalid"] = "Masukkan alamat surel yang benar."
        self.serupa: list[Mitra] = []

    def clean(self):
        data = super().clean()
        if data.get("nama"):
            self.serupa = mitra_serupa(
                nama=data["nama"],
                nomor_registrasi=data.get("nomor_registrasi") or "",
                kecuali=self.instance.pk,
            )
            if self.serupa and not data.get("bukan_ganda"):
                self.add_error(
                    "bukan_ganda",
                    "Ada mitra dengan nama atau nomor registrasi yang sama. Pakai mitra itu, atau "
                    "centang bila memang berbeda.",
                )
        return data


class KerjaSamaForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = KerjaSama
        fields = ["judul", "jenis", "kebutuhan", "mitra", "kups", "kps_lain"]
        widgets = {"kebutuhan": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, kps: Kps, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kups"].queryset = kps.kups.filter(diarsipkan_pada__isnull=True)
        self.fields["kps_lain"].queryset = (
            Kps.objects.untuk(user, ubah=True).aktif().exclude(pk=kps.pk)
        )
        self.fields["mitra"].queryset = Mitra.objects.order_by("nama")
        self.fields["mitra"].help_text = "Boleh lebih dari satu (kerja sama multi pihak)."
        self._pasang_pesan()


class BanyakBerkas(forms.ClearableFileInput):
    allow_multiple_selected = True


class BanyakBerkasField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", BanyakBerkas(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        berkas = data if isinstance(data, list | tuple) else [data] if data else []
        hasil = [super(BanyakBerkasField, self).clean(b, initial) for b in berkas]
        for b in hasil:
            validasi_berkas_pendukung(b)
        return hasil


class PindahTahapForm(forms.Form):
    ke = forms.ChoiceField(label="Pindah ke tahap", choices=Tahap.choices)
    catatan = forms.CharField(
        label="Apa yang dilakukan / alasan",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    berkas = BanyakBerkasField(label="Bukti (PDF, JPEG, PNG; boleh beberapa)", required=False)


class PermohonanForm(forms.Form):
    surat = forms.FileField(
        label="Surat permohonan mitra",
        validators=[validasi_berkas_pendukung],
        error_messages={"required": "Lampirkan surat permohonan."},
    )
    tanggal = forms.DateField(
        label="Tanggal surat",
        widget=InputTanggal(),
        validators=[validasi_tanggal_tidak_di_masa_depan],
        error_messages={"required": "Wajib diisi.", "invalid": "Masukkan tanggal yang benar."},
    )


class NaskahForm(forms.Form):
    pola = forms.ChoiceField(label="Pola pendanaan", choices=[])
    persen_modal_mitra = forms.DecimalField(
        label="Penyertaan modal mitra (%)",
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=2,
        localize=True,
        help_text="Untuk bagi hasil: paling banyak 50%.",
    )

    def __init__(self, *args, versi_disetujui=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pola"].choices = NaskahKerjaSama.Pola.choices
        for n, b in enumerate(SEMUA_BUTIR, start=1):
            judul = (
                f"Pasal {n}. {b.judul}" if b.kode != "gender" else f"Pasal {n}. {b.judul} (wajib)"
            )
            self.fields[f"butir_{b.kode}"] = forms.CharField(
                label=judul, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        self.fields["persen_modal_mitra"].error_messages.update(
            {
                "invalid": "Masukkan angka, misalnya 30 atau 12,5.",
                "max_value": "Paling banyak %(limit_value)s%%.",
                "min_value": "Tidak boleh negatif.",
            }
        )
        if versi_disetujui is not None:
            # Draf baru atas naskah yang sudah disetujui menggugurkan persetujuan: tanya dulu.
            self.fields["batalkan_persetujuan"] = forms.BooleanField(
                label=(
                    f"Saya mengerti: menyimpan draf baru membatalkan persetujuan BPSKL atas naskah "
                    f"versi {versi_disetujui.versi}, dan kerja sama harus diajukan ulang."
                ),
                error_messages={
                    "required": "Centang ini bila memang ingin mengubah naskah yang sudah "
                    "disetujui BPSKL."
                },
            )

    def clean(self):
        data = super().clean()
        persen = data.get("persen_modal_mitra")
        if data.get("pola") == "bagi_hasil" and persen is not None and persen > 50:
            self.add_error(
                "persen_modal_mitra", "Penyertaan modal mitra dalam bagi hasil paling banyak 50%."
            )
        return data

    def isi(self) -> dict:
        return {b.kode: self.cleaned_data.get(f"butir_{b.kode}", "") for b in SEMUA_BUTIR}


class TandaTanganForm(forms.Form):
    berkas = forms.FileField(
        label="Pindaian naskah yang sudah ditandatangani semua pihak",
        validators=[validasi_berkas_pendukung],
        error_messages={"required": "Pilih berkas pindaian."},
    )
    tanggal = forms.DateField(
        label="Tanggal penandatanganan",
        widget=InputTanggal(),
        validators=[validasi_tanggal_tidak_di_masa_depan],
        error_messages={"required": "Wajib diisi.", "invalid": "Masukkan tanggal yang benar."},
    )


class RencanaAksiForm(PesanIndonesiaMixin, forms.ModelForm):
    anggaran = AngkaField(label="Anggaran (Rp)", rupiah=True)

    class Meta:
        model = RencanaAksi
        fields = ["kegiatan", "penanggung_jawab", "mulai", "selesai", "anggaran", "status"]
        widgets = {"mulai": InputTanggal(), "selesai": InputTanggal()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()

    def clean(self):
        data = super().clean()
        if data.get("mulai") and data.get("selesai") and data["selesai"] < data["mulai"]:
            self.add_error("selesai", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
        if data.get("anggaran") is not None and data["anggaran"] < 0:
            self.add_error("anggaran", "Anggaran tidak boleh negatif.")
        return data


class MonitoringForm(PesanIndonesiaMixin, forms.ModelForm):
    kewajiban = forms.MultipleChoiceField(
        label="Kewajiban yang dipenuhi",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )

    class Meta:
        model = Monitoring
        fields = [
            "tanggal",
            "kemajuan",
            "masalah",
            "kewajiban",
            "peserta",
            "peserta_perempuan",
            "peserta_muda",
        ]
        widgets = {
            "tanggal": InputTanggal(),
            "kemajuan": forms.Textarea(attrs={"rows": 3}),
            "masalah": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kewajiban"].choices = KEWAJIBAN
        self.fields["tanggal"].validators.append(validasi_tanggal_tidak_di_masa_depan)
        self._pasang_pesan()

    def clean(self):
        data = super().clean()
        total = data.get("peserta") or 0
        for kolom in ("peserta_perempuan", "peserta_muda"):
            if (data.get(kolom) or 0) > total:
                self.add_error(kolom, "Tidak boleh lebih dari jumlah peserta.")
        return data


class JangkaWaktuForm(forms.Form):
    mulai = forms.DateField(
        label="Berlaku mulai",
        widget=InputTanggal(),
        error_messages={"required": "Wajib diisi.", "invalid": "Masukkan tanggal yang benar."},
    )
    sampai = forms.DateField(
        label="Berlaku sampai",
        widget=InputTanggal(),
        error_messages={"required": "Wajib diisi.", "invalid": "Masukkan tanggal yang benar."},
    )

    def clean(self):
        data = super().clean()
        if data.get("mulai") and data.get("sampai") and data["sampai"] <= data["mulai"]:
            self.add_error("sampai", "Tanggal berakhir harus sesudah tanggal mulai.")
        return data


class AkhiriForm(forms.Form):
    # Pilihan radio tanpa pilihan awal: alasan pengakhiran dipilih sadar, tidak pernah terisi
    # sendiri.
    alasan = forms.ChoiceField(
        label="Alasan pengakhiran",
        choices=[],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Pilih alasan.",
            "invalid_choice": "Pilihan tidak sah. Pilih dari daftar.",
        },
    )
    tanggal = forms.DateField(
        label="Tanggal berakhir",
        widget=InputTanggal(),
        error_messages={"required": "Wajib diisi.", "invalid": "Masukkan tanggal yang benar."},
    )
    catatan = forms.CharField(
        label="Catatan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    surat = forms.FileField(
        label="Surat (wajib untuk kesepakatan para pihak)",
        required=False,
        validators=[validasi_berkas_pendukung],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alasan"].choices = AlasanAkhir.choices

    def clean(self):
        data = super().clean()
        if data.get("alasan") == "kesepakatan" and not data.get("surat"):
            self.add_error("surat", "Lampirkan surat kesepakatan bersama.")
        return data


class PemeriksaanMitraForm(forms.Form):
    """Satu butir uji tuntas/penapisan gender (awalan = kode butir)."""

    terpenuhi = forms.ChoiceField(
        choices=[("ya", "Ya"), ("tidak", "Tidak")], required=False, widget=forms.RadioSelect
    )
    catatan = forms.CharField(label="Bukti / catatan", required=False, max_length=2000)
    berkas = forms.FileField(
        label="Berkas bukti (PDF, JPEG, PNG)",
        required=False,
        validators=[validasi_berkas_pendukung],
    )

    @staticmethod
    def awal(pemeriksaan) -> dict:
        if pemeriksaan is None:
            return {}
        return {
            "terpenuhi": "ya" if pemeriksaan.terpenuhi else "tidak",
            "catatan": pemeriksaan.catatan_bukti,
        }

    def terapkan(self, pemeriksaan) -> None:
        """Simpan butir bila ada isinya (butir kosong yang belum pernah diisi tidak dicatat)."""
        d = self.cleaned_data
        pemeriksaan.terpenuhi = d["terpenuhi"] == "ya"
        pemeriksaan.catatan_bukti = d["catatan"].strip()
        if d["berkas"]:
            pemeriksaan.berkas_bukti = d["berkas"]
        if pemeriksaan.pk or pemeriksaan.terpenuhi or pemeriksaan.catatan_bukti or d["berkas"]:
            pemeriksaan.tanggal = pemeriksaan.tanggal or timezone.localdate()
            pemeriksaan.save()


_TANGGAL_GALAT = {"required": "Wajib diisi.", "invalid": "Masukkan tanggal yang benar."}


class TerbitkanSuratForm(forms.Form):
    """Isian penerbitan satu jenis surat (kerjasama.surat.DAFTAR_SURAT): bidang yang tidak
    dipakai jenis itu dibuang."""

    tanggal = forms.DateField(
        label="Tanggal dokumen",
        widget=InputTanggal(),
        validators=[validasi_tanggal_tidak_di_masa_depan],
        error_messages=_TANGGAL_GALAT,
    )
    tempat = forms.CharField(
        label="Tempat penandatanganan", max_length=100, help_text="Dipakai di 'bertempat di …'."
    )
    pertemuan = forms.ModelChoiceField(
        label="Pertemuan",
        queryset=None,
        empty_label=None,
        error_messages={
            "required": "Pilih pertemuannya.",
            "invalid_choice": "Pilihan tidak sah. Pilih dari daftar.",
        },
    )
    dari = forms.DateField(
        label="Periode dari", widget=InputTanggal(), error_messages=_TANGGAL_GALAT
    )
    sampai = forms.DateField(
        label="Periode sampai", widget=InputTanggal(), error_messages=_TANGGAL_GALAT
    )
    tanggal_akhir = forms.DateField(
        label="Kerja sama berakhir pada", widget=InputTanggal(), error_messages=_TANGGAL_GALAT
    )
    ketentuan = forms.CharField(
        label="Ketentuan penyelesaian (kewajiban yang tetap mengikat, aset, bagi hasil)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, bidang: tuple[str, ...], kerjasama: KerjaSama, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in list(self.fields):
            if nama not in bidang:
                del self.fields[nama]
        if "pertemuan" in self.fields:
            self.fields["pertemuan"].queryset = kerjasama.pertemuan.filter(
                hadir__isnull=False
            ).distinct()

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["sampai"] < data["dari"]:
            self.add_error("sampai", "Akhir periode tidak boleh sebelum awalnya.")
        return data


class PertemuanForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = Pertemuan
        fields = ["tanggal", "pukul", "tempat", "agenda", "hasil"]
        widgets = {
            "tanggal": InputTanggal(),
            "pukul": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "agenda": forms.Textarea(attrs={"rows": 3}),
            "hasil": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()
        self.fields["tanggal"].validators.append(validasi_tanggal_tidak_di_masa_depan)


class HadirForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = HadirPertemuan
        fields = ["nama", "lembaga", "jabatan", "perempuan"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()


HADIR_MAKS = 300


class _FormsetHadirDasar(forms.BaseInlineFormSet):
    default_error_messages = {
        "too_few_forms": "Isi paling sedikit satu orang di daftar hadir.",
        "too_many_forms": f"Daftar hadir paling banyak {HADIR_MAKS} orang per pertemuan.",
    }


FormsetHadir = forms.inlineformset_factory(
    Pertemuan,
    HadirPertemuan,
    form=HadirForm,
    formset=_FormsetHadirDasar,
    extra=3,
    can_delete=True,
    min_num=1,
    validate_min=True,
    # Batas atas yang dipakai juga saat TOTAL_FORMS dimanipulasi: formset tidak pernah
    # membangun ribuan formulir dari satu permintaan.
    max_num=HADIR_MAKS,
    absolute_max=HADIR_MAKS,
    validate_max=True,
)


INDIKATOR_MAKS = Decimal("1e14")


class IndikatorForm(PesanIndonesiaMixin, forms.ModelForm):
    # Kolom desimal 16 digit dengan 2 di belakang koma.
    awal = AngkaField(label="Nilai awal (baseline)", maksimum=INDIKATOR_MAKS)
    target = AngkaField(label="Target", maksimum=INDIKATOR_MAKS)
    capaian = AngkaField(label="Capaian terakhir", required=False, maksimum=INDIKATOR_MAKS)

    class Meta:
        model = IndikatorKerjaSama
        fields = ["nama", "satuan", "awal", "target", "capaian", "sumber"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()
        self.fields["nama"].help_text = "Misalnya: produksi madu terjual, luas rehabilitasi."
        self.fields["satuan"].help_text = "Misalnya: kg/tahun, ha, orang, Rp."

    def clean(self):
        data = super().clean()
        if data.get("awal") is not None and data.get("target") == data["awal"]:
            self.add_error("target", "Target harus berbeda dari nilai awal.")
        return data


class EvaluasiKerjaSamaForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = EvaluasiKerjaSama
        fields = ["tanggal", "penilaian", "rekomendasi", "pelajaran"]
        widgets = {
            "tanggal": InputTanggal(),
            "penilaian": forms.RadioSelect,
            "rekomendasi": forms.RadioSelect,
            "pelajaran": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].validators.append(validasi_tanggal_tidak_di_masa_depan)
        self.fields["pelajaran"].help_text = (
            "Apa yang berhasil, apa yang tidak, dan apa yang dilakukan berbeda di kerja sama "
            "berikutnya."
        )
        # Pilihan radio tanpa pilihan awal: penilaian dipilih sadar.
        for nama in ("penilaian", "rekomendasi"):
            self.fields[nama].choices = [c for c in self.fields[nama].choices if c[0]]
        self._pasang_pesan()


class PerpanjanganForm(forms.Form):
    sampai = forms.DateField(
        label="Diperpanjang sampai",
        widget=InputTanggal(),
        error_messages={"required": "Wajib diisi.", "invalid": "Masukkan tanggal yang benar."},
    )
    alasan = forms.CharField(
        label="Alasan perpanjangan",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Tulis alasan perpanjangan."},
    )
    surat = forms.FileField(
        label="Surat kesepakatan perpanjangan para pihak (bila sudah ada)",
        required=False,
        validators=[validasi_berkas_pendukung],
    )

    def __init__(self, *args, kerjasama=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kerjasama = kerjasama

    def clean_sampai(self):
        sampai = self.cleaned_data["sampai"]
        batas = self.kerjasama.berlaku_sampai if self.kerjasama else None
        if batas and sampai <= batas:
            raise forms.ValidationError(
                f"Harus sesudah tanggal berakhir sekarang ({batas:%d-%m-%Y})."
            )
        return sampai


class LangkahKmpForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = LangkahKmp
        fields = ["penanggung_jawab", "tenggat", "status", "hasil"]
        widgets = {"tenggat": InputTanggal(), "hasil": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()

    def clean(self):
        data = super().clean()
        if data.get("status") == "selesai" and not (data.get("hasil") or "").strip():
            self.add_error("hasil", "Tulis hasil atau keluaran langkah yang selesai.")
        return data


class PemangkuForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = PemangkuKepentingan
        fields = ["nama", "unsur", "kepentingan", "pengaruh", "tingkat_kepentingan", "peran"]
        widgets = {
            "kepentingan": forms.Textarea(attrs={"rows": 2}),
            "peran": forms.Textarea(attrs={"rows": 2}),
            "pengaruh": forms.RadioSelect,
            "tingkat_kepentingan": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in ("pengaruh", "tingkat_kepentingan"):
            self.fields[nama].choices = [c for c in self.fields[nama].choices if c[0] != ""]
        self._pasang_pesan()


class KomitmenForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = Komitmen
        fields = ["pihak", "uraian", "tenggat", "status", "bukti"]
        widgets = {
            "tenggat": InputTanggal(),
            "uraian": forms.Textarea(attrs={"rows": 2}),
            "bukti": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()


# ------------------------------------------------------------------ portal mitra


class _FormSandi(forms.Form):
    """Dua isian kata sandi dengan aturan kata sandi yang sama dengan akun lain."""

    sandi1 = forms.CharField(label="Kata sandi", widget=forms.PasswordInput, strip=False)
    sandi2 = forms.CharField(label="Ulangi kata sandi", widget=forms.PasswordInput, strip=False)

    def pengguna_untuk_validasi(self):
        return None

    def clean(self):
        data = super().clean()
        s1, s2 = data.get("sandi1"), data.get("sandi2")
        if s1 and s2 and s1 != s2:
            self.add_error("sandi2", "Kedua isian kata sandi tidak sama.")
        elif s1:
            try:
                password_validation.validate_password(s1, self.pengguna_untuk_validasi())
            except ValidationError as e:
                self.add_error("sandi1", e)
        return data


class SandiUndanganForm(PesanIndonesiaMixin, _FormSandi):
    def __init__(self, *args, pengguna, **kwargs):
        self.pengguna = pengguna
        super().__init__(*args, **kwargs)
        self._pasang_pesan()

    def pengguna_untuk_validasi(self):
        return self.pengguna


class PendaftaranMitraForm(PesanIndonesiaMixin, _FormSandi):
    nama_lembaga = forms.CharField(label="Nama lembaga / perorangan", max_length=200)
    kategori = forms.ChoiceField(label="Kategori mitra", choices=KategoriMitra.choices)
    nomor_registrasi = forms.CharField(
        label="Nomor registrasi (NIB/akta/NPWP)", max_length=60, required=False
    )
    provinsi = forms.ModelChoiceField(
        label="Provinsi kedudukan atau provinsi KPS yang dituju",
        queryset=Provinsi.objects.all(),
        help_text="Staf BPSKL dan admin provinsi ini yang memeriksa pendaftaran Anda.",
    )
    alamat = forms.CharField(
        label="Alamat", widget=forms.Textarea(attrs={"rows": 2}), max_length=500
    )
    nama = forms.CharField(label="Nama lengkap Anda", max_length=150)
    jabatan = forms.CharField(label="Jabatan di lembaga", max_length=150, required=False)
    telepon = forms.RegexField(
        label="Telepon", max_length=20, regex=r"^\+?[0-9 \-]{6,20}$", required=False
    )
    surel = forms.EmailField(label="Surel (juga nama pengguna Anda)", max_length=150)
    field_order = [
        "nama_lembaga",
        "kategori",
        "nomor_registrasi",
        "provinsi",
        "alamat",
        "nama",
        "jabatan",
        "telepon",
        "surel",
        "sandi1",
        "sandi2",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)
        self._pasang_pesan()
        self.fields["surel"].error_messages["invalid"] = "Masukkan alamat surel yang benar."
        self.fields["telepon"].error_messages["invalid"] = "Nomor telepon: angka, spasi atau +."

    def clean_surel(self):
        surel = self.cleaned_data["surel"].strip().lower()
        if surel_terpakai(surel):
            raise ValidationError(
                "Surel ini sudah dipakai akun lain. Masuk, atau pakai surel lain."
            )
        return surel

    def pengguna_untuk_validasi(self):
        from akun.models import Pengguna

        return Pengguna(
            username=self.cleaned_data.get("surel", ""),
            email=self.cleaned_data.get("surel", ""),
            nama=self.cleaned_data.get("nama", ""),
        )


class UndanganMitraForm(PesanIndonesiaMixin, forms.Form):
    nama = forms.CharField(label="Nama lengkap wakil mitra", max_length=150)
    surel = forms.EmailField(label="Surel wakil mitra", max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()
        self.fields["surel"].error_messages["invalid"] = "Masukkan alamat surel yang benar."

    def clean_surel(self):
        surel = self.cleaned_data["surel"].strip().lower()
        if surel_terpakai(surel):
            raise ValidationError("Surel ini sudah dipakai akun lain.")
        return surel


class PutusanPendaftaranForm(PesanIndonesiaMixin, forms.Form):
    keputusan = forms.ChoiceField(
        label="Keputusan",
        choices=[("setuju", "Setujui"), ("tolak", "Tolak")],
        widget=forms.RadioSelect,
    )
    mitra = forms.ModelChoiceField(
        label="Tautkan ke mitra yang sudah ada di registri",
        queryset=Mitra.objects.none(),
        required=False,
        empty_label="Tidak: masukkan sebagai mitra baru dari usulannya",
    )
    alasan = forms.CharField(
        label="Alasan penolakan (dikirim ke pendaftar)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, serupa, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mitra"].queryset = Mitra.objects.filter(pk__in=[m.pk for m in serupa])
        if not serupa:
            del self.fields["mitra"]
        self._pasang_pesan()

    def clean(self):
        data = super().clean()
        if data.get("keputusan") == "tolak" and not (data.get("alasan") or "").strip():
            self.add_error("alasan", "Tuliskan alasan penolakan.")
        return data


class PermohonanMitraForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = PermohonanMitra
        fields = [
            "kups",
            "jenis",
            "judul",
            "maksud",
            "dukungan",
            "jangka_waktu_tahun",
            "nomor_surat",
            "tanggal_surat",
            "surat",
        ]
        widgets = {
            "maksud": forms.Textarea(attrs={"rows": 4}),
            "dukungan": forms.Textarea(attrs={"rows": 3}),
            "tanggal_surat": InputTanggal(),
        }

    def __init__(self, *args, kps: Kps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kups"].queryset = kps.kups.filter(diarsipkan_pada__isnull=True)
        self.fields["kups"].empty_label = "Tidak khusus: kepada KPS"
        self.fields["kups"].help_text = "Unit usaha KPS yang dituju, bila ada."
        self.fields["surat"].validators.append(validasi_berkas_pendukung)
        self.fields["surat"].help_text = "PDF, JPEG atau PNG, bertanda tangan pimpinan lembaga."
        self.fields["tanggal_surat"].validators.append(validasi_tanggal_tidak_di_masa_depan)
        self.fields["jangka_waktu_tahun"].min_value = 1
        self.fields["jangka_waktu_tahun"].max_value = 35
        self.fields["jangka_waktu_tahun"].validators += [
            MinValueValidator(1, "Paling singkat 1 tahun."),
            MaxValueValidator(35, "Paling lama 35 tahun (masa persetujuan perhutanan sosial)."),
        ]
        self._pasang_pesan()


class BuktiButirForm(forms.Form):
    """Bukti satu butir uji tuntas pada permohonan; legalitas usaha wajib berkas."""

    keterangan = forms.CharField(
        label="Keterangan",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
    berkas = forms.FileField(
        label="Berkas bukti (PDF, JPEG, PNG)",
        required=False,
        validators=[validasi_berkas_pendukung],
    )

    def __init__(self, *args, wajib_berkas: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.wajib_berkas = wajib_berkas
        self.fields["berkas"].widget.attrs["accept"] = ".pdf,.jpg,.jpeg,.png"
        if wajib_berkas:
            self.fields["berkas"].required = True
            self.fields["berkas"].error_messages["required"] = (
                "Lampirkan bukti legalitas usaha (NIB, akta pendirian atau izin usaha)."
            )


class TanggapanPermohonanForm(PesanIndonesiaMixin, forms.Form):
    keputusan = forms.ChoiceField(
        label="Tanggapan",
        choices=[("terima", "Terima"), ("tolak", "Tolak")],
        widget=forms.RadioSelect,
    )
    catatan = forms.CharField(
        label="Catatan untuk mitra (wajib bila menolak)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()

    def clean(self):
        data = super().clean()
        if data.get("keputusan") == "tolak" and not (data.get("catatan") or "").strip():
            self.add_error("catatan", "Tuliskan alasan penolakan; mitra akan membacanya.")
        return data
