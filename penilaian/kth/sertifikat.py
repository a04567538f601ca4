"""Isi dan berkas Sertifikat Penetapan Kelas KTH.

Isi sertifikat dipotret saat penetapan (data) dan PDF dibuat dari potret itu, bukan dari data
hidup yang bisa berubah; kode QR menunjuk ke halaman verifikasi publik.

PDF dibuat di luar transaksi penetapan (`buat_pdf`, dipanggil pekerja tepat setelah commit), jadi
Kepala Dinas tidak menunggu WeasyPrint dan nomor urut provinsi tidak terkunci selama render.
"""

import datetime
import hashlib
import logging

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse

from dokumen.services import logo_data_uri
from penilaian.kth.models import Sertifikat
from perhutanan.pdf import render_pdf

log = logging.getLogger(__name__)


def url_verifikasi(kode: str) -> str:
    return settings.SITUS_URL.rstrip("/") + reverse("verifikasi", args=[kode])


def qr_data_uri(url: str) -> str:
    """QR sebagai PNG kecil (satu piksel per modul, ~300 bita); CSS memperbesarnya tanpa
    penghalusan (image-rendering: pixelated), jadi tepi modul tetap tajam saat dicetak. Jauh
    lebih murah bagi WeasyPrint daripada SVG dengan ribuan ruas jalur."""
    return segno.make(url, error="m").png_data_uri(scale=1, border=2)


def pdf_sertifikat(data: dict) -> bytes:
    kop = data.get("kop") or {}
    konteks = {
        "d": data,
        "kop": kop,
        "logo": logo_data_uri(kop.get("logo", "")),
        "tanggal": datetime.date.fromisoformat(data["tanggal"]),
        "qr": qr_data_uri(data["url_verifikasi"]),
    }
    return render_pdf("dokumen/sertifikat_kth.html", konteks)


def buat_pdf(sertifikat_id: int, *, tunggu: bool = False) -> bool:
    """Buat dan simpan PDF sertifikat yang belum punya berkas; True bila PDF dibuat sekarang.

    Aman diulang dan dijalankan bersamaan: baris dikunci, sertifikat yang sudah punya berkas
    dilewati, dan (kecuali `tunggu`) baris yang sedang dikerjakan pekerja lain juga dilewati.
    Kegagalan dicatat di `pdf_galat` lalu diteruskan agar antrean mencobanya lagi.
    """
    try:
        with transaction.atomic():
            sertifikat = (
                Sertifikat.objects.select_for_update(skip_locked=not tunggu)
                .filter(pk=sertifikat_id)
                .first()
            )
            if sertifikat is None or sertifikat.berkas:
                return False
            isi = pdf_sertifikat(sertifikat.data)
            sertifikat.sha256 = hashlib.sha256(isi).hexdigest()
            sertifikat.pdf_galat = ""
            sertifikat.berkas.save(
                f"sertifikat-kth-{sertifikat.provinsi_id}-{sertifikat.tahun}-{sertifikat.urut}.pdf",
                ContentFile(isi),
                save=False,
            )
            sertifikat._change_reason = "PDF sertifikat dibuat"
            sertifikat.save(update_fields=["berkas", "sha256", "pdf_galat"])
        return True
    except Exception as e:
        log.exception("PDF sertifikat %s gagal dibuat", sertifikat_id)
        Sertifikat.objects.filter(pk=sertifikat_id).update(
            pdf_galat=f"{type(e).__name__}: {e}"[:500]
        )
        raise
