"""Inti penilaian: instrumen berversi, kuesioner dan jawabannya, hari libur.

Subjek (evaluasi HKm, kelas KTH) memiliki kuesioner lewat model yang memenuhi
`PemilikKuesioner`; inti menanyai pemilik itu tanpa mengenal subjeknya.
"""

from fractions import Fraction
from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from penilaian.inti import definisi, scoring


class PemilikKuesioner:
    """Campuran untuk model subjek yang memiliki satu `Kuesioner` lewat OneToOneField.

    Inti mencari pemilik sebuah kuesioner di antara relasi satu-ke-satu yang modelnya memakai
    campuran ini, lalu bertanya apakah jawaban masih boleh berubah dan apakah prasyarat
    ikut dinilai saat kuesioner diserahkan.
    """

    # Relasi yang dibaca bersama pemilik agar `alasan_terkunci` tidak menambah kueri.
    pemilik_select_related: tuple[str, ...] = ()
    # Prasyarat ikut dinilai di kuesioner ini (KTH), atau dijawab sekali di tempat lain (HKm).
    termasuk_prasyarat: bool = True

    def alasan_terkunci(self) -> str | None:
        """Pesan untuk pengguna bila jawaban tidak boleh berubah lagi; None bila masih terbuka."""
        return None


class Instrumen(models.Model):
    kode = models.CharField("kode", max_length=20, unique=True)
    nama = models.CharField("nama", max_length=200)

    class Meta:
        verbose_name = "instrumen"
        verbose_name_plural = "instrumen"
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama


_MESIN: dict[str, scoring.Instrumen] = {}


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
        """Objek mesin penilaian, disimpan per proses menurut sidik isinya (isi yang sama
        selalu menghasilkan mesin yang sama, apa pun kunci barisnya)."""
        if self.sidik not in _MESIN:
            _MESIN[self.sidik] = definisi.ke_mesin(self.isi)
        return _MESIN[self.sidik]

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


class Penjelasan(models.Model):
    """Penjelasan kondisi terkini per indikator, dicatat penilai di samping jawabannya (kolom
    "penjelasan kondisi terkini" kuesioner evaluasi HKm). Terpisah dari Jawaban, sehingga
    menulis penjelasan tidak pernah terhitung sebagai menjawab indikator."""

    kuesioner = models.ForeignKey(Kuesioner, on_delete=models.CASCADE, related_name="penjelasan")
    indikator = models.CharField("kode indikator", max_length=10)
    teks = models.TextField("penjelasan kondisi terkini")
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "penjelasan kondisi terkini"
        verbose_name_plural = "penjelasan kondisi terkini"
        constraints = [
            models.UniqueConstraint(fields=["kuesioner", "indikator"], name="penjelasan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator}: {self.teks[:40]}"


class HariLibur(models.Model):
    """Hari libur nasional atau cuti bersama (data yang bisa diubah admin).

    Tahun yang daftarnya sudah dimuat dari SKB punya `KalenderLibur`; tahun lain memakai daftar
    perkiraan (lihat `penilaian.inti.kalender`), ditambah baris yang diisi admin di sini."""

    class Jenis(models.TextChoices):
        LIBUR = "libur", "Libur nasional"
        CUTI_BERSAMA = "cuti_bersama", "Cuti bersama"

    tanggal = models.DateField("tanggal", unique=True)
    nama = models.CharField("nama", max_length=150)
    jenis = models.CharField("jenis", max_length=12, choices=Jenis.choices, default=Jenis.LIBUR)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hari libur nasional"
        verbose_name_plural = "hari libur nasional"
        ordering = ["tanggal"]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"


class KalenderLibur(models.Model):
    """Daftar libur nasional dan cuti bersama satu tahun yang sudah pasti (SKB tiga menteri).

    Tahun tanpa baris ini dihitung dengan daftar perkiraan dan ditandai pada setiap tenggat."""

    tahun = models.PositiveSmallIntegerField("tahun", unique=True)
    sumber = models.CharField("dasar (SKB)", max_length=400)
    dimuat_pada = models.DateTimeField(auto_now=True)
    dimuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kalender libur resmi"
        verbose_name_plural = "kalender libur resmi"
        ordering = ["-tahun"]

    def __str__(self) -> str:
        return f"Kalender libur {self.tahun}"


class PengaturanKalender(models.Model):
    """Pengaturan nasional hari kerja (satu baris)."""

    cuti_bersama_hari_kerja = models.BooleanField(
        "cuti bersama dihitung sebagai hari kerja untuk tenggat penetapan",
        default=False,
        help_text="Bawaan: tidak (cuti bersama tidak dihitung, seperti libur nasional).",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pengaturan hari kerja"
        verbose_name_plural = "pengaturan hari kerja"

    def __str__(self) -> str:
        return "Pengaturan hari kerja nasional"

    @classmethod
    def aktif(cls) -> "PengaturanKalender":
        return cls.objects.get_or_create(pk=1)[0]
