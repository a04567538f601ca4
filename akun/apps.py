import time

from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class AkunConfig(AppConfig):
    """Pengguna, peran dan wilayah kerja mereka.

    Aplikasi tersendiri (di luar kelompok/kerjasama/penilaian) karena model pengguna harus ada
    sejak migrasi pertama dan dipakai oleh ketiganya.
    """

    name = "akun"
    verbose_name = "Akun dan peran"

    def ready(self) -> None:
        user_logged_in.connect(_catat_aktif, dispatch_uid="akun_aktif_saat_masuk")


def _catat_aktif(sender, request, user, **kwargs) -> None:
    # Sesi baru ditulis saat masuk; mencatat waktunya sekarang menghemat satu penulisan sesi
    # di permintaan berikutnya (perhutanan.middleware.SesiDiamMiddleware).
    request.session["aktif_terakhir"] = int(time.time())
