"""Riwayat dengan isinya (nilai lama -> baru) dan berkas dengan nama, jenis dan ukurannya."""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kelompok.models import DokumenPendukung
from kerjasama.models import Mitra
from perhutanan.riwayat import riwayat
from perhutanan.templatetags.berkas import berkas, ukuran_teks
from tests.factories import buat_desa, pdf_uji


def test_changes_are_written_as_a_user_reads_them(kps_a):
    desa_baru = buat_desa("32", nomor=7)
    kps_a.skema = "HD"
    kps_a.luas_ha = Decimal("1250.75")
    kps_a.tanggal_sk = datetime.date(2024, 11, 22)
    kps_a.desa = desa_baru
    kps_a.kontak = ""
    kps_a.save()
    kps_a.wilayah_kerja = {
        "type": "Polygon",
        "coordinates": [[[108, -7], [108.01, -7], [108.01, -6.99], [108, -7]]],
    }
    kps_a.save()
    with CaptureQueriesContext(connection) as kueri:
        baris = riwayat(kps_a)
    assert len(kueri) == 2  # riwayat, lalu nama desa yang berubah (satu kueri per model)
    batas, ubah, dibuat = baris
    assert (batas.jenis, ubah.jenis, dibuat.jenis) == ("Diubah", "Diubah", "Dibuat")
    isi = {p.kolom: (p.lama, p.baru) for p in ubah.perubahan}
    assert isi["Skema"] == ("Hutan Kemasyarakatan (HKm)", "Hutan Desa (HD)")
    assert isi["Luas (ha)"] == ("125,5", "1.250,75")
    assert isi["Tanggal SK"] == ("15 Januari 2024", "22 November 2024")
    assert isi["Desa/kelurahan"] == ("Desa Uji 1", "Desa Uji 7")
    isi_batas = {p.kolom: (p.lama, p.baru) for p in batas.perubahan}
    assert isi_batas["Batas areal kerja (GeoJSON)"] == ("(kosong)", "GeoJSON Polygon")


def test_partner_pages_show_their_history(client, admin_nasional):
    mitra = Mitra.objects.create(
        nama="PT Kopi", kategori="bums", nomor_registrasi="NIB-1", dibuat_oleh=admin_nasional
    )
    mitra.kategori = "koperasi"
    mitra.save()
    client.force_login(admin_nasional)
    teks = " ".join(
        client.get(reverse("kerjasama:mitra_detail", args=[mitra.pk])).content.decode().split()
    )
    assert "Kategori</span>: BUMS (swasta) → Koperasi" in teks


def test_files_show_their_name_type_and_size(kps_a, pendamping_a):
    assert ukuran_teks(812) == "812 B"
    assert ukuran_teks(46_080) == "45 KB"
    assert ukuran_teks(1_258_291) == "1,2 MB"
    dokumen = DokumenPendukung.objects.create(
        kps=kps_a,
        jenis="rkps_rkt",
        berkas=SimpleUploadedFile("rkps-2025.pdf", pdf_uji("rkps")),
        tanggal_dokumen="2025-01-10",
        diunggah_oleh=pendamping_a,
    )
    kembar = DokumenPendukung.objects.create(
        kps=kps_a,
        jenis="potensi",
        berkas=SimpleUploadedFile("rkps-2025.pdf", pdf_uji("lain")),
        tanggal_dokumen="2025-01-11",
        diunggah_oleh=pendamping_a,
    )
    # Nama yang sama diunggah dua kali: keduanya tetap bernama asli, di folder masing-masing.
    assert dokumen.berkas.name != kembar.berkas.name
    teks = berkas(dokumen.berkas)
    assert teks.startswith("rkps-2025.pdf (PDF, ") and teks.endswith(" B)")
    assert berkas(kembar.berkas).startswith("rkps-2025.pdf (PDF, ")
    dokumen.berkas.storage.delete(dokumen.berkas.name)
    assert berkas(dokumen.berkas).endswith("(PDF)")  # berkas hilang: tanpa ukuran, tanpa galat
