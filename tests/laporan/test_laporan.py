"""Laporan berkala ke atas: angka sama dengan hitungan sendiri di uji, cakupan per BPSKL, berkas
.xlsx dan PDF yang terbaca, dan pekerjaan bulanan."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from kelompok.models import Bpskl
from kerjasama.models import AksiTindakLanjut, KerjaSama
from kerjasama.tindak_lanjut import buat_rencana
from laporan import services
from laporan.hitung import hitung
from laporan.models import LaporanBerkala
from penilaian.inti.models import Kuesioner
from penilaian.kth.models import PenilaianKth
from tests.factories import KpsFactory, KthFactory
from tests.kerjasama.test_tindak_lanjut import evaluasi_final

WIB = ZoneInfo("Asia/Jakarta")


def waktu(hari, jam=10):
    return datetime.datetime(2026, 11, hari, jam, tzinfo=WIB)


@pytest.fixture
def data_wilayah(versi_hkm, versi_kth, kps_a, pendamping_a, pendamping_b, penilai):
    kps_jateng = KpsFactory(provinsi="33", pendamping=pendamping_a)
    kps_kalbar = KpsFactory(provinsi="61", pendamping=pendamping_b)

    def ks(kps, jenis, tahap, **lain):
        return KerjaSama.objects.create(
            judul=f"{jenis} {tahap}",
            jenis=jenis,
            kebutuhan="x",
            kps_utama=kps,
            tahap=tahap,
            dibuat_oleh=pendamping_a,
            **lain,
        )

    semua = [
        ks(kps_a, "usaha", "d", status_persetujuan="disetujui"),
        ks(kps_a, "usaha", "d", status_persetujuan="ditolak"),
        ks(kps_a, "usaha", "c", status_persetujuan="diajukan"),
        ks(kps_a, "kelembagaan", "f"),
        ks(kps_jateng, "kawasan", "g", diakhiri_pada=datetime.date(2026, 11, 3)),
        ks(kps_kalbar, "usaha", "b", status_persetujuan="diajukan"),
    ]
    # Persetujuan November: 3 hari (disetujui) dan 10,5 hari (ditolak); satu masih menunggu.
    KerjaSama.objects.filter(pk=semua[0].pk).update(
        diajukan_pada=waktu(2), diputuskan_pada=waktu(5)
    )
    KerjaSama.objects.filter(pk=semua[1].pk).update(
        diajukan_pada=waktu(1, 0), diputuskan_pada=waktu(11, 12)
    )
    KerjaSama.objects.filter(pk=semua[2].pk).update(diajukan_pada=waktu(20))
    KerjaSama.objects.filter(pk=semua[5].pk).update(diajukan_pada=waktu(21))
    # Kelas KTH ditetapkan: Jawa Barat 2026 dua Madya, satu Pemula; 2025 satu Madya.
    for tahun, kelas, provinsi in [
        (2026, "Madya", "32"),
        (2026, "Madya", "32"),
        (2026, "Pemula", "32"),
        (2025, "Madya", "32"),
        (2026, "Utama", "61"),
    ]:
        PenilaianKth.objects.create(
            kth=KthFactory(provinsi=provinsi),
            tahun=tahun,
            penilai=penilai,
            kuesioner=Kuesioner.objects.create(versi=versi_kth),
            status=PenilaianKth.Status.DITETAPKAN,
            kelas=kelas,
        )
    evaluasi = evaluasi_final(kps_a, pendamping_a, datetime.date(2026, 10, 1))
    rencana = buat_rencana(evaluasi=evaluasi, oleh=pendamping_a)
    AksiTindakLanjut.objects.filter(rencana=rencana, kode="B3").update(kerjasama=semua[3])
    return semua


def test_the_figures_equal_counts_made_independently(data_wilayah):
    semua = data_wilayah
    d = hitung(bpskl_id="JBN", tahun=2026, bulan=11)
    jbn = [k for k in semua if k.kps_utama.provinsi_id in ("32", "33")]
    ks = d["kerjasama"]
    assert ks["jumlah"] == len(jbn) == 5
    assert ks["jenis_tahap"]["usaha"] == {"d": 2, "c": 1}
    assert ks["jenis_tahap"]["kawasan"] == {} and ks["diakhiri"] == {"kawasan": 1}
    assert ks["provinsi_jenis"] == {"32": {"usaha": 3, "kelembagaan": 1}, "33": {"kawasan": 1}}
    s = d["persetujuan"]
    assert (s["diajukan"], s["disetujui"], s["ditolak"], s["menunggu"]) == (3, 1, 1, 1)
    assert (s["lama_rata"], s["lama_median"], s["lama_terlama"]) == ("6.8", "6.8", "10.5")
    assert d["kth"]["32"] == {"Pemula": [1, 0], "Madya": [2, 1], "Utama": [0, 0]}
    assert "61" not in d["kth"]
    assert d["hkm"]["jumlah"] == 1 and d["hkm"]["per_provinsi"] == {"32": 1}
    assert d["hkm"]["kriteria"]["B3"]["kategori"] == {"Tidak Baik": 1}
    assert d["hkm"]["kriteria"]["B1"]["kategori"] == {"Baik": 1}
    assert d["tindak_lanjut"] == {
        "usulan": 1,
        "dimulai": 0,
        "berjalan": 1,
        "selesai": 0,
        "diakhiri": 0,
    }
    nasional = hitung(bpskl_id=None, tahun=2026, bulan=11)
    assert nasional["kerjasama"]["jumlah"] == len(semua)
    assert nasional["persetujuan"]["menunggu"] == 2
    assert nasional["kth"]["61"]["Utama"] == [1, 0]
    # Bulan sebelumnya: belum ada keputusan; evaluasi Oktober sudah terhitung.
    oktober = hitung(bpskl_id="JBN", tahun=2026, bulan=10)
    assert oktober["persetujuan"]["disetujui"] == 0 and oktober["hkm"]["jumlah"] == 1


def test_the_report_is_written_as_xlsx_and_pdf_with_the_same_figures(
    data_wilayah, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        laporan = services.minta(bpskl_id="JBN", tahun=2026, bulan=11)
    laporan.refresh_from_db()
    assert laporan.status == LaporanBerkala.Status.SELESAI, laporan.galat
    with laporan.berkas_xlsx.open("rb") as berkas:
        lembar = load_workbook(berkas).active
    semua = [r for r in lembar.iter_rows(values_only=True) if r and r[0]]
    baris = {r[0]: r[1:] for r in semua}
    assert lembar["A1"].value.startswith("Laporan berkala Perhutanan Sosial Jawa, Bali")
    assert baris["Disetujui bulan ini"][0] == 1
    assert baris["Lama menunggu terlama (hari)"][0] == "10,5"
    mulai_kth = next(n for n, r in enumerate(semua) if r[0].startswith("Kelas KTH"))
    kelas_jabar = next(r for r in semua[mulai_kth:] if r[0] == "Jawa Barat")
    assert kelas_jabar[1:5] == ("1 (+1)", "2 (+1)", "0", "3 (+2)")
    with laporan.berkas_pdf.open("rb") as berkas:
        teks = " ".join(
            " ".join(h.extract_text() for h in PdfReader(io.BytesIO(berkas.read())).pages).split()
        )
    assert "November 2026" in teks and "Lama menunggu rata-rata (hari) 6,8" in teks
    assert "Kalimantan Barat" not in teks


def test_monthly_job_requests_every_bpskl_and_the_nation_once(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        jumlah = services.minta_semua_bulan_lalu(datetime.date(2026, 12, 1))
    assert jumlah == Bpskl.objects.count() + 1
    laporan = LaporanBerkala.objects.all()
    assert {(r.bpskl_id, r.tahun, r.bulan) for r in laporan} == {
        (None, 2026, 11),
        *((b, 2026, 11) for b in Bpskl.objects.values_list("kode", flat=True)),
    }
    assert all(r.status == LaporanBerkala.Status.SELESAI for r in laporan)
    with pytest.raises(services.PermintaanTidakSah, match="belum berjalan"):
        services.minta(bpskl_id=None, tahun=2030, bulan=1)


def test_reports_follow_the_access_ladder(
    client, db, staf_bpskl, pendamping_a, admin_nasional, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        jbn = services.minta(bpskl_id="JBN", tahun=2026, bulan=10)
        kal = services.minta(bpskl_id="KAL", tahun=2026, bulan=10)
        nasional = services.minta(bpskl_id=None, tahun=2026, bulan=10)
    daftar = reverse("laporan:daftar")
    assert client.get(daftar).status_code == 302
    client.force_login(pendamping_a)
    assert client.get(daftar).status_code == 403
    assert client.get(jbn.get_absolute_url()).status_code == 404
    client.force_login(staf_bpskl)
    halaman = client.get(daftar)
    assert [r.pk for r in halaman.context["halaman"]] == [jbn.pk]
    assert client.get(kal.get_absolute_url()).status_code == 404
    assert client.get(reverse("laporan:unduh_pdf", args=[nasional.pk])).status_code == 404
    assert client.get(reverse("laporan:unduh_xlsx", args=[jbn.pk])).status_code == 200
    tolak = client.post(daftar, {"cakupan": "nasional", "bulan": "10", "tahun": "2026"})
    assert "Pilih cakupan dari daftar." in tolak.content.decode()
    depan = client.post(daftar, {"cakupan": "JBN", "bulan": "12", "tahun": "2099"})
    assert "bulan yang belum berjalan" in depan.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        respons = client.post(daftar, {"cakupan": "JBN", "bulan": "11", "tahun": "2026"})
    baru = LaporanBerkala.objects.get(bpskl_id="JBN", bulan=11)
    assert respons["Location"] == baru.get_absolute_url() and baru.diminta_oleh == staf_bpskl
    client.force_login(admin_nasional)
    assert client.get(daftar).context["halaman"].paginator.count == 4
    assert client.get(kal.get_absolute_url()).status_code == 200
