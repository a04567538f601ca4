"""Kuesioner HKm diisi penuh dari ponsel: tersimpan per pilihan, tahan muat ulang dan sinyal
putus, diserahkan, lalu rekapnya terlihat."""

import datetime
import re

import pytest

from penilaian.hkm.services import evaluasi_buat
from penilaian.inti import definisi
from penilaian.inti.models import Jawaban, Kuesioner
from penilaian.inti.services import instrumen_muat
from tests.factories import KpsFactory
from tests.penilaian.conftest import FIXTURES
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def test_a_pendamping_fills_a_whole_questionnaire_on_a_phone(
    live_server, halaman_ponsel, simpan_tangkapan, periksa_aksesibilitas
):
    from akun import peran
    from tests.factories import PenggunaFactory

    siti = PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")
    kps = KpsFactory(nama="KPS Kuesioner", pendamping=siti)
    instrumen_muat(kanonik=definisi.dari_yaml((FIXTURES / "hkm.yaml").read_text()))
    evaluasi = evaluasi_buat(kps=kps, oleh=siti, tanggal=datetime.date(2026, 11, 2))
    halaman = halaman_ponsel
    masuk(halaman, live_server, "siti")
    halaman.goto(f"{live_server.url}/penilaian/hkm/{evaluasi.pk}/")
    halaman.get_by_text("Tambah responden").click()
    halaman.get_by_label("Nama (bila belum terdaftar sebagai anggota)").fill("Bu Euis")
    halaman.get_by_role("button", name="Tambah dan isi kuesioner").click()
    halaman.wait_for_url("**/kriteria/B1/")
    periksa_aksesibilitas(halaman)
    kuesioner = Kuesioner.objects.get(responden__nama="Bu Euis")

    # Pilihan pertama tersimpan seketika dan bertahan setelah halaman dimuat ulang.
    halaman.locator("label[for='o-B1.1-a']").click()
    # Status indikator itu sendiri (teks petunjuk halaman juga memuat kata "tersimpan").
    halaman.locator("#status-b11").get_by_text("Tersimpan").wait_for()
    halaman.reload()
    assert halaman.locator("#o-B1\\.1-a").is_checked()

    # Sinyal putus: pilihan disimpan di perangkat, lalu terkirim saat tersambung lagi.
    halaman.context.set_offline(True)
    halaman.locator("label[for='o-B1.2-b']").click()
    halaman.locator("#peringatan-luring").wait_for(state="visible")
    assert not Jawaban.objects.filter(kuesioner=kuesioner, indikator="B1.2").exists()
    halaman.context.set_offline(False)
    halaman.evaluate("window.dispatchEvent(new Event('online'))")
    halaman.locator("#peringatan-luring").wait_for(state="hidden")
    assert Jawaban.objects.get(kuesioner=kuesioner, indikator="B1.2").opsi == "b"

    # Sisanya: setiap indikator di setiap halaman kriteria, pilihan pertama.
    for _ in range(13):
        for fieldset in halaman.locator("fieldset").all():
            pilihan = fieldset.locator("input[type=radio]")
            if not any(p.is_checked() for p in pilihan.all()):
                fieldset.locator("label").first.click()
        halaman.get_by_role("button", name=re.compile(r"^(Lanjut ke|Ke ringkasan)")).click()
        halaman.wait_for_load_state()
    assert "/ringkasan/" in halaman.url
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360
    simpan_tangkapan(halaman, "kuesioner-ringkasan-360px")
    halaman.get_by_role("button", name="Serahkan kuesioner").click()
    halaman.wait_for_url(f"**/penilaian/hkm/{evaluasi.pk}/")
    kuesioner.refresh_from_db()
    assert kuesioner.selesai
    assert kuesioner.jawaban.count() == 48

    halaman.goto(f"{live_server.url}/penilaian/hkm/{evaluasi.pk}/rekap/")
    # B1: semua opsi pertama (3) kecuali B1.2 = b (2, bobot 9): (189 - 9) / 189 = 95,23..
    assert halaman.locator("[data-uji=rata-B1]").inner_text() == "95,2"
    assert halaman.locator("[data-uji=rata-C3]").inner_text() == "100,0"
    simpan_tangkapan(halaman, "rekap-360px")
