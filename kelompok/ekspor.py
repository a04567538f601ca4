"""Ekspor daftar ke .xlsx: kolom berjudul Indonesia, angka sebagai angka, tanggal sebagai tanggal.

Queryset yang diterima sudah dicakup wilayah dan disaring oleh view; baris dibaca bertahap
(iterator) dan ditulis dengan buku kerja write-only sehingga memori tetap datar.
"""

import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from perhutanan import xlsx


@dataclass(frozen=True)
class Kolom:
    judul: str
    nilai: Callable
    format_angka: str | None = None
    lebar: int = 18


KOLOM_KPS = [
    Kolom("Nama KPS", lambda k: k.nama, lebar=36),
    Kolom("Skema", lambda k: k.skema, lebar=8),
    Kolom("Bentuk kelembagaan", lambda k: k.get_bentuk_lembaga_display()),
    Kolom("Nomor SK", lambda k: k.nomor_sk, lebar=30),
    Kolom("Tanggal SK", lambda k: k.tanggal_sk, "DD-MM-YYYY", 12),
    Kolom("Luas (ha)", lambda k: k.luas_ha, "#,##0.0000", 12),
    Kolom("Fungsi hutan", lambda k: k.fungsi_hutan, lebar=8),
    Kolom("Provinsi", lambda k: k.provinsi.nama),
    Kolom("Kabupaten/kota", lambda k: k.kabupaten.nama, lebar=24),
    Kolom("Kode desa", lambda k: k.desa_id, lebar=15),
    Kolom("Desa/kelurahan", lambda k: k.desa.nama),
    Kolom("Ketua", lambda k: k.ketua, lebar=24),
    Kolom("Kontak", lambda k: k.kontak, lebar=16),
    Kolom("Jumlah KK", lambda k: k.jumlah_kk, "#,##0", 10),
    Kolom("Jumlah KUPS", lambda k: k.jumlah_kups, "#,##0", 10),
    Kolom("Jumlah anggota", lambda k: k.jumlah_anggota, "#,##0", 10),
    Kolom("Diarsipkan", lambda k: "Ya" if k.diarsipkan_pada else "Tidak", lebar=10),
]

KOLOM_KTH = [
    Kolom("Nama KTH", lambda k: k.nama, lebar=36),
    Kolom("Nomor register", lambda k: k.nomor_register, lebar=20),
    Kolom("Kelas", lambda k: k.get_kelas_display() or "Belum ditetapkan", lebar=14),
    Kolom("KPS terkait", lambda k: k.kps.nama if k.kps_id else "", lebar=30),
    Kolom("Provinsi", lambda k: k.provinsi.nama),
    Kolom("Kabupaten/kota", lambda k: k.kabupaten.nama, lebar=24),
    Kolom("Kode desa", lambda k: k.desa_id, lebar=15),
    Kolom("Desa/kelurahan", lambda k: k.desa.nama),
    Kolom("Tanggal berdiri", lambda k: k.tanggal_berdiri, "DD-MM-YYYY", 12),
    Kolom("Ketua", lambda k: k.ketua, lebar=24),
    Kolom("Jumlah anggota", lambda k: k.jumlah_anggota, "#,##0", 10),
    Kolom("Diarsipkan", lambda k: "Ya" if k.diarsipkan_pada else "Tidak", lebar=10),
]


def tulis_xlsx(baris, *, kolom: list[Kolom], judul: str, berkas) -> int:
    """Tulis baris ke berkas .xlsx; kembalikan jumlah baris data."""
    buku = Workbook(write_only=True)
    lembar = buku.create_sheet(title=judul[:31])
    for i, k in enumerate(kolom):
        lembar.column_dimensions[get_column_letter(i + 1)].width = k.lebar
    tebal = Font(bold=True)
    kepala = []
    for k in kolom:
        sel = WriteOnlyCell(lembar, value=k.judul)
        sel.font = tebal
        kepala.append(sel)
    lembar.append(kepala)
    jumlah = 0
    for objek in baris:
        isi = []
        for k in kolom:
            sel = WriteOnlyCell(lembar, value=xlsx.nilai_aman(k.nilai(objek)))
            if k.format_angka:
                sel.number_format = k.format_angka
            isi.append(sel)
        lembar.append(isi)
        jumlah += 1
    buku.save(berkas)
    return jumlah


def respons_xlsx(qs, *, kolom: list[Kolom], judul: str) -> FileResponse:
    # Berkas sementara dibuka di sini dan ditutup oleh FileResponse setelah terkirim.
    sementara = tempfile.TemporaryFile()  # noqa: SIM115
    tulis_xlsx(qs.iterator(chunk_size=2000), kolom=kolom, judul=judul, berkas=sementara)
    sementara.seek(0)
    nama = f"{judul.lower().replace(' ', '-')}-{timezone.localdate():%Y%m%d}.xlsx"
    return FileResponse(
        sementara,
        as_attachment=True,
        filename=nama,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
