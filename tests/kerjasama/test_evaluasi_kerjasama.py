"""Tahap g: evaluasi kerja sama, rekam jejak mitra, perpanjangan; rencana tindak lanjut KTH dan
penjelasan kondisi terkini pada kuesioner HKm."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kerjasama import evaluasi as layanan
from kerjasama.models import (
    AksiTindakLanjut,
    EvaluasiKerjaSama,
    IndikatorKerjaSama,
    KerjaSama,
    Mitra,
    Monitoring,
    Perpanjangan,
    RencanaAksi,
)
from kerjasama.services import TindakanTidakSah
from kerjasama.tindak_lanjut import buat_rencana, buat_rencana_kth
from penilaian.inti.services import penjelasan_simpan
from penilaian.kth.services import (
    penilaian_kth_ajukan,
    penilaian_kth_buat,
    penilaian_kth_tetapkan,
)
from tests.factories import KpsFactory, KthFactory
from tests.kerjasama.test_tindak_lanjut import evaluasi_final
from tests.penilaian.conftest import isi_kth

HARI_INI = datetime.date(2026, 11, 20)


def ks_tahap_g(kps, oleh, *, jenis="kelembagaan", **lain) -> KerjaSama:
    return KerjaSama.objects.create(
        judul=f"Penguatan {jenis}",
        jenis=jenis,
        kebutuhan="AD-ART dan administrasi",
        kps_utama=kps,
        tahap="g",
        dibuat_oleh=oleh,
        berlaku_mulai=datetime.date(2025, 1, 1),
        berlaku_sampai=datetime.date(2027, 1, 1),
        **lain,
    )


def isi_pelaksanaan(ks, oleh):
    for n, status in enumerate(["selesai", "selesai", "berjalan", "batal"]):
        RencanaAksi.objects.create(
            kerjasama=ks,
            kegiatan=f"Kegiatan {n}",
            penanggung_jawab="KPS",
            mulai=datetime.date(2025, 2, 1),
            selesai=datetime.date(2025, 3, 1),
            anggaran=Decimal(1_000_000 * (n + 1)),
            status=status,
        )
    for tanggal, kewajiban, peserta, perempuan in [
        (datetime.date(2025, 3, 1), ["perlindungan", "laporan"], 20, 5),
        (datetime.date(2025, 6, 1), ["perlindungan", "pnbp"], 30, 12),
    ]:
        Monitoring.objects.create(
            kerjasama=ks,
            tanggal=tanggal,
            kemajuan="berjalan",
            kewajiban=kewajiban,
            peserta=peserta,
            peserta_perempuan=perempuan,
            peserta_muda=0,
            oleh=oleh,
        )
    IndikatorKerjaSama.objects.create(
        kerjasama=ks,
        nama="Madu terjual",
        satuan="kg/tahun",
        awal=Decimal(100),
        target=Decimal(300),
        capaian=Decimal(250),
    )


def test_the_evaluation_at_step_g_shows_indicators_obligations_and_whether_targeted_criteria_moved(
    client, versi_hkm, kps_a, pendamping_a
):
    evaluasi = evaluasi_final(kps_a, pendamping_a, datetime.date(2026, 3, 1))
    rencana = buat_rencana(evaluasi=evaluasi, oleh=pendamping_a)
    ks = ks_tahap_g(kps_a, pendamping_a)
    AksiTindakLanjut.objects.filter(rencana=rencana, kode="D2").update(kerjasama=ks)
    isi_pelaksanaan(ks, pendamping_a)

    data = layanan.potret(ks)
    indikator = {b["nama"]: b for b in data["indikator"]}
    kegiatan = indikator["Kegiatan rencana aksi yang selesai"]
    assert (kegiatan["target"], kegiatan["capaian"]) == ("3", "2")  # yang batal tidak dihitung
    anggaran = indikator["Anggaran kegiatan yang terlaksana"]
    assert (Decimal(anggaran["target"]), Decimal(anggaran["capaian"])) == (6_000_000, 3_000_000)
    assert indikator["Keterlibatan peserta perempuan"]["capaian"] == "34.0"  # 17 dari 50
    assert indikator["Madu terjual"]["otomatis"] is False
    kewajiban = {b["kode"]: b for b in data["kewajiban"]["baris"]}
    assert kewajiban["perlindungan"]["dipenuhi"] == [True, True]
    assert kewajiban["pnbp"]["dipenuhi"] == [False, True] and kewajiban["pnbp"]["jumlah"] == 1
    [kriteria] = data["kriteria"]
    assert kriteria["kode"] == "D2" and kriteria["sesudah"] is None
    assert kriteria["gerak"] == "belum dievaluasi ulang" and kriteria["target"] == "60"

    # Evaluasi HKm berikutnya: D2 tidak lagi lemah.
    evaluasi_final(kps_a, pendamping_a, datetime.date(2026, 9, 1), lemah=("B3",))
    client.force_login(pendamping_a)
    alamat = reverse("kerjasama:evaluasi", args=[ks.pk])
    kosong = client.post(alamat, {"tanggal": "20-11-2026"})
    assert kosong.status_code == 200 and "Simpan evaluasi" in kosong.content.decode()
    assert kosong.context["form"].errors["penilaian"]
    respons = client.post(
        alamat,
        {
            "tanggal": "20-11-2026",
            "penilaian": "baik",
            "rekomendasi": "perpanjang",
            "pelajaran": "Rapat bulanan menjaga AD-ART tetap dipakai.",
        },
    )
    hasil = EvaluasiKerjaSama.objects.get(kerjasama=ks)
    assert respons["Location"] == reverse("kerjasama:evaluasi_detail", args=[ks.pk, hasil.pk])
    [gerak] = hasil.potret["kriteria"]
    assert gerak["sesudah"] == "100.0" and gerak["gerak"].startswith("naik")
    assert "mencapai garis sasaran" in gerak["gerak"]
    halaman = " ".join(client.get(respons["Location"]).content.decode().split())
    assert "mencapai garis sasaran" in halaman and "1 dari 2" in halaman
    assert "Rp 6.000.000" in halaman and "Baik: sebagian besar tujuan tercapai" in halaman
    # Angkanya dibekukan: monitoring baru tidak mengubah evaluasi yang sudah disimpan.
    Monitoring.objects.create(
        kerjasama=ks, tanggal=HARI_INI, kemajuan="x", kewajiban=[], oleh=pendamping_a
    )
    hasil.refresh_from_db()
    assert hasil.potret["kewajiban"]["monitoring"] == 2
    assert ks.riwayat.filter(peristiwa="evaluasi").exists()


def test_evaluation_follows_the_access_ladder_and_waits_for_step_g(
    client, kps_a, pendamping_a, pendamping_b, kepala_dinas
):
    ks = ks_tahap_g(kps_a, pendamping_a)
    hasil = layanan.evaluasi_simpan(
        kerjasama=ks,
        data={
            "tanggal": HARI_INI,
            "penilaian": "cukup",
            "rekomendasi": "perbaiki",
            "pelajaran": "x",
        },
        oleh=pendamping_a,
    )
    baru = reverse("kerjasama:evaluasi", args=[ks.pk])
    detail = reverse("kerjasama:evaluasi_detail", args=[ks.pk, hasil.pk])
    assert client.get(detail).status_code == 302
    client.force_login(pendamping_b)
    assert client.get(detail).status_code == 404 and client.get(baru).status_code == 404
    client.force_login(kepala_dinas)
    assert client.get(detail).status_code == 200
    assert client.get(baru).status_code == 403
    client.force_login(pendamping_a)
    assert client.get(detail).status_code == 200
    KerjaSama.objects.filter(pk=ks.pk).update(tahap="f")
    halaman = client.get(baru).content.decode()
    assert "dilakukan di tahap g" in halaman and "Simpan evaluasi" not in halaman
    with pytest.raises(TindakanTidakSah, match="tahap g"):
        layanan.evaluasi_simpan(kerjasama=ks, data={}, oleh=pendamping_a)


def test_a_partners_page_shows_its_track_record_across_regions_without_foreign_titles(
    client, kps_a, pendamping_a, pendamping_b, admin_nasional
):
    mitra = Mitra.objects.create(nama="CV Lebah", kategori="bums", dibuat_oleh=admin_nasional)
    kps_kalbar = KpsFactory(provinsi="61", pendamping=pendamping_b)
    jejak = [
        ks_tahap_g(kps_a, pendamping_a, jenis="usaha"),
        ks_tahap_g(
            kps_a,
            pendamping_a,
            jenis="sdm",
            diakhiri_pada=HARI_INI,
            alasan_akhir="kesepakatan",
            catatan_akhir="Mitra berhenti membeli madu.",
        ),
        ks_tahap_g(kps_kalbar, pendamping_b, jenis="kawasan"),
        ks_tahap_g(
            kps_kalbar,
            pendamping_b,
            jenis="lingkungan",
            diakhiri_pada=HARI_INI,
            alasan_akhir="jangka_waktu",
        ),
    ]
    for ks in jejak:
        ks.mitra.add(mitra)
    for ks, nilai in ((jejak[0], "baik"), (jejak[2], "kurang")):
        layanan.evaluasi_simpan(
            kerjasama=ks,
            data={
                "tanggal": HARI_INI,
                "penilaian": nilai,
                "rekomendasi": "lanjutkan",
                "pelajaran": "-",
            },
            oleh=ks.dibuat_oleh,
        )
    client.force_login(pendamping_a)
    respons = client.get(mitra.get_absolute_url())
    ringkas = respons.context["jejak"]
    # Dihitung sendiri dari data di atas.
    assert ringkas["jumlah"] == 4 and ringkas["berjalan"] == 2
    assert ringkas["selesai"] == 1 and ringkas["dini"] == 1
    halaman = " ".join(respons.content.decode().split())
    assert "1 berakhir sebelum waktunya" in halaman and "Mitra berhenti membeli madu." in halaman
    assert "1 baik: sebagian besar tujuan tercapai; 1 kurang: tujuan tidak tercapai" in halaman
    assert "Penguatan kawasan" not in halaman and "di luar wilayah Anda" in halaman
    assert jejak[0].judul in halaman


def test_an_extension_applies_at_once_or_after_the_bpskl_approval_the_original_needed(
    client, kps_a, pendamping_a, staf_bpskl, admin_nasional
):
    ks = ks_tahap_g(kps_a, pendamping_a)
    with pytest.raises(TindakanTidakSah, match="evaluasi kerja sama dulu"):
        layanan.perpanjangan_ajukan(
            kerjasama=ks,
            sampai=datetime.date(2029, 1, 1),
            alasan="x",
            surat=None,
            oleh=pendamping_a,
        )
    isian = {
        "tanggal": HARI_INI,
        "penilaian": "baik",
        "rekomendasi": "perpanjang",
        "pelajaran": "-",
    }
    layanan.evaluasi_simpan(kerjasama=ks, data=isian, oleh=pendamping_a)
    client.force_login(pendamping_a)
    alamat = reverse("kerjasama:perpanjangan", args=[ks.pk])
    mundur = client.post(alamat, {"sampai": "01-12-2026", "alasan": "lanjut"})
    assert "Harus sesudah tanggal berakhir sekarang (01-01-2027)" in mundur.content.decode()
    assert client.post(alamat, {"sampai": "01-01-2029", "alasan": "lanjut"}).status_code == 302
    ks.refresh_from_db()
    assert ks.berlaku_sampai == datetime.date(2029, 1, 1)
    assert ks.perpanjangan.get().status == Perpanjangan.Status.BERLAKU

    usaha = ks_tahap_g(
        kps_a, pendamping_a, jenis="usaha", status_persetujuan="disetujui", bpskl_id="JBN"
    )
    layanan.evaluasi_simpan(kerjasama=usaha, data=isian, oleh=pendamping_a)
    client.post(
        reverse("kerjasama:perpanjangan", args=[usaha.pk]),
        {"sampai": "01-01-2030", "alasan": "Produksi naik"},
    )
    p = usaha.perpanjangan.get()
    usaha.refresh_from_db()
    assert p.status == Perpanjangan.Status.DIAJUKAN
    assert usaha.berlaku_sampai == datetime.date(2027, 1, 1)  # belum berubah
    lagi = client.post(
        reverse("kerjasama:perpanjangan", args=[usaha.pk]), {"sampai": "01-01-2031", "alasan": "y"}
    )
    assert "menunggu keputusan BPSKL" in lagi.content.decode()
    putuskan = reverse("kerjasama:perpanjangan_putuskan", args=[usaha.pk, p.pk])
    assert client.post(putuskan, {"keputusan": "setuju"}).status_code == 403
    client.force_login(staf_bpskl)
    antrean = client.get(reverse("kerjasama:antrean")).content.decode()
    assert 'data-uji="antrean-perpanjangan"' in antrean
    client.post(putuskan, {"keputusan": "tolak"})
    p.refresh_from_db()
    assert p.status == Perpanjangan.Status.DIAJUKAN  # penolakan tanpa alasan ditolak
    client.post(putuskan, {"keputusan": "setuju", "catatan": "Sesuai evaluasi"})
    p.refresh_from_db()
    usaha.refresh_from_db()
    assert p.status == Perpanjangan.Status.BERLAKU and p.diputuskan_oleh == staf_bpskl
    assert usaha.berlaku_sampai == datetime.date(2030, 1, 1)
    assert usaha.riwayat.filter(peristiwa="diperpanjang").exists()


def test_a_decided_kth_assessment_gives_a_plan_for_the_aspects_below_the_next_class(
    client, versi_kth, kps_a, pendamping_a, penilai, kepala_dinas
):
    kth = KthFactory(nama="KTH Tunas", desa=kps_a.desa, kps=kps_a)
    tanpa_kps = KthFactory(nama="KTH Mandiri", desa=kps_a.desa)

    def ditetapkan(kth, tahun, isian):
        p = penilaian_kth_buat(kth=kth, tahun=tahun, oleh=penilai)
        isi_kth(p, penilai, nilai_isian=isian)
        penilaian_kth_ajukan(penilaian=p, oleh=penilai)
        penilaian_kth_tetapkan(penilaian=p, oleh=kepala_dinas)
        p.refresh_from_db()
        return p

    p = ditetapkan(kth, 2025, 0)
    assert p.kelas == "Pemula"
    client.force_login(pendamping_a)
    detail = client.get(reverse("penilaian:kth_detail", args=[p.pk])).content.decode()
    assert "Buat rencana tindak lanjut" in detail
    alamat = reverse("kerjasama:tindak_lanjut_kth", args=[p.pk])
    assert client.post(alamat)["Location"] == alamat
    rencana = p.rencana_tindak_lanjut
    aksi = {a.kode: a for a in rencana.aksi.all()}
    # Aspek I (opsi tertinggi untuk I.1-I.6 = 145 dari 360 = 40,3%) di atas garis Madya 35%.
    assert set(aksi) == {"II", "III"} and aksi["II"].nilai == 0
    assert aksi["III"].jenis == ["usaha", "multi_pihak"] and "seed 003" in aksi["III"].sumber
    assert rencana.garis == "kelas Madya (35%)"
    halaman = client.get(alamat).content.decode()
    assert f"?aksi={aksi['III'].pk}" in halaman

    # Penilaian berikutnya: geraknya tampil di rencana.
    ditetapkan(kth, 2026, 20)
    halaman = " ".join(client.get(alamat).content.decode().split())
    assert "penilaian kelas KTH 2026" in halaman and "(naik" in halaman

    # KTH tanpa KPS (di luar cakupan pendamping KPS): penilai provinsinya membaca rencananya.
    q = ditetapkan(tanpa_kps, 2025, 0)
    buat_rencana_kth(penilaian=q, oleh=penilai)
    assert client.get(reverse("kerjasama:tindak_lanjut_kth", args=[q.pk])).status_code == 404
    client.force_login(penilai)
    halaman = client.get(reverse("kerjasama:tindak_lanjut_kth", args=[q.pk])).content.decode()
    assert 'data-uji="tanpa-kps"' in halaman and "Mulai kerja sama dengan" not in halaman


def test_the_evaluator_records_the_current_condition_per_indicator_and_the_plan_shows_it(
    client, versi_hkm, kps_a, pendamping_a
):
    from penilaian.hkm.services import evaluasi_buat, prasyarat_simpan, responden_tambah

    evaluasi = evaluasi_buat(kps=kps_a, oleh=pendamping_a, tanggal=datetime.date(2026, 10, 1))
    prasyarat_simpan(evaluasi=evaluasi, jawaban={"A1.1": "a", "A1.2": "b"}, oleh=pendamping_a)
    responden = responden_tambah(
        evaluasi=evaluasi, nama="Pak Ujang", peran="pengurus", anggota=None, oleh=pendamping_a
    )
    client.force_login(pendamping_a)
    kode = versi_hkm.mesin.kriteria_dinilai()[0].indikator[0].kode
    respons = client.post(
        reverse("penilaian:kuesioner_jawab", args=[responden.pk]),
        {"indikator": kode, "jenis": "penjelasan", f"penjelasan-{kode}": "RKT belum disahkan."},
    )
    assert respons.status_code == 200 and "Tersimpan" in respons.content.decode()
    kuesioner = responden.kuesioner
    assert kuesioner.penjelasan.get().teks == "RKT belum disahkan."
    assert not kuesioner.jawaban.exists()  # penjelasan bukan jawaban
    kriteria = versi_hkm.mesin.kriteria_dinilai()[0].kode
    halaman = client.get(
        reverse("penilaian:kuesioner_kriteria", args=[responden.pk, kriteria])
    ).content.decode()
    assert "RKT belum disahkan." in halaman
    nul = client.post(
        reverse("penilaian:kuesioner_jawab", args=[responden.pk]),
        {"indikator": kode, "jenis": "penjelasan", f"penjelasan-{kode}": "a\x00b"},
    )
    assert nul.status_code == 422 and "RKT belum disahkan." in nul.content.decode()

    from penilaian.inti.services import kuesioner_serahkan
    from tests.penilaian.conftest import isi_lengkap

    isi_lengkap(kuesioner, pendamping_a, lambda i, n: sorted(i.opsi, key=lambda o: o.skor)[0].kode)
    kuesioner_serahkan(kuesioner=kuesioner, oleh=pendamping_a)
    with pytest.raises(Exception, match="sudah diserahkan"):
        penjelasan_simpan(kuesioner=kuesioner, indikator=kode, teks="ubah", oleh=pendamping_a)
    from penilaian.hkm.services import evaluasi_finalkan

    evaluasi = evaluasi_finalkan(evaluasi=evaluasi, oleh=pendamping_a)
    buat_rencana(evaluasi=evaluasi, oleh=pendamping_a)
    rencana = client.get(reverse("kerjasama:tindak_lanjut", args=[evaluasi.pk])).content.decode()
    assert "Penjelasan kondisi terkini dari penilai (1)" in rencana
    assert "Pak Ujang" in rencana and "RKT belum disahkan." in rencana
