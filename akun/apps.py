from django.apps import AppConfig


class AkunConfig(AppConfig):
    """Pengguna, peran dan wilayah kerja mereka.

    Aplikasi tersendiri (di luar kelompok/kerjasama/penilaian) karena model pengguna harus ada
    sejak migrasi pertama dan dipakai oleh ketiganya.
    """

    name = "akun"
    verbose_name = "Akun dan peran"
