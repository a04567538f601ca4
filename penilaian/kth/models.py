"""Kelas KTH: penilaian tahunan, penetapan Kepala Dinas, bukti fisik, sertifikat dan ekspornya."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from akun import peran
from kelompok.lingkup import KOSONG
from kelompok.models import Kth
from penilaian.inti.models import Kuesioner, PemilikKuesioner
from perhutanan.berkas import BerkasUnggahanField


class PengaturanSertifikat(models.Model):
    """Pola nomor dan identitas penerbit sertifikat kelas KTH per provinsi.

    Pola memakai {urut}, {tahun}, {provinsi} (kode Kemendagri), misalnya
    "{urut:04d}/SERT-KTH/{provinsi}/{tahun}".
    """

    provinsi = models.OneToOneField(
        "kelompok.Provinsi", on_delete=models.PROTECT, related_name="pengaturan_sertifikat"
    )
    pola_nomor = models.CharField(
        "pola nomor", max_length=100, default="{urut:04d}/SERT-KTH/{provinsi}/{tahun}"
    )
    kantor = models.CharField("kantor penerbit", max_length=200)
    tempat = models.CharField("tempat penetapan", max_length=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pengaturan sertifikat"
        verbose_name_plural = "pengaturan sertifikat"

    def __str__(self) -> str:
        return f"Sertifikat KTH {self.provinsi}"

    def clean(self):
        try:
            contoh = self.pola_nomor.format(urut=1, tahun=2026, provinsi="32")
        except (KeyError, IndexError, ValueError) as e:
            raise ValidationError(
                {"pola_nomor": "Pola hanya boleh memakai {urut}, {tahun} dan {provinsi}."}
            ) from e
        if "{urut" not in self.pola_nomor:
            raise ValidationError(
                {"pola_nomor": "Pola harus memuat {urut} agar nomor tidak berulang."}
            )
        return contoh


class UrutanSertifikat(models.Model):
    """Nomor urut terakhir per provinsi per tahun; dikunci saat dipakai agar tidak berulang."""

    provinsi = models.ForeignKey("kelompok.Provinsi", on_delete=models.PROTECT, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provinsi", "tahun"], name="urutan_sertifikat_unik")
        ]

    def __str__(self) -> str:
        return f"{self.provinsi_id}/{self.tahun}: {self.terakhir}"


class PenilaianKthQuerySet(models.QuerySet):
    def untuk(self, user, *, ubah: bool = False):
        """Baca: cakupan KTH pengguna. Ubah (mengisi/mengajukan): Penilai KTH provinsinya."""

        if not ubah:
            return self.filter(kth__in=Kth.objects.untuk(user))
        if not user.is_authenticated:
            return self.filter(KOSONG)
        if user.adalah_admin_nasional:
            return self
        if user.punya_peran(peran.PENILAI_KTH) and user.provinsi_id:
            return self.filter(kth__provinsi_id=user.provinsi_id)
        return self.filter(KOSONG)

    def menilai(self, kth_ref, tahun: int):
        """Penilaian yang berlaku (tidak ditarik) untuk KTH `kth_ref` pada `tahun`, untuk
        Exists(...): "KTH ini sudah dinilai tahun itu"."""
        return self.filter(kth=kth_ref, tahun=tahun).exclude(status=PenilaianKth.Status.DITARIK)

    def untuk_penetapan(self, user):
        """Antrean Kepala Dinas: KTH provinsinya."""

        if user.punya_peran(peran.KEPALA_DINAS) and user.provinsi_id:
            return self.filter(kth__provinsi_id=user.provinsi_id)
        return self.none()


class PenilaianKth(PemilikKuesioner, models.Model):
    """Penilaian kelas sebuah KTH untuk satu tahun; ditetapkan oleh Kepala Dinas.

    Jawaban hanya boleh berubah selama draf atau dikembalikan (lihat `alasan_terkunci`).
    """

    class Status(models.TextChoices):
        DRAF = "draf", "Draf"
        DIAJUKAN = "diajukan", "Diajukan ke Kepala Dinas"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
        DITETAPKAN = "ditetapkan", "Ditetapkan"
        DITARIK = "ditarik", "Ditarik"

    kth = models.ForeignKey("kelompok.Kth", on_delete=models.PROTECT, related_name="penilaian")
    tahun = models.PositiveSmallIntegerField("tahun penilaian")
    kuesioner = models.OneToOneField(
        Kuesioner, on_delete=models.PROTECT, related_name="penilaian_kth"
    )
    penilai = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="penilaian_kth"
    )
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.DRAF)
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    tenggat = models.DateField("tenggat penetapan", null=True, blank=True)
    total = models.DecimalField(
        "nilai total", max_digits=8, decimal_places=2, null=True, blank=True
    )
    kelas = models.CharField("kelas hasil penilaian", max_length=10, blank=True)
    catatan = models.TextField("catatan terakhir", blank=True)
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ditetapkan_pada = models.DateTimeField(null=True, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = PenilaianKthQuerySet.as_manager()

    class Meta:
        verbose_name = "penilaian kelas KTH"
        verbose_name_plural = "penilaian kelas KTH"
        ordering = ["-tahun", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kth", "tahun"],
                condition=~models.Q(status="ditarik"),
                name="penilaian_kth_satu_per_tahun",
                violation_error_message="KTH ini sudah dinilai tahun ini; tarik dulu penilaiannya.",
            )
        ]
        indexes = [models.Index(fields=["status", "tenggat"], name="penilaian_kth_antrean")]

    def __str__(self) -> str:
        return f"Penilaian {self.kth} {self.tahun}"

    def alasan_terkunci(self) -> str | None:
        if self.status in (self.Status.DRAF, self.Status.DIKEMBALIKAN):
            return None
        return f"Penilaian ini {self.get_status_display().lower()}."


class RiwayatStatusKth(models.Model):
    penilaian = models.ForeignKey(
        PenilaianKth, on_delete=models.CASCADE, related_name="riwayat_status"
    )
    dari = models.CharField(max_length=15, blank=True)
    ke = models.CharField(max_length=15)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    catatan = models.TextField(blank=True)
    waktu = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["waktu", "pk"]

    def __str__(self) -> str:
        return f"{self.dari} -> {self.ke}"


class BuktiFisik(models.Model):
    """Berkas bukti fisik untuk satu indikator penilaian KTH."""

    kuesioner = models.ForeignKey(Kuesioner, on_delete=models.CASCADE, related_name="bukti")
    indikator = models.CharField(max_length=10)
    berkas = BerkasUnggahanField(upload_to="bukti-kth/%Y/")
    keterangan = models.CharField(max_length=200, blank=True)
    diunggah_pada = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bukti fisik"
        verbose_name_plural = "bukti fisik"
        ordering = ["indikator", "pk"]

    def __str__(self) -> str:
        return f"Bukti {self.indikator}"


class Sertifikat(models.Model):
    """Sertifikat Penetapan Kelas KTH: dibuat sekali, disimpan, tidak pernah dibuat ulang.

    Nomor, kode dan isi (`data`) ditetapkan dalam transaksi penetapan; PDF-nya dibuat pekerja
    latar belakang tepat setelah commit (penilaian.kth.pdf). Selama `berkas` masih kosong,
    sertifikat "sedang disiapkan"; kegagalan dicoba ulang dan dicatat di `pdf_galat`.
    """

    class Status(models.TextChoices):
        BERLAKU = "berlaku", "Berlaku"
        DICABUT = "dicabut", "Dicabut"

    penilaian = models.OneToOneField(
        PenilaianKth, on_delete=models.PROTECT, related_name="sertifikat"
    )
    provinsi = models.ForeignKey("kelompok.Provinsi", on_delete=models.PROTECT, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    urut = models.PositiveIntegerField()
    nomor = models.CharField("nomor sertifikat", max_length=120, unique=True)
    kode = models.CharField("kode verifikasi", max_length=40, unique=True)
    data = models.JSONField("isi sertifikat")
    berkas = models.FileField(upload_to="sertifikat/%Y/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    pdf_galat = models.TextField("galat pembuatan PDF terakhir", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BERLAKU)
    alasan_cabut = models.TextField(blank=True)
    dicabut_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dicabut_pada = models.DateTimeField(null=True, blank=True)
    diterbitkan_pada = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sertifikat kelas KTH"
        verbose_name_plural = "sertifikat kelas KTH"
        ordering = ["-tahun", "urut"]
        constraints = [
            models.UniqueConstraint(
                fields=["provinsi", "tahun", "urut"], name="sertifikat_urut_unik"
            )
        ]

    def __str__(self) -> str:
        return self.nomor

    @property
    def pdf_siap(self) -> bool:
        return bool(self.berkas)


MENUNGGU_LAMA = datetime.timedelta(minutes=5)


class EksporSertifikat(models.Model):
    """Permintaan ekspor ZIP sertifikat; dikerjakan di latar belakang dengan kemajuan."""

    class Status(models.TextChoices):
        ANTRI = "antri", "Menunggu"
        BERJALAN = "berjalan", "Sedang dibuat"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    provinsi = models.ForeignKey("kelompok.Provinsi", on_delete=models.PROTECT, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    kelas = models.CharField(max_length=10, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ANTRI)
    jumlah = models.PositiveIntegerField(default=0)
    selesai_n = models.PositiveIntegerField(default=0)
    berkas = models.FileField(upload_to="ekspor/", blank=True)
    galat = models.TextField(blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    dimulai_pada = models.DateTimeField(null=True, blank=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "ekspor sertifikat"
        verbose_name_plural = "ekspor sertifikat"
        ordering = ["-dibuat_pada"]

    def __str__(self) -> str:
        return f"Ekspor {self.provinsi} {self.tahun}"

    @property
    def persen(self) -> int:
        if self.status == self.Status.SELESAI:
            return 100
        if self.status == self.Status.ANTRI or not self.jumlah:
            return 0
        return int(self.selesai_n * 100 / self.jumlah)

    @property
    def menunggu_lama(self) -> bool:
        """Masih menunggu pekerja lebih dari lima menit: pekerja latar belakang mungkin mati."""
        return (
            self.status == self.Status.ANTRI and timezone.now() - self.dibuat_pada > MENUNGGU_LAMA
        )
