"""Pekerjaan latar belakang dokumen terbit: PDF tepat setelah terbit, dan penyusul berkala."""

import datetime

from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from dokumen.models import Dokumen
from dokumen.services import buat_pdf, susul_pdf

# Dokumen yang PDF-nya belum ada selama ini dianggap tertinggal dan dibuat oleh penyusul.
PDF_TERTINGGAL = datetime.timedelta(minutes=2)


@app.task(
    queue="dokumen",
    name="buat_pdf_dokumen",
    retry=RetryStrategy(max_attempts=5, exponential_wait=2),
)
def buat_pdf_dokumen(dokumen_id: int) -> bool:
    return buat_pdf(dokumen_id)


@app.periodic(cron="*/5 * * * *")
@app.task(queue="pemeliharaan", name="susul_pdf_dokumen")
def susul_pdf_dokumen(timestamp: int) -> int:
    """Tiap lima menit: dokumen yang PDF-nya masih belum ada dibuat lagi."""
    return susul_pdf(Dokumen, buat_pdf, sebelum=timezone.now() - PDF_TERTINGGAL)
