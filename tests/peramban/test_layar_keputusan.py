"""Staf BPSKL memutuskan di ponsel (360 px) tanpa meninggalkan halaman keputusan: bukti uji
tuntas dibuka di tempat, kekurangannya terlihat, lalu keputusan dengan konfirmasi."""

import pytest

from akun import peran
from kerjasama.models import Mitra
from tests.factories import KpsFactory, PenggunaFactory
from tests.kerjasama.conftest import ajukan, buat_kerjasama
from tests.kerjasama.test_layar_keputusan import lengkapi_uji_tuntas
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def test_the_officer_opens_the_evidence_in_place_and_decides_on_one_page(
    live_server, halaman_ponsel, simpan_tangkapan, periksa_aksesibilitas
):
    pendamping = PenggunaFactory(username="siti", peran=peran.PENDAMPING, provinsi_id="32")
    PenggunaFactory(username="made", peran=peran.STAF_BPSKL, bpskl_id="JBN")
    admin = PenggunaFactory(peran=peran.ADMIN)
    mitra = Mitra.objects.create(
        nama="PT Kopi Nusantara", kategori="bums", nomor_registrasi="NIB-1", dibuat_oleh=admin
    )
    lengkapi_uji_tuntas(mitra, kecuali={"pasar"})
    ks = buat_kerjasama(KpsFactory(pendamping=pendamping), pendamping, mitra=[mitra])
    ajukan(ks, pendamping)

    halaman = halaman_ponsel
    masuk(halaman, live_server, "made")
    halaman.goto(f"{live_server.url}{ks.get_absolute_url()}")
    bahan = halaman.locator("[data-uji='bahan-keputusan']")
    assert "1 dari 12 butir belum terpenuhi" in bahan.inner_text()
    alamat = halaman.url

    bukti = bahan.locator("details.pratinjau-berkas", has_text="legalitas").first
    bukti.locator("summary").click()
    bingkai = bukti.locator("iframe.pratinjau-pdf")
    bingkai.wait_for()
    kotak = bingkai.bounding_box()
    assert kotak["width"] > 250 and kotak["height"] > 300  # selebar kolom isi
    assert halaman.url == alamat  # tidak berpindah halaman
    lebar = halaman.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.tagName + '.' + e.className + ':' + (e.textContent || '').slice(0, 60))"""
    )
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360, lebar[:5]
    periksa_aksesibilitas(halaman)
    simpan_tangkapan(halaman, "keputusan-bpskl-360")

    halaman.once("dialog", lambda d: d.accept())
    halaman.get_by_role("button", name="Setujui").click()
    halaman.locator("[data-uji=status-persetujuan]", has_text="Disetujui BPSKL").wait_for()
