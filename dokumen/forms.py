from django import forms
from django.db.models import Q

from akun.predikat import admin_nasional
from dokumen.models import JenisKantor, Kantor, Penandatangan, PolaNomor
from kelompok.forms import PesanIndonesiaMixin
from kelompok.models import Bpskl, Kps, Provinsi

KOLOM_KOP = ["induk", "nama", "alamat", "kota", "telepon", "surel", "laman", "logo"]


class KantorForm(PesanIndonesiaMixin, forms.ModelForm):
    """Kop kantor. Jenis dan sasaran (provinsi, BPSKL atau KPS) dipilih saat dibuat, dalam
    cakupan pengguna, lalu tetap."""

    class Meta:
        model = Kantor
        fields = ["jenis", "provinsi", "bpskl", "kps", *KOLOM_KOP]
        widgets = {"alamat": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        nasional = admin_nasional(user)
        if self.instance.pk:
            for nama in ("jenis", "provinsi", "bpskl", "kps"):
                del self.fields[nama]
        else:
            jenis = (
                JenisKantor.choices
                if nasional
                else [(k, v) for k, v in JenisKantor.choices if k != JenisKantor.BPSKL]
            )
            self.fields["jenis"].choices = [("", "Pilih jenis kantor"), *jenis]
            self.fields["provinsi"].queryset = (
                Provinsi.objects.all()
                if nasional
                else Provinsi.objects.filter(kode=user.provinsi_id)
            )
            self.fields["provinsi"].help_text = "Untuk Dinas kehutanan provinsi."
            if nasional:
                self.fields["bpskl"].queryset = Bpskl.objects.all()
                self.fields["bpskl"].help_text = "Untuk BPSKL."
            else:
                del self.fields["bpskl"]
            kps = Kps.objects.aktif()
            self.fields["kps"].queryset = (
                kps if nasional else kps.filter(Q(provinsi_id=user.provinsi_id))
            )
            self.fields["kps"].help_text = "Untuk KPS (kop surat permohonan dan berita acara)."
        self._pasang_pesan()

    def clean(self):
        data = super().clean()
        jenis = data.get("jenis")
        if self.instance.pk or not jenis:
            return data
        sasaran = {
            JenisKantor.DINAS: "provinsi",
            JenisKantor.BPSKL: "bpskl",
            JenisKantor.KPS: "kps",
        }
        wajib = sasaran[jenis]
        if not data.get(wajib):
            self.add_error(wajib, "Wajib diisi untuk jenis kantor ini.")
        for nama in sasaran.values():
            if nama != wajib:
                data[nama] = None
        return data


class PenandatanganForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = Penandatangan
        fields = ["nama", "nip", "jabatan", "utama", "aktif"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()


class PolaNomorForm(PesanIndonesiaMixin, forms.ModelForm):
    class Meta:
        model = PolaNomor
        fields = ["jenis_dokumen", "pola"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_pesan()


# Batas atas juga berlaku saat TOTAL_FORMS dimanipulasi: formset tidak pernah membangun ribuan
# formulir dari satu permintaan.
BARIS_MAKS = 20


class _FormsetBaris(forms.BaseInlineFormSet):
    default_error_messages = {"too_many_forms": f"Paling banyak {BARIS_MAKS} baris."}


FormsetPenandatangan = forms.inlineformset_factory(
    Kantor,
    Penandatangan,
    form=PenandatanganForm,
    formset=_FormsetBaris,
    extra=1,
    can_delete=False,
    max_num=BARIS_MAKS,
    absolute_max=BARIS_MAKS,
    validate_max=True,
)
FormsetPolaNomor = forms.inlineformset_factory(
    Kantor,
    PolaNomor,
    form=PolaNomorForm,
    formset=_FormsetBaris,
    extra=1,
    can_delete=True,
    max_num=BARIS_MAKS,
    absolute_max=BARIS_MAKS,
    validate_max=True,
)
