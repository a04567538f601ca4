"""{{ fieldfile|berkas }}: berkas tersimpan seperti pengguna mengenalnya: nama, jenis dan ukuran.

"peta-areal.pdf (PDF, 1,2 MB)", bukan "kerjasama/bukti/2026/peta-areal.pdf". Ukuran dibaca dari
penyimpanan (disk: stat; S3: satu HEAD per berkas); bila tidak terbaca, ukurannya dilewati, tidak
pernah galat halaman.
"""

import contextlib
from decimal import Decimal
from pathlib import PurePosixPath

from django import template

from perhutanan.angka import format_desimal

register = template.Library()

JENIS = {
    ".pdf": "PDF",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".xlsx": "Excel",
    ".geojson": "GeoJSON",
    ".kml": "KML",
    ".zip": "ZIP",
}


def ukuran_teks(byte: int) -> str:
    """812 B, 45 KB, 1,2 MB (dibulatkan setengah ke atas)."""
    if byte < 1024:
        return f"{byte} B"
    if byte < 1024 * 1024:
        return f"{format_desimal(Decimal(byte) / 1024, 0)} KB"
    return f"{format_desimal(Decimal(byte) / (1024 * 1024), 1)} MB"


@register.filter
def nama_berkas(berkas) -> str:
    return PurePosixPath(getattr(berkas, "name", "") or "").name


@register.filter
def berkas(berkas) -> str:
    nama = nama_berkas(berkas)
    if not nama:
        return ""
    keterangan = [JENIS.get(PurePosixPath(nama).suffix.lower(), "berkas")]
    # Berkas hilang atau penyimpanan awan yang tidak menjawab: ukuran dilewati.
    with contextlib.suppress(Exception):
        keterangan.append(ukuran_teks(berkas.size))
    return f"{nama} ({', '.join(keterangan)})"
