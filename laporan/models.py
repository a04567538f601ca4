from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from akun import peran, predikat

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


class LaporanQuerySet(models.QuerySet):
    def untuk(self, user):
        """Admin nasional: semua; Staf BPSKL: laporan BPSKL-nya; selain itu tidak ada."""
        if not user.is_authenticated:
            return self.none()
        if predikat.admin_nasional(user):
            return self
        if user.punya_peran(peran.STAF_BPSKL) and user.bpskl_id:
            return self.filter(bpskl_id=user.bpskl_id)
        return self.none()


class LaporanBerkala(models.Model):
    """Rekap bulanan ke atas, per BPSKL atau nasional: kerja sama per jenis, tahap dan provinsi;
    persetujuan dan lama menunggu; kelas KTH per provinsi dibanding tahun lalu; hasil evaluasi
    HKm; aksi tindak lanjut. Angkanya dipotret di `data`; berkas .xlsx dan PDF dibuat dari
    potret yang sama oleh pekerja latar belakang."""

    class Status(models.TextChoices):
        ANTRI = "antri", "Menunggu"
        BERJALAN = "berjalan", "Sedang dibuat"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    bpskl = models.ForeignKey(
        "kelompok.Bpskl",
        verbose_name="BPSKL (kosong: nasional)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    tahun = models.PositiveSmallIntegerField()
    bulan = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ANTRI)
    galat = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    berkas_xlsx = models.FileField(upload_to="laporan/", blank=True)
    berkas_pdf = models.FileField(upload_to="laporan/", blank=True)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["data"])

    objects = LaporanQuerySet.as_manager()

    class Meta:
        verbose_name = "laporan berkala"
        verbose_name_plural = "laporan berkala"
        ordering = ["-tahun", "-bulan", "bpskl__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "bulan"],
                condition=Q(bpskl__isnull=True),
                name="laporan_nasional_unik",
            ),
            models.UniqueConstraint(
                fields=["bpskl", "tahun", "bulan"],
                condition=Q(bpskl__isnull=False),
                name="laporan_bpskl_unik",
            ),
            models.CheckConstraint(
                condition=Q(bulan__gte=1) & Q(bulan__lte=12), name="laporan_bulan_sah"
            ),
        ]

    def __str__(self) -> str:
        return f"Laporan {self.cakupan} {self.periode}"

    def get_absolute_url(self) -> str:
        return reverse("laporan:detail", args=[self.pk])

    @property
    def cakupan(self) -> str:
        return self.bpskl.nama if self.bpskl_id else "nasional"

    @property
    def periode(self) -> str:
        return f"{BULAN[self.bulan - 1]} {self.tahun}"
