from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm


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
