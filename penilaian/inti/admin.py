from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from penilaian.inti.models import HariLibur, Instrumen, KalenderLibur, VersiInstrumen


class VersiInline(admin.TabularInline):
    model = VersiInstrumen
    fields = ("nomor", "sumber", "dimuat_pada", "dimuat_oleh", "sidik")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Instrumen)
class InstrumenAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "jumlah_versi")
    inlines = [VersiInline]

    @admin.display(description="jumlah versi")
    def jumlah_versi(self, obj):
        return obj.versi.count()


@admin.register(VersiInstrumen)
class VersiInstrumenAdmin(admin.ModelAdmin):
    """Versi hanya dibaca: isi baru dimuat sebagai versi baru, tidak pernah diubah di tempat."""

    list_display = ("instrumen", "nomor", "sumber", "dimuat_pada", "dimuat_oleh", "ada_sementara")
    list_filter = ("instrumen",)
    readonly_fields = [f.name for f in VersiInstrumen._meta.fields]

    @admin.display(boolean=True, description="ada nilai sementara")
    def ada_sementara(self, obj):
        return obj.ada_sementara

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(HariLibur)
class HariLiburAdmin(SimpleHistoryAdmin):
    """Hari libur nasional: data yang diperbarui admin tiap tahun (SKB libur nasional)."""

    list_display = ("tanggal", "nama", "jenis")
    list_filter = ("jenis", ("tanggal", admin.DateFieldListFilter))
    search_fields = ("nama",)
    date_hierarchy = "tanggal"


@admin.register(KalenderLibur)
class KalenderLiburAdmin(SimpleHistoryAdmin):
    """Tahun yang daftar liburnya resmi (SKB); dimuat dari halaman Kalender libur."""

    list_display = ("tahun", "sumber", "dimuat_pada", "dimuat_oleh")
    readonly_fields = ("dimuat_pada", "dimuat_oleh")
