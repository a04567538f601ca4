"""Pekerjaan latar belakang: satu cara mengantrekan, dan pemulihan pekerjaan dari pekerja yang mati.

Antrean memakai procrastinate di PostgreSQL. Alasannya: basis data produksi sudah PostgreSQL,
jadi tidak ada layanan baru (Redis/RabbitMQ) yang harus dijaga dan dicadangkan; pekerjaan masuk
antrean dalam transaksi yang sama dengan datanya (tidak ada pekerjaan yatim bila transaksi batal);
beberapa pekerja di beberapa mesin mengambil pekerjaan dengan `FOR UPDATE SKIP LOCKED` sehingga
satu pekerjaan tidak pernah dijalankan dua pekerja sekaligus; pekerja berdetak ke basis data;
pekerjaan berkala (cron dengan detik) berjalan di dalam pekerja tanpa cron luar dan tiap tiknya
hanya diantrekan sekali walau pekerjanya banyak.

Pekerja yang mati (kill -9, mesin padam) berhenti berdetak. `pulihkan_pekerjaan_macet` (berkala,
di setiap pekerja) mencari pekerjaan "doing" yang pekerjanya tidak berdetak lebih dari
PEKERJA_MACET_DETIK dan mengantrekannya ulang; setelah PEKERJAAN_COBA_MAKS percobaan pekerjaan itu
ditandai gagal dan pemiliknya (misalnya baris ekspor) diberi tahu lewat `saat_gagal`.

Dengan SQLite (`make run`, uji) tidak ada pekerja: `antrekan` menjalankan pekerjaan setelah
transaksi commit, di proses yang sama.
"""

import datetime
import json
import logging
from collections.abc import Callable

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import transaction
from procrastinate import jobs
from procrastinate.contrib.django import app

from perhutanan.cadangan import hapus_berkas_yatim

log = logging.getLogger(__name__)

# nama tugas -> fungsi(kwargs_tugas, pesan) yang menandai pemilik pekerjaan gagal.
_SAAT_GAGAL: dict[str, Callable[[dict, str], None]] = {}


def saat_gagal(tugas, fungsi: Callable[[dict, str], None]) -> None:
    """Daftarkan cara memberi tahu pemilik bila `tugas` menyerah (pekerjanya mati berulang kali)."""
    _SAAT_GAGAL[tugas.name] = fungsi


def antrekan(tugas, *, kunci: str | None = None, **kwargs) -> None:
    """Jalankan `tugas(**kwargs)` di latar belakang, setelah transaksi ini commit.

    `kunci`: pekerjaan dengan kunci yang sama tidak pernah berjalan bersamaan (procrastinate lock).
    """
    if settings.ANTREAN_PEKERJAAN == "procrastinate":
        # Lewat koneksi Django: baris pekerjaan ikut transaksi yang sedang berjalan.
        tugas.configure(lock=kunci).defer(**kwargs)
        return
    # robust: seperti pekerja sungguhan, pekerjaan yang gagal dicatat di log (dan oleh pemiliknya)
    # tanpa menggagalkan permintaan yang datanya sudah tersimpan.
    transaction.on_commit(lambda: tugas(**kwargs), robust=True)


@app.periodic(cron=settings.PEKERJA_PERIKSA_CRON)
@app.task(queue="pemeliharaan", name="pulihkan_pekerjaan_macet", pass_context=True)
async def pulihkan_pekerjaan_macet(context, timestamp: int) -> int:
    """Antrekan ulang pekerjaan milik pekerja yang berhenti berdetak; menyerah setelah batasnya."""
    manajer = context.app.job_manager
    macet = await manajer.get_stalled_jobs(seconds_since_heartbeat=settings.PEKERJA_MACET_DETIK)
    for job in macet:
        if job.attempts + 1 >= settings.PEKERJAAN_COBA_MAKS:
            await manajer.finish_job(job, status=jobs.Status.FAILED, delete_job=False)
            fungsi = _SAAT_GAGAL.get(job.task_name)
            if fungsi is not None:
                kwargs = job.task_kwargs
                if isinstance(kwargs, str):  # lewat koneksi Django, JSON datang sebagai teks
                    kwargs = json.loads(kwargs)
                await sync_to_async(fungsi)(
                    kwargs,
                    f"Pekerja latar belakang berhenti {job.attempts + 1} kali saat mengerjakannya.",
                )
            log.error("Pekerjaan %s (%s) menyerah setelah pekerja mati", job.id, job.task_name)
        else:
            await manajer.retry_job(job)
            log.warning("Pekerjaan %s (%s) diantrekan ulang: pekerja mati", job.id, job.task_name)
    return len(macet)


# 20.17 UTC = 03.17 WIB, saat sepi.
@app.periodic(cron="17 20 * * *")
@app.task(queue="pemeliharaan", name="bersihkan_pekerjaan_lama", pass_context=True)
async def bersihkan_pekerjaan_lama(context, timestamp: int) -> None:
    """Pekerjaan selesai lebih dari 30 hari dihapus agar tabel antrean tetap kecil."""
    await context.app.job_manager.delete_old_jobs(nb_hours=30 * 24, include_failed=False)


# 20.47 UTC = 03.47 WIB.
@app.periodic(cron="47 20 * * *")
@app.task(queue="pemeliharaan", name="bersihkan_berkas_yatim")
def bersihkan_berkas_yatim(timestamp: int) -> int:
    """Berkas yang tertulis oleh transaksi yang kemudian dibatalkan tidak tertinggal selamanya."""
    return len(hapus_berkas_yatim(datetime.timedelta(hours=24)))


# 20.52 UTC = 03.52 WIB.
@app.periodic(cron="52 20 * * *")
@app.task(queue="pemeliharaan", name="bersihkan_unggahan_lama")
def bersihkan_unggahan_lama(timestamp: int) -> int:
    """Unggahan bertahap yang tidak pernah dipakai formulir dihapus setelah 24 jam."""
    from perhutanan.unggahan import bersihkan_unggahan_lama as bersihkan

    return bersihkan()
