from django.db import models
from simple_history.models import HistoricalRecords


class Bpskl(models.Model):
    """Wilayah kerja sebuah Balai Perhutanan Sosial dan Kemitraan Lingkungan (beberapa provinsi)."""

    kode = models.CharField("kode", max_length=8, primary_key=True)
    nama = models.CharField("nama", max_length=120, unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "wilayah kerja BPSKL"
        verbose_name_plural = "wilayah kerja BPSKL"
        ordering = ["nama"]

    def __str__(self) -> str:
        return f"BPSKL Wilayah {self.nama}"


class Provinsi(models.Model):
    """Provinsi dengan kode Kemendagri sebagai kunci (11 Aceh ... 96 Papua Barat Daya)."""

    kode = models.CharField("kode Kemendagri", max_length=2, primary_key=True)
    nama = models.CharField("nama", max_length=80, unique=True)
    bpskl = models.ForeignKey(
        Bpskl,
        verbose_name="wilayah kerja BPSKL",
        on_delete=models.PROTECT,
        related_name="provinsi",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "provinsi"
        verbose_name_plural = "provinsi"
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama
