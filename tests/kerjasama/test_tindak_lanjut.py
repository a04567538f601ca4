"""Dari evaluasi HKm final ke kerja sama: rencana tindak lanjut, calon mitra, satu klik."""

import datetime

import pytest
from django.urls import reverse

from kerjasama.models import AksiTindakLanjut, KerjaSama, Mitra, PemeriksaanMitra
from kerjasama.tindak_lanjut import RencanaTidakDapatDibuat, buat_rencana, calon_mitra
from kerjasama.uji_tuntas import butir_untuk
from penilaian.hkm.services import (
    evaluasi_buat,
    evaluasi_finalkan,
    prasyarat_simpan,
    responden_tambah,
)
from penilaian.inti.services import kuesioner_serahkan
from tests.factories import AnggotaFactory
from tests.penilaian.conftest import isi_lengkap


def evaluasi_final(kps, oleh, tanggal, lemah=("B3", "D2")):
    evaluasi = evaluasi_buat(kps=kps, oleh=oleh, tanggal=tanggal)
    prasyarat_simpan(evaluasi=evaluasi, jawaban={"A1.1": "a", "A1.2": "b"}, oleh=oleh)
    responden = responden_tambah(
        evaluasi=evaluasi,
        nama="",
        peran="pengurus",
        anggota=AnggotaFactory(kps=kps, nama=f"Euis {tanggal}"),
        oleh=oleh,
    )

    def pilih(indikator, n):
        urut = sorted(indikator.opsi, key=lambda o: o.skor)
        return (urut[0] if indikator.kode.split(".")[0] in lemah else urut[-1]).kode

    isi_lengkap(responden.kuesioner, oleh, pilih)
    kuesioner_serahkan(kuesioner=responden.kuesioner, oleh=oleh)
    return evaluasi_finalkan(evaluasi=evaluasi, oleh=oleh)


def test_the_plan_turns_criteria_below_sedang_into_mapped_actions(versi_hkm, kps_a, pendamping_a):
    draf = evaluasi_buat(kps=kps_a, oleh=pendamping_a, tanggal=datetime.date(2026, 9, 1))
    with pytest.raises(RencanaTidakDapatDibuat, match="sudah final"):
        buat_rencana(evaluasi=draf, oleh=pendamping_a)
    evaluasi = evaluasi_final(kps_a, pendamping_a, datetime.date(2026, 10, 1))
    rencana = buat_rencana(evaluasi=evaluasi, oleh=pendamping_a)
    assert buat_rencana(evaluasi=evaluasi, oleh=pendamping_a) == rencana  # sekali saja
    aksi = {a.kode: a for a in rencana.aksi.all()}
    assert set(aksi) == {"B3", "D2"}
    assert aksi["B3"].jenis == ["usaha", "multi_pihak"]
    assert aksi["B3"].kategori_mitra[0] == "bums"
    assert "2.4.4" in aksi["B3"].sumber
    assert aksi["D2"].jenis == ["kelembagaan"] and "AD-ART" in aksi["D2"].kebutuhan
    assert aksi["B3"].kategori == "Tidak Baik" and aksi["B3"].nilai < 60


def test_candidate_partners_are_ranked_by_fit_region_due_diligence_and_record(
    kps_a, pendamping_a, admin_nasional
):
    def mitra(nama, kategori, provinsi, *, uji_lengkap=False):
        m = Mitra.objects.create(
            nama=nama, kategori=kategori, provinsi_id=provinsi, dibuat_oleh=admin_nasional
        )
        if uji_lengkap:
            for b in butir_untuk(kategori):
                PemeriksaanMitra.objects.create(mitra=m, kode=b.kode, terpenuhi=True)
        return m

    a = mitra("A Kopi", "bums", "32", uji_lengkap=True)
    mitra("B Dagang", "bums", "32")
    mitra("C BUMDes", "bumdes", None)
    mitra("D Jateng", "bums", "33")
    e = mitra("E Bermasalah", "bums", "32")
    mitra("F Kalbar", "lsm", "61")
    mitra("G Kampus", "akademisi", "32")  # kategori tidak cocok: tidak disarankan
    berjalan = KerjaSama.objects.create(
        judul="Lama",
        jenis="usaha",
        kebutuhan="x",
        kps_utama=kps_a,
        tahap="f",
        dibuat_oleh=pendamping_a,
    )
    berjalan.mitra.add(a)
    gagal = KerjaSama.objects.create(
        judul="Gagal",
        jenis="usaha",
        kebutuhan="x",
        kps_utama=kps_a,
        tahap="f",
        dibuat_oleh=pendamping_a,
        diakhiri_pada=datetime.date(2026, 1, 1),
        alasan_akhir="putusan",
    )
    gagal.mitra.add(e)
    kategori = ["bums", "bumdes", "koperasi", "keuangan", "bumn", "bumd", "lsm"]
    hasil = calon_mitra(kategori=kategori, kps=kps_a, batas=10)
    assert [(c.mitra.nama, c.skor) for c in hasil] == [
        ("A Kopi", 9),  # kategori 3 + provinsi 3 + uji tuntas lengkap 2 + 1 kerja sama berjalan
        ("B Dagang", 6),
        ("D Jateng", 4),  # wilayah BPSKL yang sama
        ("E Bermasalah", 4),  # 6 dikurangi 2: berakhir sebelum waktunya
        ("C BUMDes", 3),  # kategori kedua, nasional
        ("F Kalbar", 1),
    ]
    assert "uji tuntas lengkap" in ", ".join(hasil[0].alasan)
    assert "1 kerja sama berakhir sebelum waktunya" in hasil[3].alasan


def test_three_clicks_from_a_final_evaluation_to_a_started_partnership_and_the_next_evaluation(
    client, versi_hkm, kps_a, pendamping_a, admin_nasional
):
    mitra = Mitra.objects.create(
        nama="PT Madu Hutan", kategori="bums", provinsi_id="32", dibuat_oleh=admin_nasional
    )
    evaluasi = evaluasi_final(kps_a, pendamping_a, datetime.date(2026, 10, 1))
    client.force_login(pendamping_a)
    rekap = client.get(reverse("penilaian:rekap", args=[evaluasi.pk])).content.decode()
    assert "Buat rencana tindak lanjut" in rekap
    # Klik 1: buat rencana.
    respons = client.post(reverse("kerjasama:tindak_lanjut", args=[evaluasi.pk]))
    alamat = reverse("kerjasama:tindak_lanjut", args=[evaluasi.pk])
    assert respons.status_code == 302 and respons["Location"] == alamat
    halaman = client.get(alamat).content.decode()
    aksi = AksiTindakLanjut.objects.get(kode="B3")
    mulai = f"{reverse('kerjasama:tambah', args=[kps_a.pk])}?aksi={aksi.pk}&amp;mitra={mitra.pk}"
    assert mulai in halaman and "Mulai kerja sama dengan PT Madu Hutan" in halaman
    # Klik 2: formulir kerja sama terisi.
    formulir = client.get(mulai.replace("&amp;", "&"))
    awal = formulir.context["form"].initial
    assert awal["jenis"] == "usaha" and awal["kebutuhan"] == aksi.kebutuhan
    assert list(awal["mitra"]) == [mitra.pk]
    assert "Tindak lanjut B3" in awal["judul"]
    # Klik 3: simpan.
    respons = client.post(
        reverse("kerjasama:tambah", args=[kps_a.pk]),
        {
            "aksi": aksi.pk,
            "judul": awal["judul"],
            "jenis": "usaha",
            "kebutuhan": aksi.kebutuhan,
            "mitra": [mitra.pk],
        },
    )
    assert respons.status_code == 302
    aksi.refresh_from_db()
    ks = aksi.kerjasama
    assert ks is not None and list(ks.mitra.all()) == [mitra]
    assert ks.riwayat.filter(peristiwa="dari rencana tindak lanjut").exists()
    kps_halaman = client.get(reverse("kelompok:kps_detail", args=[kps_a.pk])).content.decode()
    assert "2 aksi (1 dimulai, 1 usulan)" in " ".join(kps_halaman.split())

    # Evaluasi berikutnya: kriteria yang ditindaklanjuti bergerak, terlihat di rencana.
    evaluasi_final(kps_a, pendamping_a, datetime.date(2026, 11, 1), lemah=("D2",))
    halaman = " ".join(client.get(alamat).content.decode().split())
    assert 'data-uji="sesudah">100,0%</strong> (naik' in halaman


def test_the_plan_follows_the_access_ladder(
    client, versi_hkm, kps_a, pendamping_a, pendamping_b, kepala_dinas
):
    evaluasi = evaluasi_final(kps_a, pendamping_a, datetime.date(2026, 10, 1))
    alamat = reverse("kerjasama:tindak_lanjut", args=[evaluasi.pk])
    assert client.get(alamat).status_code == 302  # tamu: ke halaman masuk
    client.force_login(pendamping_b)
    assert client.get(alamat).status_code == 404
    assert client.post(alamat).status_code == 404
    client.force_login(kepala_dinas)
    assert client.get(alamat).status_code == 200
    assert client.post(alamat).status_code == 403
    client.force_login(pendamping_a)
    assert client.post(alamat).status_code == 302
    # Aksi KPS lain tidak dapat ditautkan lewat parameter.
    aksi = AksiTindakLanjut.objects.first()
    from tests.factories import KpsFactory

    lain = KpsFactory(provinsi="32", pendamping=pendamping_a)
    formulir = client.get(reverse("kerjasama:tambah", args=[lain.pk]), {"aksi": aksi.pk})
    assert formulir.context["aksi"] is None
