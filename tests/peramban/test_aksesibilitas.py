"""Audit aksesibilitas (axe, WCAG 2.1 AA) dan lebar ponsel untuk halaman utama setiap fitur,
di atas data demo: mencegah kemunduran yang tidak terlihat di uji lain."""

import io

import pytest
from django.core.management import call_command

from dokumen.models import Dokumen
from kelompok.models import Kps, Kth, Kups
from kerjasama.models import AkunMitra, KerjaSama, Mitra, PermohonanMitra
from penilaian.hkm.models import EvaluasiHkm
from penilaian.kth.models import PenilaianKth, Sertifikat
from penilaian.usaha.models import AnalisisUsaha
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def test_key_pages_pass_the_audit_and_fit_a_phone(
    live_server, halaman_ponsel, periksa_aksesibilitas
):
    from akun.models import Pengguna

    call_command("muat_data_demo", "--paksa", stdout=io.StringIO())
    for pengguna in Pengguna.objects.all():
        pengguna.set_password("sandi-uji-yang-panjang")
        pengguna.save()
    kps = Kps.objects.get(nomor_sk__startswith="SK.1234")
    permohonan_baru = PermohonanMitra.objects.filter(status="diajukan").first()
    permohonan_diterima = PermohonanMitra.objects.get(status="diterima")
    halaman_per_peran = {
        "pendamping": [
            "/beranda/pendamping/",
            "/luring/draf/",
            "/kerja-sama/",
            "/kelompok/kps/",
            f"/kelompok/kps/{kps.pk}/",
            f"/kelompok/kps/{kps.pk}/ubah/",
            f"/kelompok/kups/{Kups.objects.filter(kps=kps).first().pk}/",
            f"/kelompok/kups/{Kups.objects.filter(kps=kps).first().pk}/syarat/",
            f"/kelompok/kps/{kps.pk}/anggota/",
            f"/kelompok/kps/{kps.pk}/anggota/tambah/",
            "/kelompok/kth/",
            f"/kelompok/kth/{Kth.objects.get(kps=kps).pk}/",
            "/kelompok/impor/kps/",
            f"/penilaian/hkm/{EvaluasiHkm.objects.get().pk}/",
            f"/penilaian/hkm/{EvaluasiHkm.objects.get().pk}/rekap/",
            f"/penilaian/usaha/kups/{Kups.objects.filter(kps=kps).first().pk}/baru/ekowisata/",
            f"/penilaian/usaha/kups/{Kups.objects.filter(kps=kps).first().pk}/baru/agroforestri/",
            *[f"/penilaian/usaha/{a.pk}/" for a in AnalisisUsaha.objects.order_by("pk")],
            f"/penilaian/usaha/kups/{Kups.objects.filter(kps=kps).first().pk}/",
            *[
                f"/kerja-sama/{ks.pk}/{bagian}"
                for ks in KerjaSama.objects.filter(jenis="usaha").order_by("pk")
                # menunggu BPSKL, dan sudah disetujui
                for bagian in ("", "naskah/")
            ],
            f"/kerja-sama/{KerjaSama.objects.get(jenis='lingkungan').pk}/ruang-kmp/",
            f"/kerja-sama/mitra/{Mitra.objects.get().pk}/",
            f"/kerja-sama/mitra/{Mitra.objects.get().pk}/undang/",
            "/kerja-sama/permohonan-mitra/",
            f"/kerja-sama/permohonan-mitra/{permohonan_baru.pk}/",  # formulir tanggapan
            f"/kerja-sama/baru/{kps.pk}/?permohonan={permohonan_diterima.pk}",
            f"/kerja-sama/akun-mitra/{AkunMitra.objects.get(status='menunggu').pk}/",
            "/kerja-sama/notifikasi/",
            *[
                f"/kerja-sama/{KerjaSama.objects.get(tahap='g').pk}/{bagian}"
                for bagian in (
                    "dokumen/surat_pengakhiran/",  # formulir
                    "dokumen/surat_pengantar/",  # sudah terbit: alasan tanpa formulir
                    "pertemuan/",
                    "evaluasi/",  # angka dan formulir evaluasi tahap g
                )
            ],
        ],
        "kadis": [
            "/beranda/dinas/",
            "/penilaian/kth/antrean/",
            f"/penilaian/kth/{PenilaianKth.objects.filter(status='diajukan').get().pk}/",
            "/penilaian/kth/cakupan/",
        ],
        "bpskl": [
            "/beranda/bpskl/",
            "/kerja-sama/antrean/",
            "/kerja-sama/mitra/",
            f"/kerja-sama/{KerjaSama.objects.get(status_persetujuan='diajukan').pk}/",
            "/kelompok/kps/peta/",
        ],
        "mitra": [
            "/beranda/mitra/",
            "/kerja-sama/permohonan-mitra/",
            f"/kerja-sama/permohonan-mitra/{permohonan_diterima.pk}/",
            "/kerja-sama/permohonan-mitra/baru/?q=kopi",
            f"/kerja-sama/permohonan-mitra/baru/?sasaran=kps-{kps.pk}",
        ],
        "admin": [
            "/beranda/admin/",
            "/penilaian/instrumen/",
            "/penilaian/sertifikat/ekspor/",
            "/penilaian/kalender-libur/",
            "/penilaian/kalender-libur/2027/",
        ],
    }
    halaman = halaman_ponsel
    for username, daftar in halaman_per_peran.items():
        halaman.context.clear_cookies()
        masuk(halaman, live_server, username)
        for alamat in daftar:
            respons = halaman.goto(f"{live_server.url}{alamat}")
            assert respons.status == 200, alamat
            periksa_aksesibilitas(halaman)
            assert halaman.evaluate("document.documentElement.scrollWidth") <= 360, alamat
    halaman.context.clear_cookies()
    halaman.goto(f"{live_server.url}/verifikasi/{Sertifikat.objects.get().kode}/")
    periksa_aksesibilitas(halaman)
    halaman.goto(
        f"{live_server.url}/verifikasi/{Dokumen.objects.get(jenis='naskah_kerjasama').kode}/"
    )
    periksa_aksesibilitas(halaman)
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 360
    respons = halaman.goto(f"{live_server.url}/verifikasi/kode-tidak-ada/")
    assert respons.status == 404
    periksa_aksesibilitas(halaman)
    assert AnalisisUsaha.objects.count() == 2  # data demo saja: membuka formulir tidak menyimpan
