"""Unggahan yang tidak bisa membawa skrip, unduhan yang tercakup, berkas yang hilang."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kelompok.models import DokumenPendukung, SyaratKupsTerpenuhi
from kerjasama import services as ks_services
from kerjasama.models import PemeriksaanMitra
from perhutanan.berkas import CSP_PDF, deteksi_jenis
from tests.factories import KupsFactory, gambar_uji, pdf_uji
from tests.kerjasama.conftest import buat_kerjasama

SKRIP = b"<html><script>alert(document.cookie)</script></html>"


@pytest.fixture
def kerjasama_berkas(kps_a, pendamping_a, admin_nasional):
    from kerjasama.models import Mitra

    mitra = Mitra.objects.create(nama="PT Uji", kategori="bums", dibuat_oleh=admin_nasional)
    return buat_kerjasama(kps_a, pendamping_a, mitra=[mitra])


def test_a_pdf_header_with_html_behind_it_is_not_a_pdf():
    # Ditemukan: berkas berawalan %PDF- bernama .html diterima dan dilayani sebagai text/html.
    palsu = SimpleUploadedFile("peta.html", b"%PDF-1.7\n" + SKRIP)
    assert deteksi_jenis(palsu) is None
    assert deteksi_jenis(SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + SKRIP)) is None
    assert deteksi_jenis(SimpleUploadedFile("x.pdf", pdf_uji())).kode == "pdf"
    assert deteksi_jenis(SimpleUploadedFile("x.jpg", gambar_uji("JPEG"))).kode == "jpeg"


def test_a_disguised_upload_is_refused_next_to_the_field(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kelompok:dokumen_unggah", args=[kps_a.pk]),
        {
            "jenis": "peta_persetujuan",
            "tanggal_dokumen": "2024-05-01",
            "berkas": SimpleUploadedFile("peta.html", b"%PDF-1.7\n" + SKRIP, "text/html"),
        },
    )
    assert respons.status_code == 200
    assert "berkas" in respons.context["form"].errors
    assert not DokumenPendukung.objects.exists()


def test_the_stored_name_takes_the_extension_of_the_content(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    client.post(
        reverse("kelompok:dokumen_unggah", args=[kps_a.pk]),
        {
            "jenis": "peta_persetujuan",
            "tanggal_dokumen": "2024-05-01",
            "berkas": SimpleUploadedFile("peta.html", pdf_uji("peta"), "text/html"),
        },
    )
    dokumen = DokumenPendukung.objects.get()
    assert dokumen.berkas.name.endswith(".pdf")
    respons = client.get(reverse("kelompok:dokumen_unduh", args=[dokumen.pk]))
    assert respons["Content-Type"] == "application/pdf"
    assert respons["X-Content-Type-Options"] == "nosniff"
    assert respons["Content-Security-Policy"] == CSP_PDF
    assert ".html" not in respons["Content-Disposition"]


def test_a_legacy_file_with_script_is_served_as_a_sandboxed_download(client, pendamping_a, kps_a):
    """Berkas yang tersimpan sebelum pemeriksaan isi: dilayani menurut isinya, bukan namanya."""
    nama = default_storage.save("dokumen/2026/01/lama.html", SimpleUploadedFile("x", SKRIP))
    dokumen = DokumenPendukung.objects.create(
        kps=kps_a,
        jenis="rkps_rkt",
        tanggal_dokumen=datetime.date(2025, 1, 1),
        diunggah_oleh=pendamping_a,
    )
    DokumenPendukung.objects.filter(pk=dokumen.pk).update(berkas=nama)
    client.force_login(pendamping_a)
    respons = client.get(reverse("kelompok:dokumen_unduh", args=[dokumen.pk]))
    assert respons["Content-Type"] == "application/octet-stream"
    assert respons["Content-Disposition"].startswith("attachment")
    assert "sandbox" in respons["Content-Security-Policy"]
    assert respons["X-Content-Type-Options"] == "nosniff"


def test_every_page_carries_a_strict_content_security_policy(client, pendamping_a):
    client.force_login(pendamping_a)
    for url in (reverse("login"), reverse("kelompok:kps_daftar")):
        csp = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "object-src 'none'" in csp
        assert "frame-ancestors 'none'" in csp


def test_every_uploaded_file_has_a_scoped_download(
    client, pendamping_a, pendamping_b, staf_bpskl, kps_a, kerjasama_berkas
):
    """Bukti syarat KUPS, bukti uji tuntas, surat permohonan, bukti tahap, surat pengakhiran:
    dulu tanpa unduhan (BPSKL tidak bisa membaca surat permohonan yang diputuskannya)."""
    ks = kerjasama_berkas
    kups = KupsFactory(kps=kps_a)
    syarat = SyaratKupsTerpenuhi.objects.create(
        kups=kups,
        kode="1",
        terpenuhi=True,
        tanggal=datetime.date(2025, 1, 1),
        berkas_bukti=SimpleUploadedFile("sk.pdf", pdf_uji("sk")),
    )
    pemeriksaan = PemeriksaanMitra.objects.create(
        mitra=ks.mitra.get(),
        kode="legalitas",
        terpenuhi=True,
        berkas_bukti=SimpleUploadedFile("nib.png", gambar_uji("PNG")),
    )
    ks_services.permohonan_simpan(
        kerjasama=ks,
        surat=SimpleUploadedFile("surat.pdf", pdf_uji("surat")),
        tanggal=datetime.date(2026, 10, 1),
        oleh=pendamping_a,
    )
    ks_services.kerjasama_pindah_tahap(
        kerjasama=ks,
        ke="b",
        oleh=pendamping_a,
        catatan="",
        berkas=[SimpleUploadedFile("notulen.pdf", pdf_uji("notulen"))],
    )
    bukti = ks.riwayat.get(ke="b").bukti.get()
    alamat = {
        reverse("kelompok:syarat_bukti_unduh", args=[syarat.pk]): "application/pdf",
        reverse("kerjasama:mitra_bukti_unduh", args=[pemeriksaan.pk]): "image/png",
        reverse("kerjasama:surat_unduh", args=[ks.pk, "permohonan"]): "application/pdf",
        reverse("kerjasama:bukti_tahap_unduh", args=[bukti.pk]): "application/pdf",
    }
    for user in (pendamping_a, staf_bpskl):
        client.force_login(user)
        for url, jenis in alamat.items():
            respons = client.get(url)
            assert respons.status_code == 200, url
            assert respons["Content-Type"] == jenis
    client.force_login(pendamping_b)
    for url in list(alamat)[:1] + list(alamat)[2:]:
        assert client.get(url).status_code == 404, url
    # Bukti uji tuntas mengikuti registri mitra: nasional untuk dibaca.
    assert client.get(list(alamat)[1]).status_code == 200


def test_a_file_missing_from_storage_gives_a_friendly_404(client, pendamping_a, kps_a):
    dokumen = DokumenPendukung.objects.create(
        kps=kps_a,
        jenis="rkps_rkt",
        berkas=SimpleUploadedFile("rkps.pdf", pdf_uji()),
        tanggal_dokumen=datetime.date(2025, 1, 1),
        diunggah_oleh=pendamping_a,
    )
    default_storage.delete(dokumen.berkas.name)
    client.force_login(pendamping_a)
    respons = client.get(reverse("kelompok:dokumen_unduh", args=[dokumen.pk]))
    assert respons.status_code == 404
    assert "Berkas tidak ditemukan" in respons.content.decode()


def test_nul_in_an_address_or_filter_is_a_400_not_a_500(client, pendamping_a):
    client.raise_request_exception = False
    assert client.get("/verifikasi/%00/").status_code == 400
    client.force_login(pendamping_a)
    respons = client.get(reverse("kelompok:kps_daftar"), {"q": "a\x00b"})
    assert respons.status_code == 400
    assert "karakter yang tidak sah" in respons.content.decode()


def test_an_impossible_coverage_year_falls_back_with_a_notice(client, admin_nasional):
    client.force_login(admin_nasional)
    for tahun in ("0", "119388", "9" * 30):
        respons = client.get(reverse("penilaian:cakupan"), {"tahun": tahun})
        assert respons.status_code == 200
        assert "Tahun harus antara 2000" in respons.content.decode()
