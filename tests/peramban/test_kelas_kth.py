"""Jalur lengkap kelas KTH di peramban: penilai menilai dari ponsel, Kepala Dinas menetapkan,
sertifikat diunduh, dan siapa pun memverifikasinya dari alamat kode QR."""

import pytest

from akun import peran
from penilaian.inti import definisi
from penilaian.inti.services import instrumen_muat
from penilaian.kth.models import Sertifikat
from tests.factories import KthFactory, PenggunaFactory, buat_desa
from tests.penilaian.conftest import FIXTURES
from tests.peramban.conftest import keluar
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def test_from_scoring_to_a_verified_certificate(
    live_server, halaman_ponsel, peramban, simpan_tangkapan, periksa_aksesibilitas, tmp_path
):
    instrumen_muat(kanonik=definisi.dari_yaml((FIXTURES / "kth.yaml").read_text()))
    PenggunaFactory(username="agus", nama="Agus Penilai", peran=peran.PENILAI_KTH, provinsi_id="32")
    PenggunaFactory(
        username="dewi",
        nama="Dewi Kartika",
        peran=peran.KEPALA_DINAS,
        provinsi_id="32",
        nip="197005121995032001",
    )
    kth = KthFactory(nama="KTH Sugih Mukti", desa=buat_desa("32"))
    halaman = halaman_ponsel
    masuk(halaman, live_server, "agus")
    halaman.goto(f"{live_server.url}/kelompok/kth/{kth.pk}/")
    halaman.get_by_role("link", name="Nilai kelas KTH").click()
    halaman.get_by_role("button", name="Mulai penilaian").click()
    halaman.wait_for_url("**/penilaian/kth/*/")
    assert halaman.get_by_text("nilai sementara").first.is_visible()
    periksa_aksesibilitas(halaman)

    # Diajukan terlalu dini: ringkasan menyebut setiap indikator yang belum dinilai, dan satu
    # ketukan membawa ke isiannya.
    halaman.once("dialog", lambda d: d.accept())
    halaman.get_by_role("button", name="Ajukan ke Kepala Dinas").click()
    ringkasan = halaman.locator("[data-ringkasan-galat]")
    ringkasan.wait_for()
    jumlah = halaman.locator("fieldset[id^=indikator-]").count()
    assert f"Ada {jumlah} isian yang perlu diperbaiki" in ringkasan.inner_text()
    assert f"0 dari {jumlah} indikator dinilai" in halaman.locator(".aksi-lekat").inner_text()
    tautan = ringkasan.get_by_role("link").nth(5)
    tujuan = tautan.get_attribute("data-ke-bidang")
    tautan.click()
    assert halaman.evaluate(f"document.getElementById('{tujuan}').contains(document.activeElement)")

    # Pilihan: opsi pertama; isian: 10 (atau maksimumnya bila lebih kecil).
    for fieldset in halaman.locator("fieldset").all():
        angka = fieldset.locator("input[type=number]")
        if angka.count():
            angka.fill("10")
            angka.press("Tab")
        else:
            fieldset.locator("input[type=radio]").first.check()
        fieldset.locator("[id^=status-]").get_by_text("Tersimpan").wait_for()
    assert halaman.locator("[data-uji=total]").inner_text() == "475"
    assert halaman.locator("[data-uji=kelas]").inner_text() == "Madya"
    assert (
        f"{jumlah} dari {jumlah} indikator dinilai" in halaman.locator(".aksi-lekat").inner_text()
    )
    simpan_tangkapan(halaman, "kth-penilaian-360px")
    halaman.once("dialog", lambda d: d.accept())  # konfirmasi pengajuan
    halaman.get_by_role("button", name="Ajukan ke Kepala Dinas").click()
    assert halaman.locator("[data-uji=status]").inner_text() == "Diajukan ke Kepala Dinas"
    keluar(halaman)

    masuk(halaman, live_server, "dewi")
    halaman.goto(f"{live_server.url}/penilaian/kth/antrean/")
    halaman.get_by_role("link", name="KTH Sugih Mukti (2026)").click()
    # Setiap indikator menampilkan nilainya dan nilai tahun lalu di samping buktinya.
    skor = halaman.locator("[data-uji^='skor-']")
    assert skor.count() >= 30 and "tahun lalu" in skor.first.inner_text()
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360
    # Langkah konfirmasi: "Batal" tidak menetapkan apa pun, "OK" menetapkan.
    tanya = []
    tombol = halaman.get_by_role("button", name="Tetapkan kelas Madya dan terbitkan sertifikat")
    halaman.once("dialog", lambda d: (tanya.append(d.message), d.dismiss()))
    tombol.click()
    assert tombol.is_visible() and "terbitkan sertifikat bernomor" in tanya[0]
    halaman.once("dialog", lambda d: (tanya.append(d.message), d.accept()))
    tombol.click()
    assert halaman.get_by_role("heading", name="Sertifikat 0001/SERT-KTH/32/2026").is_visible()
    with halaman.expect_download() as unduhan:
        halaman.get_by_role("link", name="Unduh sertifikat (PDF)").click()
    berkas = tmp_path / "sertifikat.pdf"
    unduhan.value.save_as(berkas)
    assert berkas.read_bytes().startswith(b"%PDF")

    sertifikat = Sertifikat.objects.get()
    publik = peramban.new_context(viewport={"width": 360, "height": 740})
    tamu = publik.new_page()
    tamu.goto(f"{live_server.url}/verifikasi/{sertifikat.kode}/")
    assert "BERLAKU" in tamu.locator("[data-uji=status]").inner_text()
    # Sidik untuk yang membutuhkannya: terlipat, dibuka dengan satu ketukan.
    assert not tamu.locator("[data-uji=sha256]").is_visible()
    tamu.get_by_text("Sidik berkas PDF").click()
    assert tamu.locator("[data-uji=sha256]").inner_text() == sertifikat.sha256
    periksa_aksesibilitas(tamu)
    simpan_tangkapan(tamu, "verifikasi-360px")
    publik.close()
