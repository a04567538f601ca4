"""Kerja lapangan tanpa sinyal: halaman yang pernah dibuka tetap terbuka, formulir yang dikirim
tanpa sinyal tersimpan di perangkat (service worker + IndexedDB), lalu terkirim sekali saja
begitu tersambung; yang ditolak server tidak hilang dan bisa diisi ulang."""

import contextlib
import datetime

import pytest

from akun import peran
from kelompok.models import Anggota
from kerjasama.models import KerjaSama, Monitoring
from tests.factories import KpsFactory, PenggunaFactory
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def _dikendalikan_service_worker(halaman) -> None:
    halaman.evaluate("navigator.serviceWorker.ready.then(() => true)")
    halaman.reload()
    for _ in range(100):  # wait_for_function memakai eval, yang ditolak CSP halaman
        if halaman.evaluate("navigator.serviceWorker.controller !== null"):
            return
        halaman.wait_for_timeout(100)
    raise AssertionError("Halaman tidak dikendalikan service worker.")


def test_a_days_field_work_without_signal_arrives_once_when_the_signal_returns(
    live_server, halaman_ponsel, simpan_tangkapan
):
    siti = PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")
    kps = KpsFactory(nama="KPS Wana Jaya", pendamping=siti)
    ks = KerjaSama.objects.create(
        judul="Pengolahan madu",
        jenis="kelembagaan",
        kebutuhan="Alat dan pembeli",
        kps_utama=kps,
        dibuat_oleh=siti,
        tahap="f",
        berlaku_mulai=datetime.date(2026, 1, 1),
    )
    halaman = halaman_ponsel
    masuk(halaman, live_server, "siti")
    monitoring = f"{live_server.url}/kerja-sama/{ks.pk}/monitoring/"
    anggota = f"{live_server.url}/kelompok/kps/{kps.pk}/anggota/tambah/"
    # Satu kunjungan dengan sinyal: halaman-halaman ini tersimpan di perangkat.
    halaman.goto(monitoring)
    _dikendalikan_service_worker(halaman)
    halaman.goto(anggota)
    halaman.goto(f"{live_server.url}/akun/kata-sandi/")
    halaman.goto(f"{live_server.url}/kelompok/kps/{kps.pk}/")

    halaman.context.set_offline(True)
    # Halaman yang belum pernah dibuka: penjelasan, bukan halaman galat peramban.
    halaman.goto(f"{live_server.url}/kerja-sama/")
    assert "belum pernah dibuka di perangkat ini" in halaman.inner_text("main")

    halaman.goto(monitoring)
    halaman.get_by_label("Tanggal").fill("2026-11-02")
    halaman.get_by_label("Kemajuan").fill("Pelatihan pengemasan madu tanpa sinyal")
    halaman.get_by_label("Jumlah peserta").fill("20")
    halaman.get_by_label("Peserta perempuan").fill("9")
    halaman.get_by_label("Peserta muda (30 tahun ke bawah)").fill("4")
    halaman.get_by_role("button", name="Simpan").click()
    halaman.wait_for_selector("[data-uji=draf-tersimpan]")

    halaman.goto(anggota)
    halaman.locator("#id_nama").fill("Euis Komariah")
    halaman.locator("input[name=jenis_kelamin][value=P]").check()
    halaman.locator("#id_tahun_lahir").fill("1988")
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    halaman.wait_for_selector("[data-uji=draf-tersimpan]")

    halaman.goto(f"{live_server.url}/kelompok/kps/{kps.pk}/")
    lencana = halaman.locator("#draf-luring")
    lencana.wait_for(state="visible")
    assert lencana.inner_text() == "2 menunggu dikirim"
    simpan_tangkapan(halaman, "luring-dua-draf")
    assert Monitoring.objects.count() == 0 and not Anggota.objects.filter(nama="Euis Komariah")

    halaman.context.set_offline(False)
    lencana.wait_for(state="hidden", timeout=30_000)
    catatan = Monitoring.objects.get()
    assert catatan.kemajuan == "Pelatihan pengemasan madu tanpa sinyal" and catatan.peserta == 20
    assert Anggota.objects.filter(nama="Euis Komariah", kps=kps).count() == 1
    # Halaman dibuka lagi: tidak ada yang dikirim dua kali.
    halaman.reload()
    halaman.wait_for_timeout(1000)
    assert Monitoring.objects.count() == 1
    assert Anggota.objects.filter(nama="Euis Komariah").count() == 1

    # Kata sandi tidak pernah disimpan di perangkat: formulir ganti sandi tanpa sinyal gagal
    # biasa (halaman galat peramban), tidak menjadi draf.
    halaman.context.set_offline(True)
    halaman.goto(f"{live_server.url}/akun/kata-sandi/")
    halaman.locator("#id_old_password").fill("sandi-lama-yang-rahasia")
    halaman.locator("#id_new_password1").fill("sandi-baru-yang-rahasia-1")
    halaman.locator("#id_new_password2").fill("sandi-baru-yang-rahasia-1")
    with contextlib.suppress(Exception):
        halaman.locator("main form button[type=submit]").click(timeout=3000)
    halaman.wait_for_timeout(1500)
    halaman.context.set_offline(False)
    halaman.goto(f"{live_server.url}/kelompok/kps/{kps.pk}/")
    jumlah = halaman.evaluate("window.DrafLuring.jalankan('readonly', (s) => s.count())")
    assert jumlah == 0


def test_a_draft_the_server_refuses_is_kept_and_can_be_refilled(live_server, halaman_ponsel):
    siti = PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")
    kps = KpsFactory(nama="KPS Wana Jaya", pendamping=siti)
    ks = KerjaSama.objects.create(
        judul="Madu", jenis="kelembagaan", kebutuhan="x", kps_utama=kps, dibuat_oleh=siti, tahap="f"
    )
    halaman = halaman_ponsel
    masuk(halaman, live_server, "siti")
    monitoring = f"{live_server.url}/kerja-sama/{ks.pk}/monitoring/"
    halaman.goto(monitoring)
    _dikendalikan_service_worker(halaman)

    halaman.context.set_offline(True)
    halaman.get_by_label("Tanggal").fill("2026-11-02")
    halaman.get_by_label("Kemajuan").fill("Catatan yang akan ditolak")
    halaman.get_by_label("Jumlah peserta").fill("5")
    halaman.get_by_label("Peserta perempuan").fill("9")  # lebih dari peserta: ditolak server
    halaman.get_by_label("Peserta muda (30 tahun ke bawah)").fill("0")
    halaman.get_by_role("button", name="Simpan").click()
    halaman.wait_for_selector("[data-uji=draf-tersimpan]")
    halaman.context.set_offline(False)

    halaman.goto(monitoring)
    lencana = halaman.locator("#draf-luring")
    halaman.locator("#draf-luring", has_text="ditolak server").wait_for(timeout=30_000)
    assert Monitoring.objects.count() == 0
    halaman.get_by_role("button", name="Isi ulang dari draf").click()
    assert halaman.get_by_label("Kemajuan").input_value() == "Catatan yang akan ditolak"
    halaman.get_by_label("Peserta perempuan").fill("2")
    halaman.get_by_role("button", name="Simpan").click()
    halaman.wait_for_url(f"**/kerja-sama/{ks.pk}/")
    assert Monitoring.objects.get().kemajuan == "Catatan yang akan ditolak"
    assert lencana.is_hidden()
