from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kerjasama.models import AturanTembusan, Mitra, PemetaanTindakLanjut


@admin.register(AturanTembusan)
class AturanTembusanAdmin(SimpleHistoryAdmin):
    """Penerima tembusan naskah kerja sama usaha per kategori mitra (Langkah IV).

    Isi `tembusan` dengan daftar kode: "upt" (UPT/BPSKL wilayah) dan/atau "dirjen" (Dirjen PSKL).
    """

    list_display = ("kategori", "tembusan")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Mitra)
class MitraAdmin(SimpleHistoryAdmin):
    list_display = ("nama", "kategori", "nomor_registrasi", "provinsi")
    list_filter = ("kategori", "provinsi")
    search_fields = ("nama", "nomor_registrasi")


@admin.register(PemetaanTindakLanjut)
class PemetaanTindakLanjutAdmin(SimpleHistoryAdmin):
    """Kriteria penilaian -> kebutuhan, jenis kerja sama, kategori mitra, bentuk dukungan.

    `jenis` dan `kategori_mitra` berisi daftar kode (urutan = saran utama dulu); perubahan berlaku
    untuk rencana tindak lanjut yang dibuat sesudahnya."""

    list_display = ("instrumen", "kode", "jenis", "kategori_mitra", "sumber")
    list_filter = ("instrumen",)
