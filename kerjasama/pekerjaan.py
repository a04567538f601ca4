"""Pekerjaan berkala kerja sama: peringatan 90 dan 30 hari sebelum jangka waktu berakhir, dan
ringkasan harian notifikasi lewat surel."""

from django.utils import timezone
from procrastinate.contrib.django import app

from kerjasama.services import kirim_peringatan_berakhir, kirim_ringkasan_notifikasi


# Cron procrastinate dihitung dalam UTC: 23.00 UTC = 06.00 WIB.
@app.periodic(cron="0 23 * * *")
@app.task(queue="pemeliharaan", name="peringatan_kerjasama_berakhir")
def peringatan_kerjasama_berakhir(timestamp: int) -> int:
    """Pukul 06.00 setiap hari, di dalam pekerja (tanpa cron luar); tiap peringatan sekali."""
    return kirim_peringatan_berakhir(timezone.localdate())


# 23.30 UTC = 06.30 WIB, sesudah peringatan pukul 06.00 sehingga ikut masuk ringkasan hari itu.
@app.periodic(cron="30 23 * * *")
@app.task(queue="pemeliharaan", name="ringkasan_notifikasi_harian")
def ringkasan_notifikasi_harian(timestamp: int) -> int:
    """Satu surel per pengguna yang memilih ringkasan harian, berisi notifikasi yang menunggu."""
    return kirim_ringkasan_notifikasi()
