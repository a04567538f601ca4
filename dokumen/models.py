"""Kantor penerbit dokumen: kop surat, penandatangan dan pola nomor per jenis dokumen.

Setiap Dinas kehutanan provinsi, setiap BPSKL dan setiap KPS dapat memiliki satu kantor: kop
(logo, instansi induk, nama, alamat, kontak), penandatangan (nama, NIP, jabatan) dan pola nomor
per jenis dokumen dengan urutan tahunan yang tidak pernah berulang walau diterbitkan serentak
(`dokumen.services.beri_nomor`). Nomor hanya diberikan saat dokumen diterbitkan, tidak pada draf.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from akun import peran
from akun.predikat import admin_nasional
from perhutanan.berkas import JPEG, PNG, BerkasUnggahanField, batas_ukuran, deteksi_jenis


class JenisKantor(models.TextChoices):
    DINAS = "dinas", "Dinas kehutanan provinsi"
    BPSKL = "bpskl", "Balai Perhutanan Sosial dan Kemitraan Lingkungan (BPSKL)"
    KPS = "kps", "Kelompok Perhutanan Sosial (KPS)"


class JenisDokumen(models.TextChoices):
    SERTIFIKAT_KTH = "sertifikat_kth", "Sertifikat penetapan kelas KTH"
    NASKAH = "naskah_kerjasama", "Naskah kerja sama"
    SURAT_PERMOHONAN = "surat_permohonan", "Surat permohonan persetujuan kerja sama (Langkah II)"
    SURAT_KEPUTUSAN = "surat_keputusan", "Surat keputusan BPSKL atas kerja sama"
    SURAT_PENGANTAR = "surat_pengantar", "Surat pengantar naskah ke OPD provinsi (Langkah IV)"
    BERITA_ACARA = "berita_acara", "Berita acara pertemuan"
    SURAT_PENGAKHIRAN = "surat_pengakhiran", "Surat bersama pengakhiran kerja sama"
    LAPORAN = "laporan_pelaksanaan", "Laporan pelaksanaan kerja sama"


BULAN_ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def validasi_pola_nomor(pola: str) -> None:
    """Pola memakai {urut} (boleh {urut:03d}), {tahun}, {bulan}, {bulan_romawi}, {jenis}."""
    if "{urut" not in pola:
        raise ValidationError("Pola nomor harus memuat {urut}, misalnya {urut:03d}/SK/{tahun}.")
    try:
        pola.format(urut=1, tahun=2026, bulan=1, bulan_romawi="I", jenis="SK")
    except (KeyError, IndexError) as galat:
        raise ValidationError(
            f"Pola nomor memakai {galat} yang tidak dikenal. Yang tersedia: {{urut}}, {{tahun}}, "
            "{bulan}, {bulan_romawi}, {jenis}."
        ) from galat
    except ValueError as galat:
        raise ValidationError(
            "Pola nomor tidak terbaca: periksa kurung kurawal dan format angka, misalnya "
            "{urut:03d}."
        ) from galat


def validasi_logo(berkas) -> None:
    """Logo kop: gambar PNG atau JPEG menurut isinya, paling besar 1 MB."""
    batas_ukuran(1024 * 1024)(berkas)
    if deteksi_jenis(berkas) not in (PNG, JPEG):
        raise ValidationError("Logo harus gambar PNG atau JPEG yang dapat dibuka.", code="jenis")


class KantorQuerySet(models.QuerySet):
    def untuk(self, user, ubah: bool = False) -> KantorQuerySet:
        """Kantor yang dikelola pengguna: semua bagi admin nasional; bagi admin provinsi Dinas
        provinsinya dan KPS di provinsinya. BPSKL dikelola admin nasional."""
        if not user.is_authenticated:
            return self.none()
        if admin_nasional(user):
            return self
        if user.punya_peran(peran.ADMIN) and user.provinsi_id:
            return self.filter(
                Q(jenis=JenisKantor.DINAS, provinsi_id=user.provinsi_id)
                | Q(jenis=JenisKantor.KPS, kps__provinsi_id=user.provinsi_id)
            )
        return self.none()


class Kantor(models.Model):
    jenis = models.CharField("jenis kantor", max_length=8, choices=JenisKantor.choices)
    provinsi = models.ForeignKey(
        "kelompok.Provinsi", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    bpskl = models.ForeignKey(
        "kelompok.Bpskl", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kps = models.OneToOneField(
        "kelompok.Kps",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kantor",
        error_messages={"unique": "KPS ini sudah punya kop; ubah kop yang ada."},
    )
    induk = models.CharField(
        "instansi induk (baris pertama kop)",
        max_length=200,
        blank=True,
        help_text="Misalnya: Pemerintah Provinsi Jawa Barat, atau Kementerian Kehutanan.",
    )
    nama = models.CharField("nama kantor", max_length=200)
    alamat = models.TextField("alamat")
    kota = models.CharField(
        "kota tempat penerbitan", max_length=100, help_text="Dipakai di 'bertempat di …'."
    )
    telepon = models.CharField("telepon", max_length=40, blank=True)
    surel = models.EmailField("surel", blank=True)
    laman = models.CharField("laman", max_length=200, blank=True)
    logo = BerkasUnggahanField(
        "logo (PNG atau JPEG, paling besar 1 MB)",
        upload_to="kantor/logo/",
        blank=True,
        validators=[validasi_logo],
    )
    history = HistoricalRecords()

    objects = KantorQuerySet.as_manager()

    class Meta:
        verbose_name = "kantor penerbit"
        verbose_name_plural = "kantor penerbit"
        ordering = ["jenis", "nama"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(jenis="dinas", provinsi__isnull=False, bpskl__isnull=True, kps__isnull=True)
                    | Q(jenis="bpskl", bpskl__isnull=False, provinsi__isnull=True, kps__isnull=True)
                    | Q(jenis="kps", kps__isnull=False, provinsi__isnull=True, bpskl__isnull=True)
                ),
                name="kantor_sasaran_sesuai_jenis",
                violation_error_message="Pilih provinsi untuk Dinas, BPSKL untuk Balai, atau KPS "
                "untuk KPS, sesuai jenis kantornya.",
            ),
            models.UniqueConstraint(
                fields=["provinsi"],
                condition=Q(jenis="dinas"),
                name="kantor_dinas_unik",
                violation_error_message="Dinas provinsi ini sudah punya kop; ubah kop yang ada.",
            ),
            models.UniqueConstraint(
                fields=["bpskl"],
                condition=Q(jenis="bpskl"),
                name="kantor_bpskl_unik",
                violation_error_message="BPSKL ini sudah punya kop; ubah kop yang ada.",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def penandatangan_utama(self) -> Penandatangan | None:
        return self.penandatangan.filter(aktif=True).order_by("-utama", "pk").first()


class Penandatangan(models.Model):
    kantor = models.ForeignKey(Kantor, on_delete=models.CASCADE, related_name="penandatangan")
    nama = models.CharField("nama lengkap dengan gelar", max_length=150)
    nip = models.CharField(
        "NIP",
        max_length=18,
        blank=True,
        validators=[RegexValidator(r"^\d{18}$", "NIP terdiri dari 18 angka.")],
        help_text="Kosongkan bila bukan aparatur sipil negara (misalnya ketua KPS).",
    )
    jabatan = models.CharField("jabatan", max_length=200)
    utama = models.BooleanField("penandatangan utama", default=False)
    aktif = models.BooleanField("aktif", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "penandatangan"
        verbose_name_plural = "penandatangan"
        ordering = ["-utama", "nama"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.jabatan})"


class PolaNomor(models.Model):
    kantor = models.ForeignKey(Kantor, on_delete=models.CASCADE, related_name="pola_nomor")
    jenis_dokumen = models.CharField("jenis dokumen", max_length=24, choices=JenisDokumen.choices)
    pola = models.CharField(
        "pola nomor",
        max_length=120,
        validators=[validasi_pola_nomor],
        help_text="{urut} nomor urut tahunan (misalnya {urut:03d}), {tahun}, {bulan}, "
        "{bulan_romawi}, {jenis} (singkatan jenis dokumen). "
        "Contoh: {urut:03d}/BPSKL-JBN/PKS/{bulan_romawi}/{tahun}.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pola nomor"
        verbose_name_plural = "pola nomor"
        constraints = [
            models.UniqueConstraint(
                fields=["kantor", "jenis_dokumen"],
                name="pola_nomor_unik",
                violation_error_message="Jenis dokumen ini sudah punya pola nomor.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_dokumen_display()}: {self.pola}"


class UrutanNomor(models.Model):
    """Nomor urut terakhir per kantor, jenis dokumen dan tahun; dikunci saat dipakai."""

    kantor = models.ForeignKey(Kantor, on_delete=models.PROTECT, related_name="+")
    jenis_dokumen = models.CharField(max_length=24, choices=JenisDokumen.choices)
    tahun = models.PositiveSmallIntegerField()
    terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kantor", "jenis_dokumen", "tahun"], name="urutan_nomor_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kantor_id}/{self.jenis_dokumen}/{self.tahun}: {self.terakhir}"


class StatusDokumen(models.TextChoices):
    BERLAKU = "berlaku", "Terdaftar dan berlaku"
    DICABUT = "dicabut", "Dicabut"


class Dokumen(models.Model):
    """Dokumen bernomor yang diterbitkan aplikasi: disimpan sekali dengan SHA-256-nya.

    Isi (`data`) dipotret saat terbit, termasuk kop dan penandatangan, dan PDF dibuat dari
    potret itu, bukan dari data hidup. Kode QR menunjuk ke halaman verifikasi publik.
    Satu dokumen berlaku per (kerja sama, jenis, kunci): menerbitkan ulang hanya setelah yang
    lama dicabut dengan alasannya.
    """

    jenis = models.CharField("jenis dokumen", max_length=24, choices=JenisDokumen.choices)
    kantor = models.ForeignKey(
        Kantor, verbose_name="kantor penerbit", on_delete=models.PROTECT, related_name="dokumen"
    )
    tahun = models.PositiveSmallIntegerField()
    urut = models.PositiveIntegerField()
    nomor = models.CharField("nomor", max_length=120)
    kode = models.CharField("kode verifikasi", max_length=40, unique=True)
    tanggal = models.DateField("tanggal dokumen")
    perihal = models.CharField("perihal", max_length=300)
    pihak = models.CharField("para pihak atau pokok", max_length=500, blank=True)
    kerjasama = models.ForeignKey(
        "kerjasama.KerjaSama",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dokumen",
    )
    kunci = models.CharField(max_length=80, blank=True)
    data = models.JSONField("isi dokumen")
    berkas = models.FileField(upload_to="dokumen/%Y/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    pdf_galat = models.TextField("galat pembuatan PDF terakhir", blank=True)
    status = models.CharField(
        max_length=10, choices=StatusDokumen.choices, default=StatusDokumen.BERLAKU
    )
    alasan_cabut = models.TextField("alasan pencabutan", blank=True)
    dicabut_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dicabut_pada = models.DateTimeField(null=True, blank=True)
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    diterbitkan_pada = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "dokumen terbit"
        verbose_name_plural = "dokumen terbit"
        ordering = ["-diterbitkan_pada", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kantor", "jenis", "tahun", "urut"], name="dokumen_urut_unik"
            ),
            models.UniqueConstraint(
                fields=["kerjasama", "jenis", "kunci"],
                condition=Q(status="berlaku", kerjasama__isnull=False),
                name="dokumen_berlaku_unik",
                violation_error_message="Dokumen ini sudah diterbitkan dan masih berlaku.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nomor}"

    @property
    def berlaku(self) -> bool:
        return self.status == StatusDokumen.BERLAKU
