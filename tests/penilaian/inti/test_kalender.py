"""Kalender hari kerja nasional: SKB 2026, tahun perkiraan, SKB yang dimuat admin, cuti bersama."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from akun import peran
from kerjasama.models import Notifikasi
from penilaian.inti import hari_kerja, kalender
from penilaian.inti.models import HariLibur, KalenderLibur
from penilaian.inti.services import hari_libur, kalender_atur, kalender_muat
from penilaian.kth.models import PenilaianKth
from penilaian.kth.selectors import catatan_tenggat
from penilaian.kth.services import (
    ingatkan_tenggat_penetapan,
    penilaian_kth_buat,
    tenggat_hitung_ulang,
)
from tests.factories import KthFactory, PenggunaFactory

D = datetime.date


def test_the_2026_list_is_the_decree_with_cuti_bersama(db):
    kal = hari_libur()
    tahun = kal.hari_tahun(2026)
    assert not kal.adalah_perkiraan(2026)
    assert "1497" in kal.resmi[2026]
    assert tahun[D(2026, 3, 20)].jenis == kalender.CUTI_BERSAMA  # bukan Idul Fitri
    assert tahun[D(2026, 3, 21)].jenis == tahun[D(2026, 3, 22)].jenis == kalender.LIBUR
    cuti = sorted(t for t, h in tahun.items() if h.jenis == kalender.CUTI_BERSAMA)
    assert cuti == [
        D(2026, 2, 16),
        D(2026, 3, 18),
        D(2026, 3, 20),
        D(2026, 3, 23),
        D(2026, 3, 24),
        D(2026, 5, 15),
        D(2026, 5, 28),
        D(2026, 12, 24),
    ]


def test_a_deadline_across_idul_fitri_2026(db):
    selasa = D(2026, 3, 17)
    kal = hari_libur()
    # 18 cuti, 19 Nyepi, 20 cuti, 21-22 Idul Fitri (akhir pekan), 23-24 cuti; 25, 26, 27, 30,
    # 31 Maret, 1, 2 April (7); 3 April Wafat Yesus Kristus; 6, 7, 8 April (10).
    assert hari_kerja.tambah_hari_kerja(selasa, 10, kal) == D(2026, 4, 8)
    assert hari_kerja.sisa_hari_kerja(D(2026, 3, 24), D(2026, 4, 8), kal) == 10

    kalender_atur(cuti_bersama_hari_kerja=True)
    kal = hari_libur()
    # Cuti bersama dihitung: 18, 20, 23, 24, 25, 26, 27, 30, 31 Maret, 1 April.
    assert hari_kerja.tambah_hari_kerja(selasa, 10, kal) == D(2026, 4, 1)


def test_the_next_year_is_provisional_not_empty(db):
    kal = hari_libur()
    assert kal.adalah_perkiraan(2027)
    for hari in (D(2027, 1, 1), D(2027, 8, 17), D(2027, 12, 25)):
        assert hari in kal, hari
        assert not hari_kerja.hari_kerja(hari, kal)
    assert kal.tahun_perkiraan(D(2026, 12, 23), D(2027, 1, 12)) == [2027]
    assert kal.tahun_perkiraan(D(2026, 3, 1), D(2026, 3, 31)) == []
    assert "2027 perkiraan" in kalender.catatan_perkiraan([2027])


def test_a_deadline_across_the_year_end_is_flagged_then_corrected_by_the_decree(
    versi_kth, django_capture_on_commit_callbacks
):
    kth = KthFactory()
    penilai = PenggunaFactory(peran=peran.PENILAI_KTH, provinsi_id=kth.provinsi_id)
    rabu = D(2026, 12, 23)
    kal = hari_libur()
    # 24 cuti, 25 Natal; 28-31 Desember (4); 1 Januari libur; 4 Jan (5); 5 Jan Isra Mikraj
    # (perkiraan); 6, 7, 8, 11, 12 Januari (10).
    tenggat = hari_kerja.tambah_hari_kerja(rabu, 10, kal)
    assert tenggat == D(2027, 1, 12)
    p = penilaian_kth_buat(kth=kth, tahun=2026, oleh=penilai)
    PenilaianKth.objects.filter(pk=p.pk).update(
        status=PenilaianKth.Status.DIAJUKAN,
        diajukan_pada=timezone.make_aware(datetime.datetime(2026, 12, 23, 10)),
        tenggat=tenggat,
    )
    p.refresh_from_db()
    assert "2027 perkiraan" in catatan_tenggat(p)
    kadis = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id=kth.provinsi_id)
    assert ingatkan_tenggat_penetapan(hari_ini=D(2027, 1, 11)) == 1
    pesan = Notifikasi.objects.get(penerima=kadis).pesan
    assert f"({tenggat:%d-%m-%Y}, perkiraan)" in pesan

    # SKB 2027 (contoh): 1 Januari libur, 4 Januari cuti bersama, tanpa 5 Januari.
    with django_capture_on_commit_callbacks(execute=True):
        kalender_muat(
            tahun=2027,
            sumber="SKB contoh 2027",
            hari=[
                kalender.Hari(D(2027, 1, 1), "Tahun Baru 2027 Masehi", kalender.LIBUR),
                kalender.Hari(D(2027, 1, 4), "Cuti bersama", kalender.CUTI_BERSAMA),
                kalender.Hari(D(2027, 8, 17), "Hari Proklamasi", kalender.LIBUR),
            ],
            oleh=None,
        )
    p.refresh_from_db()
    # 28-31 Desember (4); 1 dan 4 Januari tidak; 5, 6, 7, 8, 11, 12 (10).
    assert p.tenggat == D(2027, 1, 12)
    assert catatan_tenggat(p) == ""
    assert not hari_libur().adalah_perkiraan(2027)
    assert D(2027, 1, 5) not in hari_libur()  # perkiraan tidak lagi dipakai

    with django_capture_on_commit_callbacks(execute=True):
        kalender_atur(cuti_bersama_hari_kerja=True)
    p.refresh_from_db()
    # 24 Desember dan 4 Januari kini hari kerja: 24, 28, 29, 30, 31, 4, 5, 6, 7, 8.
    assert p.tenggat == D(2027, 1, 8)
    assert tenggat_hitung_ulang() == 0


def test_a_decree_upload_reports_every_bad_row_and_loads_nothing(db):
    with pytest.raises(kalender.GalatDaftarLibur) as galat:
        kalender.baca_daftar(
            [
                ("tanggal", "nama", "jenis"),
                ("2027-01-01", "Tahun Baru", "libur nasional"),
                ("2026-12-25", "Natal", "libur nasional"),
                ("31-02-2027", "Salah", "libur nasional"),
                ("01-01-2027", "Ganda", "cuti bersama"),
                ("2027-03-10", "", "libur"),
                ("2027-03-11", "Idul Fitri", "libur daerah"),
            ],
            2027,
        )
    pesan = " ".join(galat.value.pesan)
    for bagian in (
        "Baris 3: tanggal 25-12-2026 bukan tahun 2027",
        "Baris 4: tanggal '31-02-2027' tidak terbaca",
        "Baris 5: tanggal 01-01-2027 sudah ada di baris 2",
        "Baris 6: nama hari libur kosong",
        "Baris 7: jenis harus",
    ):
        assert bagian in pesan
    assert kalender.baca_daftar([("Tanggal", "Nama", "Jenis"), ("1/1/2027", "A", "Libur")], 2027)


def _berkas(teks: str, nama="libur-2027.csv"):
    return SimpleUploadedFile(nama, teks.encode("utf-8"), content_type="text/csv")


def test_calendar_pages_access_ladder(client, db, admin_nasional, pendamping_a):
    url = reverse("penilaian:kalender_libur")
    assert client.get(url).status_code == 302  # anonim ke halaman masuk
    client.force_login(pendamping_a)
    assert client.get(url).status_code == 403
    assert client.get(reverse("penilaian:kalender_tahun", args=[2027])).status_code == 403
    admin_prov = PenggunaFactory(peran=peran.ADMIN, provinsi_id="32")
    client.force_login(admin_prov)
    assert client.get(url).status_code == 200  # admin provinsi melihat
    tolak = client.post(
        url,
        {
            "muat-tahun": "2027",
            "muat-sumber": "SKB",
            "muat-berkas": _berkas("tanggal,nama,jenis\n2027-01-01,Tahun Baru,libur nasional\n"),
        },
    )
    assert tolak.status_code == 403
    assert not KalenderLibur.objects.filter(tahun=2027).exists()


def test_national_admin_loads_next_years_decree_from_a_file(client, admin_nasional):
    client.force_login(admin_nasional)
    url = reverse("penilaian:kalender_libur")
    halaman = client.get(url)
    baris = {t["tahun"]: t for t in halaman.context["tahun"]}
    assert baris[2026]["resmi"] and (baris[2026]["libur"], baris[2026]["cuti"]) == (17, 8)
    assert not baris[2027]["resmi"] and baris[2027]["libur"] >= 15
    assert "perkiraan" in halaman.content.decode()

    salah = client.post(
        url,
        {
            "muat-tahun": "2027",
            "muat-sumber": "SKB 2027",
            "muat-berkas": _berkas("tanggal;nama;jenis\n2027-13-01;Salah;libur nasional\n"),
        },
    )
    assert salah.status_code == 200
    assert "Baris 2: tanggal &#x27;2027-13-01&#x27; tidak terbaca" in salah.content.decode()
    assert salah.context["form"]["sumber"].value() == "SKB 2027"  # isian tetap
    assert not KalenderLibur.objects.filter(tahun=2027).exists()

    csv_2026 = client.get(reverse("penilaian:kalender_tahun", args=[2026]), {"unduh": "csv"})
    teks = csv_2026.content.decode()
    assert teks.startswith("tanggal,nama,jenis")
    assert "2026-03-20,Cuti bersama Idul Fitri 1447 Hijriah,cuti bersama" in teks

    isi = "tanggal,nama,jenis\n2027-01-01,Tahun Baru 2027 Masehi,libur nasional\n"
    isi += "2027-03-09,Cuti bersama Idul Fitri,cuti bersama\n"
    muat = client.post(
        url, {"muat-tahun": "2027", "muat-sumber": "SKB 2027", "muat-berkas": _berkas(isi)}
    )
    assert muat.status_code == 302
    kal = KalenderLibur.objects.get(tahun=2027)
    assert kal.sumber == "SKB 2027" and kal.dimuat_oleh == admin_nasional
    assert HariLibur.objects.filter(tanggal__year=2027).count() == 2
    halaman = client.get(reverse("penilaian:kalender_tahun", args=[2027]))
    assert halaman.context["resmi"] and len(halaman.context["hari"]) == 2

    atur = client.post(url, {"atur": "1", "atur-cuti_bersama_hari_kerja": "on"})
    assert atur.status_code == 302
    assert hari_libur().cuti_bersama_hari_kerja


def test_an_xlsx_decree_is_read_too(client, admin_nasional):
    from openpyxl import Workbook

    buku = Workbook()
    lembar = buku.active
    lembar.append(["tanggal", "nama", "jenis"])
    lembar.append([datetime.datetime(2028, 1, 1), "Tahun Baru 2028 Masehi", "libur nasional"])
    isi = io.BytesIO()
    buku.save(isi)
    client.force_login(admin_nasional)
    respons = client.post(
        reverse("penilaian:kalender_libur"),
        {
            "muat-tahun": "2028",
            "muat-sumber": "SKB 2028",
            "muat-berkas": SimpleUploadedFile("libur.xlsx", isi.getvalue()),
        },
    )
    assert respons.status_code == 302
    assert list(HariLibur.objects.filter(tanggal__year=2028).values_list("nama", flat=True)) == [
        "Tahun Baru 2028 Masehi"
    ]
