from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kelompok.models import Bpskl, Provinsi


@admin.register(Bpskl)
class BpsklAdmin(SimpleHistoryAdmin):
    list_display = ("kode", "nama")
    search_fields = ("nama",)


@admin.register(Provinsi)
class ProvinsiAdmin(SimpleHistoryAdmin):
    list_display = ("kode", "nama", "bpskl")
    list_filter = ("bpskl",)
    search_fields = ("kode", "nama")
    list_select_related = ("bpskl",)
