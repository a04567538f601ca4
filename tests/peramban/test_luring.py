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


def _isi_monitoring(halaman, kemajuan: str, peserta: str, perempuan: str, muda: str) -> None:
    halaman.get_by_label("Tanggal").fill("2026-11-02")
    halaman.get_by_label("Kemajuan").fill(kemajuan)
    halaman.get_by_label("Jumlah peserta").fill(peserta)
    halaman.get_by_label("Peserta perempuan").fill(perempuan)
    halaman.get_by_label("Peserta muda (30 tahun ke bawah)").fill(muda)
    halaman.get_by_role("button", name="Simpan").click()


def _tambah_anggota_tanpa_sinyal(halaman, alamat: str) -> None:
    halaman.goto(alamat)
    halaman.locator("#id_nama").fill("Euis Komariah")
    halaman.locator("input[name=jenis_kelamin][value=P]").check()
    halaman.locator("#id_tahun_lahir").fill("1988")
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    halaman.wait_for_selector("[data-uji=draf-tersimpan]")


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
    _isi_monitoring(halaman, "Pelatihan pengemasan madu tanpa sinyal", "20", "9", "4")
    halaman.wait_for_selector("[data-uji=draf-tersimpan]")

    _tambah_anggota_tanpa_sinyal(halaman, anggota)

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
    # Halaman akun tidak disalin ke perangkat; formulirnya dibuka dengan sinyal lalu sinyal putus.
    halaman.goto(f"{live_server.url}/akun/kata-sandi/")
    halaman.context.set_offline(True)
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
    # Peserta perempuan lebih dari jumlah peserta: ditolak server.
    _isi_monitoring(halaman, "Catatan yang akan ditolak", "5", "9", "0")
    halaman.wait_for_selector("[data-uji=draf-tersimpan]")
    halaman.context.set_offline(False)

    halaman.goto(monitoring)
    lencana = halaman.locator("#draf-luring")
    halaman.locator("#draf-luring", has_text="ditolak server").wait_for(timeout=30_000)
    assert Monitoring.objects.count() == 0
    # Lencana membuka daftar isian di perangkat: yang ditolak tampil dengan keadaannya.
    lencana.click()
    halaman.wait_for_url("**/luring/draf/")
    butir = halaman.locator("[data-uji=draf]")
    butir.wait_for()
    assert "Ditolak server." in butir.inner_text()
    butir.get_by_role("link", name="Buka formulir untuk isi ulang").click()
    halaman.wait_for_url(monitoring)
    halaman.get_by_role("button", name="Isi ulang dari draf").click()
    assert halaman.get_by_label("Kemajuan").input_value() == "Catatan yang akan ditolak"
    halaman.get_by_label("Peserta perempuan").fill("2")
    halaman.get_by_role("button", name="Simpan").click()
    halaman.wait_for_url(f"**/kerja-sama/{ks.pk}/")
    assert Monitoring.objects.get().kemajuan == "Catatan yang akan ditolak"
    assert lencana.is_hidden()


def _foto_lapangan(sisi: int = 900) -> bytes:
    """JPEG sah berukuran beberapa ratus KB (derau acak tidak termampatkan): beberapa potongan."""
    import io
    import os

    from PIL import Image

    keluaran = io.BytesIO()
    Image.frombytes("RGB", (sisi, sisi), os.urandom(sisi * sisi * 3)).save(
        keluaran, format="JPEG", quality=95
    )
    return keluaran.getvalue()


def _tunggu(halaman, js: str, syarat, batas_detik: float = 20):
    for _ in range(int(batas_detik * 10)):
        nilai = halaman.evaluate(js)
        if syarat(nilai):
            return nilai
        halaman.wait_for_timeout(100)
    daftar = halaman.evaluate(
        "caches.keys().then((n) => Promise.all(n.map((x) => caches.open(x).then((c) => c.keys()))))"
        ".then((d) => d.flat().map((r) => r.url))"
    )
    raise AssertionError(f"Tidak terpenuhi: {js} -> {nilai}; salinan: {daftar}")


def test_a_whole_field_day_offline_questionnaire_member_monitoring_and_photo_arrive_once(
    live_server, halaman_ponsel, simpan_tangkapan
):
    import re

    from kelompok.models import DokumenPendukung
    from penilaian.hkm.services import evaluasi_buat, responden_tambah
    from penilaian.inti import definisi
    from penilaian.inti.models import Jawaban
    from penilaian.inti.services import instrumen_muat
    from tests.penilaian.conftest import FIXTURES

    siti = PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")
    kps = KpsFactory(nama="KPS Wana Jaya", pendamping=siti)
    ks = KerjaSama.objects.create(
        judul="Madu", jenis="kelembagaan", kebutuhan="x", kps_utama=kps, dibuat_oleh=siti, tahap="f"
    )
    instrumen_muat(kanonik=definisi.dari_yaml((FIXTURES / "hkm.yaml").read_text()))
    evaluasi = evaluasi_buat(kps=kps, oleh=siti, tanggal=datetime.date(2026, 11, 2))
    responden = responden_tambah(
        evaluasi=evaluasi, nama="Bu Euis", peran="pengurus", anggota=None, oleh=siti
    )
    foto = _foto_lapangan()
    assert len(foto) > 3 * 256 * 1024  # beberapa potongan unggahan

    halaman = halaman_ponsel
    masuk(halaman, live_server, "siti")
    url = live_server.url
    monitoring = f"{url}/kerja-sama/{ks.pk}/monitoring/"
    anggota = f"{url}/kelompok/kps/{kps.pk}/anggota/tambah/"
    dokumen = f"{url}/kelompok/kps/{kps.pk}/dokumen/unggah/"
    kuesioner = f"{url}/penilaian/responden/{responden.pk}/"
    # Pagi, dengan sinyal: dibuka sekali saja. Halaman pertama kuesioner meminta salinan semua
    # bagiannya (B1..D6 dan ringkasan) tanpa harus dibuka satu per satu.
    halaman.goto(monitoring)
    _dikendalikan_service_worker(halaman)
    for alamat in (anggota, dokumen, kuesioner):
        halaman.goto(alamat)
    _tunggu(
        halaman,
        "caches.keys().then((n) => Promise.all(n.map((x) => caches.open(x).then((c) => c.keys()))))"
        ".then((d) => d.flat().filter((r) => r.url.includes('/responden/')).length)",
        lambda n: n >= 15,  # halaman pertama, 13 kriteria, ringkasan
    )

    # Di lapangan tanpa sinyal.
    halaman.context.set_offline(True)
    halaman.goto(kuesioner)
    for _ in range(13):
        for fieldset in halaman.locator("fieldset").all():
            fieldset.locator("label").first.click()
        with halaman.expect_navigation():
            halaman.get_by_role("button", name=re.compile(r"^(Lanjut ke|Ke ringkasan)")).click()
    assert "/ringkasan/" in halaman.url  # "Lanjut ke B3" dst. terbuka tanpa sinyal

    halaman.goto(monitoring)
    _isi_monitoring(halaman, "Monitoring di lapangan", "12", "5", "3")
    halaman.wait_for_selector("[data-uji=draf-tersimpan]")

    _tambah_anggota_tanpa_sinyal(halaman, anggota)

    halaman.goto(dokumen)
    halaman.locator("#id_jenis").select_option("potensi")
    halaman.locator("#id_judul").fill("Foto tegakan petak 3")
    halaman.locator("#id_tanggal_dokumen").fill("2026-11-02")
    halaman.locator("#id_berkas").set_input_files(
        files=[{"name": "foto-petak-3.jpg", "mimeType": "image/jpeg", "buffer": foto}]
    )
    halaman.locator("main form button[type=submit]").click()
    halaman.wait_for_selector("[data-uji=draf-tersimpan]")

    halaman.goto(f"{url}/kelompok/kps/{kps.pk}/")
    lencana = halaman.locator("#draf-luring")
    lencana.wait_for(state="visible")
    assert lencana.inner_text() == "16 menunggu dikirim"  # 13 bagian kuesioner + 3 formulir
    simpan_tangkapan(halaman, "luring-sehari-di-lapangan")
    assert not Jawaban.objects.filter(kuesioner=responden.kuesioner).exists()
    assert not DokumenPendukung.objects.exists() and not Monitoring.objects.exists()

    # Sore, sinyal kembali: semuanya terkirim, sekali.
    halaman.context.set_offline(False)
    lencana.wait_for(state="hidden", timeout=60_000)
    assert Jawaban.objects.filter(kuesioner=responden.kuesioner).count() == 48
    assert Monitoring.objects.get().kemajuan == "Monitoring di lapangan"
    assert Anggota.objects.filter(nama="Euis Komariah", kps=kps).count() == 1
    dok = DokumenPendukung.objects.get()
    assert dok.judul == "Foto tegakan petak 3" and dok.berkas.read() == foto
    halaman.reload()
    halaman.wait_for_timeout(1500)
    assert DokumenPendukung.objects.count() == 1 and Monitoring.objects.count() == 1
    assert Jawaban.objects.filter(kuesioner=responden.kuesioner).count() == 48


def test_an_upload_shows_progress_and_resumes_after_the_connection_drops(live_server, peramban):
    from kelompok.models import DokumenPendukung

    siti = PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")
    kps = KpsFactory(nama="KPS Wana Jaya", pendamping=siti)
    foto = _foto_lapangan()
    # Tanpa service worker, agar rute uji melihat setiap potongan.
    konteks = peramban.new_context(
        viewport={"width": 360, "height": 740}, locale="id-ID", service_workers="block"
    )
    halaman = konteks.new_page()
    halaman.set_default_timeout(15_000)
    potongan = []

    def putuskan_sekali(route):
        potongan.append(route.request.url.split("mulai=")[1])
        if len(potongan) == 2:
            route.abort("connectionfailed")  # sambungan putus di potongan kedua
        else:
            route.continue_()

    halaman.route("**/unggah/*/?mulai=*", putuskan_sekali)
    try:
        masuk(halaman, live_server, "siti")
        halaman.goto(f"{live_server.url}/kelompok/kps/{kps.pk}/dokumen/unggah/")
        halaman.locator("#id_jenis").select_option("potensi")
        halaman.locator("#id_tanggal_dokumen").fill("2026-11-02")
        halaman.locator("#id_berkas").set_input_files(
            files=[{"name": "foto.jpg", "mimeType": "image/jpeg", "buffer": foto}]
        )
        halaman.locator("main form button[type=submit]").click()
        status = halaman.locator(".unggah-kemajuan [role=status]")
        status.filter(has_text="Sambungan terputus").wait_for()
        assert halaman.locator(".unggah-kemajuan progress").count() == 1
        halaman.wait_for_url(f"**/kelompok/kps/{kps.pk}/", timeout=30_000)
    finally:
        konteks.close()
    assert DokumenPendukung.objects.get().berkas.read() == foto
    # Dilanjutkan dari bita yang sudah diterima server, bukan dari awal.
    assert potongan[:3] == ["0", str(256 * 1024), str(256 * 1024)]
    assert potongan.count("0") == 1


def test_an_offline_edit_that_someone_else_changed_meanwhile_is_kept_with_the_reason(
    live_server, halaman_ponsel
):
    from tests.factories import AnggotaFactory

    siti = PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")
    kps = KpsFactory(nama="KPS Wana Jaya", pendamping=siti)
    euis = AnggotaFactory(kps=kps, nama="Euis", jenis_kelamin="P", tahun_lahir=1990)
    halaman = halaman_ponsel
    masuk(halaman, live_server, "siti")
    ubah = f"{live_server.url}/kelompok/anggota/{euis.pk}/ubah/"
    halaman.goto(ubah)
    _dikendalikan_service_worker(halaman)

    halaman.context.set_offline(True)
    halaman.locator("#id_nama").fill("Euis Rahayu")
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    halaman.wait_for_selector("[data-uji=draf-tersimpan]")
    # Sementara itu, di kantor, admin membetulkan nama yang sama.
    from django.test import Client

    admin = PenggunaFactory(
        username="admin_kantor", nama="Admin Kantor", peran=peran.ADMIN, is_staff=True
    )
    kantor = Client()
    kantor.force_login(admin)
    r = kantor.post(
        f"/kelompok/anggota/{euis.pk}/ubah/",
        {
            "nama": "Euis Komariah",
            "jenis_kelamin": "P",
            "tahun_lahir": "1990",
            "jabatan": "anggota",
        },
    )
    assert r.status_code == 302

    halaman.context.set_offline(False)
    halaman.goto(f"{live_server.url}/luring/draf/")
    butir = halaman.locator("[data-uji=draf]", has_text="diubah orang lain")
    butir.wait_for(timeout=30_000)
    assert "diubah oleh Admin Kantor" in butir.inner_text()
    euis.refresh_from_db()
    assert euis.nama == "Euis Komariah"  # perubahan kantor tidak tertimpa
    # Isi ulang di formulir yang kini memuat data terbaru, lalu simpan dengan sadar.
    butir.get_by_role("link", name="Buka formulir untuk isi ulang").click()
    halaman.get_by_role("button", name="Isi ulang dari draf").click()
    assert halaman.locator("#id_nama").input_value() == "Euis Rahayu"
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    halaman.wait_for_url(f"**/kelompok/kps/{kps.pk}/anggota/")
    euis.refresh_from_db()
    assert euis.nama == "Euis Rahayu"
