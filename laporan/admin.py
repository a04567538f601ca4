from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from laporan.models import LaporanBerkala


@admin.register(LaporanBerkala)
class LaporanBerkalaAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "status", "selesai_pada"]
    list_filter = ["status", "bpskl", "tahun"]
    readonly_fields = ["data", "berkas_xlsx", "berkas_pdf", "galat", "selesai_pada"]
