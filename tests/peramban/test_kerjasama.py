"""Dari kebutuhan (tahap a) sampai kerja sama usaha yang disetujui BPSKL, ditandatangani,
berPDF, dengan rencana aksi dan monitoring pertama; semuanya tampak di linimasa."""

import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from akun import peran
from kerjasama.models import KerjaSama, Mitra
from kerjasama.naskah import SEMUA_BUTIR
from tests.factories import KpsFactory, PenggunaFactory, pdf_uji
from tests.peramban.test_kelas_kth import keluar
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def test_from_need_to_a_signed_approved_business_partnership(
    live_server, peramban, simpan_tangkapan, tmp_path
):
    siti = PenggunaFactory(username="siti", nama="Siti", peran=peran.PENDAMPING, provinsi_id="32")
    PenggunaFactory(username="made", nama="Made BPSKL", peran=peran.STAF_BPSKL, bpskl_id="JBN")
    kps = KpsFactory(nama="KPS Wana Jaya", pendamping=siti)
    Mitra.objects.create(nama="PT Kopi Nusantara", kategori="bums", dibuat_oleh=siti)
    pdf = tmp_path / "surat.pdf"
    pdf.write_bytes(pdf_uji("uji"))
    konteks = peramban.new_context(
        viewport={"width": 412, "height": 900}, locale="id-ID", accept_downloads=True
    )
    halaman = konteks.new_page()
    halaman.set_default_timeout(15_000)
    masuk(halaman, live_server, "siti")

    halaman.goto(f"{live_server.url}/kelompok/kps/{kps.pk}/")
    halaman.get_by_role("link", name="Mulai kerja sama").click()
    halaman.get_by_label("Judul kerja sama").fill("Pemasaran kopi ke eksportir")
    halaman.get_by_label("Jenis kerja sama").select_option("usaha")
    halaman.get_by_label("Kebutuhan KPS-KUPS yang dijawab").fill("Pembeli tetap dengan harga layak")
    halaman.get_by_label("Mitra", exact=True).select_option(label="PT Kopi Nusantara")
    halaman.get_by_role("button", name="Simpan").click()
    halaman.wait_for_url("**/kerja-sama/*/")
    assert halaman.get_by_text("belum memiliki kerja sama penguatan tata kelola").is_visible()

    def pindah(ke: str, catatan: str):
        halaman.get_by_text("Catat kegiatan dan pindah tahap").click()
        halaman.get_by_label("Pindah ke tahap").select_option(ke)
        halaman.get_by_label("Apa yang dilakukan / alasan").fill(catatan)
        halaman.locator("form[action$='/tahap/'] button[type=submit]").click()
        halaman.wait_for_load_state()

    for ke, catatan in [
        ("b", "Tiga calon pembeli"),
        ("c", "Kunjungan ke PT Kopi"),
        ("d", "Draf disusun"),
    ]:
        pindah(ke, catatan)

    halaman.get_by_role("link", name="Naskah kerja sama", exact=True).click()
    for n, b in enumerate(SEMUA_BUTIR, start=1):
        halaman.locator(f"#id_butir_{b.kode}").fill(
            f"Ketentuan pasal {n} tentang {b.judul.lower()}."
        )
    halaman.get_by_label("Pola pendanaan").select_option("bagi_hasil")
    halaman.get_by_label("Penyertaan modal mitra (%)").fill("40")
    halaman.get_by_role("button", name="Simpan sebagai draf baru").click()
    assert (
        "lima belas butir dan klausul gender sudah terisi."
        in halaman.locator("[data-uji=kekurangan]").inner_text()
    )
    with halaman.expect_download() as unduhan:
        halaman.get_by_role("link", name="Unduh PDF").first.click()
    berkas_pdf = tmp_path / "naskah.pdf"
    unduhan.value.save_as(berkas_pdf)
    assert berkas_pdf.read_bytes().startswith(b"%PDF")

    halaman.goto(f"{live_server.url}/kerja-sama/{KerjaSama.objects.get().pk}/")
    halaman.get_by_label("Surat permohonan mitra").set_input_files(str(pdf))
    halaman.get_by_label("Tanggal surat").fill("2026-11-02")
    # Berkasnya diunggah bertahap dulu (dengan kemajuan), baru formulirnya terkirim.
    with halaman.expect_navigation():
        halaman.get_by_role("button", name="Simpan permohonan").click()
    halaman.once("dialog", lambda d: d.accept())  # konfirmasi pengajuan
    halaman.get_by_role("button", name="Ajukan ke BPSKL").click()
    assert (
        halaman.locator("[data-uji=status-persetujuan]")
        .inner_text()
        .startswith("Menunggu persetujuan BPSKL")
    )
    keluar(halaman)

    masuk(halaman, live_server, "made")
    halaman.goto(f"{live_server.url}/kerja-sama/antrean/")
    halaman.get_by_role("link", name="Pemasaran kopi ke eksportir").click()
    halaman.once("dialog", lambda d: d.accept())
    halaman.get_by_role("button", name="Setujui").click()
    assert (
        halaman.locator("[data-uji=status-persetujuan]").inner_text().startswith("Disetujui BPSKL")
    )
    keluar(halaman)

    masuk(halaman, live_server, "siti")
    ks = KerjaSama.objects.get()
    halaman.goto(f"{live_server.url}/kerja-sama/{ks.pk}/naskah/")
    halaman.get_by_text("Unggah naskah yang sudah ditandatangani").click()
    halaman.get_by_label("Pindaian naskah yang sudah ditandatangani semua pihak").set_input_files(
        str(pdf)
    )
    halaman.get_by_label("Tanggal penandatanganan").fill("2026-11-20")
    with halaman.expect_navigation():
        halaman.get_by_role("button", name="Simpan naskah bertanda tangan").click()
    halaman.goto(f"{live_server.url}/kerja-sama/{ks.pk}/")
    pindah("e", "Pertemuan para pihak, naskah disepakati")
    pindah("f", "Naskah ditandatangani, pelaksanaan dimulai")
    halaman.get_by_role("link", name="Tambah rencana aksi").click()
    halaman.get_by_label("Kegiatan").fill("Pelatihan pascapanen")
    halaman.get_by_label("Pihak penanggung jawab").fill("PT Kopi Nusantara")
    halaman.get_by_label("Mulai").fill("2026-12-01")
    halaman.get_by_label("Selesai").fill("2026-12-15")
    halaman.get_by_label("Anggaran (Rp)").fill("15.000.000")
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    halaman.get_by_role("link", name="Catat monitoring").click()
    halaman.get_by_label("Tanggal").fill("2026-11-21")
    halaman.get_by_label("Kemajuan").fill("Kontrak pembelian pertama 2 ton")
    halaman.get_by_label("Perlindungan dan pengamanan hutan").check()
    halaman.get_by_label("Jumlah peserta").fill("20")
    halaman.get_by_label("Peserta perempuan").fill("8")
    halaman.get_by_label("Peserta muda (30 tahun ke bawah)").fill("6")
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    halaman.wait_for_url(f"**/kerja-sama/{ks.pk}/")

    linimasa = " ".join(halaman.locator("[data-uji=riwayat]").all_inner_texts())
    for peristiwa in [
        "dibuat",
        "permohonan mitra",
        "draf naskah",
        "diajukan ke BPSKL",
        "disetujui BPSKL",
        "naskah ditandatangani",
        "rencana aksi",
        "monitoring",
    ]:
        assert peristiwa in linimasa, peristiwa
    assert "Rp 15.000.000" in halaman.content()
    ks.refresh_from_db()
    assert (ks.tahap, ks.status_persetujuan) == ("f", "disetujui")
    simpan_tangkapan(halaman, "kerjasama-linimasa")

    # Dokumen resmi: surat keputusan BPSKL sudah terbit saat diputuskan; pendamping menerbitkan
    # laporan pelaksanaan bernomor, mengunduhnya, dan siapa pun memverifikasinya dari alamat QR.
    assert halaman.locator("[data-uji=dokumen-surat_keputusan]").is_visible()
    halaman.get_by_role("link", name="Laporan pelaksanaan kerja sama").click()
    halaman.get_by_label("Periode dari").fill("2026-11-01")
    halaman.get_by_label("Periode sampai").fill(timezone.localdate().isoformat())
    halaman.once("dialog", lambda d: d.accept())
    halaman.get_by_role("button", name="Terbitkan").click()
    halaman.wait_for_url(f"**/kerja-sama/{ks.pk}/#dokumen")
    baris = halaman.locator("[data-uji=dokumen-laporan_pelaksanaan]")
    assert "berlaku" in baris.inner_text()
    with halaman.expect_download() as unduhan:
        baris.get_by_role("link", name="Unduh PDF").click()
    laporan_pdf = tmp_path / "laporan.pdf"
    unduhan.value.save_as(laporan_pdf)
    teks = " ".join(" ".join(h.extract_text() for h in PdfReader(str(laporan_pdf)).pages).split())
    assert "Kontrak pembelian pertama 2 ton" in teks
    alamat = re.search(r"(https?://\S+/verifikasi/[\w-]+/)", teks).group(1)
    tamu = peramban.new_context(viewport={"width": 360, "height": 740}).new_page()
    tamu.goto(live_server.url + "/verifikasi/" + alamat.rstrip("/").rsplit("/", 1)[1] + "/")
    status = tamu.locator("[data-uji=status]").inner_text()
    assert "BERLAKU" in status and "Laporan pelaksanaan kerja sama" in status
    simpan_tangkapan(tamu, "verifikasi-laporan-360px")
    konteks.close()
