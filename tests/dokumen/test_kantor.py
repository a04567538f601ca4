"""Kop dan penomoran kantor: dikelola admin wilayahnya, nomor tahunan tanpa ulang, kop di
sertifikat KTH."""

import datetime
import io
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from akun import peran
from dokumen.models import Kantor, Penandatangan, PolaNomor
from dokumen.services import beri_nomor
from tests.factories import KthFactory, PenggunaFactory
from tests.penilaian.conftest import isi_kth


def png(warna="green") -> bytes:
    berkas = io.BytesIO()
    Image.new("RGB", (40, 40), warna).save(berkas, format="PNG")
    return berkas.getvalue()


def dinas(provinsi="32", **ubah) -> Kantor:
    data = {
        "jenis": "dinas",
        "provinsi_id": provinsi,
        "induk": f"Pemerintah Provinsi {provinsi}",
        "nama": f"Dinas Kehutanan Provinsi {provinsi}",
        "alamat": "Jalan Soekarno-Hatta No. 751, Bandung 40293",
        "kota": "Bandung",
        "telepon": "022 1234567",
    }
    return Kantor.objects.create(**(data | ubah))


@pytest.fixture
def admin_jabar(db):
    return PenggunaFactory(username="admin_jabar", peran=peran.ADMIN, provinsi_id="32")


def formulir(**ubah) -> dict:
    data = {
        "induk": "Pemerintah Provinsi Jawa Barat",
        "nama": "Dinas Kehutanan Provinsi Jawa Barat",
        "alamat": "Jalan Soekarno-Hatta No. 751, Bandung",
        "kota": "Bandung",
        "telepon": "022 1234567",
        "surel": "",
        "laman": "",
        "ttd-TOTAL_FORMS": "1",
        "ttd-INITIAL_FORMS": "0",
        "ttd-0-nama": "Ir. Dewi Kartika, M.Si.",
        "ttd-0-nip": "197005121995032001",
        "ttd-0-jabatan": "Kepala Dinas Kehutanan Provinsi Jawa Barat",
        "ttd-0-utama": "on",
        "ttd-0-aktif": "on",
        "pola-TOTAL_FORMS": "1",
        "pola-INITIAL_FORMS": "0",
        "pola-0-jenis_dokumen": "sertifikat_kth",
        "pola-0-pola": "{urut:04d}/DISHUT-JB/SERT/{tahun}",
    }
    return data | ubah


def test_the_province_admin_creates_the_dinas_letterhead_with_logo_signatory_and_pattern(
    client, admin_jabar
):
    client.force_login(admin_jabar)
    respons = client.post(
        reverse("dokumen:kantor_tambah"),
        formulir(jenis="dinas", provinsi="32", logo=SimpleUploadedFile("logo.png", png())),
    )
    assert respons.status_code == 302, respons.context["form"].errors
    kantor = Kantor.objects.get()
    assert (kantor.jenis, kantor.provinsi_id, kantor.logo.name.endswith("/logo.png")) == (
        "dinas",
        "32",
        True,
    )
    assert kantor.penandatangan_utama.nip == "197005121995032001"
    assert PolaNomor.objects.get().pola == "{urut:04d}/DISHUT-JB/SERT/{tahun}"
    assert client.get(reverse("dokumen:kantor_logo", args=[kantor.pk])).status_code == 200
    # Kantor yang sama tidak dapat dibuat dua kali.
    respons = client.post(reverse("dokumen:kantor_tambah"), formulir(jenis="dinas", provinsi="32"))
    assert "Dinas provinsi ini sudah punya kop; ubah kop yang ada." in respons.content.decode()


@pytest.mark.parametrize(
    ("ubah", "galat"),
    [
        ({"pola-0-pola": "SK/{tahun}"}, "Pola nomor harus memuat {urut}"),
        ({"pola-0-pola": "{urut}/{kode}/{tahun}"}, "kode&#x27; yang tidak dikenal"),
        ({"pola-0-pola": "{urut:03q}/{tahun}"}, "Pola nomor tidak terbaca"),
        ({"ttd-0-nip": "1970"}, "NIP terdiri dari 18 angka."),
        ({"provinsi": ""}, "Wajib diisi untuk jenis kantor ini."),
    ],
)
def test_bad_input_is_named_in_the_summary_and_next_to_the_field(client, admin_jabar, ubah, galat):
    client.force_login(admin_jabar)
    data = formulir(jenis="dinas", provinsi="32") | ubah
    respons = client.post(reverse("dokumen:kantor_tambah"), data)
    teks = respons.content.decode()
    assert respons.status_code == 200 and galat in teks
    assert "data-ringkasan-galat" in teks and not Kantor.objects.exists()


def test_a_logo_must_be_an_image(client, admin_jabar):
    client.force_login(admin_jabar)
    respons = client.post(
        reverse("dokumen:kantor_tambah"),
        formulir(
            jenis="dinas",
            provinsi="32",
            logo=SimpleUploadedFile("logo.png", b"%PDF-1.4 bukan gambar"),
        ),
    )
    assert "Logo harus gambar PNG atau JPEG" in respons.content.decode()


def test_each_admin_manages_only_their_region(client, admin_jabar, admin_nasional, pendamping_a):
    jabar, kalbar = dinas("32"), dinas("61")
    bpskl = Kantor.objects.create(
        jenis="bpskl", bpskl_id="JBN", nama="BPSKL Jawa Bali Nusa Tenggara", alamat="Yogyakarta"
    )
    daftar = reverse("dokumen:kantor_daftar")
    assert "/akun/masuk/" in client.get(daftar)["Location"]
    client.force_login(pendamping_a)
    assert client.get(daftar).status_code == 403
    client.force_login(admin_jabar)
    assert [k.pk for k in client.get(daftar).context["kantor"]] == [jabar.pk]
    assert client.get(reverse("dokumen:kantor_ubah", args=[kalbar.pk])).status_code == 404
    assert client.get(reverse("dokumen:kantor_ubah", args=[bpskl.pk])).status_code == 404
    assert client.get(reverse("dokumen:kantor_logo", args=[kalbar.pk])).status_code == 404
    # Admin provinsi tidak dapat membuat kop BPSKL atau Dinas provinsi lain.
    respons = client.post(reverse("dokumen:kantor_tambah"), formulir(jenis="dinas", provinsi="61"))
    assert "Pilihan tidak sah" in respons.content.decode()
    respons = client.post(reverse("dokumen:kantor_tambah"), formulir(jenis="bpskl"))
    assert "Pilihan tidak sah" in respons.content.decode()
    client.force_login(admin_nasional)
    assert {k.pk for k in client.get(daftar).context["kantor"]} == {jabar.pk, kalbar.pk, bpskl.pk}


def test_an_edit_keeps_the_target_and_records_history(client, admin_jabar):
    kantor = dinas("32")
    client.force_login(admin_jabar)
    data = formulir(alamat="Jalan Baru No. 1, Bandung")
    respons = client.post(reverse("dokumen:kantor_ubah", args=[kantor.pk]), data)
    assert respons.status_code == 302
    kantor.refresh_from_db()
    assert (kantor.alamat, kantor.provinsi_id) == ("Jalan Baru No. 1, Bandung", "32")
    assert kantor.history.count() == 2
    assert Penandatangan.objects.filter(kantor=kantor).count() == 1


def test_numbers_follow_the_pattern_and_start_again_each_year(db):
    kantor = dinas("32")
    PolaNomor.objects.create(
        kantor=kantor, jenis_dokumen="surat_keputusan", pola="{urut:03d}/SK/{bulan_romawi}/{tahun}"
    )
    tanggal = datetime.date(2026, 11, 28)
    assert beri_nomor(kantor=kantor, jenis="surat_keputusan", tanggal=tanggal) == (
        1,
        "001/SK/XI/2026",
    )
    assert beri_nomor(kantor=kantor, jenis="surat_keputusan", tanggal=tanggal)[1] == (
        "002/SK/XI/2026"
    )
    # Jenis lain punya urutan sendiri, dengan pola bawaan.
    assert beri_nomor(kantor=kantor, jenis="berita_acara", tanggal=tanggal)[1] == "001/BA/XI/2026"
    assert beri_nomor(
        kantor=kantor, jenis="surat_keputusan", tanggal=datetime.date(2027, 1, 2)
    ) == (1, "001/SK/I/2027")


@pytest.mark.postgres
def test_numbers_never_repeat_under_concurrent_issue(data_acuan):
    kantor = dinas("32")
    hasil: list[str] = []
    penghalang = threading.Barrier(4)

    def terbitkan():
        try:
            penghalang.wait()
            hasil.append(
                beri_nomor(
                    kantor=kantor, jenis="surat_keputusan", tanggal=datetime.date(2026, 11, 28)
                )[1]
            )
        finally:
            connections.close_all()

    utas = [threading.Thread(target=terbitkan) for _ in range(4)]
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=30)
    assert sorted(hasil) == [f"00{n}/SK/XI/2026" for n in range(1, 5)]


def test_the_kth_certificate_carries_the_dinas_letterhead(versi_kth, kps_a, tmp_path, settings):
    from penilaian.kth.sertifikat import pdf_sertifikat
    from penilaian.kth.services import (
        penilaian_kth_ajukan,
        penilaian_kth_buat,
        penilaian_kth_tetapkan,
    )

    dinas(
        "32",
        induk="Pemerintah Provinsi Jawa Barat",
        nama="Dinas Kehutanan Provinsi Jawa Barat",
        logo=SimpleUploadedFile("logo.png", png()),
    )
    penilai = PenggunaFactory(peran=peran.PENILAI_KTH, provinsi_id="32")
    kadis = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id="32")
    kth = KthFactory(nama="KTH Sugih Mukti", desa=kps_a.desa)
    p = penilaian_kth_buat(kth=kth, tahun=2026, oleh=penilai)
    isi_kth(p, penilai, nilai_isian=10)
    penilaian_kth_ajukan(penilaian=p, oleh=penilai)
    sertifikat = penilaian_kth_tetapkan(penilaian=p, oleh=kadis)
    assert sertifikat.data["kop"]["nama"] == "Dinas Kehutanan Provinsi Jawa Barat"
    pdf = pdf_sertifikat(sertifikat.data)
    halaman = PdfReader(io.BytesIO(pdf)).pages[0]
    teks = " ".join(halaman.extract_text().split())
    assert "PEMERINTAH PROVINSI JAWA BARAT" in teks
    assert "DINAS KEHUTANAN PROVINSI JAWA BARAT" in teks
    assert "Jalan Soekarno-Hatta No. 751, Bandung 40293" in teks
    assert "Telepon 022 1234567" in teks
    assert len(halaman.images) >= 2  # logo dan kode QR
