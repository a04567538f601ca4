import pytest

from akun import peran
from tests.factories import KATA_SANDI_UJI, PenggunaFactory
from tests.peramban.conftest import keluar

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def test_a_pendamping_logs_in_on_a_phone_and_sees_their_home_page(
    live_server, halaman_ponsel, simpan_tangkapan, periksa_aksesibilitas
):
    PenggunaFactory(
        username="siti", nama="Siti Rahmawati", peran=peran.PENDAMPING, provinsi_id="32"
    )
    halaman = halaman_ponsel
    halaman.goto(f"{live_server.url}/")
    assert "/akun/masuk/" in halaman.url
    periksa_aksesibilitas(halaman)

    halaman.get_by_label("Nama pengguna").fill("siti")
    halaman.get_by_label("Kata sandi").fill(KATA_SANDI_UJI)
    halaman.get_by_role("button", name="Masuk").click()

    halaman.wait_for_url("**/beranda/pendamping/")
    assert halaman.get_by_role("heading", level=1).inner_text() == "Selamat datang, Siti Rahmawati"
    assert halaman.locator("[data-uji=peran]").inner_text() == "Pendamping"
    assert halaman.locator("[data-uji=wilayah]").inner_text() == "Provinsi Jawa Barat"
    # Tata letak ponsel: tidak ada gulir mendatar, menu tersembunyi di balik tombol.
    lebar = halaman.evaluate("document.documentElement.scrollWidth")
    assert lebar <= 360
    assert halaman.get_by_role("button", name="Buka menu").is_visible()
    assert halaman.get_by_role("main").count() == 1
    assert halaman.get_by_role("navigation", name="Navigasi utama").count() == 1
    periksa_aksesibilitas(halaman)
    berkas = simpan_tangkapan(halaman, "masuk-pendamping-360px")
    assert berkas.stat().st_size > 5_000

    keluar(halaman)
    assert halaman.get_by_role("status").inner_text().strip() == "Anda sudah keluar. Sampai jumpa."


def test_a_wrong_password_shows_the_message_beside_the_form(live_server, halaman_ponsel):
    PenggunaFactory(username="siti", peran=peran.PENDAMPING, provinsi_id="32")
    halaman = halaman_ponsel
    halaman.goto(f"{live_server.url}/akun/masuk/")
    halaman.get_by_label("Nama pengguna").fill("siti")
    halaman.get_by_label("Kata sandi").fill("salah")
    halaman.get_by_role("button", name="Masuk").click()
    assert halaman.get_by_text("Nama pengguna atau kata sandi salah").is_visible()
    assert halaman.get_by_label("Nama pengguna").input_value() == "siti"
