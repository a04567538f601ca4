from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from kelompok.models import Kps
from kerjasama import naskah as butir_naskah
from perhutanan.berkas import BerkasUnggahanField


class KategoriMitra(models.TextChoices):
    """Kategori mitra (juknis bagian 2.2 dan 2.4.4)."""

    PEMERINTAH_PUSAT = "pemerintah_pusat", "Instansi pemerintah pusat"
    PEMERINTAH_DAERAH = "pemerintah_daerah", "Instansi pemerintah daerah (OPD)"
    AKADEMISI = "akademisi", "Akademisi/perguruan tinggi"
    RISET = "riset", "Lembaga riset"
    BUMN = "bumn", "BUMN"
    BUMD = "bumd", "BUMD"
    BUMS = "bums", "BUMS (swasta)"
    BUMDES = "bumdes", "BUMDes"
    KOPERASI = "koperasi", "Koperasi"
    LSM = "lsm", "LSM/NGO"
    DONOR = "donor", "Lembaga donor"
    KEUANGAN = "keuangan", "Lembaga keuangan/perbankan"
    PMA = "pma", "Penanaman modal asing"
    PENGELOLA_HUTAN = "pengelola_hutan", "Pengelola kawasan hutan / pemegang perizinan berusaha"
    KELOMPOK_MASYARAKAT = "kelompok_masyarakat", "Kelompok masyarakat lainnya"
    PERORANGAN = "perorangan", "Perorangan"
    LEGISLATIF = "legislatif", "Lembaga legislatif"
    TOKOH = "tokoh", "Tokoh masyarakat"


class MitraQuerySet(models.QuerySet):
    def boleh_diubah(self, user):
        """Mitra yang data dan uji tuntasnya boleh diubah `user`. Registri mitra nasional untuk
        dibaca; mengubahnya hanya: admin nasional; pengguna yang wilayahnya mencakup provinsi
        mitra; pendamping (atau admin) kerja sama yang melibatkan mitra itu; pendaftarnya."""
        if (
            user is None
            or not user.is_authenticated
            or not user.is_active
            or not user.has_perm("kerjasama.change_pemeriksaanmitra")
        ):
            return self.none()
        if user.adalah_admin_nasional:
            return self.all()
        q = Q(dibuat_oleh=user) | Q(pk__in=KerjaSama.objects.untuk(user, ubah=True).values("mitra"))
        if user.provinsi_id:
            q |= Q(provinsi_id=user.provinsi_id)
        if user.bpskl_id:
            q |= Q(provinsi__bpskl_id=user.bpskl_id)
        return self.filter(q)

    def boleh_diundang(self, user):
        """Mitra yang wakilnya boleh diundang `user` ke portal mitra: admin nasional semua;
        pendamping, staf BPSKL dan admin untuk mitra di provinsi wilayahnya, mitra kerja sama
        dalam cakupannya, dan mitra yang didaftarkannya."""
        if (
            user is None
            or not user.is_authenticated
            or not user.is_active
            or not user.has_perm("kerjasama.add_akunmitra")
        ):
            return self.none()
        if user.adalah_admin_nasional:
            return self.all()
        q = Q(dibuat_oleh=user) | Q(pk__in=KerjaSama.objects.untuk(user).values("mitra"))
        if user.provinsi_id:
            q |= Q(provinsi_id=user.provinsi_id)
        if user.bpskl_id:
            q |= Q(provinsi__bpskl_id=user.bpskl_id)
        return self.filter(q)


class Mitra(models.Model):
    nama = models.CharField("nama mitra", max_length=200)
    kategori = models.CharField("kategori", max_length=25, choices=KategoriMitra.choices)
    nomor_registrasi = models.CharField(
        "nomor registrasi (NIB/akta/NPWP)",
        max_length=60,
        blank=True,
        help_text="Dipakai untuk mendeteksi mitra ganda.",
    )
    alamat = models.TextField("alamat", blank=True)
    provinsi = models.ForeignKey(
        "kelompok.Provinsi",
        verbose_name="provinsi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    kontak_nama = models.CharField("nama kontak", max_length=150, blank=True)
    telepon = models.CharField("telepon", max_length=20, blank=True)
    email = models.EmailField("surel", blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = MitraQuerySet.as_manager()

    class Meta:
        verbose_name = "mitra"
        verbose_name_plural = "mitra"
        ordering = ["nama", "pk"]
        indexes = [
            models.Index(fields=["kategori"], name="mitra_kategori"),
            models.Index(fields=["nomor_registrasi"], name="mitra_registrasi"),
        ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("kerjasama:mitra_detail", args=[self.pk])


class PemeriksaanMitra(models.Model):
    """Satu butir uji tuntas atau penapisan gender: ya/tidak dengan bukti."""

    mitra = models.ForeignKey(Mitra, on_delete=models.CASCADE, related_name="pemeriksaan")
    kode = models.CharField(max_length=20)
    terpenuhi = models.BooleanField("terpenuhi", default=False)
    catatan_bukti = models.TextField("catatan bukti", blank=True)
    berkas_bukti = BerkasUnggahanField(
        "berkas bukti",
        upload_to="mitra/bukti/%Y/",
        blank=True,
    )
    tanggal = models.DateField("tanggal diperiksa", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pemeriksaan mitra"
        verbose_name_plural = "pemeriksaan mitra"
        constraints = [
            models.UniqueConstraint(fields=["mitra", "kode"], name="pemeriksaan_mitra_unik")
        ]

    def __str__(self) -> str:
        return f"{self.mitra} · {self.kode}"


class AturanTembusan(models.Model):
    """Kepada siapa tembusan naskah kerja sama usaha dikirim, menurut kategori mitra.

    Diisi migrasi dari juknis (Langkah IV); admin dapat mengubahnya tanpa kode.
    """

    class Penerima(models.TextChoices):
        UPT = "upt", "UPT (BPSKL) wilayah"
        DIRJEN = "dirjen", "Direktur Jenderal PSKL"

    kategori = models.CharField(max_length=25, choices=KategoriMitra.choices, unique=True)
    tembusan = models.JSONField("penerima tembusan", default=list)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "aturan tembusan"
        verbose_name_plural = "aturan tembusan"
        ordering = ["kategori"]

    def __str__(self) -> str:
        return self.get_kategori_display()

    def clean(self):
        sah = set(self.Penerima.values)
        daftar = self.tembusan if isinstance(self.tembusan, list) else []
        if not daftar or not set(daftar) <= sah:
            raise ValidationError({"tembusan": "Isi daftar berisi kode upt dan/atau dirjen."})


class JenisKerjaSama(models.TextChoices):
    KELEMBAGAAN = "kelembagaan", "Penguatan tata kelola kelembagaan"
    KAWASAN = "kawasan", "Penguatan tata kelola kawasan"
    SDM = "sdm", "Peningkatan SDM KPS-KUPS untuk penelitian sumber daya kawasan"
    USAHA = "usaha", "Pengembangan usaha: kerja sama usaha"
    MULTI_PIHAK = "multi_pihak", "Pengembangan usaha: kerja sama para pihak (multi pihak)"
    LINGKUNGAN = "lingkungan", "Kemitraan lingkungan"


class Tahap(models.TextChoices):
    """Tujuh tahap pendampingan kerja sama (a-g), sama untuk semua jenis."""

    A = "a", "a. Identifikasi kebutuhan"
    B = "b", "b. Inventarisasi calon mitra"
    C = "c", "c. Menghubungi calon mitra"
    D = "d", "d. Penyusunan draf naskah kerja sama"
    E = "e", "e. Pertemuan dan kesepakatan"
    F = "f", "f. Pelaksanaan kerja sama"
    G = "g", "g. Monitoring dan evaluasi"


class StatusPersetujuan(models.TextChoices):
    TIDAK_PERLU = "tidak_perlu", "Tidak memerlukan persetujuan BPSKL"
    BELUM = "belum", "Belum diajukan ke BPSKL"
    DIAJUKAN = "diajukan", "Menunggu persetujuan BPSKL"
    DISETUJUI = "disetujui", "Disetujui BPSKL"
    DITOLAK = "ditolak", "Ditolak BPSKL"


class KerjaSamaQuerySet(models.QuerySet):
    def untuk(self, user, *, ubah: bool = False):
        """Cakupan mengikuti KPS utama dan KPS peserta lain (lingkup kelompok)."""

        kps = Kps.objects.untuk(user, ubah=ubah)
        peserta = KerjaSama.kps_lain.through.objects.filter(
            kerjasama_id=OuterRef("pk"), kps__in=kps
        )
        return self.filter(Q(kps_utama__in=kps) | Exists(peserta))

    def dengan_mitra(self, teks: str):
        """Kerja sama yang salah satu mitranya bernama mengandung `teks`."""
        return self.filter(self._mitra_bernama(teks))

    def cari(self, teks: str):
        """Judul, nama KPS utama atau nama mitra mengandung `teks` (daftar dan pencarian)."""
        return self.filter(
            Q(judul__icontains=teks)
            | Q(kps_utama__nama__icontains=teks)
            | self._mitra_bernama(teks)
        )

    @staticmethod
    def _mitra_bernama(teks: str) -> Exists:
        return Exists(
            KerjaSama.mitra.through.objects.filter(
                kerjasama_id=OuterRef("pk"), mitra__nama__icontains=teks
            )
        )


class KerjaSama(models.Model):
    judul = models.CharField("judul kerja sama", max_length=200)
    jenis = models.CharField("jenis kerja sama", max_length=15, choices=JenisKerjaSama.choices)
    kebutuhan = models.TextField("kebutuhan KPS-KUPS yang dijawab")
    kps_utama = models.ForeignKey(
        "kelompok.Kps", verbose_name="KPS", on_delete=models.PROTECT, related_name="kerjasama"
    )
    kps_lain = models.ManyToManyField(
        "kelompok.Kps",
        verbose_name="KPS peserta lain",
        blank=True,
        related_name="kerjasama_peserta",
    )
    kups = models.ManyToManyField(
        "kelompok.Kups", verbose_name="KUPS", blank=True, related_name="kerjasama"
    )
    mitra = models.ManyToManyField(
        Mitra, verbose_name="mitra", blank=True, related_name="kerjasama"
    )
    tahap = models.CharField("tahap", max_length=1, choices=Tahap.choices, default=Tahap.A)
    status_persetujuan = models.CharField(
        max_length=15, choices=StatusPersetujuan.choices, default=StatusPersetujuan.TIDAK_PERLU
    )
    # Langkah I: permohonan mitra (dimasukkan pendamping, surat dilampirkan).
    surat_permohonan = BerkasUnggahanField(
        "surat permohonan mitra",
        upload_to="kerjasama/permohonan/%Y/",
        blank=True,
    )
    tanggal_permohonan = models.DateField("tanggal permohonan", null=True, blank=True)
    bpskl = models.ForeignKey(
        "kelompok.Bpskl", on_delete=models.PROTECT, null=True, blank=True, related_name="kerjasama"
    )
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diputuskan_pada = models.DateTimeField(null=True, blank=True)
    catatan_keputusan = models.TextField(blank=True)
    # Versi naskah yang dinilai BPSKL: yang diajukan, dan yang diputuskan beserta sidik isinya.
    # Hanya versi yang diputuskan (bila disetujui) yang boleh ditandatangani dan dilaksanakan.
    naskah_diajukan = models.ForeignKey(
        "NaskahKerjaSama",
        verbose_name="naskah yang diajukan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    naskah_diputuskan = models.ForeignKey(
        "NaskahKerjaSama",
        verbose_name="naskah yang diputuskan BPSKL",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sidik_naskah_diputuskan = models.CharField(
        "SHA-256 naskah yang diputuskan", max_length=64, blank=True
    )
    # Langkah IV: naskah dikirim ke OPD kehutanan provinsi dengan tembusan.
    dikirim_ke_opd_pada = models.DateTimeField(null=True, blank=True)
    tembusan = models.JSONField(default=list, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    # Jangka waktu dan pengakhiran.
    berlaku_mulai = models.DateField("berlaku mulai", null=True, blank=True)
    berlaku_sampai = models.DateField("berlaku sampai", null=True, blank=True)
    peringatan_terkirim = models.JSONField(default=list, blank=True)  # [90, 30]
    diakhiri_pada = models.DateField("diakhiri pada", null=True, blank=True)
    alasan_akhir = models.CharField("alasan pengakhiran", max_length=20, blank=True)
    catatan_akhir = models.TextField(blank=True)
    surat_akhir = BerkasUnggahanField(
        "surat pengakhiran / kesepakatan bersama",
        upload_to="kerjasama/akhir/%Y/",
        blank=True,
    )
    history = HistoricalRecords()

    objects = KerjaSamaQuerySet.as_manager()

    class Meta:
        verbose_name = "kerja sama"
        verbose_name_plural = "kerja sama"
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [models.Index(fields=["status_persetujuan", "bpskl"], name="kerjasama_antrean")]

    def __str__(self) -> str:
        return self.judul

    def get_absolute_url(self) -> str:
        return reverse("kerjasama:detail", args=[self.pk])

    @property
    def usaha(self) -> bool:
        return self.jenis == JenisKerjaSama.USAHA

    def lama_menunggu(self):
        return timezone.now() - self.diajukan_pada if self.diajukan_pada else None


class RiwayatTahap(models.Model):
    """Setiap perpindahan tahap dan keputusan: siapa, kapan, catatan, bukti."""

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="riwayat")
    peristiwa = models.CharField(max_length=40)
    dari = models.CharField(max_length=15, blank=True)
    ke = models.CharField(max_length=15, blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    catatan = models.TextField(blank=True)
    waktu = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["waktu", "pk"]

    def __str__(self) -> str:
        return f"{self.peristiwa}: {self.dari} -> {self.ke}"


class BuktiTahap(models.Model):
    riwayat = models.ForeignKey(RiwayatTahap, on_delete=models.CASCADE, related_name="bukti")
    berkas = BerkasUnggahanField(
        upload_to="kerjasama/bukti/%Y/",
    )

    def __str__(self) -> str:
        return self.berkas.name


class Notifikasi(models.Model):
    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi"
    )
    judul = models.CharField(max_length=200)
    pesan = models.TextField(blank=True)
    tautan = models.CharField(max_length=300, blank=True)
    dibaca = models.BooleanField(default=False)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    # Penerima yang memilih ringkasan harian: notifikasi menunggu surel ringkasan berikutnya.
    menunggu_ringkasan = models.BooleanField(default=False)

    class Meta:
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [
            models.Index(fields=["penerima", "dibaca"], name="notifikasi_belum_dibaca"),
            models.Index(
                fields=["penerima", "dibuat_pada"],
                condition=models.Q(menunggu_ringkasan=True),
                name="notifikasi_menunggu_ringkasan",
            ),
        ]

    def __str__(self) -> str:
        return self.judul


class NaskahKerjaSama(models.Model):
    """Satu versi draf naskah. Versi tidak diubah; simpan perubahan sebagai versi baru.

    Potret para pihak diambil saat versi disimpan sehingga PDF selalu dibuat dari isi versi itu.
    """

    class Pola(models.TextChoices):
        BAGI_HASIL = "bagi_hasil", "Bagi hasil"
        HIBAH = "hibah", "Hibah (tidak mengikat, tidak dikembalikan)"
        LAINNYA = "lainnya", "Lainnya"

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="naskah")
    versi = models.PositiveIntegerField()
    isi = models.JSONField("isi butir")
    para_pihak = models.JSONField("potret para pihak")
    pola = models.CharField("pola pendanaan", max_length=12, choices=Pola.choices)
    persen_modal_mitra = models.DecimalField(
        "penyertaan modal mitra (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    scan_ditandatangani = BerkasUnggahanField(
        "naskah yang ditandatangani (pindaian)",
        upload_to="kerjasama/naskah/%Y/",
        blank=True,
    )
    ditandatangani_pada = models.DateField("tanggal penandatanganan", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "naskah kerja sama"
        verbose_name_plural = "naskah kerja sama"
        ordering = ["kerjasama", "-versi"]
        constraints = [
            models.UniqueConstraint(fields=["kerjasama", "versi"], name="naskah_versi_unik")
        ]

    def __str__(self) -> str:
        return f"Naskah {self.kerjasama} versi {self.versi}"

    @property
    def sidik(self) -> str:
        """SHA-256 isi versi ini: sama selama isinya sama, sehingga keputusan BPSKL menunjuk
        teks yang tepat."""
        return butir_naskah.sidik(
            isi=self.isi,
            para_pihak=self.para_pihak,
            pola=self.pola,
            persen_modal=self.persen_modal_mitra,
        )

    def untuk_dibandingkan(self) -> dict:
        return {
            "isi": self.isi,
            "pola": self.get_pola_display(),
            "persen_modal_mitra": self.persen_modal_mitra,
        }

    def kekurangan(self) -> list[str]:
        return butir_naskah.kekurangan(
            self.isi, pola=self.pola, persen_modal=self.persen_modal_mitra
        )


class AlasanAkhir(models.TextChoices):
    JANGKA_WAKTU = "jangka_waktu", "Jangka waktu berakhir"
    KESEPAKATAN = (
        "kesepakatan",
        "Kesepakatan para pihak (surat kesepakatan bersama; kewajiban tetap mengikat)",
    )
    PUTUSAN = "putusan", "Putusan pengadilan berkekuatan hukum tetap"
    DICABUT = "dicabut", "Persetujuan pengelolaan perhutanan sosial dicabut"


class RencanaAksi(models.Model):
    class Status(models.TextChoices):
        RENCANA = "rencana", "Direncanakan"
        BERJALAN = "berjalan", "Berjalan"
        SELESAI = "selesai", "Selesai"
        BATAL = "batal", "Dibatalkan"

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="rencana_aksi")
    kegiatan = models.CharField("kegiatan", max_length=200)
    penanggung_jawab = models.CharField("pihak penanggung jawab", max_length=150)
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai")
    anggaran = models.DecimalField("anggaran (Rp)", max_digits=16, decimal_places=0, default=0)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.RENCANA
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["mulai", "pk"]

    def __str__(self) -> str:
        return self.kegiatan


class Monitoring(models.Model):
    """Monitoring: kemajuan, masalah, sembilan kewajiban, partisipasi perempuan dan pemuda."""

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="monitoring")
    tanggal = models.DateField("tanggal")
    kemajuan = models.TextField("kemajuan")
    masalah = models.TextField("masalah", blank=True)
    kewajiban = models.JSONField("kewajiban yang dipenuhi", default=list)
    peserta = models.PositiveIntegerField("jumlah peserta", default=0)
    peserta_perempuan = models.PositiveIntegerField("peserta perempuan", default=0)
    peserta_muda = models.PositiveIntegerField("peserta muda (30 tahun ke bawah)", default=0)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-tanggal", "-pk"]

    def __str__(self) -> str:
        return f"Monitoring {self.tanggal}"


class JawabanKmp(models.Model):
    """Daftar periksa Kemitraan Multipihak: satu pertanyaan, Ya/Belum, catatan."""

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="kmp")
    kode = models.CharField(max_length=10)  # "tahap.nomor", misalnya "1.3"
    ya = models.BooleanField(default=False)
    catatan = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kerjasama", "kode"], name="kmp_unik")]

    def __str__(self) -> str:
        return self.kode


class Pertemuan(models.Model):
    """Pertemuan para pihak (tahap e) atau pertemuan multi pihak, dengan daftar hadirnya;
    bahan berita acara bernomor."""

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="pertemuan")
    tanggal = models.DateField("tanggal pertemuan")
    pukul = models.TimeField("pukul", null=True, blank=True)
    tempat = models.CharField("tempat", max_length=200)
    agenda = models.TextField("acara / pokok bahasan")
    hasil = models.TextField("hasil dan kesepakatan")
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pertemuan"
        verbose_name_plural = "pertemuan"
        ordering = ["-tanggal", "-pk"]

    def __str__(self) -> str:
        return f"Pertemuan {self.tanggal:%d-%m-%Y} di {self.tempat}"


class HadirPertemuan(models.Model):
    pertemuan = models.ForeignKey(Pertemuan, on_delete=models.CASCADE, related_name="hadir")
    nama = models.CharField("nama", max_length=150)
    lembaga = models.CharField("unsur / lembaga", max_length=200)
    jabatan = models.CharField("jabatan", max_length=150, blank=True)
    perempuan = models.BooleanField("perempuan", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "daftar hadir"
        verbose_name_plural = "daftar hadir"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.lembaga})"


# ------------------------------------------------------------------ tindak lanjut penilaian


class PemetaanTindakLanjut(models.Model):
    """Dari satu kriteria penilaian ke kebutuhan, jenis kerja sama, kategori mitra dan bentuk
    dukungan (juknis bagian 2.2-2.4). Dimuat dari fixtures/tindak_lanjut.yaml oleh migrasi dan
    dapat diubah admin tanpa kode; rencana yang sudah dibuat menyimpan salinannya sendiri."""

    instrumen = models.CharField("kode instrumen", max_length=10)
    kode = models.CharField("kode kriteria", max_length=20)
    kebutuhan = models.TextField("kebutuhan KPS-KUPS")
    jenis = models.JSONField("jenis kerja sama (saran utama dulu)", default=list)
    kategori_mitra = models.JSONField("kategori mitra (paling cocok dulu)", default=list)
    bentuk_dukungan = models.JSONField("bentuk dukungan", default=list)
    sumber = models.CharField("sumber di juknis", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pemetaan tindak lanjut"
        verbose_name_plural = "pemetaan tindak lanjut"
        ordering = ["instrumen", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrumen", "kode"], name="pemetaan_tindak_lanjut_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrumen} {self.kode}"

    def clean(self):
        galat = {}
        if not isinstance(self.jenis, list) or not self.jenis:
            galat["jenis"] = "Isi daftar berisi paling sedikit satu kode jenis kerja sama."
        elif not set(self.jenis) <= set(JenisKerjaSama.values):
            galat["jenis"] = "Kode jenis yang sah: " + ", ".join(JenisKerjaSama.values) + "."
        if not isinstance(self.kategori_mitra, list) or not (
            set(self.kategori_mitra) <= set(KategoriMitra.values)
        ):
            galat["kategori_mitra"] = "Isi daftar kode kategori mitra yang sah."
        if not isinstance(self.bentuk_dukungan, list):
            galat["bentuk_dukungan"] = "Isi daftar teks bentuk dukungan."
        if galat:
            raise ValidationError(galat)


class RencanaTindakLanjut(models.Model):
    """Rencana tindak lanjut dari satu evaluasi HKm final (aksi per kriteria di bawah garis
    'Sedang') atau dari satu penilaian kelas KTH yang ditetapkan (aksi per aspek di bawah garis
    kelas berikutnya); tiap aksi dapat dimulai sebagai kerja sama."""

    evaluasi = models.OneToOneField(
        "penilaian.EvaluasiHkm",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rencana_tindak_lanjut",
    )
    penilaian_kth = models.OneToOneField(
        "penilaian.PenilaianKth",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rencana_tindak_lanjut",
    )
    # KPS tempat kerja sama dicatat: KPS evaluasi HKm, atau KPS terkait KTH (bila ada).
    kps = models.ForeignKey(
        Kps,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rencana_tindak_lanjut",
    )
    kth = models.ForeignKey(
        "kelompok.Kth",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rencana_tindak_lanjut",
    )
    garis = models.CharField("garis sasaran", max_length=60, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "rencana tindak lanjut"
        verbose_name_plural = "rencana tindak lanjut"
        ordering = ["-dibuat_pada"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(evaluasi__isnull=False) & Q(penilaian_kth__isnull=True))
                | (Q(evaluasi__isnull=True) & Q(penilaian_kth__isnull=False)),
                name="rencana_dari_satu_penilaian",
            )
        ]

    def __str__(self) -> str:
        return f"Rencana tindak lanjut {self.sumber}"

    def get_absolute_url(self) -> str:
        if self.evaluasi_id:
            return reverse("kerjasama:tindak_lanjut", args=[self.evaluasi_id])
        return reverse("kerjasama:tindak_lanjut_kth", args=[self.penilaian_kth_id])

    @property
    def sumber(self):
        return self.evaluasi or self.penilaian_kth

    @property
    def keterangan_sumber(self) -> str:
        if self.evaluasi_id:
            return f"evaluasi HKm {self.evaluasi.tanggal:%d-%m-%Y}"
        return f"penilaian kelas KTH {self.penilaian_kth.tahun}"


class AksiTindakLanjut(models.Model):
    rencana = models.ForeignKey(RencanaTindakLanjut, on_delete=models.CASCADE, related_name="aksi")
    kode = models.CharField("kode kriteria", max_length=20)
    nama = models.CharField("kriteria", max_length=300)
    nilai = models.DecimalField("nilai (%)", max_digits=5, decimal_places=1)
    kategori = models.CharField(max_length=40)
    kebutuhan = models.TextField("kebutuhan KPS-KUPS")
    jenis = models.JSONField("jenis kerja sama yang disarankan", default=list)
    kategori_mitra = models.JSONField(default=list)
    bentuk_dukungan = models.JSONField(default=list)
    sumber = models.CharField(max_length=300, blank=True)
    kerjasama = models.ForeignKey(
        KerjaSama,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aksi_tindak_lanjut",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "aksi tindak lanjut"
        verbose_name_plural = "aksi tindak lanjut"
        ordering = ["rencana", "nilai", "kode"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class IndikatorKerjaSama(models.Model):
    """Indikator keberhasilan yang disepakati para pihak: nilai awal, target dan capaian.

    Dipakai evaluasi kerja sama di tahap g dan, pada kerja sama multi pihak, sebagai indikator
    bersama para pihak."""

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="indikator")
    nama = models.CharField("indikator", max_length=200)
    satuan = models.CharField("satuan", max_length=40)
    awal = models.DecimalField("nilai awal", max_digits=16, decimal_places=2)
    target = models.DecimalField("target", max_digits=16, decimal_places=2)
    capaian = models.DecimalField(
        "capaian terakhir", max_digits=16, decimal_places=2, null=True, blank=True
    )
    sumber = models.CharField("sumber data / cara mengukur", max_length=200, blank=True)
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikator kerja sama"
        verbose_name_plural = "indikator kerja sama"
        ordering = ["kerjasama", "pk"]

    def __str__(self) -> str:
        return self.nama


class PenilaianEvaluasi(models.TextChoices):
    SANGAT_BAIK = "sangat_baik", "Sangat baik: tujuan tercapai atau terlampaui"
    BAIK = "baik", "Baik: sebagian besar tujuan tercapai"
    CUKUP = "cukup", "Cukup: sebagian tujuan tercapai, perlu perbaikan"
    KURANG = "kurang", "Kurang: tujuan tidak tercapai"


class Rekomendasi(models.TextChoices):
    LANJUTKAN = "lanjutkan", "Dilanjutkan sesuai naskah"
    PERBAIKI = "perbaiki", "Dilanjutkan dengan perbaikan rencana aksi"
    PERPANJANG = "perpanjang", "Diperpanjang setelah jangka waktu berakhir"
    AKHIRI = "akhiri", "Diakhiri / tidak diperpanjang"


class EvaluasiKerjaSama(models.Model):
    """Evaluasi kerja sama di tahap g: indikator (awal, target, capaian), catatan sembilan
    kewajiban dari waktu ke waktu, kriteria penilaian yang disasar, penilaian dan pelajaran.

    Angka dihitung saat evaluasi disimpan dan dibekukan di `potret`, sehingga evaluasi tetap
    terbaca sama walaupun rencana aksi atau monitoring berubah kemudian."""

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="evaluasi")
    tanggal = models.DateField("tanggal evaluasi")
    penilaian = models.CharField(
        "penilaian keseluruhan", max_length=12, choices=PenilaianEvaluasi.choices
    )
    pelajaran = models.TextField("pelajaran yang dipetik")
    rekomendasi = models.CharField("rekomendasi", max_length=12, choices=Rekomendasi.choices)
    potret = models.JSONField("angka saat evaluasi", default=dict)
    dinilai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "evaluasi kerja sama"
        verbose_name_plural = "evaluasi kerja sama"
        ordering = ["-tanggal", "-pk"]

    def __str__(self) -> str:
        return f"Evaluasi {self.kerjasama} {self.tanggal:%d-%m-%Y}"


class Perpanjangan(models.Model):
    """Perpanjangan jangka waktu sebelum berakhir. Kerja sama usaha (yang dulu memerlukan
    persetujuan BPSKL) diperpanjang setelah disetujui BPSKL; jenis lain langsung berlaku."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", "Menunggu persetujuan BPSKL"
        BERLAKU = "berlaku", "Berlaku"
        DITOLAK = "ditolak", "Ditolak BPSKL"

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="perpanjangan")
    sampai_lama = models.DateField("berlaku sampai (lama)")
    sampai_baru = models.DateField("diperpanjang sampai")
    alasan = models.TextField("alasan perpanjangan")
    evaluasi = models.ForeignKey(
        EvaluasiKerjaSama,
        verbose_name="evaluasi yang mendasari",
        on_delete=models.PROTECT,
        related_name="+",
    )
    surat = BerkasUnggahanField(
        "surat kesepakatan perpanjangan para pihak",
        upload_to="kerjasama/perpanjangan/%Y/",
        blank=True,
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    diajukan_pada = models.DateTimeField(default=timezone.now)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diputuskan_pada = models.DateTimeField(null=True, blank=True)
    catatan_keputusan = models.TextField("catatan keputusan", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "perpanjangan kerja sama"
        verbose_name_plural = "perpanjangan kerja sama"
        ordering = ["-diajukan_pada", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kerjasama"],
                condition=Q(status="diajukan"),
                name="perpanjangan_satu_diajukan",
            )
        ]

    def __str__(self) -> str:
        return f"Perpanjangan {self.kerjasama} sampai {self.sampai_baru:%d-%m-%Y}"


class StatusKerja(models.TextChoices):
    BELUM = "belum", "Belum dimulai"
    BERJALAN = "berjalan", "Berjalan"
    SELESAI = "selesai", "Selesai"


class LangkahKmp(models.Model):
    """Satu dari dua belas langkah kemitraan multi pihak (seed 002) sebagai tugas: siapa yang
    bertanggung jawab, tenggat, status dan hasilnya. Baris dibuat saat langkah pertama kali
    diisi; langkah yang belum diisi tampil dari instrumen kmp.yaml."""

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="langkah_kmp")
    nomor = models.PositiveSmallIntegerField("nomor langkah")
    penanggung_jawab = models.CharField("penanggung jawab", max_length=150, blank=True)
    tenggat = models.DateField("tenggat", null=True, blank=True)
    status = models.CharField(
        "status", max_length=10, choices=StatusKerja.choices, default=StatusKerja.BELUM
    )
    hasil = models.TextField("hasil / keluaran", blank=True)
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "langkah KMP"
        verbose_name_plural = "langkah KMP"
        ordering = ["kerjasama", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["kerjasama", "nomor"], name="langkah_kmp_unik"),
            models.CheckConstraint(
                condition=Q(nomor__gte=1) & Q(nomor__lte=12), name="langkah_kmp_1_12"
            ),
        ]

    def __str__(self) -> str:
        return f"Langkah {self.nomor}"


class Tingkat(models.IntegerChoices):
    RENDAH = 1, "Rendah"
    SEDANG = 2, "Sedang"
    TINGGI = 3, "Tinggi"


class PemangkuKepentingan(models.Model):
    """Peta para pihak (seed 002, langkah 1 dan 3): aktor, kepentingannya, tingkat pengaruh
    dan kepentingan, dan perannya dalam kemitraan."""

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="pemangku")
    nama = models.CharField("aktor / lembaga", max_length=200)
    unsur = models.CharField(
        "unsur", max_length=25, choices=[*KategoriMitra.choices, ("masyarakat", "Masyarakat")]
    )
    kepentingan = models.TextField("kepentingan terhadap kemitraan")
    pengaruh = models.PositiveSmallIntegerField("pengaruh", choices=Tingkat.choices)
    tingkat_kepentingan = models.PositiveSmallIntegerField(
        "tingkat kepentingan", choices=Tingkat.choices
    )
    peran = models.TextField("peran dalam kemitraan", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pemangku kepentingan"
        verbose_name_plural = "pemangku kepentingan"
        ordering = ["kerjasama", "-pengaruh", "-tingkat_kepentingan", "nama"]

    def __str__(self) -> str:
        return self.nama

    @property
    def kuadran(self) -> str:
        """Kuadran peta pengaruh-kepentingan dengan sikap yang disarankan."""
        tinggi_p, tinggi_k = self.pengaruh >= 2, self.tingkat_kepentingan >= 2
        if tinggi_p and tinggi_k:
            return "Libatkan erat"
        if tinggi_p:
            return "Jaga kepuasan"
        if tinggi_k:
            return "Beri informasi"
        return "Pantau"


class Komitmen(models.Model):
    """Komitmen satu pihak dalam kemitraan dan pemenuhannya; riwayat perubahan statusnya
    adalah catatan pemenuhan dari waktu ke waktu."""

    class Status(models.TextChoices):
        BELUM = "belum", "Belum dipenuhi"
        SEBAGIAN = "sebagian", "Dipenuhi sebagian"
        TERPENUHI = "terpenuhi", "Terpenuhi"
        TIDAK = "tidak", "Tidak dipenuhi"

    kerjasama = models.ForeignKey(KerjaSama, on_delete=models.CASCADE, related_name="komitmen")
    pihak = models.CharField("pihak", max_length=200)
    uraian = models.TextField("komitmen")
    tenggat = models.DateField("tenggat", null=True, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default="belum")
    bukti = models.TextField("bukti / catatan pemenuhan", blank=True)
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "komitmen para pihak"
        verbose_name_plural = "komitmen para pihak"
        ordering = ["kerjasama", "pihak", "pk"]

    def __str__(self) -> str:
        return f"{self.pihak}: {self.uraian[:40]}"


# ------------------------------------------------------------------ portal mitra (Langkah I)


class AkunMitraQuerySet(models.QuerySet):
    def untuk(self, user):
        """Akun mitra yang boleh dilihat dan diputuskan `user` (pendaftaran mandiri, undangan):
        admin nasional semua; admin provinsi dan pendamping provinsinya; staf BPSKL provinsi
        wilayah balainya. Mitra sendiri dan peran lain: tidak ada."""
        if (
            user is None
            or not user.is_authenticated
            or not user.is_active
            or not user.has_perm("kerjasama.change_akunmitra")
        ):
            return self.none()
        if user.adalah_admin_nasional:
            return self.all()
        q = Q(pk__in=[])
        if user.provinsi_id:
            q |= Q(provinsi_id=user.provinsi_id)
        if user.bpskl_id:
            q |= Q(provinsi__bpskl_id=user.bpskl_id)
        return self.filter(q)


class AkunMitra(models.Model):
    """Akun portal sebuah mitra: pengguna ber-peran Mitra yang mewakili satu mitra di registri.

    Lahir dari undangan pendamping/staf BPSKL (mitra sudah di registri; pengguna aktif setelah
    membuat kata sandinya dari tautan undangan) atau dari pendaftaran mandiri (data lembaga
    diusulkan; pengguna aktif setelah pendamping atau staf BPSKL menyetujui dan menautkannya ke
    mitra registri, yang sudah ada atau yang dibuat dari usulannya)."""

    class Asal(models.TextChoices):
        UNDANGAN = "undangan", "Undangan"
        PENDAFTARAN = "pendaftaran", "Pendaftaran mandiri"

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu persetujuan"
        DIUNDANG = "diundang", "Diundang, belum membuat kata sandi"
        AKTIF = "aktif", "Aktif"
        DITOLAK = "ditolak", "Ditolak"

    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="akun_mitra"
    )
    mitra = models.ForeignKey(
        Mitra, on_delete=models.PROTECT, null=True, blank=True, related_name="akun"
    )
    asal = models.CharField(max_length=12, choices=Asal.choices)
    status = models.CharField(max_length=10, choices=Status.choices)
    provinsi = models.ForeignKey(
        "kelompok.Provinsi", verbose_name="provinsi", on_delete=models.PROTECT, null=True
    )
    # Usulan lembaga pada pendaftaran mandiri (sebelum masuk registri).
    nama_lembaga = models.CharField("nama lembaga", max_length=200, blank=True)
    kategori = models.CharField(
        "kategori", max_length=25, choices=KategoriMitra.choices, blank=True
    )
    nomor_registrasi = models.CharField(
        "nomor registrasi (NIB/akta/NPWP)", max_length=60, blank=True
    )
    alamat = models.TextField("alamat", blank=True)
    jabatan = models.CharField("jabatan di lembaga", max_length=150, blank=True)
    alamat_ip = models.GenericIPAddressField(null=True, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Pengundang; kosong untuk pendaftaran mandiri.",
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diputuskan_pada = models.DateTimeField(null=True, blank=True)
    alasan_tolak = models.TextField("alasan penolakan", blank=True)
    history = HistoricalRecords()

    objects = AkunMitraQuerySet.as_manager()

    class Meta:
        verbose_name = "akun mitra"
        verbose_name_plural = "akun mitra"
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [models.Index(fields=["status", "provinsi"], name="akun_mitra_antrean")]

    def __str__(self) -> str:
        return f"{self.pengguna} ({self.mitra or self.nama_lembaga})"

    def get_absolute_url(self) -> str:
        return reverse("kerjasama:akun_mitra", args=[self.pk])

    @property
    def lembaga(self) -> str:
        return str(self.mitra) if self.mitra_id else self.nama_lembaga


def akun_mitra_aktif(user) -> AkunMitra | None:
    """Akun mitra aktif pengguna ini (tertaut ke mitra registri), atau None."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    akun = getattr(user, "akun_mitra", None)
    if akun is None or akun.status != AkunMitra.Status.AKTIF or not akun.mitra_id:
        return None
    return akun


class PermohonanMitraQuerySet(models.QuerySet):
    def untuk(self, user, *, ubah: bool = False):
        """Satu aturan untuk daftar, detail, unduhan dan tindakan permohonan mitra.

        Akun mitra: hanya permohonan lembaganya sendiri (baca; menarik selama belum ditanggapi
        diatur layanannya). Pegawai: permohonan kepada KPS dalam cakupan wilayahnya (baca), atau
        KPS yang boleh diubahnya (menanggapi: pendamping KPS itu, admin provinsinya)."""
        akun = akun_mitra_aktif(user)
        if akun is not None:
            return self.none() if ubah else self.filter(mitra_id=akun.mitra_id)
        if user is None or not user.has_perm("kerjasama.view_permohonanmitra"):
            return self.none()
        if ubah and not user.has_perm("kerjasama.change_permohonanmitra"):
            return self.none()
        return self.filter(kps__in=Kps.objects.untuk(user, ubah=ubah))


class PermohonanMitra(models.Model):
    """Langkah I: permohonan kerja sama yang diajukan mitra sendiri lewat portal kepada sebuah
    KPS/KUPS, dengan surat permohonan dan bukti uji tuntas. Pendamping menerima atau
    menolaknya, lalu menjadikan yang diterima kerja sama tanpa mengetik ulang."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", "Diajukan, menunggu tanggapan pendamping"
        DITERIMA = "diterima", "Diterima"
        DITOLAK = "ditolak", "Ditolak"
        DITARIK = "ditarik", "Ditarik mitra"

    mitra = models.ForeignKey(Mitra, on_delete=models.PROTECT, related_name="permohonan_portal")
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    kps = models.ForeignKey(
        "kelompok.Kps",
        verbose_name="KPS",
        on_delete=models.PROTECT,
        related_name="permohonan_mitra",
    )
    kups = models.ForeignKey(
        "kelompok.Kups",
        verbose_name="KUPS",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="permohonan_mitra",
    )
    jenis = models.CharField(
        "jenis kerja sama", max_length=15, choices=JenisKerjaSama.choices, default="usaha"
    )
    judul = models.CharField("judul usulan kerja sama", max_length=200)
    maksud = models.TextField("maksud, tujuan dan kegiatan yang diusulkan")
    dukungan = models.TextField(
        "dukungan yang ditawarkan mitra", help_text="Modal, pemasaran, pelatihan, peralatan, dsb."
    )
    jangka_waktu_tahun = models.PositiveSmallIntegerField("jangka waktu usulan (tahun)")
    nomor_surat = models.CharField("nomor surat permohonan", max_length=100)
    tanggal_surat = models.DateField("tanggal surat permohonan")
    surat = BerkasUnggahanField("surat permohonan", upload_to="kerjasama/portal/%Y/")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DIAJUKAN, db_index=True
    )
    diajukan_pada = models.DateTimeField(default=timezone.now)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diputuskan_pada = models.DateTimeField(null=True, blank=True)
    catatan_keputusan = models.TextField("catatan tanggapan", blank=True)
    kerjasama = models.OneToOneField(
        KerjaSama,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="permohonan_portal",
    )
    history = HistoricalRecords()

    objects = PermohonanMitraQuerySet.as_manager()

    class Meta:
        verbose_name = "permohonan mitra"
        verbose_name_plural = "permohonan mitra"
        ordering = ["-diajukan_pada", "-pk"]
        indexes = [models.Index(fields=["mitra", "-diajukan_pada"], name="permohonan_mitra_milik")]

    def __str__(self) -> str:
        return self.judul

    def get_absolute_url(self) -> str:
        return reverse("kerjasama:permohonan_mitra", args=[self.pk])


class BuktiPermohonan(models.Model):
    """Bukti satu butir uji tuntas atau penapisan gender yang dilampirkan mitra pada
    permohonannya (kode butir dari kerjasama.uji_tuntas)."""

    permohonan = models.ForeignKey(PermohonanMitra, on_delete=models.CASCADE, related_name="bukti")
    kode = models.CharField(max_length=20)
    keterangan = models.TextField("keterangan", blank=True)
    berkas = BerkasUnggahanField("berkas bukti", upload_to="kerjasama/portal/bukti/%Y/", blank=True)

    class Meta:
        verbose_name = "bukti permohonan mitra"
        verbose_name_plural = "bukti permohonan mitra"
        constraints = [
            models.UniqueConstraint(fields=["permohonan", "kode"], name="bukti_permohonan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.permohonan} · {self.kode}"
