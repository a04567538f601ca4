"""Token API pribadi: dibuat dan dicabut pengguna sendiri di halaman profilnya.

Yang disimpan hanya SHA-256 kuncinya (kunci utuh ditampilkan sekali saat dibuat) dan awalan
pendek untuk dikenali di daftar. Token berlaku dengan hak dan cakupan wilayah pemiliknya,
persis seperti halaman aplikasi.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

AWALAN = "phs_"


def sidik(kunci: str) -> str:
    return hashlib.sha256(kunci.encode()).hexdigest()


class TokenApi(models.Model):
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="token_api"
    )
    nama = models.CharField(
        "nama token", max_length=80, help_text="Misalnya: aplikasi lapangan ponsel Siti."
    )
    awalan = models.CharField(max_length=12, editable=False)
    sidik_kunci = models.CharField(max_length=64, unique=True, editable=False)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    terakhir_dipakai = models.DateTimeField(null=True, blank=True, editable=False)
    dicabut_pada = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["terakhir_dipakai"])

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"
        ordering = ["-dibuat_pada", "-pk"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.awalan}…)"

    @property
    def aktif(self) -> bool:
        return self.dicabut_pada is None

    @classmethod
    def buat(cls, *, pengguna, nama: str) -> tuple["TokenApi", str]:
        """Token baru dan kunci utuhnya (hanya dikembalikan di sini, tidak disimpan)."""
        kunci = AWALAN + secrets.token_urlsafe(32)
        token = cls.objects.create(
            pengguna=pengguna, nama=nama, awalan=kunci[: len(AWALAN) + 6], sidik_kunci=sidik(kunci)
        )
        return token, kunci

    def cabut(self) -> None:
        if self.dicabut_pada is None:
            self.dicabut_pada = timezone.now()
            self.save(update_fields=["dicabut_pada"])
