"""Simpan otomatis yang jujur di setiap halaman yang menyimpan isian begitu diubah (kuesioner HKm,
penilaian kelas KTH): jaringan mati, server menolak, server bermasalah, sesi berakhir, halaman
dibuka lagi. Tiap isian menunjukkan statusnya; tidak ada nilai yang hilang atau diganti diam-diam.
"""

import datetime

import pytest

from akun import peran
from penilaian.hkm.services import evaluasi_buat, responden_tambah
from penilaian.inti import definisi
from penilaian.inti.models import Jawaban, Kuesioner
from penilaian.inti.services import instrumen_muat
from penilaian.kth.services import penilaian_kth_buat
from tests.factories import KpsFactory, KthFactory, PenggunaFactory, buat_desa
from tests.penilaian.conftest import FIXTURES
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def status(halaman, kode: str):
    return halaman.locator(f"#status-{kode.replace('.', '').lower()}")


def online(halaman):
    halaman.context.set_offline(False)
    halaman.evaluate("window.dispatchEvent(new Event('online'))")


@pytest.fixture
def kuesioner_hkm(live_server, halaman_ponsel):
    siti = PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")
    kps = KpsFactory(nama="KPS Sinyal Lemah", pendamping=siti)
    instrumen_muat(kanonik=definisi.dari_yaml((FIXTURES / "hkm.yaml").read_text()))
    evaluasi = evaluasi_buat(kps=kps, oleh=siti, tanggal=datetime.date(2026, 11, 2))
    responden = responden_tambah(
        evaluasi=evaluasi, nama="Bu Euis", peran="anggota", anggota=None, oleh=siti
    )
    masuk(halaman_ponsel, live_server, "siti")
    alamat = f"{live_server.url}/penilaian/responden/{responden.pk}/kriteria/B1/"
    halaman_ponsel.goto(alamat)
    return halaman_ponsel, responden.kuesioner, alamat


def test_hkm_answers_made_offline_or_during_a_server_fault_are_kept_and_sent(kuesioner_hkm):
    halaman, kuesioner, alamat = kuesioner_hkm
    terjawab = Jawaban.objects.filter(kuesioner=kuesioner)

    # Jaringan mati: status mengatakannya, spanduk muncul, tidak ada yang terkirim.
    halaman.context.set_offline(True)
    halaman.locator("label[for='o-B1.1-b']").click()
    status(halaman, "B1.1").get_by_text("Belum tersimpan: tidak ada koneksi").wait_for()
    assert halaman.locator("#peringatan-luring").is_visible()
    assert not terjawab.exists()
    online(halaman)
    status(halaman, "B1.1").locator("[data-status=tersimpan]").wait_for()
    halaman.locator("#peringatan-luring").wait_for(state="hidden")
    assert terjawab.get(indikator="B1.1").opsi == "b"

    # Server bermasalah (503 saat basis data dipulihkan): ditahan di perangkat, juga setelah
    # halaman dibuka lagi, lalu terkirim begitu server pulih.
    halaman.route("**/jawab/", lambda r: r.fulfill(status=503, body="sedang dipulihkan"))
    halaman.locator("label[for='o-B1.2-c']").click()
    status(halaman, "B1.2").get_by_text("Belum tersimpan: server sedang bermasalah").wait_for()
    halaman.goto(alamat)
    assert halaman.locator("#o-B1\\.2-c").is_checked()
    status(halaman, "B1.2").get_by_text("Belum tersimpan").wait_for()
    assert not terjawab.filter(indikator="B1.2").exists()
    halaman.unroute("**/jawab/")
    online(halaman)
    status(halaman, "B1.2").locator("[data-status=tersimpan]").wait_for()
    assert terjawab.get(indikator="B1.2").opsi == "c"
    assert halaman.evaluate("Object.keys(localStorage).length") == 0


def test_hkm_a_refused_answer_says_why_and_is_not_replaced(kuesioner_hkm):
    halaman, kuesioner, _ = kuesioner_hkm
    # Kuesioner yang sama diserahkan dari perangkat lain sementara halaman ini masih terbuka.
    Kuesioner.objects.filter(pk=kuesioner.pk).update(status="selesai")
    halaman.locator("label[for='o-B1.3-b']").click()
    pesan = status(halaman, "B1.3").locator("[data-status=ditolak]")
    pesan.wait_for()
    assert pesan.inner_text().startswith("Tidak tersimpan: Kuesioner ini sudah diserahkan")
    assert "Belum ada nilai yang tersimpan." in pesan.inner_text()
    pilihan = halaman.locator("#o-B1\\.3-b")
    assert pilihan.is_checked()  # tidak dikembalikan diam-diam
    assert pilihan.get_attribute("aria-invalid") == "true"
    assert not Jawaban.objects.filter(kuesioner=kuesioner).exists()
    assert halaman.locator("#peringatan-luring").is_hidden()  # ditolak, bukan tertunda


def test_hkm_an_answer_made_after_the_session_expired_is_sent_after_logging_in(
    kuesioner_hkm, live_server
):
    halaman, kuesioner, _ = kuesioner_hkm
    # Sesi habis (cookie sesi hilang); cookie CSRF tetap seperti di peramban sungguhan.
    halaman.context.clear_cookies(name="sessionid")
    halaman.locator("label[for='o-B1.4-a']").click()
    status(halaman, "B1.4").get_by_text("Belum tersimpan: sesi Anda berakhir").wait_for()
    assert "Nama pengguna" not in status(halaman, "B1.4").inner_text()
    lain = halaman.context.new_page()
    masuk(lain, live_server, "siti")
    lain.close()
    online(halaman)
    status(halaman, "B1.4").locator("[data-status=tersimpan]").wait_for()
    assert Jawaban.objects.get(kuesioner=kuesioner, indikator="B1.4").opsi == "a"


def test_kth_a_value_over_the_maximum_is_refused_next_to_the_field_and_kept(
    live_server, halaman_ponsel
):
    instrumen_muat(kanonik=definisi.dari_yaml((FIXTURES / "kth.yaml").read_text()))
    agus = PenggunaFactory(username="agus", nama="Agus", peran=peran.PENILAI_KTH, provinsi_id="32")
    penilaian = penilaian_kth_buat(
        kth=KthFactory(nama="KTH Sugih Mukti", desa=buat_desa("32")), tahun=2026, oleh=agus
    )
    isian = next(i for i in penilaian.kuesioner.versi.mesin.semua_indikator() if i.isian)
    pilihan = next(i for i in penilaian.kuesioner.versi.mesin.semua_indikator() if not i.isian)
    batas = int(isian.maks)
    halaman = halaman_ponsel
    masuk(halaman, live_server, "agus")
    halaman.goto(f"{live_server.url}/penilaian/kth/{penilaian.pk}/")
    kotak = halaman.locator(f"[id='n-{isian.kode}']")
    jawaban = Jawaban.objects.filter(kuesioner=penilaian.kuesioner)

    kotak.fill(str(batas - 2))
    kotak.press("Tab")
    status(halaman, isian.kode).locator("[data-status=tersimpan]").wait_for()

    kotak.fill(str(batas + 5))
    kotak.press("Tab")
    pesan = status(halaman, isian.kode).locator("[data-status=ditolak]")
    pesan.wait_for()
    assert pesan.inner_text().startswith("Tidak tersimpan:")
    assert f"Yang tersimpan masih: {batas - 2}." in pesan.inner_text()
    assert kotak.input_value() == str(batas + 5)  # yang diketik tetap terlihat, ditandai salah
    assert "is-invalid" in kotak.get_attribute("class")
    assert jawaban.get(indikator=isian.kode).angka == batas - 2

    # Sinyal putus di halaman KTH juga: ditahan di perangkat, lalu terkirim.
    halaman.context.set_offline(True)
    halaman.locator(f"label[for='o-{pilihan.kode}-{pilihan.opsi[-1].kode}']").click()
    halaman.locator("#peringatan-luring").wait_for(state="visible")
    status(halaman, pilihan.kode).get_by_text("Belum tersimpan: tidak ada koneksi").wait_for()
    online(halaman)
    status(halaman, pilihan.kode).locator("[data-status=tersimpan]").wait_for()
    assert jawaban.get(indikator=pilihan.kode).opsi == pilihan.opsi[-1].kode
