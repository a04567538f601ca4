"""Peta di Chromium: batas yang diunggah digambar di halaman KPS walau server ubin tak terjangkau,
dan peta wilayah menampilkan titik lalu batas KPS dalam cakupan di latar polos."""

from decimal import Decimal

import pytest

from akun import peran
from tests.factories import KpsFactory, PenggunaFactory
from tests.kelompok.test_peta import KML_KPS, persegi
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def test_an_uploaded_kml_boundary_is_drawn_on_the_kps_page_offline(
    live_server, halaman_ponsel, settings, tmp_path, simpan_tangkapan, periksa_aksesibilitas
):
    # Server ubin bawaan, tetapi setiap ubin gagal dimuat (seperti di lapangan tanpa internet):
    # batas tetap tergambar.
    settings.PETA_UBIN = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    siti = PenggunaFactory(username="siti", peran=peran.PENDAMPING, provinsi_id="32")
    kps = KpsFactory(nama="KPS Rimba Lestari", pendamping=siti, luas_ha=Decimal("90"))
    berkas = tmp_path / "batas.kml"
    berkas.write_bytes(KML_KPS)
    halaman = halaman_ponsel
    ubin_diminta = []
    halaman.route(
        "https://tile.openstreetmap.org/**",
        lambda rute: (ubin_diminta.append(rute.request.url), rute.abort("internetdisconnected")),
    )
    masuk(halaman, live_server, "siti")

    halaman.goto(f"{live_server.url}{kps.get_absolute_url()}ubah/")
    periksa_aksesibilitas(halaman)  # formulir dengan unggahan batas dan titik lokasi
    halaman.get_by_label("Atau unggah berkas batas (GeoJSON atau KML)").set_input_files(berkas)
    halaman.get_by_role("button", name="Simpan").click()
    halaman.wait_for_selector("#peta-kps[data-siap='1']")
    assert halaman.locator("#peta-kps path.leaflet-interactive").count() == 1
    kotak = halaman.locator("#peta-kps path.leaflet-interactive").bounding_box()
    assert kotak["width"] > 100 and kotak["height"] > 100  # diperbesar ke batasnya
    teks = " ".join(halaman.locator("[data-uji='batas']").inner_text().split())
    assert "Luas menurut batas 122,22 ha (+35,8% dari luas SK)" in teks
    assert halaman.locator("[data-uji='selisih-luas']").is_visible()
    assert ubin_diminta  # ubin memang dicoba dan gagal
    periksa_aksesibilitas(halaman)
    simpan_tangkapan(halaman, "peta-kps-360")


def test_the_region_map_shows_points_then_boundaries_within_scope(
    live_server, halaman_ponsel, settings, simpan_tangkapan, periksa_aksesibilitas
):
    settings.PETA_UBIN = ""
    PenggunaFactory(username="dewi", peran=peran.KEPALA_DINAS, provinsi_id="32")
    KpsFactory(
        nama="KPS Berbatas",
        skema="HKm",
        wilayah_kerja={"type": "Polygon", "coordinates": [persegi(108.40, -6.91, 108.41, -6.90)]},
    )
    KpsFactory(nama="KPS Bertitik", skema="HD", lintang=Decimal("-7.2"), bujur=Decimal("107.6"))
    KpsFactory(
        nama="KPS Provinsi Lain",
        provinsi="61",
        wilayah_kerja={"type": "Polygon", "coordinates": [persegi(108.40, -6.91, 108.41, -6.90)]},
    )
    halaman = halaman_ponsel
    masuk(halaman, live_server, "dewi")
    halaman.get_by_role("link", name="Peta KPS di wilayah Anda").click()
    halaman.wait_for_selector("#peta-wilayah[data-siap='1']")
    assert "peta-polos" in halaman.locator("#peta-wilayah").get_attribute("class")
    status = halaman.locator("#peta-status")
    assert "2 KPS cocok dengan penyaring; 2 memiliki titik atau batas, 0 belum." in (
        status.inner_text()
    )
    periksa_aksesibilitas(halaman)
    simpan_tangkapan(halaman, "peta-wilayah-360")

    # Satu skema: satu KPS, peta diperbesar ke titiknya dan batasnya dimuat.
    halaman.goto(f"{live_server.url}/kelompok/kps/peta/?skema=HKm")
    halaman.wait_for_selector("#peta-wilayah[data-siap='1']")
    # (wait_for_function memakai eval, yang ditolak CSP halaman; tunggu teksnya saja.)
    halaman.get_by_text("1 batas areal kerja di layar.", exact=False).wait_for()
    # Kanvas: batas dan titik digambar di satu <canvas>, bukan elemen per bentuk.
    assert halaman.locator("#peta-wilayah canvas").count() >= 1
    halaman.get_by_role("link", name="Lihat sebagai daftar").click()
    assert halaman.url.endswith("/kelompok/kps/?skema=HKm")
    assert "KPS Provinsi Lain" not in halaman.content()
