"""Pelaku penilaian kelas KTH di Jawa Barat, dipakai beberapa berkas uji."""

import pytest

from akun import peran
from penilaian.kth.services import penilaian_kth_buat
from tests.factories import PenggunaFactory


@pytest.fixture
def penilai_jabar(db):
    return PenggunaFactory(
        username="penilai_jabar", nama="Agus", peran=peran.PENILAI_KTH, provinsi_id="32"
    )


@pytest.fixture
def kadis_jabar(db):
    return PenggunaFactory(
        username="kadis_jabar",
        nama="Ir. Dewi Kartika, M.Si.",
        peran=peran.KEPALA_DINAS,
        provinsi_id="32",
        nip="197005121995032001",
    )


@pytest.fixture
def penilaian(versi_kth, kth_jabar, penilai_jabar):
    return penilaian_kth_buat(kth=kth_jabar, tahun=2026, oleh=penilai_jabar)
