"""Cadangan dan pemulihan satu arsip (basis data + setiap berkas unggahan), dan berkas yatim."""

import datetime
import hashlib
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.conf import settings as pengaturan
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from akun.models import Pengguna
from kelompok.models import Anggota, DokumenPendukung, Kps
from kerjasama.models import KerjaSama, NaskahKerjaSama
from penilaian.inti.models import Jawaban
from penilaian.kth.models import Sertifikat
from perhutanan import cadangan
from tests.factories import pdf_uji


def _kosongkan_penyimpanan():
    akar = Path(pengaturan.MEDIA_ROOT)
    for isi in akar.iterdir():
        shutil.rmtree(isi) if isi.is_dir() else isi.unlink()


def _sidik_berkas() -> dict[str, str]:
    return {
        jalur: hashlib.sha256(default_storage.open(jalur).read()).hexdigest()
        for jalur in cadangan.semua_berkas()
    }


@pytest.mark.django_db
def test_a_backup_restores_every_row_and_file_into_an_empty_database_and_storage(
    tmp_path, settings
):
    settings.DEBUG = True  # data demo menolak berjalan di server produksi
    _kosongkan_penyimpanan()
    call_command("muat_data_demo", verbosity=0)  # sertifikat PDF, surat permohonan, riwayat
    baris = cadangan.jumlah_baris()
    berkas = _sidik_berkas()
    assert baris["penilaian.sertifikat"] >= 1 and baris["kelompok.historicalkps"] >= 1
    assert any(j.startswith("sertifikat/") for j in berkas)
    contoh_sertifikat = Sertifikat.objects.first()
    contoh_naskah = NaskahKerjaSama.objects.order_by("pk").first()
    arsip = tmp_path / "cadangan.tar.gz"
    call_command("cadangkan", str(arsip), verbosity=0)

    with tarfile.open(arsip) as t:
        manifest = json.load(t.extractfile("manifest.json"))
    assert manifest["baris"] == baris
    assert {j: b["sha256"] for j, b in manifest["berkas"].items()} == berkas
    assert manifest["berkas_hilang"] == []

    # Menolak menimpa basis data yang berisi data.
    with pytest.raises(CommandError, match="sudah berisi data"):
        call_command("pulihkan", str(arsip), verbosity=0)

    # Basis data dan penyimpanan kosong: semua tabel dikosongkan, semua berkas dihapus.
    if connection.vendor == "postgresql":
        with connection.cursor() as kursor:
            kursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # uji berjalan di dalam transaksi
    call_command("flush", interactive=False, verbosity=0)
    _kosongkan_penyimpanan()
    assert not Pengguna.objects.exists() and not list(cadangan.semua_berkas())
    call_command("pulihkan", str(arsip), verbosity=0)

    assert cadangan.jumlah_baris() == baris
    assert _sidik_berkas() == berkas
    assert Sertifikat.objects.get(pk=contoh_sertifikat.pk).sha256 == contoh_sertifikat.sha256
    with Sertifikat.objects.get(pk=contoh_sertifikat.pk).berkas.open("rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == contoh_sertifikat.sha256
    assert NaskahKerjaSama.objects.get(pk=contoh_naskah.pk).sidik == contoh_naskah.sidik
    # Pengguna bisa masuk lagi dengan peran (grup dan izin) yang sama.
    pendamping = Pengguna.objects.get(username="pendamping")
    assert pendamping.has_perm("kelompok.change_kps")
    assert Kps.objects.untuk(pendamping).exists()
    assert Anggota.objects.count() == baris["kelompok.anggota"]
    assert Jawaban.objects.count() == baris["penilaian.jawaban"]
    assert KerjaSama.objects.count() == baris["kerjasama.kerjasama"]


@pytest.mark.django_db
def test_a_damaged_archive_is_refused(tmp_path):
    rusak = tmp_path / "bukan.tar.gz"
    with tarfile.open(rusak, "w:gz") as t:
        t.add(__file__, arcname="lain.txt")
    with pytest.raises(CommandError, match="bukan cadangan Perhutanan"):
        call_command("pulihkan", str(rusak), verbosity=0)


@pytest.mark.django_db
def test_a_file_written_by_a_rolled_back_transaction_is_cleaned_up(kps_a, pendamping_a):
    class Batal(Exception):
        pass

    with pytest.raises(Batal), transaction.atomic():
        dokumen = DokumenPendukung(kps=kps_a, jenis="peta_persetujuan", diunggah_oleh=pendamping_a)
        dokumen.berkas.save("rkps.pdf", ContentFile(pdf_uji("rkps")), save=False)
        dokumen.tanggal_dokumen = datetime.date(2026, 1, 1)
        dokumen.save()
        yatim = dokumen.berkas.name
        raise Batal
    assert default_storage.exists(yatim) and not DokumenPendukung.objects.exists()

    tersimpan = DokumenPendukung(
        kps=kps_a,
        jenis="peta_persetujuan",
        diunggah_oleh=pendamping_a,
        tanggal_dokumen=datetime.date.today(),
    )
    tersimpan.berkas.save("rkps-sah.pdf", ContentFile(pdf_uji("sah")), save=False)
    tersimpan.save()
    # Berkas lama yang hanya tercatat di riwayat (sesudah diganti) bukan yatim.
    lama = tersimpan.berkas.name
    tersimpan.berkas.save("rkps-baru.pdf", ContentFile(pdf_uji("baru")), save=True)

    # Unggahan yang baru saja terjadi tidak disentuh; yang sudah lewat batas waktu dihapus.
    assert yatim not in cadangan.hapus_berkas_yatim(datetime.timedelta(hours=1))
    dihapus = cadangan.hapus_berkas_yatim(datetime.timedelta(0))
    assert yatim in dihapus and not default_storage.exists(yatim)
    assert default_storage.exists(lama) and default_storage.exists(tersimpan.berkas.name)
