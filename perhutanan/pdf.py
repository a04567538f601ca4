"""Satu pembantu PDF untuk seluruh proyek: templat HTML -> PDF lewat WeasyPrint.

Yang tidak berubah antar dokumen disiapkan sekali, bukan di setiap render:
- konfigurasi huruf (fontconfig/Pango) dibuat sekali per utas dan dipakai ulang, sehingga huruf
  dimuat sekali; WeasyPrint tetap hanya menyematkan glif yang dipakai (subset);
- lembar gaya dokumen `static/dokumen/<nama templat>.css` diurai sekali per utas (dibaca ulang
  hanya bila berkasnya berubah). Bagian yang berbeda per dokumen (teks kepala/kaki halaman)
  datang dari atribut <body> lewat `string-set`, bukan dari CSS yang dirender ulang.
"""

import threading
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

_lokal = threading.local()


def _huruf() -> FontConfiguration:
    # Per utas: objek Pango di dalamnya tidak dijamin aman dipakai bersamaan oleh beberapa utas.
    if not hasattr(_lokal, "huruf"):
        _lokal.huruf = FontConfiguration()
        _lokal.gaya = {}
    return _lokal.huruf


def _gaya(templat: str) -> list[CSS]:
    berkas = Path(settings.BASE_DIR) / "static" / "dokumen" / f"{Path(templat).stem}.css"
    if not berkas.exists():
        return []
    huruf = _huruf()
    waktu = berkas.stat().st_mtime_ns
    tersimpan = _lokal.gaya.get(berkas)
    if tersimpan is None or tersimpan[0] != waktu:
        tersimpan = (waktu, CSS(string=berkas.read_text(), font_config=huruf))
        _lokal.gaya[berkas] = tersimpan
    return [tersimpan[1]]


def render_pdf(templat: str, konteks: dict, *, gaya: str | None = None) -> bytes:
    """Render templat dokumen (templates/dokumen/...) menjadi PDF.

    Lembar gaya `static/dokumen/<nama templat>.css`, atau `<gaya>.css` bila beberapa dokumen
    berbagi satu lembar gaya.

    Berkas statis dibaca dari disk (base_url folder static), tidak lewat jaringan, sehingga
    PDF tetap dapat dibuat tanpa internet.
    """
    html = render_to_string(templat, konteks)
    lembar = _gaya(gaya or templat)
    return HTML(string=html, base_url=str(settings.BASE_DIR / "static")).write_pdf(
        stylesheets=lembar, font_config=_huruf()
    )
