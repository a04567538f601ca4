from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import Concat, Upper
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from kelompok import lingkup, peta
from kelompok.kelas_kups import PILIHAN_SYARAT, KelasKups
from kelompok.validators import (
    validasi_geojson_poligon,
    validasi_tanggal_tidak_di_masa_depan,
)
from perhutanan.berkas import BerkasUnggahanField


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


# Kabupaten, kecamatan dan desa adalah data acuan resmi yang hanya berubah lewat perintah
# impor_wilayah (yang mencatat perubahannya ke log), sehingga tidak diberi tabel riwayat.
class Kabupaten(models.Model):
    kode = models.CharField("kode Kemendagri", max_length=5, primary_key=True)  # 32.01
    nama = models.CharField("nama", max_length=100)
    provinsi = models.ForeignKey(Provinsi, on_delete=models.PROTECT, related_name="kabupaten")

    class Meta:
        verbose_name = "kabupaten/kota"
        verbose_name_plural = "kabupaten/kota"
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama


class Kecamatan(models.Model):
    kode = models.CharField("kode Kemendagri", max_length=8, primary_key=True)  # 32.01.01
    nama = models.CharField("nama", max_length=100)
    kabupaten = models.ForeignKey(Kabupaten, on_delete=models.PROTECT, related_name="kecamatan")

    class Meta:
        verbose_name = "kecamatan"
        verbose_name_plural = "kecamatan"
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama


class Desa(models.Model):
    kode = models.CharField("kode Kemendagri", max_length=13, primary_key=True)  # 32.01.01.2001
    nama = models.CharField("nama", max_length=100)
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, related_name="desa")

    class Meta:
        verbose_name = "desa/kelurahan"
        verbose_name_plural = "desa/kelurahan"
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama

    @property
    def kode_kabupaten(self) -> str:
        return self.kode[:5]

    @property
    def kode_provinsi(self) -> str:
        return self.kode[:2]


class Skema(models.TextChoices):
    HD = "HD", "Hutan Desa (HD)"
    HKM = "HKm", "Hutan Kemasyarakatan (HKm)"
    HTR = "HTR", "Hutan Tanaman Rakyat (HTR)"
    KK = "KK", "Kemitraan Kehutanan (KK)"
    HA = "HA", "Hutan Adat (HA)"


class BentukLembaga(models.TextChoices):
    KELOMPOK = "kelompok", "Kelompok"
    GAPOKTAN = "gapoktan", "Gapoktan"
    GAPOKTAN_AKTA = "gapoktan_akta", "Gapoktan berakta notaris"
    KOPERASI = "koperasi", "Koperasi"
    BUMDES = "bumdes", "BUMDes"
    LEMBAGA_DESA = "lembaga_desa", "Lembaga desa"
    MHA = "mha", "Masyarakat hukum adat"


class FungsiHutan(models.TextChoices):
    HL = "HL", "Hutan Lindung (HL)"
    HP = "HP", "Hutan Produksi (HP)"
    HPT = "HPT", "Hutan Produksi Terbatas (HPT)"
    HK = "HK", "Hutan Konservasi (HK)"


class KelasKth(models.TextChoices):
    PEMULA = "pemula", "Pemula"
    MADYA = "madya", "Madya"
    UTAMA = "utama", "Utama"


class KelompokQuerySet(models.QuerySet):
    """Dasar queryset kelompok: arsip dan cakupan wilayah. Subkelas menyebut jalurnya."""

    jalur_provinsi = "provinsi_id"
    jalur_kps = "pk"

    def aktif(self):
        return self.filter(diarsipkan_pada__isnull=True)

    def untuk(self, user, *, ubah: bool = False):
        """Baris yang boleh dibaca (atau diubah, bila ubah=True) oleh pengguna ini."""
        return self.filter(
            lingkup.q_lingkup(
                user, jalur_provinsi=self.jalur_provinsi, jalur_kps=self.jalur_kps, ubah=ubah
            )
        )


def kolom_cari(*kolom: str) -> Upper:
    """UPPER(kolom1 || ' ' || kolom2 ...): isi kolom pencarian tersimpan (GeneratedField)."""
    bagian = []
    for k in kolom:
        bagian += [k, Value(" ")]
    return Upper(Concat(*bagian[:-1], output_field=models.TextField()))


class Berlokasi(models.Model):
    """Kelompok yang berkedudukan di sebuah desa; kabupaten dan provinsi mengikuti kode desa.

    Kabupaten dan provinsi disimpan (bukan hanya diturunkan lewat join) agar daftar nasional
    dapat disaring dan dicakup wilayah dengan indeks.
    """

    desa = models.ForeignKey(Desa, verbose_name="desa/kelurahan", on_delete=models.PROTECT)
    kabupaten = models.ForeignKey(
        Kabupaten, verbose_name="kabupaten/kota", on_delete=models.PROTECT, editable=False
    )
    provinsi = models.ForeignKey(
        Provinsi, verbose_name="provinsi", on_delete=models.PROTECT, editable=False
    )
    diarsipkan_pada = models.DateTimeField("diarsipkan pada", null=True, blank=True)
    alasan_arsip = models.TextField("alasan diarsipkan", blank=True)
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.kabupaten_id = self.desa_id[:5]
        self.provinsi_id = self.desa_id[:2]
        super().save(*args, **kwargs)

    @property
    def diarsipkan(self) -> bool:
        return self.diarsipkan_pada is not None


class KpsQuerySet(KelompokQuerySet):
    jalur_provinsi = "provinsi_id"
    jalur_kps = "pk"


class Kps(Berlokasi):
    url_detail = "kelompok:kps_detail"

    """Kelompok Perhutanan Sosial: pemegang persetujuan pengelolaan perhutanan sosial."""

    nama = models.CharField("nama KPS", max_length=200)
    bentuk_lembaga = models.CharField(
        "bentuk kelembagaan", max_length=20, choices=BentukLembaga.choices
    )
    skema = models.CharField("skema", max_length=3, choices=Skema.choices)
    nomor_sk = models.CharField("nomor SK persetujuan", max_length=120)
    tanggal_sk = models.DateField("tanggal SK", validators=[validasi_tanggal_tidak_di_masa_depan])
    luas_ha = models.DecimalField(
        "luas (ha)",
        max_digits=12,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0.0001"), "Luas harus lebih dari 0 ha.")],
    )
    fungsi_hutan = models.CharField(
        "fungsi kawasan hutan", max_length=3, choices=FungsiHutan.choices
    )
    ketua = models.CharField("nama ketua", max_length=150)
    kontak = models.CharField(
        "telepon kontak",
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(r"^\+?[0-9 \-]{8,20}$", "Nomor telepon hanya angka, spasi, - atau +.")
        ],
    )
    jumlah_kk = models.PositiveIntegerField("jumlah kepala keluarga (KK)")
    lintang = models.DecimalField(
        "lintang titik lokasi",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("-11"), "Lintang di Indonesia antara -11 dan 6."),
            MaxValueValidator(Decimal("6"), "Lintang di Indonesia antara -11 dan 6."),
        ],
        help_text="Opsional, derajat desimal (contoh -6,912345); untuk peta bila belum ada batas.",
    )
    bujur = models.DecimalField(
        "bujur titik lokasi",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("95"), "Bujur di Indonesia antara 95 dan 141."),
            MaxValueValidator(Decimal("141"), "Bujur di Indonesia antara 95 dan 141."),
        ],
        help_text="Opsional, derajat desimal (contoh 108,456789).",
    )
    wilayah_kerja = models.JSONField(
        "batas areal kerja (GeoJSON)",
        null=True,
        blank=True,
        validators=[validasi_geojson_poligon],
        help_text="Opsional: poligon GeoJSON (Polygon atau MultiPolygon, koordinat bujur/lintang).",
    )
    # Turunan batas, dihitung setiap simpan (kelompok.peta): luas geodesik untuk dibandingkan
    # dengan luas SK, dan kotak batas agar peta wilayah hanya memuat poligon yang terlihat.
    luas_batas_ha = models.DecimalField(
        "luas menurut batas (ha)", max_digits=12, decimal_places=4, null=True, editable=False
    )
    batas_barat = models.DecimalField(max_digits=9, decimal_places=6, null=True, editable=False)
    batas_selatan = models.DecimalField(max_digits=9, decimal_places=6, null=True, editable=False)
    batas_timur = models.DecimalField(max_digits=9, decimal_places=6, null=True, editable=False)
    batas_utara = models.DecimalField(max_digits=9, decimal_places=6, null=True, editable=False)
    pendamping = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Penugasan",
        through_fields=("kps", "pendamping"),
        related_name="kps_dampingan",
        blank=True,
    )
    # Satu kolom pencarian (nama, nomor SK, ketua) dalam huruf besar, dengan indeks trigram di
    # PostgreSQL: "cari" menjadi satu pindaian indeks, bukan tiga ILIKE atas seluruh tabel.
    cari = models.GeneratedField(
        expression=kolom_cari("nama", "nomor_sk", "ketua"),
        output_field=models.TextField(),
        db_persist=True,
    )
    history = HistoricalRecords(
        excluded_fields=["cari", "batas_barat", "batas_selatan", "batas_timur", "batas_utara"]
    )

    objects = KpsQuerySet.as_manager()

    class Meta:
        verbose_name = "KPS"
        verbose_name_plural = "KPS"
        ordering = ["nama", "pk"]
        indexes = [
            models.Index(fields=["provinsi", "nama"], name="kps_provinsi_nama"),
            models.Index(fields=["kabupaten", "nama"], name="kps_kabupaten_nama"),
            models.Index(fields=["skema"], name="kps_skema"),
            models.Index(fields=["nama"], name="kps_nama"),
            # Daftar bawaan (yang aktif, urut nama): hitungan dan halaman belakang dibaca dari
            # indeks saja, tanpa menyentuh tabel.
            models.Index(
                fields=["nama", "id"],
                condition=Q(diarsipkan_pada__isnull=True),
                name="kps_aktif_nama",
            ),
            # Peta wilayah: poligon yang kotak batasnya bersinggungan dengan layar.
            models.Index(
                fields=["batas_barat", "batas_timur"],
                condition=Q(batas_barat__isnull=False),
                name="kps_kotak_batas",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def save(self, *args, **kwargs):
        self.hitung_batas()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(self.url_detail, args=[self.pk])

    def hitung_batas(self) -> None:
        """Batas disimpan dalam bentuk baku; luas geodesik dan kotak batas ikut dihitung."""
        if not self.wilayah_kerja:
            self.wilayah_kerja = None
            self.luas_batas_ha = None
            self.batas_barat = self.batas_selatan = self.batas_timur = self.batas_utara = None
            return
        batas = peta.baca_geojson(self.wilayah_kerja)
        self.wilayah_kerja = batas.geojson
        self.luas_batas_ha = batas.luas_ha
        self.batas_barat, self.batas_selatan, self.batas_timur, self.batas_utara = batas.kotak

    @property
    def selisih_luas_persen(self) -> Decimal | None:
        return peta.selisih_persen(self.luas_batas_ha, self.luas_ha)

    @property
    def selisih_luas_besar(self) -> bool:
        selisih = self.selisih_luas_persen
        return selisih is not None and abs(selisih) > settings.PETA_SELISIH_LUAS_PERSEN


class Penugasan(models.Model):
    """Penugasan seorang pendamping ke sebuah KPS; berakhir dengan mengisi tanggal selesai."""

    kps = models.ForeignKey(Kps, on_delete=models.CASCADE, related_name="penugasan")
    pendamping = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="penugasan"
    )
    mulai = models.DateField("mulai", default=timezone.localdate)
    selesai = models.DateField("selesai", null=True, blank=True)
    ditugaskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "penugasan pendamping"
        verbose_name_plural = "penugasan pendamping"
        constraints = [
            models.UniqueConstraint(
                fields=["kps", "pendamping"],
                condition=Q(selesai__isnull=True),
                name="penugasan_aktif_unik",
                violation_error_message="Pendamping ini sudah ditugaskan ke KPS ini.",
            )
        ]
        indexes = [models.Index(fields=["pendamping", "selesai"], name="penugasan_pendamping")]

    def __str__(self) -> str:
        return f"{self.pendamping} di {self.kps}"


class KupsQuerySet(KelompokQuerySet):
    jalur_provinsi = "kps__provinsi_id"
    jalur_kps = "kps_id"


class Kups(models.Model):
    """Kelompok Usaha Perhutanan Sosial, unit usaha sebuah KPS. Kelasnya dari daftar periksa."""

    url_detail = "kelompok:kups_detail"

    kps = models.ForeignKey(Kps, on_delete=models.PROTECT, related_name="kups")
    nama = models.CharField("nama KUPS", max_length=200)
    komoditas = models.CharField("komoditas/jasa", max_length=200)
    ketua = models.CharField("nama ketua", max_length=150, blank=True)
    # Diturunkan dari SyaratKupsTerpenuhi oleh kelompok.services.kups_simpan_syarat; tidak
    # pernah diisi pengguna. Disimpan agar daftar nasional dapat disaring per kelas.
    kelas = models.CharField(
        "kelas", max_length=10, choices=KelasKups.choices, default=KelasKups.BELUM, editable=False
    )
    diarsipkan_pada = models.DateTimeField("diarsipkan pada", null=True, blank=True)
    alasan_arsip = models.TextField("alasan diarsipkan", blank=True)
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)
    history = HistoricalRecords()

    objects = KupsQuerySet.as_manager()

    class Meta:
        verbose_name = "KUPS"
        verbose_name_plural = "KUPS"
        ordering = ["nama", "pk"]
        indexes = [
            models.Index(fields=["kelas"], name="kups_kelas"),
            # Jumlah KUPS aktif per KPS di halaman daftar: dibaca dari indeks saja.
            models.Index(fields=["kps", "diarsipkan_pada"], name="kups_kps"),
        ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse(self.url_detail, args=[self.pk])

    @property
    def diarsipkan(self) -> bool:
        return self.diarsipkan_pada is not None

    @property
    def sebutan(self) -> str:
        """'KUPS Madu Hutan' untuk judul dan dokumen; nama yang sudah diawali 'KUPS' tidak
        diberi awalan lagi (bukan 'KUPS KUPS Madu Hutan')."""
        if self.nama.upper().startswith("KUPS"):
            return self.nama
        return f"KUPS {self.nama}"


class SyaratKupsTerpenuhi(models.Model):
    """Satu baris daftar periksa kelas KUPS: terpenuhi atau tidak, dengan bukti dan tanggal."""

    kups = models.ForeignKey(Kups, on_delete=models.CASCADE, related_name="syarat")
    kode = models.CharField("syarat", max_length=3, choices=PILIHAN_SYARAT)
    terpenuhi = models.BooleanField("terpenuhi", default=False)
    catatan_bukti = models.TextField("catatan bukti", blank=True)
    berkas_bukti = BerkasUnggahanField(
        "berkas bukti",
        upload_to="kups/bukti/%Y/",
        blank=True,
    )
    tanggal = models.DateField(
        "tanggal", null=True, blank=True, validators=[validasi_tanggal_tidak_di_masa_depan]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "syarat kelas KUPS"
        verbose_name_plural = "syarat kelas KUPS"
        ordering = ["kups", "kode"]
        constraints = [models.UniqueConstraint(fields=["kups", "kode"], name="syarat_kups_unik")]

    def __str__(self) -> str:
        return f"{self.kups} · {self.kode}"


# Anggota paling sedikit sebuah KTH.
ANGGOTA_KTH_MINIMUM = 15


def kth_beranggota_cukup() -> Exists:
    """Untuk Exists pada queryset KTH: anggota ke-15 ada. Berhenti di 15 baris indeks per KTH,
    tanpa menghitung semua anggota (skala nasional: 500.000 anggota)."""
    return Exists(
        Anggota.objects.filter(kth_id=OuterRef("pk")).order_by()[
            ANGGOTA_KTH_MINIMUM - 1 : ANGGOTA_KTH_MINIMUM
        ]
    )


class KthQuerySet(KelompokQuerySet):
    jalur_provinsi = "provinsi_id"
    jalur_kps = "kps_id"


class Kth(Berlokasi):
    """Kelompok Tani Hutan: minimal 15 anggota di satu desa; bisa sama dengan sebuah KPS."""

    url_detail = "kelompok:kth_detail"

    nama = models.CharField("nama KTH", max_length=200)
    nomor_register = models.CharField("nomor register", max_length=60, unique=True)
    kps = models.ForeignKey(
        Kps,
        verbose_name="KPS terkait",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kth",
        help_text="Bila KTH ini organisasi yang sama dengan sebuah KPS, atau berada di bawahnya.",
    )
    tanggal_berdiri = models.DateField(
        "tanggal berdiri (berita acara)",
        null=True,
        blank=True,
        validators=[validasi_tanggal_tidak_di_masa_depan],
    )
    nomor_sk_kepala_desa = models.CharField("nomor SK kepala desa", max_length=120, blank=True)
    ketua = models.CharField("nama ketua", max_length=150)
    kontak = models.CharField("telepon kontak", max_length=20, blank=True)
    # Kelas terakhir yang ditetapkan; riwayatnya di RiwayatKelasKth (diisi penetapan kelas).
    kelas = models.CharField(
        "kelas saat ini", max_length=10, choices=KelasKth.choices, blank=True, editable=False
    )
    cari = models.GeneratedField(
        expression=kolom_cari("nama", "nomor_register", "ketua"),
        output_field=models.TextField(),
        db_persist=True,
    )
    history = HistoricalRecords(excluded_fields=["cari"])

    objects = KthQuerySet.as_manager()

    class Meta:
        verbose_name = "KTH"
        verbose_name_plural = "KTH"
        ordering = ["nama", "pk"]
        indexes = [
            models.Index(fields=["provinsi", "nama"], name="kth_provinsi_nama"),
            models.Index(fields=["kabupaten", "nama"], name="kth_kabupaten_nama"),
            models.Index(fields=["kelas"], name="kth_kelas"),
            models.Index(fields=["nama"], name="kth_nama"),
            models.Index(
                fields=["nama", "id"],
                condition=Q(diarsipkan_pada__isnull=True),
                name="kth_aktif_nama",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse(self.url_detail, args=[self.pk])


class RiwayatKelasKth(models.Model):
    """Kelas KTH per tahun, diisi oleh penetapan kelas (Kepala Dinas)."""

    kth = models.ForeignKey(Kth, on_delete=models.CASCADE, related_name="riwayat_kelas")
    tahun = models.PositiveSmallIntegerField("tahun")
    kelas = models.CharField("kelas", max_length=10, choices=KelasKth.choices)
    nilai = models.DecimalField("nilai total", max_digits=8, decimal_places=2, null=True)
    ditetapkan_pada = models.DateField("ditetapkan pada")
    keterangan = models.CharField("keterangan", max_length=200, blank=True)
    # Sertifikat penetapan ini dicabut (atau penilaiannya ditarik): kelas ini tidak berlaku lagi
    # dan kelas KTH kembali ke penetapan berlaku sebelumnya.
    dicabut_pada = models.DateField("dicabut pada", null=True, blank=True)
    alasan_cabut = models.CharField("alasan dicabut", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "riwayat kelas KTH"
        verbose_name_plural = "riwayat kelas KTH"
        ordering = ["kth", "-tahun"]

    def __str__(self) -> str:
        return f"{self.kth} {self.tahun}: {self.get_kelas_display()}"


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", "Laki-laki"
    PEREMPUAN = "P", "Perempuan"


class Jabatan(models.TextChoices):
    KETUA = "ketua", "Ketua"
    SEKRETARIS = "sekretaris", "Sekretaris"
    BENDAHARA = "bendahara", "Bendahara"
    SEKSI = "seksi", "Seksi"
    ANGGOTA = "anggota", "Anggota"


class AnggotaQuerySet(models.QuerySet):
    def aktif(self):
        return self.filter(diarsipkan_pada__isnull=True)

    def untuk(self, user, *, ubah: bool = False):
        return self.filter(
            Q(kps__in=Kps.objects.untuk(user, ubah=ubah))
            | Q(kth__in=Kth.objects.untuk(user, ubah=ubah))
        )


def tahun_ini() -> int:
    return timezone.localdate().year


class Anggota(models.Model):
    """Anggota sebuah KPS atau sebuah KTH (tepat satu)."""

    kps = models.ForeignKey(
        Kps, on_delete=models.CASCADE, null=True, blank=True, related_name="anggota"
    )
    kth = models.ForeignKey(
        Kth, on_delete=models.CASCADE, null=True, blank=True, related_name="anggota"
    )
    nama = models.CharField("nama", max_length=150)
    nik = models.CharField(
        "NIK",
        max_length=16,
        blank=True,
        validators=[RegexValidator(r"^\d{16}$", "NIK harus 16 digit angka.")],
        help_text="Opsional. Dilindungi: disamarkan di daftar dan ekspor.",
    )
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    tahun_lahir = models.PositiveSmallIntegerField(
        "tahun lahir",
        validators=[
            MinValueValidator(1900, "Tahun lahir tidak mungkin sebelum 1900."),
        ],
    )
    jabatan = models.CharField(
        "jabatan di pengurus", max_length=12, choices=Jabatan.choices, default=Jabatan.ANGGOTA
    )
    diarsipkan_pada = models.DateTimeField("diarsipkan pada", null=True, blank=True)
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)
    history = HistoricalRecords()

    objects = AnggotaQuerySet.as_manager()

    class Meta:
        verbose_name = "anggota"
        verbose_name_plural = "anggota"
        ordering = ["nama", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kps__isnull=False) & Q(kth__isnull=True))
                | (Q(kps__isnull=True) & Q(kth__isnull=False)),
                name="anggota_tepat_satu_kelompok",
            ),
            models.UniqueConstraint(
                fields=["kps", "nik"],
                condition=~Q(nik="") & Q(kps__isnull=False),
                name="anggota_nik_unik_per_kps",
                violation_error_message="NIK ini sudah terdaftar di kelompok ini.",
            ),
            models.UniqueConstraint(
                fields=["kth", "nik"],
                condition=~Q(nik="") & Q(kth__isnull=False),
                name="anggota_nik_unik_per_kth",
                violation_error_message="NIK ini sudah terdaftar di kelompok ini.",
            ),
        ]
        indexes = [
            models.Index(fields=["kps", "diarsipkan_pada"], name="anggota_kps"),
            models.Index(fields=["kth", "diarsipkan_pada"], name="anggota_kth"),
        ]

    def __str__(self) -> str:
        return self.nama

    def clean(self):
        if self.tahun_lahir and self.tahun_lahir > tahun_ini():
            raise ValidationError({"tahun_lahir": "Tahun lahir tidak boleh di masa depan."})

    @property
    def nik_tersamar(self) -> str:
        return samarkan_nik(self.nik)


def samarkan_nik(nik: str) -> str:
    """3201234567890001 -> 3201********0001; kosong tetap kosong."""
    if not nik:
        return ""
    return f"{nik[:4]}{'*' * 8}{nik[-4:]}"


class JenisDokumen(models.TextChoices):
    """Enam bahan pendukung kerja sama (juknis bagian 2.3)."""

    PETA_PERSETUJUAN = "peta_persetujuan", "Peta persetujuan pengelolaan perhutanan sosial"
    PETA_BATAS = "peta_batas", "Peta hasil penandaan batas lokasi persetujuan"
    PETA_ZONASI = "peta_zonasi", "Peta ruang/zonasi/persil dan lampiran pendukungnya"
    POTENSI = "potensi", "Data hasil pendataan potensi kawasan"
    RKPS_RKT = "rkps_rkt", "RKPS dan RKT"
    MODEL_USAHA = "model_usaha", "Rencana model usaha KUPS"


class DokumenQuerySet(models.QuerySet):
    def untuk(self, user, *, ubah: bool = False):
        return self.filter(kps__in=Kps.objects.untuk(user, ubah=ubah))


class DokumenPendukung(models.Model):
    kps = models.ForeignKey(Kps, on_delete=models.CASCADE, related_name="dokumen")
    kups = models.ForeignKey(
        Kups,
        verbose_name="KUPS (opsional)",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dokumen",
    )
    jenis = models.CharField("jenis dokumen", max_length=20, choices=JenisDokumen.choices)
    judul = models.CharField("judul/keterangan", max_length=200, blank=True)
    berkas = BerkasUnggahanField(
        "berkas (PDF, JPEG atau PNG)",
        upload_to="dokumen/%Y/%m/",
    )
    tanggal_dokumen = models.DateField(
        "tanggal dokumen", validators=[validasi_tanggal_tidak_di_masa_depan]
    )
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    diunggah_pada = models.DateTimeField("diunggah pada", auto_now_add=True)
    history = HistoricalRecords()

    objects = DokumenQuerySet.as_manager()

    class Meta:
        verbose_name = "dokumen pendukung"
        verbose_name_plural = "dokumen pendukung"
        ordering = ["jenis", "-tanggal_dokumen", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} ({self.kps})"
