import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kerjasama import services
from kerjasama.models import KerjaSama, Notifikasi
from tests.factories import pdf_uji
from tests.kerjasama.conftest import buat_kerjasama


@pytest.fixture
def berjalan(kps_a, pendamping_a):
    ks = buat_kerjasama(kps_a, pendamping_a, jenis="multi_pihak")
    KerjaSama.objects.filter(pk=ks.pk).update(tahap="f")
    ks.refresh_from_db()
    return ks


def test_action_plan_and_monitoring_with_the_nine_obligations(client, berjalan, pendamping_a):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kerjasama:rencana_aksi", args=[berjalan.pk]),
        {
            "kegiatan": "Pelatihan pascapanen",
            "penanggung_jawab": "PT Kopi",
            "mulai": "2026-12-01",
            "selesai": "2026-11-01",
            "anggaran": "Rp 15.000.000",
            "status": "rencana",
        },
    )
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in respons.content.decode()
    assert 'value="Pelatihan pascapanen"' in respons.content.decode()
    client.post(
        reverse("kerjasama:rencana_aksi", args=[berjalan.pk]),
        {
            "kegiatan": "Pelatihan pascapanen",
            "penanggung_jawab": "PT Kopi",
            "mulai": "2026-12-01",
            "selesai": "2026-12-15",
            "anggaran": "Rp 15.000.000",
            "status": "rencana",
        },
    )
    aksi = berjalan.rencana_aksi.get()
    assert aksi.anggaran == 15000000
    respons = client.post(
        reverse("kerjasama:monitoring", args=[berjalan.pk]),
        {
            "tanggal": "2026-11-20",
            "kemajuan": "Bibit tertanam 80%",
            "masalah": "Hujan",
            "kewajiban": ["perlindungan", "pnbp", "laporan"],
            "peserta": "20",
            "peserta_perempuan": "25",
            "peserta_muda": "5",
        },
    )
    assert "Tidak boleh lebih dari jumlah peserta." in respons.content.decode()
    client.post(
        reverse("kerjasama:monitoring", args=[berjalan.pk]),
        {
            "tanggal": "2026-11-20",
            "kemajuan": "Bibit tertanam 80%",
            "masalah": "Hujan",
            "kewajiban": ["perlindungan", "pnbp", "laporan"],
            "peserta": "20",
            "peserta_perempuan": "9",
            "peserta_muda": "5",
        },
    )
    catatan = berjalan.monitoring.get()
    assert (catatan.kewajiban, catatan.peserta_perempuan) == (
        ["perlindungan", "pnbp", "laporan"],
        9,
    )
    teks = client.get(berjalan.get_absolute_url()).content.decode()
    assert "Kewajiban dipenuhi 3/9" in teks and "Rp 15.000.000" in teks


def test_action_plans_wait_for_implementation(kps_a, pendamping_a):
    ks = buat_kerjasama(kps_a, pendamping_a, jenis="kelembagaan")
    with pytest.raises(services.TindakanTidakSah, match="tahap f"):
        services.rencana_aksi_tambah(
            kerjasama=ks,
            oleh=pendamping_a,
            data={
                "kegiatan": "x",
                "penanggung_jawab": "y",
                "mulai": datetime.date(2026, 1, 1),
                "selesai": datetime.date(2026, 2, 1),
                "anggaran": 0,
                "status": "rencana",
            },
        )


def test_the_kmp_checklist_shows_stage_progress(client, berjalan, pendamping_a):
    client.force_login(pendamping_a)
    halaman = client.get(reverse("kerjasama:kmp", args=[berjalan.pk]))
    tahap = halaman.context["tahap"]
    assert [t["jumlah"] for t in tahap] == [7, 6, 8, 7, 7]
    assert sum(len(t["langkah"]) for t in tahap) == 12
    data = {f"1.{n}-ya": "ya" for n in range(1, 8)} | {
        "2.1-ya": "ya",
        "2.1-catatan": "Notulen rapat",
    }
    client.post(reverse("kerjasama:kmp", args=[berjalan.pk]), data)
    tahap = client.get(reverse("kerjasama:kmp", args=[berjalan.pk])).context["tahap"]
    assert (tahap[0]["lengkap"], tahap[1]["selesai"]) == (True, 1)
    assert berjalan.kmp.get(kode="2.1").catatan == "Notulen rapat"


def test_ending_needs_one_of_the_four_reasons_and_a_letter_for_mutual_agreement(
    client, berjalan, pendamping_a
):
    client.force_login(pendamping_a)
    alamat = reverse("kerjasama:akhiri", args=[berjalan.pk])
    # Tidak ada alasan yang terpilih sendiri, dan tombolnya meminta konfirmasi.
    halaman = client.get(alamat).content.decode()
    assert 'name="alasan" value="jangka_waktu"' in halaman and "checked" not in halaman
    assert 'data-konfirmasi="Akhiri kerja sama ini?' in halaman
    respons = client.post(alamat, {"tanggal": "2026-11-21"})
    assert respons.context["form"].errors["alasan"] == ["Pilih alasan."]
    respons = client.post(alamat, {"alasan": "kesepakatan", "tanggal": "2026-11-21"})
    assert "Lampirkan surat kesepakatan bersama." in respons.content.decode()
    surat = SimpleUploadedFile("skb.pdf", pdf_uji("skb"), content_type="application/pdf")
    client.post(
        alamat,
        {
            "alasan": "kesepakatan",
            "tanggal": "2026-11-21",
            "catatan": "Mitra pailit",
            "surat": surat,
        },
    )
    berjalan.refresh_from_db()
    assert (berjalan.alasan_akhir, berjalan.diakhiri_pada) == (
        "kesepakatan",
        datetime.date(2026, 11, 21),
    )
    assert "kewajiban tetap mengikat" in client.get(berjalan.get_absolute_url()).content.decode()
    with pytest.raises(services.TindakanTidakSah, match="sudah diakhiri"):
        services.kerjasama_akhiri(
            kerjasama=berjalan,
            alasan="putusan",
            catatan="",
            tanggal=datetime.date.today(),
            surat=None,
            oleh=pendamping_a,
        )


def test_expiry_warnings_at_90_and_30_days_are_sent_once(
    berjalan, pendamping_a, django_capture_on_commit_callbacks
):
    hari_ini = datetime.date(2026, 11, 22)
    services.jangka_waktu_atur(
        kerjasama=berjalan,
        mulai=datetime.date(2021, 1, 1),
        sampai=hari_ini + datetime.timedelta(days=80),
        oleh=pendamping_a,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.kirim_peringatan_berakhir(hari_ini) == 1
        assert services.kirim_peringatan_berakhir(hari_ini) == 0
        assert services.kirim_peringatan_berakhir(hari_ini + datetime.timedelta(days=50)) == 1
        assert services.kirim_peringatan_berakhir(hari_ini + datetime.timedelta(days=51)) == 0
    judul = list(Notifikasi.objects.filter(penerima=pendamping_a).values_list("judul", flat=True))
    assert judul == [
        "Kerja sama Pemasaran kopi berakhir dalam 30 hari",
        "Kerja sama Pemasaran kopi berakhir dalam 80 hari",
    ]
    berjalan.refresh_from_db()
    assert berjalan.peringatan_terkirim == [90, 30]
