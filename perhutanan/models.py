"""Unggahan bertahap: berkas dikirim dalam potongan dan dapat dilanjutkan setelah putus.

Potongan disimpan di basis data (berkas paling besar UNGGAHAN_MAKS_MB), sehingga beberapa server
aplikasi di belakang penyeimbang beban melanjutkan unggahan yang sama. Unggahan yang lengkap
dipakai formulir mana pun lewat isian `_unggahan:<nama kolom>` (perhutanan.unggahan) dan dihapus
setelah formulirnya diterima; yang tertinggal dihapus pekerjaan berkala setelah 24 jam.
"""

import uuid

from django.conf import settings
from django.db import models


class Unggahan(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    nama = models.CharField("nama berkas", max_length=255)
    jenis = models.CharField("jenis isi", max_length=100, blank=True)
    ukuran = models.PositiveIntegerField("ukuran (bita)")
    diterima = models.PositiveIntegerField("bita diterima", default=0)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "unggahan bertahap"
        verbose_name_plural = "unggahan bertahap"
        indexes = [models.Index(fields=["diubah_pada"])]

    def __str__(self):
        return f"{self.nama} ({self.diterima}/{self.ukuran})"

    @property
    def selesai(self) -> bool:
        return self.diterima == self.ukuran


class PotonganUnggahan(models.Model):
    unggahan = models.ForeignKey(Unggahan, on_delete=models.CASCADE, related_name="potongan")
    mulai = models.PositiveIntegerField()
    isi = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unggahan", "mulai"], name="potongan_unggahan_unik")
        ]

    def __str__(self):
        return f"{self.unggahan_id} @ {self.mulai}"
