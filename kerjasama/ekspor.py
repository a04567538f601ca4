"""Kolom unduhan Excel daftar kerja sama (penulis .xlsx yang sama dengan daftar kelompok)."""

from kelompok.ekspor import Kolom


def _tanggal(waktu):
    return waktu.date() if waktu else None


KOLOM_KERJASAMA = [
    Kolom("Judul", lambda k: k.judul, lebar=40),
    Kolom("Jenis", lambda k: k.get_jenis_display(), lebar=36),
    Kolom("Tahap", lambda k: k.get_tahap_display(), lebar=30),
    Kolom("Persetujuan BPSKL", lambda k: k.get_status_persetujuan_display(), lebar=30),
    Kolom("KPS", lambda k: k.kps_utama.nama, lebar=32),
    Kolom("Provinsi", lambda k: k.kps_utama.provinsi.nama, lebar=20),
    Kolom("Mitra", lambda k: "; ".join(m.nama for m in k.mitra.all()), lebar=36),
    Kolom("Dicatat", lambda k: _tanggal(k.dibuat_pada), "DD-MM-YYYY", 12),
    Kolom("Diajukan ke BPSKL", lambda k: _tanggal(k.diajukan_pada), "DD-MM-YYYY", 12),
    Kolom("Diputuskan BPSKL", lambda k: _tanggal(k.diputuskan_pada), "DD-MM-YYYY", 12),
    Kolom("Diakhiri", lambda k: k.diakhiri_pada, "DD-MM-YYYY", 12),
]
