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


def arus_kas(arus, *, judul: str) -> str:
    """Batang penerimaan dan biaya per tahun, garis kumulatif bersih; nilai dalam juta rupiah."""

    juta = Decimal(1_000_000)
    kumulatif = []
    jalan = Decimal(0)
    for a in arus:
        jalan += a.bersih
        kumulatif.append(jalan)
    puncak = max(
        [a.masuk for a in arus] + [a.keluar for a in arus] + [abs(k) for k in kumulatif] + [juta]
    )
    kiri, atas, lebar, tinggi = 60, 30, 620, 220
    nol_y = atas + tinggi / 2
    skala = (tinggi / 2) / float(puncak)
    langkah = lebar / len(arus)
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {kiri + lebar + 20} {atas + tinggi + 50}" '
        f'width="100%" role="img" aria-label="{escape(judul)}" '
        f'font-family="DejaVu Sans, sans-serif" font-size="10">',
        f"<title>{escape(judul)}</title>",
        f'<text x="0" y="14" font-size="12" font-weight="bold">{escape(judul)}</text>',
        f'<line x1="{kiri}" y1="{nol_y}" x2="{kiri + lebar}" y2="{nol_y}" stroke="#495057"/>',
        f'<text x="{kiri - 4}" y="{atas + 4}" text-anchor="end">{format_desimal(puncak / juta, 0)}</text>',
        f'<text x="{kiri - 4}" y="{nol_y + 4}" text-anchor="end">0</text>',
        f'<text x="{kiri - 4}" y="{atas + tinggi}" text-anchor="end">-{format_desimal(puncak / juta, 0)}</text>',
        f'<text x="{kiri - 4}" y="{atas - 6}" text-anchor="end" font-style="italic">juta Rp</text>',
        f'<text x="{kiri - 4}" y="{atas + tinggi + 14}" text-anchor="end" font-style="italic">tahun ke-</text>',
    ]
    titik = []
    for n, a in enumerate(arus):
        x = kiri + n * langkah
        w = max(langkah / 2 - 1, 1)
        masuk_h = float(a.masuk) * skala
        keluar_h = float(a.keluar) * skala
        bagian.append(
            f'<rect x="{x + 1:.1f}" y="{nol_y - masuk_h:.1f}" width="{w:.1f}" height="{masuk_h:.1f}" '
            f'fill="#1f5130"><title>Tahun {a.tahun}: penerimaan Rp {format_desimal(a.masuk, 0)}</title></rect>'
            f'<rect x="{x + 1 + w:.1f}" y="{nol_y:.1f}" width="{w:.1f}" height="{keluar_h:.1f}" '
            f'fill="#a4282c"><title>Tahun {a.tahun}: biaya Rp {format_desimal(a.keluar, 0)}</title></rect>'
        )
        titik.append(f"{x + langkah / 2:.1f},{nol_y - float(kumulatif[n]) * skala:.1f}")
        if a.tahun % 5 == 0:
            bagian.append(
                f'<text x="{x + langkah / 2:.1f}" y="{atas + tinggi + 14}" text-anchor="middle">{a.tahun}</text>'
            )
    bagian.append(
        f'<polyline points="{" ".join(titik)}" fill="none" stroke="#8a6100" stroke-width="2"/>'
    )
    y_ket = atas + tinggi + 34
    bagian.append(
        f'<rect x="{kiri}" y="{y_ket - 8}" width="10" height="10" fill="#1f5130"/>'
        f'<text x="{kiri + 14}" y="{y_ket}">Penerimaan</text>'
        f'<rect x="{kiri + 100}" y="{y_ket - 8}" width="10" height="10" fill="#a4282c"/>'
        f'<text x="{kiri + 114}" y="{y_ket}">Biaya</text>'
        f'<line x1="{kiri + 170}" y1="{y_ket - 3}" x2="{kiri + 190}" y2="{y_ket - 3}" stroke="#8a6100" stroke-width="2"/>'
        f'<text x="{kiri + 194}" y="{y_ket}">Kumulatif bersih (juta Rp; tahun di sumbu datar)</text>'
    )
    bagian.append("</svg>")
    return "".join(bagian)
