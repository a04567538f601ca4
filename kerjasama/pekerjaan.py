"""Pekerjaan berkala kerja sama: peringatan 90 dan 30 hari sebelum jangka waktu berakhir."""

from django.utils import timezone
from procrastinate.contrib.django import app

from kerjasama.services import kirim_peringatan_berakhir


# Cron procrastinate dihitung dalam UTC: 23.00 UTC = 06.00 WIB.
@app.periodic(cron="0 23 * * *")
@app.task(queue="pemeliharaan", name="peringatan_kerjasama_berakhir")
def peringatan_kerjasama_berakhir(timestamp: int) -> int:
    """Pukul 06.00 setiap hari, di dalam pekerja (tanpa cron luar); tiap peringatan sekali."""
    return kirim_peringatan_berakhir(timezone.localdate())
