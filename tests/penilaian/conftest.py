from pathlib import Path

import pytest

from penilaian.hkm.services import evaluasi_buat, prasyarat_simpan, responden_tambah
from penilaian.inti import definisi
from penilaian.inti.services import instrumen_muat, jawaban_simpan
from tests.factories import AnggotaFactory

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "instrumen"


@pytest.fixture
def versi_hkm(db):
    versi, _ = instrumen_muat(
        kanonik=definisi.dari_yaml((FIXTURES / "hkm.yaml").read_text()), sumber="hkm.yaml"
    )
    return versi


def isi_lengkap(kuesioner, oleh, pilih=lambda indikator, n: indikator.opsi[0].kode):
    mesin = kuesioner.versi.mesin
    for n, indikator in enumerate(mesin.semua_indikator(termasuk_prasyarat=False)):
        jawaban_simpan(
            kuesioner=kuesioner, indikator=indikator.kode, nilai=pilih(indikator, n), oleh=oleh
        )


@pytest.fixture
def evaluasi(versi_hkm, kps_a, pendamping_a):
    import datetime

    e = evaluasi_buat(kps=kps_a, oleh=pendamping_a, tanggal=datetime.date(2026, 10, 1))
    prasyarat_simpan(evaluasi=e, jawaban={"A1.1": "a", "A1.2": "b"}, oleh=pendamping_a)
    return e


@pytest.fixture
def responden(evaluasi, pendamping_a, kps_a):
    anggota = AnggotaFactory(kps=kps_a, nama="Euis")
    return responden_tambah(
        evaluasi=evaluasi, nama="", peran="pengurus", anggota=anggota, oleh=pendamping_a
    )


@pytest.fixture
def versi_kth(db):
    versi, _ = instrumen_muat(
        kanonik=definisi.dari_yaml((FIXTURES / "kth.yaml").read_text()), sumber="kth.yaml"
    )
    return versi


@pytest.fixture
def kth_jabar(kps_a):
    from tests.factories import KthFactory

    return KthFactory(
        nama="KTH Sugih Mukti", nomor_register="REG-32-001", desa=kps_a.desa, kps=kps_a
    )


def isi_kth(penilaian, oleh, nilai_isian=None):
    """Semua indikator: opsi pertama; isian diisi `nilai_isian` (bawaan: maksimumnya)."""
    mesin = penilaian.kuesioner.versi.mesin
    for i in mesin.semua_indikator():
        nilai = (
            min(int(i.maks), i.maks if nilai_isian is None else nilai_isian)
            if i.isian
            else i.opsi[0].kode
        )
        jawaban_simpan(kuesioner=penilaian.kuesioner, indikator=i.kode, nilai=str(nilai), oleh=oleh)
