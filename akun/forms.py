from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from akun import peran as peran_mod
from akun import services
from akun.models import Pengguna
from akun.peran import Cakupan, Peran


class FormMasuk(AuthenticationForm):
    """Formulir masuk dengan pesan yang jelas (terjemahan bawaan mengulang 'nama pengguna')."""

    error_messages = {
        "invalid_login": (
            "Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil pada keduanya."
        ),
        "inactive": "Akun ini sudah dinonaktifkan. Hubungi admin provinsi Anda.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Nama pengguna"
        self.fields["password"].label = "Kata sandi"


class FormGantiKataSandi(PasswordChangeForm):
    error_messages = {
        "password_mismatch": "Kedua isian kata sandi baru tidak sama.",
        "password_incorrect": "Kata sandi lama salah. Ketik ulang.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Kata sandi lama"
        self.fields["new_password1"].label = "Kata sandi baru"
        self.fields["new_password2"].label = "Ulangi kata sandi baru"


class PenggunaForm(forms.ModelForm):
    """Data pengguna, peran dan wilayah kerja, dengan pilihan yang dibatasi hak pengubahnya.

    Admin provinsi tidak melihat isian provinsi atau BPSKL: pengguna yang dikelolanya selalu
    berada di provinsinya (ditegakkan juga oleh `akun.services`).
    """

    peran = forms.MultipleChoiceField(
        label="Peran",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Pengguna tanpa peran dapat masuk tetapi tidak melihat data apa pun.",
    )

    class Meta:
        model = Pengguna
        fields = ("username", "nama", "email", "nip", "telepon", "provinsi", "bpskl", "is_active")
        labels = {"username": "Nama pengguna", "is_active": "Akun aktif"}
        help_texts = {
            "username": "Huruf, angka dan @/./+/-/_ saja; dipakai untuk masuk.",
            "is_active": "Akun nonaktif tidak dapat masuk; datanya tetap tersimpan.",
        }

    def __init__(self, *args, oleh: Pengguna, **kwargs):
        super().__init__(*args, **kwargs)
        self.oleh = oleh
        boleh = services.peran_yang_boleh_diberikan(oleh)
        self.fields["peran"].choices = [(p.kode, p.nama_grup) for p in boleh]
        if self.instance.pk:
            self.initial["peran"] = [p.kode for p in self.instance.daftar_peran]
        self.fields["email"].required = True
        self.fields["nama"].error_messages["required"] = "Nama lengkap wajib diisi."
        self.fields["email"].error_messages["required"] = "Surel wajib diisi."
        if not oleh.adalah_admin_nasional:
            del self.fields["provinsi"]
            del self.fields["bpskl"]
        else:
            self.fields[
                "provinsi"
            ].help_text = "Kosongkan untuk Staf BPSKL dan admin nasional; wajib untuk peran lain."

    def clean_peran(self) -> list[Peran]:
        return [peran_mod.peran_dari_kode(k) for k in self.cleaned_data["peran"]]

    def clean(self):
        data = super().clean()
        peran = data.get("peran") or []
        provinsi = data.get("provinsi", self.instance.provinsi or self.oleh.provinsi)
        bpskl = data.get("bpskl", self.instance.bpskl)
        for p in peran:
            if p.cakupan == Cakupan.PROVINSI and not provinsi:
                self.add_error(
                    "provinsi" if "provinsi" in self.fields else None,
                    f"Peran {p} wajib memiliki provinsi kerja.",
                )
            if p.cakupan == Cakupan.BPSKL and not bpskl:
                self.add_error(
                    "bpskl" if "bpskl" in self.fields else None,
                    f"Peran {p} wajib memiliki wilayah kerja BPSKL.",
                )
        return data


class FormSurelNotifikasi(forms.ModelForm):
    """Pilihan surel notifikasi pengguna sendiri: segera, ringkasan harian, atau tidak."""

    class Meta:
        model = Pengguna
        fields = ["surel_notifikasi"]
        widgets = {"surel_notifikasi": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["surel_notifikasi"]
        field.label = "Kirim notifikasi ke surel saya"
        field.error_messages["invalid_choice"] = "Pilihan tidak sah. Pilih dari daftar."
        field.error_messages["required"] = "Pilih salah satu."
        if not self.instance.email:
            field.help_text = "Akun Anda belum memiliki alamat surel; minta admin mengisinya."
