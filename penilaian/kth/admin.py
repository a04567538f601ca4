from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from penilaian.kth.models import PengaturanSertifikat, Sertifikat


@admin.register(PengaturanSertifikat)
class PengaturanSertifikatAdmin(SimpleHistoryAdmin):
    list_display = ("provinsi", "pola_nomor", "kantor", "tempat")
    search_fields = ("provinsi__nama", "kantor")
    list_select_related = ("provinsi",)


@admin.register(Sertifikat)
class SertifikatAdmin(SimpleHistoryAdmin):
    """Sertifikat hanya dibaca di sini; pencabutan lewat halaman penilaian (dengan alasan)."""

    list_display = ("nomor", "provinsi", "tahun", "status", "diterbitkan_pada")
    list_filter = ("status", "tahun", "provinsi")
    search_fields = ("nomor", "kode")
    readonly_fields = [f.name for f in Sertifikat._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
