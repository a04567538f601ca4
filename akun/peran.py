"""Peran pengguna: satu definisi yang dipakai grup, navigasi, beranda dan aturan akses.

Peran disimpan sebagai grup Django (dibuat oleh migrasi data akun 0002) sehingga izin model
diatur lewat grup, bukan perbandingan string yang tersebar di view.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.contrib.auth.management import create_permissions


class Cakupan(StrEnum):
    """Wilayah yang menjadi cakupan kerja sebuah peran."""

    PROVINSI = "provinsi"
    BPSKL = "bpskl"
    NASIONAL_ATAU_PROVINSI = "nasional_atau_provinsi"
    LEMBAGA = "lembaga"  # mitra: hanya permohonan lembaganya sendiri


@dataclass(frozen=True)
class Peran:
    kode: str
    nama_grup: str
    cakupan: Cakupan
    tugas: str

    def __str__(self) -> str:
        return self.nama_grup


PENDAMPING = Peran(
    kode="pendamping",
    nama_grup="Pendamping",
    cakupan=Cakupan.PROVINSI,
    tugas=(
        "Memperbarui data kelompok dampingan, menjalankan tahapan kerja sama, "
        "dan mengisi kuesioner evaluasi."
    ),
)
STAF_BPSKL = Peran(
    kode="bpskl",
    nama_grup="Staf BPSKL",
    cakupan=Cakupan.BPSKL,
    tugas=(
        "Menyetujui atau menolak permohonan kerja sama usaha, menerima tembusan, "
        "dan memantau kerja sama di wilayah kerja balai."
    ),
)
PENILAI_KTH = Peran(
    kode="penilai",
    nama_grup="Penilai KTH",
    cakupan=Cakupan.PROVINSI,
    tugas="Menilai kelas Kelompok Tani Hutan setiap tahun, paling lambat akhir November.",
)
KEPALA_DINAS = Peran(
    kode="dinas",
    nama_grup="Kepala Dinas",
    cakupan=Cakupan.PROVINSI,
    tugas=(
        "Menetapkan kelas KTH paling lambat 10 hari kerja setelah hasil penilaian diterima "
        "dan menandatangani sertifikatnya."
    ),
)
ADMIN = Peran(
    kode="admin",
    nama_grup="Admin",
    cakupan=Cakupan.NASIONAL_ATAU_PROVINSI,
    tugas="Mengelola pengguna, wilayah dan instrumen penilaian, serta mengekspor sertifikat.",
)

MITRA = Peran(
    kode="mitra",
    nama_grup="Mitra",
    cakupan=Cakupan.LEMBAGA,
    tugas=(
        "Mengajukan permohonan kerja sama kepada KPS/KUPS dengan surat dan bukti uji tuntas, "
        "lalu mengikuti status permohonannya sendiri."
    ),
)

# Urutan ini juga urutan prioritas: pengguna dengan beberapa peran mendarat di beranda
# peran pertama yang dimilikinya.
SEMUA_PERAN: tuple[Peran, ...] = (ADMIN, KEPALA_DINAS, STAF_BPSKL, PENILAI_KTH, PENDAMPING, MITRA)
# Peran pegawai yang diberikan admin lewat pengelolaan pengguna. Akun mitra hanya lahir dari
# undangan pendamping/BPSKL atau pendaftaran mandiri yang disetujui (kerjasama.portal), karena
# akunnya harus tertaut ke satu mitra di registri.
PERAN_PEGAWAI: tuple[Peran, ...] = tuple(p for p in SEMUA_PERAN if p is not MITRA)
_PER_KODE = {peran.kode: peran for peran in SEMUA_PERAN}
_PER_GRUP = {peran.nama_grup: peran for peran in SEMUA_PERAN}


def peran_dari_kode(kode: str) -> Peran | None:
    return _PER_KODE.get(kode)


def peran_dari_grup(nama_grup: str) -> Peran | None:
    return _PER_GRUP.get(nama_grup)


def pasang_izin_peran(apps, izin_per_peran: dict[Peran, list[str]]) -> None:
    """Buat grup peran dan tambahkan izin model ('app_label.codename') ke masing-masing.

    Dipanggil dari migrasi data (dengan `apps` historis). Izin model biasanya baru dibuat
    sesudah seluruh migrasi selesai, jadi dibuat di sini lebih dulu. Hanya menambah: izin yang
    sudah diberikan tidak dicabut.
    """
    for app_config in apps.get_app_configs():
        # Konfigurasi aplikasi historis tidak punya modul model; create_permissions
        # melewatinya tanpa penanda ini. Nilai asli dipulihkan (aman juga untuk `apps` asli).
        asli = getattr(app_config, "models_module", None)
        app_config.models_module = asli or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = asli

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for peran in SEMUA_PERAN:
        grup, _ = Group.objects.get_or_create(name=peran.nama_grup)
        for nama in izin_per_peran.get(peran, []):
            app_label, codename = nama.split(".")
            grup.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
