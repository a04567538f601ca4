"""Analisis skala usaha ekonomis sebuah KUPS (masukan dan ringkasan hasil yang tersimpan)."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from kelompok.models import Kups


class AnalisisUsahaQuerySet(models.QuerySet):
    def untuk(self, user, *, ubah: bool = False):
        return self.filter(kups__in=Kups.objects.untuk(user, ubah=ubah))


class AnalisisUsaha(models.Model):
    """Analisis skala usaha ekonomis sebuah KUPS. Tidak diubah setelah dibuat: perubahan
    masukan menjadi analisis baru ("salin dan ubah"), jadi hasil lama tetap dapat dibaca."""

    class Jenis(models.TextChoices):
        AGROFORESTRI = "agroforestri", "Agroforestri"
        EKOWISATA = "ekowisata", "Ekowisata"

    # 1: satu tahun konstan (analisis lama, hasilnya tetap); 2: arus kas tahunan dan titik
    # impas atas seluruh periode seperti kajian.
    VERSI_MASUKAN = 2

    kups = models.ForeignKey(
        "kelompok.Kups", on_delete=models.PROTECT, related_name="analisis_usaha"
    )
    jenis = models.CharField(max_length=15, choices=Jenis.choices)
    judul = models.CharField("judul", max_length=200)
    masukan = models.JSONField("masukan")
    versi_masukan = models.PositiveSmallIntegerField(default=1)
    hasil = models.JSONField("ringkasan hasil")
    penulis = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = AnalisisUsahaQuerySet.as_manager()

    class Meta:
        verbose_name = "analisis skala usaha"
        verbose_name_plural = "analisis skala usaha"
        ordering = ["-dibuat_pada", "-pk"]

    def __str__(self) -> str:
        return self.judul
