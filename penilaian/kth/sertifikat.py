"""Isi dan berkas Sertifikat Penetapan Kelas KTH.

Isi sertifikat dipotret saat penetapan (data) dan PDF dibuat dari potret itu, bukan dari data
hidup yang bisa berubah; kode QR menunjuk ke halaman verifikasi publik.
"""

import datetime

import segno
from django.conf import settings
from django.urls import reverse

from perhutanan.pdf import render_pdf


def url_verifikasi(kode: str) -> str:
    return settings.SITUS_URL.rstrip("/") + reverse("verifikasi", args=[kode])


def qr_svg_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def pdf_sertifikat(data: dict) -> bytes:
    konteks = {
        "d": data,
        "tanggal": datetime.date.fromisoformat(data["tanggal"]),
        "qr": qr_svg_data_uri(data["url_verifikasi"]),
    }
    return render_pdf("dokumen/sertifikat_kth.html", konteks)
