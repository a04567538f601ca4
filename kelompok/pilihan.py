"""Pilihan provinsi untuk penyaring dan formulir, dibaca sekali lalu disimpan di cache.

Daftar provinsi adalah data rujukan (38 baris) yang hampir tidak pernah berubah, tetapi tampil di
setiap halaman daftar. Cache dikosongkan saat provinsi disimpan atau dihapus di proses ini dan
setelah impor wilayah; di proses lain paling lama PROVINSI_DETIK basi.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from kelompok.models import Provinsi

KUNCI = "kelompok:pilihan_provinsi"
PROVINSI_DETIK = 300


def pilihan_provinsi() -> list[tuple[str, str]]:
    """[(kode, nama), ...] urut kode Kemendagri."""
    hasil = cache.get(KUNCI)
    if hasil is None:
        hasil = list(Provinsi.objects.order_by("kode").values_list("kode", "nama"))
        cache.set(KUNCI, hasil, PROVINSI_DETIK)
    return hasil


def lupakan_pilihan_provinsi() -> None:
    cache.delete(KUNCI)
    # Bila perubahan dibatalkan, daftar yang terbaca di dalam transaksi juga tidak boleh tinggal.
    transaction.on_commit(lambda: cache.delete(KUNCI))


@receiver([post_save, post_delete], sender=Provinsi, dispatch_uid="lupakan_pilihan_provinsi")
def _provinsi_berubah(**kwargs) -> None:
    lupakan_pilihan_provinsi()
