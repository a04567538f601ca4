"""Tidak ada isian yang hilang: formulir kecil yang ditolak sesudah pengalihan, formulir yang
dikirim setelah sesi berakhir, dan mitra baru yang didaftarkan dari formulir kerja sama."""

import pytest

from akun import peran
from kerjasama.models import KerjaSama, Mitra
from kerjasama.services import kerjasama_buat
from tests.factories import KpsFactory, PenggunaFactory
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


@pytest.fixture
def siti(db):
    return PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")


def isi_kerjasama_baru(halaman, live_server, pendamping, judul: str, kebutuhan: str):
    """Masuk, buka formulir kerja sama baru untuk KPS dampingannya, isi tanpa mengirim."""
    kps = KpsFactory(nama=f"KPS {judul}", pendamping=pendamping)
    masuk(halaman, live_server, pendamping.username)
    halaman.goto(f"{live_server.url}/kerja-sama/baru/{kps.pk}/")
    halaman.get_by_label("Judul kerja sama").fill(judul)
    halaman.get_by_label("Kebutuhan KPS-KUPS yang dijawab").fill(kebutuhan)
    halaman.get_by_label("Jenis kerja sama").select_option("usaha")
    return kps


def test_a_refused_step_keeps_the_note_and_says_why_next_to_the_file(
    live_server, halaman_ponsel, siti, tmp_path, periksa_aksesibilitas
):
    kps = KpsFactory(nama="KPS Catatan", pendamping=siti)
    ks = kerjasama_buat(
        kerjasama=KerjaSama(
            judul="Pemasaran madu", jenis="kelembagaan", kebutuhan="Pasar", kps_utama=kps
        ),
        oleh=siti,
    )
    palsu = tmp_path / "notulen.pdf"
    palsu.write_text("<script>alert(1)</script> ini bukan PDF")
    halaman = halaman_ponsel
    masuk(halaman, live_server, "siti")
    halaman.goto(f"{live_server.url}/kerja-sama/{ks.pk}/")
    halaman.get_by_text("Catat kegiatan dan pindah tahap").click()
    catatan = "Rapat dengan tiga calon mitra di balai desa; notulen terlampir."
    halaman.get_by_label("Apa yang dilakukan / alasan").fill(catatan)
    halaman.get_by_label("Bukti (PDF, JPEG, PNG; boleh beberapa)").set_input_files(str(palsu))
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    halaman.wait_for_url(f"**/kerja-sama/{ks.pk}/")

    halaman.locator("[data-uji=isian-dikembalikan]").wait_for()
    assert halaman.get_by_label("Apa yang dilakukan / alasan").input_value() == catatan
    galat = halaman.locator(".invalid-feedback").all_inner_texts()
    assert any("pilih ulang berkasnya" in g for g in galat)
    assert halaman.locator("[name=berkas]").get_attribute("aria-invalid") == "true"
    periksa_aksesibilitas(halaman)
    ks.refresh_from_db()
    assert ks.tahap == "a"
    # Dipakai sekali: membuka halaman lagi tidak mengembalikannya lagi.
    halaman.reload()
    assert halaman.locator("[data-uji=isian-dikembalikan]").count() == 0


def test_a_form_sent_after_the_session_expired_is_restored_after_logging_in(
    live_server, halaman_ponsel, siti
):
    halaman = halaman_ponsel
    kps = isi_kerjasama_baru(
        halaman, live_server, siti, "Pengolahan gula aren", "Alat masak dan pembeli tetap"
    )
    halaman.context.clear_cookies(name="sessionid")  # sesi habis selagi mengisi
    halaman.get_by_role("button", name="Simpan").click()
    halaman.wait_for_url("**/akun/masuk/**")
    assert "Sesi Anda berakhir sebelum isian terkirim" in halaman.content()
    assert not KerjaSama.objects.exists()
    halaman.get_by_label("Nama pengguna").fill("siti")
    from tests.factories import KATA_SANDI_UJI

    halaman.get_by_label("Kata sandi").fill(KATA_SANDI_UJI)
    halaman.get_by_role("button", name="Masuk").click()
    halaman.wait_for_url(f"**/kerja-sama/baru/{kps.pk}/")
    halaman.locator("[data-uji=isian-dikembalikan]").wait_for()
    assert halaman.get_by_label("Judul kerja sama").input_value() == "Pengolahan gula aren"
    assert (
        halaman.get_by_label("Kebutuhan KPS-KUPS yang dijawab").input_value()
        == "Alat masak dan pembeli tetap"
    )
    assert halaman.get_by_label("Jenis kerja sama").input_value() == "usaha"
    halaman.get_by_role("button", name="Simpan").click()
    halaman.wait_for_url("**/kerja-sama/*/")
    assert KerjaSama.objects.get().judul == "Pengolahan gula aren"


def test_a_new_partner_is_registered_in_place_and_the_form_keeps_its_input(
    live_server, halaman_ponsel, siti
):
    halaman = halaman_ponsel
    isi_kerjasama_baru(halaman, live_server, siti, "Pemasaran kopi", "Pembeli tetap")
    halaman.get_by_role("button", name="Daftarkan mitra baru").click()
    dialog = halaman.locator("#dialog-mitra")
    dialog.get_by_role("button", name="Simpan mitra").click()  # kosong: ditolak di dialog
    dialog.locator(".invalid-feedback").first.wait_for()
    dialog.get_by_label("Nama mitra").fill("Koperasi Kopi Lestari")
    dialog.get_by_label("Kategori").select_option("koperasi")
    dialog.get_by_role("button", name="Simpan mitra").click()
    dialog.get_by_text("terdaftar dan sudah dipilih").wait_for()
    mitra = Mitra.objects.get(nama="Koperasi Kopi Lestari")
    assert halaman.locator(f"#id_mitra option[value='{mitra.pk}']").evaluate("o => o.selected")
    assert halaman.get_by_label("Judul kerja sama").input_value() == "Pemasaran kopi"
    dialog.wait_for(state="hidden")
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    halaman.wait_for_url("**/kerja-sama/*/")
    assert list(KerjaSama.objects.get().mitra.all()) == [mitra]
