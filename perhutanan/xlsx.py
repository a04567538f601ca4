"""Excel lintas aplikasi: membaca unggahan dengan batas, menulis ekspor tanpa rumus hidup.

Membaca: .xlsx adalah ZIP berisi XML. Berkas 43 KB dengan satu sel di kolom terakhir (XFD)
pada 5.000 baris membuat pembaca mengisi 16.384 sel per baris (800 MB); 5 MB berisi sejuta
baris kosong menghabiskan 33 detik CPU. Maka ukuran terurai diperiksa dari daftar isi ZIP
sebelum diurai, kolom dibaca sampai batas saja, dan baris (kosong pun) dihitung sambil dibaca.

Menulis: teks pengguna yang diawali "=" ditulis openpyxl sebagai rumus (KPS bernama
=HYPERLINK(...) menjadi tautan hidup di "Unduh Excel"). Setiap teks lewat `nilai_aman`.
"""

import re
import zipfile
from collections.abc import Iterator

from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# Awal sel yang dibaca Excel/LibreOffice sebagai rumus (juga setelah disimpan ulang ke CSV).
AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")
# Teks yang hanya angka/telepon ("+62 812-3456", "-5") bukan rumus; biarkan apa adanya.
POLA_ANGKA = re.compile(r"^[+-]?[\d\s().,/-]*\d[\d\s().,/-]*$")

TERURAI_MAKS = 50 * 1024 * 1024
RASIO_MAKS = 200


class GalatBerkasExcel(Exception):
    """Berkas .xlsx yang ditolak sebelum atau saat dibaca; pesannya untuk pengguna."""


def nilai_aman(nilai):
    """Teks yang akan dibaca sebagai rumus diberi awalan apostrof (tetap terbaca sebagai teks);
    karakter kendali yang tidak boleh ada di lembar kerja (mis. yang tertempel dari PDF) dibuang,
    agar satu nama tidak menggagalkan seluruh unduhan."""
    if not isinstance(nilai, str):
        return nilai
    nilai = ILLEGAL_CHARACTERS_RE.sub("", nilai)
    if nilai.startswith(AWAL_RUMUS) and not POLA_ANGKA.match(nilai):
        return "'" + nilai
    return nilai


def baris_aman(nilai: list) -> list:
    return [nilai_aman(v) for v in nilai]


def netralkan_buku(buku) -> None:
    """Untuk buku biasa (bukan write-only) sebelum disimpan: setiap sel teks atau rumus lewat
    `nilai_aman`. Aplikasi ini tidak pernah menulis rumus sendiri."""
    for lembar in buku.worksheets:
        for baris in lembar.iter_rows():
            for sel in baris:
                if isinstance(sel.value, str):
                    sel.value = nilai_aman(sel.value)


def buka_terbatas(berkas):
    """Buka .xlsx hanya-baca setelah memeriksa daftar isi ZIP-nya (ukuran terurai dan rasio)."""
    try:
        berkas.seek(0)
        with zipfile.ZipFile(berkas) as arsip:
            isi = arsip.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise GalatBerkasExcel("Berkas tidak bisa dibaca sebagai Excel .xlsx.") from e
    terurai = sum(i.file_size for i in isi)
    termampat = max(sum(i.compress_size for i in isi), 1)
    if terurai > TERURAI_MAKS or terurai / termampat > RASIO_MAKS:
        raise GalatBerkasExcel(
            "Isi berkas Excel terlalu besar setelah diurai (banyak baris atau kolom kosong "
            "yang terformat?). Salin data saja ke templat baru, lalu unggah ulang."
        )
    berkas.seek(0)
    try:
        return load_workbook(berkas, read_only=True, data_only=True)
    except Exception as e:  # berkas rusak dengan cara apa pun: pesan untuk pengguna
        raise GalatBerkasExcel("Berkas tidak bisa dibaca sebagai Excel .xlsx.") from e


def baris_terbatas(
    lembar, *, maks_kolom: int, maks_baris: int, min_baris: int = 1
) -> Iterator[tuple]:
    """Nilai per baris, paling banyak `maks_kolom` kolom; GalatBerkasExcel setelah `maks_baris`
    baris (termasuk baris kosong), sebelum sisa berkas diurai."""
    for n, baris in enumerate(
        lembar.iter_rows(min_row=min_baris, max_col=maks_kolom, values_only=True), start=1
    ):
        if n > maks_baris:
            batas = f"{maks_baris:,}".replace(",", ".")
            raise GalatBerkasExcel(
                f"Lembar '{lembar.title}' berisi lebih dari {batas} baris (termasuk baris "
                "kosong). Bagi menjadi beberapa berkas atau hapus baris kosong di bawah data."
            )
        yield baris
