from functools import cached_property

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from akun import peran as peran_mod
from akun.akses import muat_akses
from akun.peran import Peran


class PenggunaManager(UserManager):
    def untuk(self, user):
        """Pengguna yang boleh dikelola `user`: satu aturan untuk daftar, formulir dan tindakan.

        Admin nasional (atau superuser): semua. Admin provinsi: pengguna provinsinya yang bukan
        superuser. Selain admin: tidak ada. Staf BPSKL tidak berprovinsi, jadi hanya admin
        nasional yang mengelolanya.
        """
        qs = self.get_queryset()
        if user is None or not user.is_authenticated or not user.is_active:
            return qs.none()
        if user.adalah_admin_nasional:
            return qs
        if user.punya_peran(peran_mod.ADMIN):
            return qs.filter(Q(provinsi_id=user.provinsi_id) & Q(is_superuser=False))
        return qs.none()


class Pengguna(AbstractUser):
    """Pengguna dengan wilayah kerja. Perannya adalah grup Django (lihat akun/peran.py).

    Nama depan/belakang bawaan Django diganti satu kolom nama lengkap: banyak nama Indonesia
    tidak terbagi dua.
    """

    first_name = None
    last_name = None
    nama = models.CharField("nama lengkap", max_length=150)
    nip = models.CharField(
        "NIP",
        max_length=18,
        blank=True,
        validators=[RegexValidator(r"^\d{18}$", "NIP harus 18 digit angka.")],
        help_text="Nomor Induk Pegawai, untuk penanda tangan sertifikat dan surat.",
    )
    telepon = models.CharField("telepon", max_length=20, blank=True)
    provinsi = models.ForeignKey(
        "kelompok.Provinsi",
        verbose_name="provinsi kerja",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
    )
    bpskl = models.ForeignKey(
        "kelompok.Bpskl",
        verbose_name="wilayah kerja BPSKL",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
        help_text="Diisi untuk Staf BPSKL.",
    )
    wajib_ganti_sandi = models.BooleanField(
        "wajib mengganti kata sandi",
        default=False,
        help_text="Diisi saat kata sandi sementara dibuat admin; dihapus setelah diganti.",
    )
    surel_notifikasi = models.CharField(
        "surel notifikasi",
        max_length=8,
        choices=[
            ("segera", "Segera: satu surel untuk setiap notifikasi"),
            ("harian", "Ringkasan harian: satu surel pukul 06.30 berisi notifikasi sehari"),
            ("tidak", "Tidak dikirim: notifikasi hanya di aplikasi"),
        ],
        default="segera",
    )
    # Angka lencana Notifikasi di menu: ikut terbaca bersama baris pengguna di setiap permintaan,
    # sehingga menu tidak menghitung ulang notifikasi. Hanya ditulis dengan UPDATE atomik
    # (kerjasama.services.beritahu menambah, halaman Notifikasi menghitung ulang), tidak pernah
    # oleh save() biasa yang bisa membawa angka basi dari objek lama (lihat save di bawah).
    notifikasi_belum_dibaca = models.PositiveIntegerField(default=0, editable=False)
    # Kata sandi dan waktu masuk terakhir bukan perubahan data yang perlu dilacak. Peran (grup)
    # dilacak juga, sehingga pemberian dan pencabutan peran tercatat dengan siapa dan kapan.
    history = HistoricalRecords(
        excluded_fields=["password", "last_login", "notifikasi_belum_dibaca"],
        m2m_fields=["groups"],
    )

    objects = PenggunaManager()

    REQUIRED_FIELDS = ["email", "nama"]

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        ordering = ["nama", "username"]

    def __str__(self) -> str:
        return self.nama or self.username

    def save(self, *args, **kwargs):
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "notifikasi_belum_dibaca"
            ]
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.nama or self.username

    def get_short_name(self) -> str:
        """Kata pertama nama, melewati gelar di depan ('Ir. Dewi Kartika, M.Si.' -> 'Dewi')."""
        kata = (self.nama or self.username).replace(",", " ").split()
        return next((k for k in kata if not k.endswith(".")), kata[0])

    @cached_property
    def daftar_peran(self) -> list[Peran]:
        """Peran pengguna menurut urutan prioritas; dibaca bersama izinnya (akun.backends)."""
        if not hasattr(self, "_nama_grup_cache"):
            muat_akses(self)
        return [p for p in peran_mod.SEMUA_PERAN if p.nama_grup in self._nama_grup_cache]

    @property
    def peran_utama(self) -> Peran | None:
        return self.daftar_peran[0] if self.daftar_peran else None

    def punya_peran(self, peran: Peran) -> bool:
        return peran in self.daftar_peran

    @property
    def adalah_admin_nasional(self) -> bool:
        """Superuser, atau Admin tanpa provinsi: cakupannya seluruh Indonesia."""
        return self.is_superuser or (self.punya_peran(peran_mod.ADMIN) and not self.provinsi_id)

    @property
    def wilayah_kerja(self) -> str:
        """Wilayah kerja untuk ditampilkan: provinsi, BPSKL, lembaga mitra, atau nasional."""
        if self.punya_peran(peran_mod.MITRA) and not self.provinsi_id and not self.bpskl_id:
            akun = getattr(self, "akun_mitra", None)  # kerjasama.AkunMitra
            return f"Mitra {akun.mitra}" if akun and akun.mitra_id else "Mitra"
        bagian = []
        if self.bpskl_id:
            bagian.append(str(self.bpskl))
        if self.provinsi_id:
            bagian.append(f"Provinsi {self.provinsi}")
        return ", ".join(bagian) or "Nasional"
