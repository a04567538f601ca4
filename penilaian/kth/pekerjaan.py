"""Pekerjaan latar belakang kelas KTH: ekspor ZIP sertifikat, dan pengingat tenggat penetapan."""

import datetime

from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from dokumen.services import susul_pdf
from penilaian.kth import ekspor
from penilaian.kth.models import Sertifikat
from penilaian.kth.sertifikat import buat_pdf
from perhutanan.pekerjaan import saat_gagal

# Sertifikat yang PDF-nya belum ada selama ini dianggap tertinggal dan dibuat oleh penyusul.
PDF_TERTINGGAL = datetime.timedelta(minutes=2)


@app.task(
    queue="dokumen",
    name="buat_pdf_sertifikat",
    retry=RetryStrategy(max_attempts=5, exponential_wait=2),
)
def buat_pdf_sertifikat(sertifikat_id: int) -> bool:
    """Tepat setelah penetapan: PDF dari isi sertifikat yang sudah dipotret."""
    return buat_pdf(sertifikat_id)


@app.periodic(cron="*/5 * * * *")
@app.task(queue="pemeliharaan", name="susul_pdf_sertifikat")
def susul_pdf_sertifikat(timestamp: int) -> int:
    """Tiap lima menit: sertifikat yang PDF-nya masih belum ada (semua percobaan gagal, atau
    pekerjaannya hilang) dibuat lagi, sehingga tidak ada sertifikat yang tertinggal tanpa PDF."""
    return susul_pdf(Sertifikat, buat_pdf, sebelum=timezone.now() - PDF_TERTINGGAL)


@app.task(queue="ekspor", name="ekspor_sertifikat_zip")
def ekspor_sertifikat_zip(ekspor_id: int) -> None:
    ekspor.jalankan(ekspor_id)


saat_gagal(
    ekspor_sertifikat_zip, lambda kwargs, pesan: ekspor.tandai_gagal(kwargs["ekspor_id"], pesan)
)


# Cron procrastinate dihitung dalam UTC: 00.00 UTC = 07.00 WIB.
@app.periodic(cron="0 0 * * *")
@app.task(queue="pemeliharaan", name="pengingat_penetapan_kth")
def pengingat_penetapan_kth(timestamp: int) -> int:
    """Pukul 07.00: Kepala Dinas diingatkan penilaian yang tenggatnya dekat atau lewat."""
    from penilaian.kth.services import ingatkan_tenggat_penetapan

    return ingatkan_tenggat_penetapan()


@app.periodic(cron="5 0 * * *")
@app.task(queue="pemeliharaan", name="pengingat_cakupan_kth")
def pengingat_cakupan_kth(timestamp: int) -> int:
    """Pukul 07.05 WIB: 30, 14, 7 dan 1 hari sebelum 30 November, Penilai KTH diingatkan KTH
    provinsinya yang belum dinilai tahun ini."""
    from penilaian.kth.services import ingatkan_cakupan

    return ingatkan_cakupan()
