"""Pendamping memasukkan rencana agroforestri kecil dari ponsel dan membaca hasilnya."""

import pytest

from akun import peran
from tests.factories import KpsFactory, KupsFactory, PenggunaFactory
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def test_a_small_agroforestry_plan_on_a_phone(
    live_server, halaman_ponsel, simpan_tangkapan, periksa_aksesibilitas
):
    siti = PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")
    kups = KupsFactory(kps=KpsFactory(pendamping=siti), nama="KUPS Kopi Ciremai")
    halaman = halaman_ponsel
    masuk(halaman, live_server, "siti")
    halaman.goto(f"{live_server.url}/kelompok/kups/{kups.pk}/")
    halaman.get_by_role("link", name="Analisis skala usaha ekonomis").click()
    halaman.get_by_role("link", name="Analisis agroforestri baru").click()
    periksa_aksesibilitas(halaman)
    halaman.get_by_label("Biaya tetap per tahun (Rp)").fill("12.000.000")
    halaman.get_by_label("UMR kabupaten/kota per bulan (Rp)").fill("2.000.000")
    halaman.get_by_label("Hasil paket per hektar per tahun").fill("1.200")
    halaman.get_by_label("Luas yang dikelola/direncanakan (ha)").fill("3,5")
    produk = [
        ("Kopi", "kg", "0,6", "25.000", "10.000"),
        ("Pisang", "tandan", "0,4", "4.500", "2.000"),
    ]
    for n, (nama, satuan, rasio, harga, biaya) in enumerate(produk):
        halaman.locator(f"#id_baris-{n}-nama").fill(nama)
        halaman.locator(f"#id_baris-{n}-satuan").fill(satuan)
        halaman.locator(f"#id_baris-{n}-rasio").fill(rasio)
        halaman.locator(f"#id_baris-{n}-harga").fill(harga)
        halaman.locator(f"#id_baris-{n}-biaya_variabel").fill(biaya)
    halaman.get_by_role("button", name="Hitung dan simpan").click()
    halaman.wait_for_url("**/penilaian/usaha/*/")
    kesimpulan = halaman.locator("[data-uji=kesimpulan]").inner_text()
    assert "3.600 paket" in kesimpulan
    assert "3,00 ha" in kesimpulan
    assert "sudah mencapai" in kesimpulan
    assert halaman.locator("svg[aria-label='Arus kas tahunan dan kumulatif']").count() == 1
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360
    periksa_aksesibilitas(halaman)
    simpan_tangkapan(halaman, "analisis-usaha-360px")
