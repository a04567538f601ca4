"""Grafik batang SVG yang dibuat di server: sama di halaman, PDF dan tanpa JavaScript."""

from decimal import Decimal
from xml.sax.saxutils import escape

from perhutanan.angka import format_desimal

WARNA = {"Baik": "#1f5130", "Sedang": "#8a6100", "Tidak Baik": "#a4282c"}


def batang_kriteria(baris: list[tuple[str, str, Decimal, str]], *, judul: str) -> str:
    """Batang mendatar 0-100 per kriteria: (kode, nama, nilai, kategori); garis 60 dan 80."""
    kiri, lebar_batang, tinggi_baris = 260, 380, 24
    tinggi = 40 + tinggi_baris * len(baris) + 24
    lebar = kiri + lebar_batang + 60
    x = lambda v: kiri + float(v) * lebar_batang / 100  # noqa: E731  (koordinat gambar saja)
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi}" '
        f'width="100%" role="img" aria-label="{escape(judul)}" '
        f'font-family="DejaVu Sans, sans-serif" font-size="11">',
        f"<title>{escape(judul)}</title>",
        f'<text x="0" y="16" font-size="13" font-weight="bold">{escape(judul)}</text>',
    ]
    for batas in (60, 80):
        bagian.append(
            f'<line x1="{x(batas):.1f}" y1="28" x2="{x(batas):.1f}" y2="{tinggi - 20}" '
            f'stroke="#6c757d" stroke-dasharray="3,3"/>'
            f'<text x="{x(batas):.1f}" y="{tinggi - 6}" text-anchor="middle" '
            f'fill="#495057">{batas}</text>'
        )
    for n, (kode, nama, nilai, kategori) in enumerate(baris):
        y = 36 + n * tinggi_baris
        label = f"{kode} {nama}"
        if len(label) > 36:
            label = label[:35] + "…"
        bagian.append(
            f'<text x="{kiri - 6}" y="{y + 14}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{kiri}" y="{y + 3}" width="{x(nilai) - kiri:.1f}" height="15" '
            f'fill="{WARNA.get(kategori, "#495057")}"><title>{escape(kode)}: '
            f"{format_desimal(nilai, 1)} ({escape(kategori)})</title></rect>"
            f'<text x="{x(nilai) + 4:.1f}" y="{y + 14}">{format_desimal(nilai, 1)}</text>'
        )
    bagian.append("</svg>")
    return "".join(bagian)
