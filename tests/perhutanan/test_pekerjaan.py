"""Pekerjaan latar belakang: antre dalam transaksi yang sama, pekerja yang mati di tengah ekspor
digantikan pekerja lain sampai selesai, dan yang menyerah ditandai gagal dengan tombol coba lagi.

Uji pekerja sungguhan memakai PostgreSQL dan proses `manage.py procrastinate worker` terpisah
yang dibunuh dengan SIGKILL (seperti `kill -9` atau mesin yang padam).
"""

import asyncio
import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, connections, transaction

from akun import peran
from kelompok.models import Provinsi
from penilaian.inti.models import Kuesioner, VersiInstrumen
from penilaian.kth import services
from penilaian.kth.models import EksporSertifikat, PenilaianKth, Sertifikat
from tests.factories import KthFactory, PenggunaFactory, pdf_uji

AKAR = Path(settings.BASE_DIR)
JUMLAH = 80  # sertifikat dalam ZIP
JEDA = 0.1  # detik per berkas: ekspor berlangsung sekitar 8 detik


def _sertifikat_massal(jumlah: int, penilai) -> None:
    """Sertifikat berlaku tahun 2026 di Jawa Barat, semuanya menunjuk satu PDF tersimpan."""
    versi = VersiInstrumen.objects.filter(instrumen__kode="KTH").first()
    if versi is None:
        from penilaian.inti import definisi
        from penilaian.inti.services import instrumen_muat

        versi, _ = instrumen_muat(
            kanonik=definisi.dari_yaml((AKAR / "fixtures/instrumen/kth.yaml").read_text())
        )
    berkas = default_storage.save("sertifikat/uji-pekerja.pdf", ContentFile(pdf_uji("uji")))
    kth = KthFactory.create_batch(jumlah)
    kuesioner = Kuesioner.objects.bulk_create(Kuesioner(versi=versi, status="selesai") for _ in kth)
    penilaian = PenilaianKth.objects.bulk_create(
        PenilaianKth(kth=k, tahun=2026, kuesioner=q, penilai=penilai, status="ditetapkan")
        for k, q in zip(kth, kuesioner, strict=True)
    )
    Sertifikat.objects.bulk_create(
        Sertifikat(
            penilaian=p,
            provinsi_id="32",
            tahun=2026,
            urut=n,
            nomor=f"{n:04d}/SERT-KTH/32/2026",
            kode=f"kode-uji-{n}",
            data={
                "kth": p.kth.nama,
                "nomor_register": p.kth.nomor_register,
                "kabupaten": "Kuningan",
                "kelas": "Madya",
                "total": "475",
                "tahun": 2026,
                "tanggal": "2026-11-20",
            },
            berkas=berkas,
            sha256="0" * 64,
        )
        for n, p in enumerate(penilaian, start=1)
    )


def _lingkungan_pekerja() -> dict:
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "perhutanan.settings",
        "ENV_FILE": os.devnull,
        "DEBUG": "false",
        "SECRET_KEY": "kunci-khusus-uji-pekerja-yang-tidak-pernah-dipakai-di-produksi",
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "ANTREAN_PEKERJAAN": "procrastinate",
        "EKSPOR_JEDA_DETIK": str(JEDA),
        # Detak tiap detik; diam 3 detik berarti mati; pemeriksaan tiap detik.
        "PEKERJA_DETAK_DETIK": "1",
        "PEKERJA_MACET_DETIK": "3",
        "PEKERJA_PERIKSA_CRON": "* * * * * *",
    }


@pytest.fixture
def antrean_bersih(data_acuan):
    """Tabel procrastinate tidak dikelola Django, jadi tidak dikosongkan antaruji."""

    def kosongkan():
        with connection.cursor() as kursor:
            kursor.execute(
                "TRUNCATE procrastinate_jobs, procrastinate_workers, "
                "procrastinate_periodic_defers, procrastinate_events CASCADE"
            )

    kosongkan()
    yield
    kosongkan()


def _mulai_pekerja(nama: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "procrastinate", "worker", "--name", nama],
        cwd=AKAR,
        env=_lingkungan_pekerja(),
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


def _tunggu(syarat, batas: float, pesan: str):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        hasil = syarat()
        if hasil:
            return hasil
        time.sleep(0.2)
    raise AssertionError(pesan)


@pytest.mark.postgres
def test_an_export_survives_its_worker_being_killed(antrean_bersih, settings, tmp_path):
    settings.ANTREAN_PEKERJAAN = "procrastinate"
    admin = PenggunaFactory(peran=peran.ADMIN)
    _sertifikat_massal(JUMLAH, admin)
    permintaan = services.ekspor_minta(
        provinsi=Provinsi.objects.get(kode="32"), tahun=2026, kelas="", oleh=admin
    )
    pertama = _mulai_pekerja("pekerja-a", tmp_path / "a.log")
    kedua = None
    try:

        def kemajuan():
            permintaan.refresh_from_db()
            return permintaan.selesai_n >= 25 and permintaan.status == "berjalan"

        _tunggu(kemajuan, 60, "Pekerja pertama tidak mulai mengekspor")
        pertama.kill()  # SIGKILL: tanpa kesempatan membereskan apa pun
        pertama.wait()
        dibunuh = time.monotonic()
        setengah = permintaan.selesai_n
        assert 0 < setengah < JUMLAH

        kedua = _mulai_pekerja("pekerja-b", tmp_path / "b.log")

        def diambil_ulang():
            permintaan.refresh_from_db()
            return permintaan.status == "berjalan" and permintaan.selesai_n < setengah

        _tunggu(diambil_ulang, 60, "Pekerjaan pekerja yang mati tidak diambil ulang")
        diambil = time.monotonic() - dibunuh

        def selesai():
            permintaan.refresh_from_db()
            return permintaan.status in ("selesai", "gagal")

        _tunggu(selesai, 90, "Ekspor tidak selesai setelah diambil ulang")
        tuntas = time.monotonic() - dibunuh
    finally:
        for proses in (pertama, kedua):
            if proses is not None and proses.poll() is None:
                proses.terminate()
                proses.wait(timeout=30)
    assert permintaan.status == "selesai", (tmp_path / "b.log").read_text()
    assert (permintaan.selesai_n, permintaan.jumlah) == (JUMLAH, JUMLAH)
    with permintaan.berkas.open("rb") as berkas:
        nama = zipfile.ZipFile(berkas).namelist()
    assert len(nama) == JUMLAH + 1 and "ringkasan.xlsx" in nama
    with connection.cursor() as kursor:
        kursor.execute(
            "SELECT status, attempts FROM procrastinate_jobs WHERE task_name = %s",
            ["ekspor_sertifikat_zip"],
        )
        pekerjaan = kursor.fetchall()
    # Satu pekerjaan (bukan salinan), diambil ulang sesudah pekerjanya dibunuh, lalu berhasil.
    assert len(pekerjaan) == 1 and pekerjaan[0][0] == "succeeded" and pekerjaan[0][1] >= 1
    print(
        f"\nPekerjaan diambil ulang {diambil:.1f} s setelah pekerja dibunuh, selesai {tuntas:.1f} s"
    )
    assert diambil < 60


@pytest.mark.postgres
def test_a_job_is_queued_in_the_same_transaction_as_its_data(antrean_bersih, settings):
    settings.ANTREAN_PEKERJAAN = "procrastinate"
    admin = PenggunaFactory(peran=peran.ADMIN)

    def jumlah_pekerjaan() -> int:
        with connection.cursor() as kursor:
            kursor.execute("SELECT count(*) FROM procrastinate_jobs")
            return kursor.fetchone()[0]

    class Batal(Exception):
        pass

    with pytest.raises(Batal), transaction.atomic():
        services.ekspor_minta(
            provinsi=Provinsi.objects.get(kode="32"),
            tahun=2026,
            kelas="",
            oleh=admin,
        )
        raise Batal
    assert (EksporSertifikat.objects.count(), jumlah_pekerjaan()) == (0, 0)


def _jalankan_pemulihan(tugas, konteks) -> int:
    """Seperti di dalam pekerja: loop asyncio sendiri di utas sendiri, koneksinya ditutup."""
    hasil = []

    async def jalankan():
        try:
            hasil.append(await tugas.func(konteks, timestamp=0))
        finally:
            await sync_to_async(connections.close_all)()

    utas = threading.Thread(target=lambda: asyncio.run(jalankan()))
    utas.start()
    utas.join()
    return hasil[0]


@pytest.mark.postgres
def test_a_job_whose_workers_keep_dying_gives_up_with_a_message_and_a_retry(
    antrean_bersih, settings, client
):
    """Pekerja mati berulang kali: sesudah batas percobaan ekspornya gagal, tidak menunggu terus."""
    from procrastinate.contrib.django import app

    from perhutanan.pekerjaan import pulihkan_pekerjaan_macet

    settings.ANTREAN_PEKERJAAN = "procrastinate"
    admin = PenggunaFactory(peran=peran.ADMIN)
    permintaan = services.ekspor_minta(
        provinsi=Provinsi.objects.get(kode="32"),
        tahun=2026,
        kelas="",
        oleh=admin,
    )
    with connection.cursor() as kursor:
        # Pekerja yang terakhir berdetak sejam lalu "mengerjakan" ekspor untuk ketiga kalinya.
        kursor.execute(
            "INSERT INTO procrastinate_workers (last_heartbeat) "
            "VALUES (now() - interval '1 hour') RETURNING id"
        )
        pekerja = kursor.fetchone()[0]
        kursor.execute(
            "SELECT id FROM procrastinate_fetch_job_v2(%s::varchar[], %s)", [["ekspor"], pekerja]
        )
        kursor.execute(
            "UPDATE procrastinate_jobs SET attempts = %s WHERE task_name = %s",
            [settings.PEKERJAAN_COBA_MAKS - 1, "ekspor_sertifikat_zip"],
        )

    class Konteks:
        pass

    konteks = Konteks()
    konteks.app = app
    assert _jalankan_pemulihan(pulihkan_pekerjaan_macet, konteks) == 1
    permintaan.refresh_from_db()
    assert permintaan.status == "gagal"
    assert "Pekerja latar belakang berhenti 3 kali" in permintaan.galat
    with connection.cursor() as kursor:
        kursor.execute("SELECT status FROM procrastinate_jobs")
        assert kursor.fetchall() == [("failed",)]

    client.force_login(admin)
    halaman = client.get(f"/penilaian/sertifikat/ekspor/{permintaan.pk}/").content.decode()
    assert 'data-uji="ekspor-gagal"' in halaman and "Coba lagi" in halaman
    respons = client.post(f"/penilaian/sertifikat/ekspor/{permintaan.pk}/ulang/")
    assert respons.status_code == 302
    permintaan.refresh_from_db()
    assert (permintaan.status, permintaan.galat) == ("antri", "")
    with connection.cursor() as kursor:
        kursor.execute("SELECT status FROM procrastinate_jobs ORDER BY id")
        assert kursor.fetchall() == [("failed",), ("todo",)]


@pytest.mark.postgres
def test_two_workers_never_run_the_same_job(antrean_bersih, settings, tmp_path):
    """Dua pekerja sekaligus mengambil dari antrean yang sama: tiap pekerjaan dimulai sekali."""
    settings.ANTREAN_PEKERJAAN = "procrastinate"
    admin = PenggunaFactory(peran=peran.ADMIN)
    _sertifikat_massal(5, admin)
    provinsi = Provinsi.objects.get(kode="32")
    permintaan = [
        services.ekspor_minta(provinsi=provinsi, tahun=2026, kelas="", oleh=admin)
        for _ in range(12)
    ]
    pekerja = [_mulai_pekerja(f"pekerja-{n}", tmp_path / f"{n}.log") for n in range(2)]
    try:

        def semua_selesai():
            return EksporSertifikat.objects.filter(status="selesai").count() == len(permintaan)

        _tunggu(semua_selesai, 90, "Tidak semua ekspor selesai")
    finally:
        for proses in pekerja:
            proses.terminate()
            proses.wait(timeout=30)
    with connection.cursor() as kursor:
        kursor.execute(
            "SELECT j.id, count(e.id) FILTER (WHERE e.type = 'started'), j.status, j.worker_id "
            "FROM procrastinate_jobs j LEFT JOIN procrastinate_events e ON e.job_id = j.id "
            "WHERE j.task_name = 'ekspor_sertifikat_zip' GROUP BY j.id"
        )
        baris = kursor.fetchall()
    assert len(baris) == len(permintaan)
    assert all(mulai == 1 and status == "succeeded" for _, mulai, status, _ in baris)
