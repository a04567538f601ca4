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
    halaman.get_by_label("UMR kabupaten/kota per bulan (Rp)").fill("2.000.000")
    halaman.get_by_label("Periode analisis (tahun)").fill("3")
    halaman.get_by_label("Luas yang dikelola/direncanakan KUPS (ha)").fill("9")
    # Baris biaya saran: investasi tahun 0, pemeliharaan oleh tenaga keluarga.
    halaman.locator("#id_biaya-0-jumlah").fill("10.000.000")
    halaman.locator("#id_biaya-3-tahun").fill("1-3")
    halaman.locator("#id_biaya-3-jumlah").fill("2.000.000")
    halaman.locator("#id_biaya-4-tahun").fill("1-3")
    halaman.locator("#id_biaya-4-jumlah").fill("1.000.000")
    produk = [
        ("Kopi", "kg", "2-3", "300", "20.000", False),
        ("Sengon", "m3", "3", "10", "1.000.000", True),
    ]
    for n, (nama, satuan, tahun, jumlah, harga, kayu) in enumerate(produk):
        halaman.locator(f"#id_baris-{n}-nama").fill(nama)
        halaman.locator(f"#id_baris-{n}-satuan").fill(satuan)
        halaman.locator(f"#id_baris-{n}-tahun").fill(tahun)
        halaman.locator(f"#id_baris-{n}-jumlah").fill(jumlah)
        halaman.locator(f"#id_baris-{n}-harga").fill(harga)
        if kayu:
            halaman.locator(f"#id_baris-{n}-kayu").check()
    halaman.get_by_role("button", name="Hitung dan simpan").click()
    halaman.wait_for_url("**/penilaian/usaha/*/")
    kesimpulan = halaman.locator("[data-uji=kesimpulan]").inner_text()
    assert "8,16 ha" in kesimpulan
    assert "sudah mencapai" in kesimpulan
    skenario = halaman.locator("[data-uji=skenario]").inner_text()
    assert "-Rp 480.841" in skenario and "Rp 4.492.863" in skenario
    assert halaman.locator("svg[aria-label^='Arus kas tahunan']").count() == 1
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360
    periksa_aksesibilitas(halaman)
    simpan_tangkapan(halaman, "analisis-usaha-360px")


def test_the_per_day_visits_of_an_ecotourism_plan_are_on_screen_on_a_phone(
    live_server, halaman_ponsel, simpan_tangkapan, periksa_aksesibilitas
):
    from django.test import Client
    from django.urls import reverse

    from tests.penilaian.usaha.test_analisis_usaha import data_eko

    siti = PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")
    kups = KupsFactory(kps=KpsFactory(pendamping=siti), nama="KUPS Wisata Ciremai")
    klien = Client()
    klien.force_login(siti)
    respons = klien.post(
        reverse("penilaian:analisis_baru", args=[kups.pk, "ekowisata"]), data_eko()
    )
    assert respons.status_code == 302
    halaman = halaman_ponsel
    masuk(halaman, live_server, "siti")
    halaman.goto(f"{live_server.url}{respons['Location']}")
    # Tabel atraksi bertumpuk: setiap nilai dengan label kolomnya, semuanya di dalam layar.
    per_hari = halaman.locator("[data-uji=atraksi] td[data-label='Per hari']").first
    kotak = per_hari.bounding_box()
    assert kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= 360
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360
    periksa_aksesibilitas(halaman)
    simpan_tangkapan(halaman, "analisis-ekowisata-360px")
