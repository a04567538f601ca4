"""Satu pembantu PDF untuk seluruh proyek: templat HTML -> PDF lewat WeasyPrint."""

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML


def render_pdf(templat: str, konteks: dict) -> bytes:
    """Render templat dokumen (templates/dokumen/...) menjadi PDF.

    Berkas statis dibaca dari disk (base_url folder static), tidak lewat jaringan, sehingga
    PDF tetap dapat dibuat tanpa internet.
    """
    html = render_to_string(templat, konteks)
    return HTML(string=html, base_url=str(settings.BASE_DIR / "static")).write_pdf()
