"""Pendamping mendaftarkan KPS dari ponsel (360 px): lokasi bertingkat lewat htmx, anggota,
dokumen; dan tidak melihat kelompok pendamping lain."""

import pytest

from akun import peran
from kelompok.models import Anggota, Kps
from tests.factories import KATA_SANDI_UJI, KpsFactory, PenggunaFactory, buat_desa, pdf_uji

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def masuk(halaman, live_server, username):
    halaman.goto(f"{live_server.url}/akun/masuk/")
    halaman.get_by_label("Nama pengguna").fill(username)
    halaman.get_by_label("Kata sandi").fill(KATA_SANDI_UJI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url("**/beranda/**")


def test_a_pendamping_registers_a_kps_with_members_on_a_phone(
    live_server, halaman_ponsel, simpan_tangkapan, periksa_aksesibilitas, tmp_path
):
    siti = PenggunaFactory(
        username="siti", nama="Siti Rahmawati", peran=peran.PENDAMPING, provinsi_id="32"
    )
    yohanes = PenggunaFactory(username="yohanes", peran=peran.PENDAMPING, provinsi_id="61")
    KpsFactory(nama="KPS Milik Yohanes", provinsi="61", pendamping=yohanes)
    desa = buat_desa("32")
    halaman = halaman_ponsel
    masuk(halaman, live_server, "siti")

    halaman.get_by_role("button", name="Buka menu").click()
    halaman.get_by_role("link", name="KPS", exact=True).click()
    assert "KPS Milik Yohanes" not in halaman.content()
    halaman.get_by_role("link", name="Tambah KPS").click()
    periksa_aksesibilitas(halaman)

    halaman.get_by_label("Nama KPS").fill("KPS Rimba Lestari")
    # Provinsi sudah terpilih (satu-satunya provinsi kerja); tingkat berikutnya dimuat htmx.
    halaman.get_by_label("Kabupaten/kota").select_option(desa.kode_kabupaten)
    halaman.wait_for_selector(
        f"#id_kecamatan option[value='{desa.kecamatan_id}']", state="attached"
    )
    halaman.get_by_label("Kecamatan").select_option(desa.kecamatan_id)
    halaman.wait_for_selector(f"#id_desa option[value='{desa.kode}']", state="attached")
    halaman.get_by_label("Desa/kelurahan").select_option(desa.kode)
    halaman.get_by_label("Bentuk kelembagaan").select_option("gapoktan")
    halaman.get_by_label("Skema").select_option("HKm")
    halaman.get_by_label("Nomor SK persetujuan").fill("SK.77/PSKL/2023")
    halaman.get_by_label("Tanggal SK").fill("2023-04-12")
    halaman.get_by_label("Luas (ha)").fill("-3")  # salah dulu: pesan di samping kolom, isian tetap
    halaman.get_by_label("Fungsi kawasan hutan").select_option("HP")
    halaman.get_by_label("Nama ketua").fill("Asep")
    halaman.get_by_label("Jumlah kepala keluarga (KK)").fill("85")
    halaman.get_by_role("button", name="Simpan").click()

    # Pesan di samping kolom, dan ringkasan galat di atas formulir bertaut ke kolom itu.
    assert halaman.get_by_text("Luas harus lebih dari 0 ha.", exact=True).is_visible()
    assert halaman.get_by_role("link", name="Luas (ha): Luas harus lebih dari 0 ha.").is_visible()
    assert halaman.get_by_label("Nama KPS").input_value() == "KPS Rimba Lestari"
    assert halaman.get_by_label("Desa/kelurahan").input_value() == desa.kode
    simpan_tangkapan(halaman, "kps-galat-360px")
    halaman.get_by_label("Luas (ha)").fill("312,5")
    halaman.get_by_role("button", name="Simpan").click()
    halaman.wait_for_url("**/kelompok/kps/*/")
    assert halaman.locator("[data-uji=luas]").inner_text() == "312,50 ha"

    halaman.get_by_role("link", name="Tambah anggota").click()
    for nama, jk, tahun in [
        ("Euis Komariah", "Perempuan", "1980"),
        ("Ujang Rahmat", "Laki-laki", "1995"),
    ]:
        halaman.get_by_label("Nama").fill(nama)
        halaman.get_by_label(jk).check()
        halaman.get_by_label("Tahun lahir").fill(tahun)
        halaman.get_by_role("button", name="Simpan dan tambah lagi").click()
        halaman.wait_for_load_state()
    halaman.get_by_role("link", name="Batal").click()
    assert halaman.get_by_text("Euis Komariah").is_visible()

    pdf = tmp_path / "rkps.pdf"
    pdf.write_bytes(pdf_uji("uji"))
    kps = Kps.objects.get(nama="KPS Rimba Lestari")
    halaman.goto(f"{live_server.url}/kelompok/kps/{kps.pk}/dokumen/unggah/")
    halaman.get_by_label("Jenis dokumen").select_option("rkps_rkt")
    halaman.get_by_label("Tanggal dokumen").fill("2024-01-05")
    halaman.get_by_label("Berkas (PDF, JPEG atau PNG)").set_input_files(str(pdf))
    halaman.get_by_role("button", name="Simpan").click()
    halaman.wait_for_url(f"**/kelompok/kps/{kps.pk}/")
    assert halaman.locator("[data-uji=anggota-jumlah]").inner_text() == "2"
    assert "Lihat berkas" in halaman.locator("[data-uji=kesiapan-rkps_rkt]").inner_text()
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360
    periksa_aksesibilitas(halaman)
    simpan_tangkapan(halaman, "kps-detail-360px")

    assert Anggota.objects.filter(kps=kps).count() == 2
    assert kps.penugasan.get().pendamping == siti
    lain = Kps.objects.get(nama="KPS Milik Yohanes")
    respons = halaman.goto(f"{live_server.url}/kelompok/kps/{lain.pk}/")
    assert respons.status == 404
