"""Berkas unggahan: jenis ditentukan dengan mengurai isinya, nama tersimpan memakai ekstensi
jenis itu, dan unduhan dilayani dengan jenis yang sama, `nosniff` dan kebijakan CSP sendiri.

Satu mekanisme untuk semua unggahan (dokumen pendukung, bukti syarat KUPS, bukti uji tuntas
mitra, surat permohonan dan pengakhiran, bukti tahap, pindaian naskah, bukti penilaian KTH):
`BerkasUnggahanField` di model dan `respons_berkas` di view unduhan.
"""

import io
import secrets
import warnings
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.shortcuts import render
from PIL import Image
from pypdf import PdfReader

from perhutanan.angka import format_desimal

# Batas piksel gambar: foto ponsel 200 MP masih lolos; bom dekompresi tidak.
PIKSEL_MAKS = 200_000_000


@dataclass(frozen=True)
class JenisBerkas:
    kode: str
    ekstensi: str
    mime: str
    label: str


PDF = JenisBerkas("pdf", ".pdf", "application/pdf", "PDF")
JPEG = JenisBerkas("jpeg", ".jpg", "image/jpeg", "JPEG")
PNG = JenisBerkas("png", ".png", "image/png", "PNG")

# PDF dilayani tanpa `sandbox`: penampil PDF Chromium menolak dokumen ber-sandbox. Isinya
# dirender penampil PDF, bukan sebagai HTML di asal aplikasi, dan tidak memuat apa pun.
CSP_PDF = "default-src 'none'; object-src 'none'; frame-ancestors 'none'"
CSP_LAIN = (
    "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'"
)


def _baca_semua(berkas) -> bytes:
    posisi = berkas.tell() if hasattr(berkas, "tell") else 0
    berkas.seek(0)
    isi = berkas.read()
    berkas.seek(posisi)
    return isi


def jenis_dari_kepala(berkas) -> JenisBerkas | None:
    """Jenis menurut tanda awal saja: cukup untuk melayani berkas yang sudah diperiksa utuh saat
    diunggah (dan aman untuk berkas lama: isi berkepala PDF dirender penampil PDF, bukan HTML)."""
    posisi = berkas.tell() if hasattr(berkas, "tell") else 0
    berkas.seek(0)
    kepala = berkas.read(16)
    berkas.seek(posisi)
    if kepala.startswith(b"%PDF-"):
        return PDF
    if kepala.startswith(b"\xff\xd8\xff"):
        return JPEG
    if kepala.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    return None


def deteksi_jenis(berkas) -> JenisBerkas | None:
    """PDF yang terurai, atau JPEG/PNG yang terbaca utuh; selain itu None."""
    menurut_kepala = jenis_dari_kepala(berkas)
    try:
        if menurut_kepala is PDF:
            pembaca = PdfReader(io.BytesIO(_baca_semua(berkas)), strict=False)
            if len(pembaca.pages) < 1:
                return None
            return PDF
        if menurut_kepala in (JPEG, PNG):
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                gambar = Image.open(io.BytesIO(_baca_semua(berkas)))
                if gambar.width * gambar.height > PIKSEL_MAKS:
                    return None
                gambar.verify()
            return {"JPEG": JPEG, "PNG": PNG}.get(gambar.format)
    except Exception:
        # Isi yang tidak terurai bukan PDF/gambar, apa pun sebabnya di pustaka pengurainya.
        return None
    return None


def validasi_berkas_pendukung(berkas) -> None:
    """PDF, JPEG atau PNG menurut isinya (bukan nama atau jenis yang diaku peramban), dan
    tidak lebih besar dari UNGGAHAN_MAKS_MB."""
    batas = settings.UNGGAHAN_MAKS_MB * 1024 * 1024
    if berkas.size > batas:
        ukuran = format_desimal(Decimal(berkas.size) / (1024 * 1024), 1)
        raise ValidationError(
            f"Berkas terlalu besar ({ukuran} MB). Batasnya {settings.UNGGAHAN_MAKS_MB} MB.",
            code="terlalu_besar",
        )
    if deteksi_jenis(berkas) is None:
        raise ValidationError(
            "Jenis berkas tidak diterima atau berkas rusak. Unggah PDF, JPEG atau PNG yang "
            "dapat dibuka.",
            code="jenis_berkas",
        )


def batas_ukuran(batas_byte: int):
    """Validator ukuran untuk unggahan yang bukan dokumen (Excel impor, rubrik)."""

    def periksa(berkas) -> None:
        if berkas.size > batas_byte:
            ukuran = format_desimal(Decimal(berkas.size) / (1024 * 1024), 1)
            batas = format_desimal(Decimal(batas_byte) / (1024 * 1024), 1)
            raise ValidationError(
                f"Berkas terlalu besar ({ukuran} MB). Batasnya {batas} MB.",
                code="terlalu_besar",
            )

    return periksa


class BerkasUnggahanFile(FieldFile):
    def save(self, name, content, save=True):
        # Ekstensi mengikuti isi: "surat.html" yang berisi PDF tersimpan sebagai "surat.pdf".
        jenis = deteksi_jenis(content)
        name = str(PurePosixPath(name).with_suffix(jenis.ekstensi if jenis else ".bin"))
        super().save(name, content, save)


class BerkasUnggahanField(models.FileField):
    """FileField untuk unggahan pengguna: isi diperiksa dan ekstensi ditetapkan dari isinya."""

    attr_class = BerkasUnggahanFile

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [validasi_berkas_pendukung])
        super().__init__(*args, **kwargs)

    def generate_filename(self, instance, filename):
        # Setiap unggahan di foldernya sendiri: nama berkas tetap nama yang diunggah pengguna
        # ("peta-areal.pdf"), tidak pernah diberi akhiran acak karena nama yang sama sudah ada,
        # sehingga halaman dan unduhan menampilkan nama aslinya.
        nama = PurePosixPath(super().generate_filename(instance, filename))
        return str(nama.parent / secrets.token_hex(4) / nama.name)


def berkas_tidak_ditemukan(request):
    return render(request, "berkas_hilang.html", status=404)


def respons_berkas(
    request,
    berkas: FieldFile,
    *,
    nama: str | None = None,
    lampiran: bool = False,
    jenis_konten: str | None = None,
):
    """Unduhan berkas tersimpan lewat view yang sudah memeriksa cakupan.

    Jenis konten diambil dari isi (bukan nama): berkas lama yang tersimpan dengan nama .html
    tetap dilayani sebagai PDF, dan isi yang bukan PDF/gambar dilayani sebagai unduhan biner.
    `jenis_konten` hanya untuk berkas buatan aplikasi sendiri (ZIP, xlsx). Berkas yang hilang
    dari penyimpanan (misalnya sesudah pemulihan basis data tanpa media) memberi halaman
    "berkas tidak ditemukan", bukan galat 500.
    """
    if not berkas:
        return berkas_tidak_ditemukan(request)
    try:
        isi = berkas.open("rb")
    except (FileNotFoundError, OSError):
        return berkas_tidak_ditemukan(request)
    nama_asli = PurePosixPath(nama or berkas.name).name
    if jenis_konten:
        mime, csp = jenis_konten, CSP_LAIN
    else:
        # Unduhan hanya membaca tanda awal: penguraian utuh sudah dilakukan saat unggah, dan
        # mengurai PDF 10 MB di setiap unduhan tidak perlu.
        jenis = jenis_dari_kepala(isi)
        if jenis is None:
            mime, csp, lampiran = "application/octet-stream", CSP_LAIN, True
            nama_asli = str(PurePosixPath(nama_asli).with_suffix(".bin"))
        else:
            mime, csp = jenis.mime, CSP_PDF if jenis is PDF else CSP_LAIN
            nama_asli = str(PurePosixPath(nama_asli).with_suffix(jenis.ekstensi))
    tampil = pratinjau_diminta(request) and mime in (PDF.mime, JPEG.mime, PNG.mime)
    respons = FileResponse(
        isi, as_attachment=lampiran and not tampil, filename=nama_asli, content_type=mime
    )
    respons["X-Content-Type-Options"] = "nosniff"
    respons["Content-Security-Policy"] = csp
    if tampil:
        izinkan_dalam_halaman(respons)
    return respons


def pratinjau_diminta(request) -> bool:
    """?tampil=1: PDF atau gambar ditampilkan di dalam halaman aplikasi sendiri (pratinjau bukti
    di halaman keputusan), bukan hanya sebagai unduhan."""
    return request.GET.get("tampil") == "1"


def izinkan_dalam_halaman(respons) -> None:
    """Boleh dibingkai oleh halaman aplikasi ini saja; situs lain tetap tidak boleh."""
    csp = respons.get("Content-Security-Policy", CSP_PDF)
    respons["Content-Security-Policy"] = csp.replace(
        "frame-ancestors 'none'", "frame-ancestors 'self'"
    )
    respons["X-Frame-Options"] = "SAMEORIGIN"
    respons["Content-Disposition"] = respons.get("Content-Disposition", "").replace(
        "attachment", "inline"
    )
