"""Ringkasan galat di ponsel (360 px): formulir panjang yang ditolak dibuka dengan ringkasan yang
menyebut setiap galat, dan satu ketukan membawa ke bidangnya."""

import pytest

from akun import peran
from tests.factories import KpsFactory, KupsFactory, PenggunaFactory
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def di_layar(halaman, locator) -> bool:
    kotak = locator.bounding_box()
    tinggi = halaman.viewport_size["height"]
    return kotak is not None and kotak["y"] >= 0 and kotak["y"] + kotak["height"] <= tinggi


def test_one_mistake_on_the_kups_checklist_is_one_tap_away(
    live_server, halaman_ponsel, simpan_tangkapan, periksa_aksesibilitas
):
    siti = PenggunaFactory(username="siti", peran=peran.PENDAMPING, provinsi_id="32")
    kups = KupsFactory(kps=KpsFactory(pendamping=siti), nama="KUPS Madu")
    halaman = halaman_ponsel
    masuk(halaman, live_server, "siti")
    halaman.goto(f"{live_server.url}/kelompok/kups/{kups.pk}/syarat/")

    # Syarat ke-12 dicentang tanpa tanggal; syarat 1 lengkap.
    halaman.locator("#id_syarat-0-terpenuhi").check()
    halaman.locator("#id_syarat-0-tanggal").fill("2025-03-01")
    halaman.locator("#id_syarat-0-catatan_bukti").fill("Akta pendirian ada")
    halaman.locator("#id_syarat-11-terpenuhi").check()
    halaman.locator("#id_syarat-11-catatan_bukti").fill("Laporan keuangan 2025")
    halaman.get_by_role("button", name="Simpan daftar periksa").click()

    # Bilah simpan menempel di bawah layar dengan kemajuannya, dihitung ulang saat mencentang.
    bilah = halaman.locator(".aksi-lekat")
    assert di_layar(halaman, bilah)
    assert "2 dari 17 syarat dicentang" in bilah.inner_text()

    ringkasan = halaman.locator("[data-ringkasan-galat]")
    ringkasan.wait_for()
    assert di_layar(halaman, ringkasan)
    assert halaman.evaluate("document.activeElement.hasAttribute('data-ringkasan-galat')")
    assert "Ada 1 isian yang perlu diperbaiki" in ringkasan.inner_text()
    tautan = ringkasan.get_by_role(
        "link", name="Syarat 12: Tanggal: Isi tanggal syarat ini terpenuhi."
    )
    # Yang sudah diketik tetap ada.
    assert halaman.locator("#id_syarat-0-catatan_bukti").input_value() == "Akta pendirian ada"
    assert not di_layar(halaman, halaman.locator("#id_syarat-11-tanggal"))
    periksa_aksesibilitas(halaman)
    simpan_tangkapan(halaman, "ringkasan-galat-syarat-360")

    tautan.click()
    bidang = halaman.locator("#id_syarat-11-tanggal")
    assert halaman.evaluate("document.activeElement.id") == "id_syarat-11-tanggal"
    assert di_layar(halaman, bidang)
    assert (
        "Isi tanggal syarat ini terpenuhi."
        in halaman.locator("#div_id_syarat-11-tanggal").inner_text()
    )

    bidang.fill("2025-04-01")
    halaman.get_by_role("button", name="Simpan daftar periksa").click()
    halaman.get_by_text("Daftar periksa tersimpan.").wait_for()
