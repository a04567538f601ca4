"""Halaman keputusan BPSKL: semua bahan di satu halaman, uji tuntas yang kurang ditandai (bagi
pendamping sebelum mengajukan dan bagi petugas saat memutuskan), bukti terbuka di tempat."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kelompok.models import DokumenPendukung
from kerjasama.models import PemeriksaanMitra
from kerjasama.uji_tuntas import butir_untuk
from tests.factories import pdf_uji
from tests.kerjasama.conftest import ajukan


def lengkapi_uji_tuntas(mitra, kecuali=()):
    for b in butir_untuk(mitra.kategori):
        if b.kode in kecuali:
            continue
        PemeriksaanMitra.objects.create(
            mitra=mitra,
            kode=b.kode,
            terpenuhi=True,
            catatan_bukti=f"Bukti {b.teks}",
            berkas_bukti=SimpleUploadedFile(f"{b.kode}.pdf", pdf_uji(b.teks)),
        )


def test_the_pendamping_is_told_before_submitting_that_due_diligence_is_incomplete(
    client, ks_usaha, mitra_bums, pendamping_a
):
    lengkapi_uji_tuntas(mitra_bums, kecuali={"pasar", "pekerja_anak"})
    client.force_login(pendamping_a)
    teks = " ".join(client.get(ks_usaha.get_absolute_url()).content.decode().split())
    assert "Sebelum diajukan: uji tuntas" in teks
    assert "(2 dari 12 butir belum terpenuhi: Pasar yang kuat, Tidak mempekerjakan anak" in teks
    assert "Uji tuntas mitra belum lengkap." in teks  # juga di konfirmasi tombol Ajukan


def test_the_officer_sees_every_material_on_the_decision_page(
    client, ks_usaha, mitra_bums, pendamping_a, staf_bpskl, kps_a
):
    lengkapi_uji_tuntas(mitra_bums, kecuali={"pasar"})
    DokumenPendukung.objects.create(
        kps=kps_a,
        jenis="rkps_rkt",
        berkas=SimpleUploadedFile("rkps-2025.pdf", pdf_uji("rkps")),
        tanggal_dokumen="2025-01-10",
        diunggah_oleh=pendamping_a,
    )
    ajukan(ks_usaha, pendamping_a)
    client.force_login(staf_bpskl)
    respons = client.get(ks_usaha.get_absolute_url())
    teks = " ".join(respons.content.decode().split())
    assert 'data-uji="bahan-keputusan"' in teks
    assert (
        "Uji tuntas" in teks
        and "1 dari 12 butir belum terpenuhi (Pasar yang kuat: belum diperiksa)" in teks
    )
    assert "Surat permohonan: surat" in teks  # nama berkas, bukan jalur penyimpanan
    assert "Bukti Legalitas usaha" in teks  # catatan bukti tiap butir
    assert teks.count('class="pratinjau-pdf"') >= 13  # surat, 11 bukti, naskah, dokumen KPS
    assert "RKPS dan RKT" in teks and "rkps-2025" in teks
    assert 'name="keputusan" value="setuju"' in teks  # memutuskan tanpa meninggalkan halaman

    # Bukti terbuka di tempat: dilayani untuk dibingkai oleh halaman ini saja.
    bukti = PemeriksaanMitra.objects.filter(mitra=mitra_bums).first()
    alamat = reverse("kerjasama:mitra_bukti_unduh", args=[bukti.pk])
    tampil = client.get(alamat, {"tampil": "1"})
    assert tampil["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in tampil["Content-Security-Policy"]
    assert tampil["Content-Disposition"].startswith("inline")
    unduh = client.get(alamat)
    assert "frame-ancestors 'none'" in unduh["Content-Security-Policy"]
    naskah = client.get(
        reverse("kerjasama:naskah_pdf", args=[ks_usaha.pk, ks_usaha.naskah.get().versi]),
        {"tampil": "1"},
    )
    assert naskah["X-Frame-Options"] == "SAMEORIGIN"
    assert naskah["Content-Disposition"].startswith("inline")


def test_decision_materials_follow_the_partnership_scope(
    client, ks_usaha, pendamping_a, pendamping_b
):
    ajukan(ks_usaha, pendamping_a)
    client.force_login(pendamping_b)  # provinsi lain
    assert client.get(ks_usaha.get_absolute_url()).status_code == 404
    assert (
        client.get(
            reverse("kerjasama:surat_unduh", args=[ks_usaha.pk, "permohonan"]), {"tampil": "1"}
        ).status_code
        == 404
    )
    client.logout()
    respons = client.get(ks_usaha.get_absolute_url())
    assert respons.status_code == 302 and "/akun/masuk/" in respons["Location"]


def test_the_decision_page_queries_do_not_grow_with_partners_and_evidence(
    client, kps_a, pendamping_a, staf_bpskl, admin_nasional
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kerjasama.models import Mitra
    from tests.kerjasama.conftest import buat_kerjasama

    def mitra(n):
        m = Mitra.objects.create(
            nama=f"PT Mitra {n}",
            kategori="bums",
            nomor_registrasi=f"NIB-{n}",
            dibuat_oleh=admin_nasional,
        )
        lengkapi_uji_tuntas(m, kecuali={"pasar"})
        return m

    def kueri(ks):
        client.get(ks.get_absolute_url())
        with CaptureQueriesContext(connection) as tangkap:
            assert client.get(ks.get_absolute_url()).status_code == 200
        return len(tangkap)

    kecil = buat_kerjasama(kps_a, pendamping_a, mitra=[mitra(1)])
    ajukan(kecil, pendamping_a)
    besar = buat_kerjasama(kps_a, pendamping_a, mitra=[mitra(2), mitra(3), mitra(4)])
    ajukan(besar, pendamping_a)
    for jenis in ("rkps_rkt", "potensi", "peta_batas"):
        DokumenPendukung.objects.create(
            kps=kps_a,
            jenis=jenis,
            berkas=SimpleUploadedFile(f"{jenis}.pdf", pdf_uji(jenis)),
            tanggal_dokumen="2025-01-10",
            diunggah_oleh=pendamping_a,
        )
    client.force_login(staf_bpskl)
    assert kueri(besar) == kueri(kecil)


def test_the_second_officer_is_told_who_decided_what_and_when(
    client, ks_usaha, pendamping_a, staf_bpskl
):
    from akun import peran
    from tests.factories import PenggunaFactory

    rekan = PenggunaFactory(nama="Wayan Rekan", peran=peran.STAF_BPSKL, bpskl_id="JBN")
    ajukan(ks_usaha, pendamping_a)
    alamat = reverse("kerjasama:putuskan", args=[ks_usaha.pk])
    client.force_login(rekan)
    client.post(alamat, {"keputusan": "tolak", "catatan": "Uji tuntas pasar belum ada"})
    client.force_login(staf_bpskl)  # halamannya dibuka sebelum rekannya memutuskan
    respons = client.post(alamat, {"keputusan": "setuju"}, follow=True)
    teks = " ".join(respons.content.decode().split())
    assert (
        "Keputusan Anda tidak disimpan: kerja sama ini sudah ditolak oleh Wayan Rekan pada" in teks
    )
    assert "dengan catatan: Uji tuntas pasar belum ada." in teks
    ks_usaha.refresh_from_db()
    assert ks_usaha.status_persetujuan == "ditolak"
