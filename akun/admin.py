from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from simple_history.admin import SimpleHistoryAdmin

from akun import predikat
from akun.models import Pengguna
from akun.peran import Cakupan, peran_dari_grup
from kelompok.models import Provinsi


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
            {"fields": ("is_active", "is_staff", "is_superuser", "user_permissions")},
        ),
        ("Waktu", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "nama", "email")}),
        ("Kata sandi", {"classes": ("wide",), "fields": ("password1", "password2")}),
    )

    def get_queryset(self, request):
        # Admin provinsi hanya mengelola pengguna provinsinya; admin nasional semuanya.
        qs = super().get_queryset(request)
        if predikat.admin_nasional(request.user):
            return qs
        return qs.filter(provinsi_id=request.user.provinsi_id)

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ("last_login", "date_joined")
        return ("last_login", "date_joined", "is_superuser", "user_permissions")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "provinsi" and not predikat.admin_nasional(request.user):
            kwargs["queryset"] = Provinsi.objects.filter(kode=request.user.provinsi_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
