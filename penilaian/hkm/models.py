"""Evaluasi HKm sebuah KPS: satu kuesioner per responden, prasyarat dijawab sekali."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from kelompok.models import Kps
from penilaian.inti.models import Kuesioner, PemilikKuesioner, VersiInstrumen


class EvaluasiQuerySet(models.QuerySet):
    def untuk(self, user, *, ubah: bool = False):
        return self.filter(kps__in=Kps.objects.untuk(user, ubah=ubah))


class EvaluasiHkm(models.Model):
    """Evaluasi HKm sebuah KPS: satu kuesioner per responden, prasyarat sekali."""

    class Status(models.TextChoices):
        DRAF = "draf", "Sedang diisi"
        FINAL = "final", "Final"

    kps = models.ForeignKey("kelompok.Kps", on_delete=models.PROTECT, related_name="evaluasi_hkm")
    versi = models.ForeignKey(VersiInstrumen, on_delete=models.PROTECT, related_name="+")
    tanggal = models.DateField("tanggal evaluasi")
    penilai = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evaluasi_hkm"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAF)
    prasyarat = models.JSONField("jawaban prasyarat", default=dict, blank=True)
    catatan = models.TextField("catatan", blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    difinalkan_pada = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = EvaluasiQuerySet.as_manager()

    class Meta:
        verbose_name = "evaluasi HKm"
        verbose_name_plural = "evaluasi HKm"
        ordering = ["-tanggal", "-pk"]
        indexes = [models.Index(fields=["kps", "tanggal"], name="evaluasi_kps_tanggal")]

    def __str__(self) -> str:
        return f"Evaluasi HKm {self.kps} {self.tanggal:%d-%m-%Y}"

    @property
    def final(self) -> bool:
        return self.status == self.Status.FINAL


class Responden(PemilikKuesioner, models.Model):
    """Satu responden evaluasi; kuesionernya terkunci begitu evaluasinya final."""

    pemilik_select_related = ("evaluasi",)
    termasuk_prasyarat = False  # prasyarat HKm dijawab sekali per evaluasi, bukan per responden

    class Peran(models.TextChoices):
        PENGURUS = "pengurus", "Pengurus"
        ANGGOTA = "anggota", "Anggota"

    evaluasi = models.ForeignKey(EvaluasiHkm, on_delete=models.CASCADE, related_name="responden")
    kuesioner = models.OneToOneField(Kuesioner, on_delete=models.PROTECT, related_name="responden")
    anggota = models.ForeignKey(
        "kelompok.Anggota", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nama = models.CharField("nama responden", max_length=150)
    peran = models.CharField("peran", max_length=10, choices=Peran.choices)
    urutan = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "responden"
        verbose_name_plural = "responden"
        ordering = ["evaluasi", "urutan", "pk"]

    def __str__(self) -> str:
        return self.nama

    def alasan_terkunci(self) -> str | None:
        if self.evaluasi.final:
            return "Evaluasi ini sudah final dan tidak dapat diubah."
        return None
