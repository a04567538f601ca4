from fractions import Fraction
from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from penilaian import definisi, scoring


class Instrumen(models.Model):
    kode = models.CharField("kode", max_length=20, unique=True)
    nama = models.CharField("nama", max_length=200)

    class Meta:
        verbose_name = "instrumen"
        verbose_name_plural = "instrumen"
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama


_MESIN: dict[int, scoring.Instrumen] = {}


class VersiInstrumen(models.Model):
    """Satu versi isi instrumen. Tidak pernah diubah: isi baru selalu menjadi versi baru,
    sehingga penilaian lama tetap memakai versi yang dipakai saat menilai."""

    instrumen = models.ForeignKey(Instrumen, on_delete=models.PROTECT, related_name="versi")
    nomor = models.PositiveIntegerField("nomor versi")
    sidik = models.CharField("SHA-256 isi", max_length=64)
    isi = models.JSONField("definisi kanonik")
    sumber = models.CharField("berkas sumber", max_length=200, blank=True)
    dimuat_pada = models.DateTimeField("dimuat pada", default=timezone.now)
    dimuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "versi instrumen"
        verbose_name_plural = "versi instrumen"
        ordering = ["instrumen", "-nomor"]
        constraints = [
            models.UniqueConstraint(fields=["instrumen", "nomor"], name="versi_nomor_unik"),
            models.UniqueConstraint(fields=["instrumen", "sidik"], name="versi_sidik_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.instrumen.kode} versi {self.nomor}"

    @property
    def mesin(self) -> scoring.Instrumen:
        """Objek mesin penilaian; versi tidak pernah berubah, jadi aman disimpan per proses."""
        if self.pk not in _MESIN:
            _MESIN[self.pk] = definisi.ke_mesin(self.isi)
        return _MESIN[self.pk]

    @cached_property
    def ada_sementara(self) -> bool:
        return any(i.sementara for i in self.mesin.semua_indikator())


class AspekInstrumen(models.Model):
    versi = models.ForeignKey(VersiInstrumen, on_delete=models.CASCADE, related_name="aspek")
    urutan = models.PositiveSmallIntegerField()
    kode = models.CharField(max_length=10)
    nama = models.CharField(max_length=200)
    jenis = models.CharField(max_length=20)
    maks = models.DecimalField(max_digits=10, decimal_places=2, null=True)

    class Meta:
        verbose_name = "aspek instrumen"
        verbose_name_plural = "aspek instrumen"
        ordering = ["versi", "urutan"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class KriteriaInstrumen(models.Model):
    aspek = models.ForeignKey(AspekInstrumen, on_delete=models.CASCADE, related_name="kriteria")
    urutan = models.PositiveSmallIntegerField()
    kode = models.CharField(max_length=10)
    nama = models.CharField(max_length=300)

    class Meta:
        verbose_name = "kriteria instrumen"
        verbose_name_plural = "kriteria instrumen"
        ordering = ["aspek", "urutan"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class IndikatorInstrumen(models.Model):
    kriteria = models.ForeignKey(
        KriteriaInstrumen, on_delete=models.CASCADE, related_name="indikator"
    )
    urutan = models.PositiveSmallIntegerField()
    kode = models.CharField(max_length=10)
    teks = models.TextField()
    bobot = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    maks = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    isian = models.BooleanField(default=False)
    sementara = models.BooleanField(default=False)

    class Meta:
        verbose_name = "indikator instrumen"
        verbose_name_plural = "indikator instrumen"
        ordering = ["kriteria", "urutan"]

    def __str__(self) -> str:
        return self.kode


class OpsiInstrumen(models.Model):
    indikator = models.ForeignKey(IndikatorInstrumen, on_delete=models.CASCADE, related_name="opsi")
    urutan = models.PositiveSmallIntegerField()
    kode = models.CharField(max_length=2)
    teks = models.TextField()
    skor = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    ada = models.BooleanField(null=True)
    sementara = models.BooleanField(default=False)

    class Meta:
        verbose_name = "opsi instrumen"
        verbose_name_plural = "opsi instrumen"
        ordering = ["indikator", "urutan"]

    def __str__(self) -> str:
        return f"{self.kode}. {self.teks}"


class Kuesioner(models.Model):
    """Satu lembar isian atas satu versi instrumen (responden HKm, atau penilaian KTH)."""

    class Status(models.TextChoices):
        DRAF = "draf", "Draf"
        SELESAI = "selesai", "Diserahkan"

    versi = models.ForeignKey(VersiInstrumen, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAF)
    diserahkan_pada = models.DateTimeField(null=True, blank=True)
    # Potret hasil saat diserahkan: {"kriteria": {kode: "pembilang/penyebut"}, ...}.
    hasil = models.JSONField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kuesioner"
        verbose_name_plural = "kuesioner"

    def __str__(self) -> str:
        return f"Kuesioner {self.pk} ({self.get_status_display()})"

    @property
    def selesai(self) -> bool:
        return self.status == self.Status.SELESAI

    def nilai_kriteria(self) -> dict[str, Fraction]:
        return {k: Fraction(v) for k, v in (self.hasil or {}).get("kriteria", {}).items()}


class Jawaban(models.Model):
    kuesioner = models.ForeignKey(Kuesioner, on_delete=models.CASCADE, related_name="jawaban")
    indikator = models.CharField("kode indikator", max_length=10)
    opsi = models.CharField("kode opsi", max_length=2, blank=True)
    angka = models.PositiveIntegerField("nilai isian", null=True, blank=True)
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "jawaban"
        verbose_name_plural = "jawaban"
        constraints = [
            models.UniqueConstraint(fields=["kuesioner", "indikator"], name="jawaban_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator}: {self.opsi or self.angka}"

    @property
    def nilai_mentah(self):
        return self.angka if self.angka is not None else self.opsi


class EvaluasiQuerySet(models.QuerySet):
    def untuk(self, user, *, ubah: bool = False):
        from kelompok.models import Kps

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


class Responden(models.Model):
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
