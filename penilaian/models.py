from fractions import Fraction
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from akun import peran
from kelompok.lingkup import KOSONG
from kelompok.models import Kps, Kth, Kups
from penilaian import definisi, scoring
from perhutanan.berkas import BerkasUnggahanField


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


# ------------------------------------------------------------------ kelas KTH


class HariLibur(models.Model):
    """Hari libur nasional (data yang bisa diubah admin); tidak dihitung sebagai hari kerja."""

    tanggal = models.DateField("tanggal", unique=True)
    nama = models.CharField("nama", max_length=150)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hari libur nasional"
        verbose_name_plural = "hari libur nasional"
        ordering = ["tanggal"]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"


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

    def untuk_penetapan(self, user):
        """Antrean Kepala Dinas: KTH provinsinya."""

        if user.punya_peran(peran.KEPALA_DINAS) and user.provinsi_id:
            return self.filter(kth__provinsi_id=user.provinsi_id)
        return self.none()


class PenilaianKth(models.Model):
    """Penilaian kelas sebuah KTH untuk satu tahun; ditetapkan oleh Kepala Dinas."""

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
    """Sertifikat Penetapan Kelas KTH: dibuat sekali, disimpan, tidak pernah dibuat ulang."""

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
    berkas = models.FileField(upload_to="sertifikat/%Y/")
    sha256 = models.CharField(max_length=64)
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
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "ekspor sertifikat"
        verbose_name_plural = "ekspor sertifikat"
        ordering = ["-dibuat_pada"]

    def __str__(self) -> str:
        return f"Ekspor {self.provinsi} {self.tahun}"

    @property
    def persen(self) -> int:
        return 100 if not self.jumlah else int(self.selesai_n * 100 / self.jumlah)


# ------------------------------------------------------------------ skala usaha KUPS


class AnalisisUsahaQuerySet(models.QuerySet):
    def untuk(self, user, *, ubah: bool = False):
        return self.filter(kups__in=Kups.objects.untuk(user, ubah=ubah))


class AnalisisUsaha(models.Model):
    """Analisis skala usaha ekonomis sebuah KUPS. Tidak diubah setelah dibuat: perubahan
    masukan menjadi analisis baru ("salin dan ubah"), jadi hasil lama tetap dapat dibaca."""

    class Jenis(models.TextChoices):
        AGROFORESTRI = "agroforestri", "Agroforestri"
        EKOWISATA = "ekowisata", "Ekowisata"

    VERSI_MASUKAN = 1

    kups = models.ForeignKey(
        "kelompok.Kups", on_delete=models.PROTECT, related_name="analisis_usaha"
    )
    jenis = models.CharField(max_length=15, choices=Jenis.choices)
    judul = models.CharField("judul", max_length=200)
    masukan = models.JSONField("masukan")
    versi_masukan = models.PositiveSmallIntegerField(default=VERSI_MASUKAN)
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
