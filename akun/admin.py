from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from simple_history.admin import SimpleHistoryAdmin

from akun.models import Pengguna
from akun.peran import Cakupan, peran_dari_grup


class PenggunaUbahForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = Pengguna
        fields = "__all__"

    def clean(self):
        data = super().clean()
        for grup in data.get("groups") or []:
            peran = peran_dari_grup(grup.name)
            if peran is None:
                continue
            if peran.cakupan == Cakupan.PROVINSI and not data.get("provinsi"):
                self.add_error("provinsi", f"Peran {peran} wajib memiliki provinsi kerja.")
            if peran.cakupan == Cakupan.BPSKL and not data.get("bpskl"):
                self.add_error("bpskl", f"Peran {peran} wajib memiliki wilayah kerja BPSKL.")
        return data


class PenggunaBuatForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = Pengguna
        fields = ("username", "nama", "email")


@admin.register(Pengguna)
class PenggunaAdmin(SimpleHistoryAdmin, UserAdmin):
    """Hanya admin nasional yang membuka /admin/ (lihat perhutanan.admin_situs); admin provinsi
    mengelola pengguna provinsinya di /akun/pengguna/."""

    form = PenggunaUbahForm
    add_form = PenggunaBuatForm
    list_display = ("username", "nama", "email", "provinsi", "bpskl", "is_active")
    list_filter = ("groups", "provinsi", "bpskl", "is_active")
    search_fields = ("username", "nama", "email", "nip")
    ordering = ("nama", "username")
    list_select_related = ("provinsi", "bpskl")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Data diri", {"fields": ("nama", "email", "nip", "telepon")}),
        ("Peran dan wilayah kerja", {"fields": ("groups", "provinsi", "bpskl")}),
        (
            "Status",
            {
                "fields": (
                    "is_active",
                    "wajib_ganti_sandi",
                    "is_staff",
                    "is_superuser",
                    "user_permissions",
                )
            },
        ),
        ("Waktu", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "nama", "email")}),
        ("Kata sandi", {"classes": ("wide",), "fields": ("password1", "password2")}),
    )

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ("last_login", "date_joined")
        return ("last_login", "date_joined", "is_superuser", "user_permissions")
