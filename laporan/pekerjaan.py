"""Pekerjaan latar belakang laporan berkala: penyusunan satu laporan, dan permintaan bulanan."""

from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from laporan import services
from perhutanan.pekerjaan import saat_gagal


@app.task(
    queue="ekspor",
    name="buat_laporan_berkala",
    retry=RetryStrategy(max_attempts=3, exponential_wait=5),
)
def buat_laporan_berkala(laporan_id: int) -> None:
    services.jalankan(laporan_id)


saat_gagal(
    buat_laporan_berkala,
    lambda kwargs, pesan: services.tandai_gagal(kwargs["laporan_id"], pesan),
)


# Cron procrastinate dihitung dalam UTC: 01.00 UTC tanggal 1 = 08.00 WIB.
@app.periodic(cron="0 1 1 * *")
@app.task(queue="pemeliharaan", name="laporan_bulanan")
def laporan_bulanan(timestamp: int) -> int:
    """Tanggal 1 setiap bulan: laporan nasional dan setiap BPSKL untuk bulan sebelumnya."""
    return services.minta_semua_bulan_lalu(timezone.localdate())
