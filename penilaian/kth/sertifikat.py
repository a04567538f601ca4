"""Isi dan berkas Sertifikat Penetapan Kelas KTH.

Isi sertifikat dipotret saat penetapan (data) dan PDF dibuat dari potret itu, bukan dari data
hidup yang bisa berubah; kode QR menunjuk ke halaman verifikasi publik.

PDF dibuat di luar transaksi penetapan (`buat_pdf`, dipanggil pekerja tepat setelah commit), jadi
Kepala Dinas tidak menunggu WeasyPrint dan nomor urut provinsi tidak terkunci selama render.
"""

import datetime

from dokumen.services import logo_data_uri, qr_data_uri, simpan_pdf_sekali, url_verifikasi
from penilaian.kth.models import Sertifikat
from perhutanan.pdf import render_pdf

__all__ = ["buat_pdf", "pdf_sertifikat", "qr_data_uri", "url_verifikasi"]


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
    """Buat dan simpan PDF sertifikat yang belum punya berkas; True bila PDF dibuat sekarang
    (lihat dokumen.services.simpan_pdf_sekali)."""
    return simpan_pdf_sekali(
        Sertifikat,
        sertifikat_id,
        render=lambda s: pdf_sertifikat(s.data),
        nama=lambda s: f"sertifikat-kth-{s.provinsi_id}-{s.tahun}-{s.urut}.pdf",
        alasan="PDF sertifikat dibuat",
        tunggu=tunggu,
    )
