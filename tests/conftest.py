"""Pengguna bernama untuk tangga akses, dan pengaturan uji bersama.

Peran dan provinsi berasal dari migrasi data, jadi tiap uji memakai grup yang sama dengan
produksi.
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection

from akun import peran
from tests.factories import PenggunaFactory


def pytest_configure(config):
    # PostgreSQL: basis data uji tiap pekerja disalin dari templat yang sudah dimigrasi.
    from tests import templat_basis_data

    templat_basis_data.pasang(config)


def pytest_collection_modifyitems(config, items):
    # Dengan pytest-xdist (make test: -n auto --dist loadgroup) uji peramban berjalan berurutan
    # di satu pekerja: satu Chromium sekaligus, sementara pekerja lain menjalankan uji lainnya.
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.xdist_group("peramban"))
    if connection.vendor == "postgresql":
        return
    lewati = pytest.mark.skip(
        reason="butuh PostgreSQL (kunci baris/konkurensi); jalankan dengan DATABASE_URL=postgres://..."
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(lewati)


@pytest.fixture(autouse=True)
def _cache_kosong():
    """Cache proses (pilihan provinsi, pembatas) tidak membawa data dari uji sebelumnya, yang
    transaksinya sudah dibatalkan."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def data_acuan(transactional_db):
    """Uji transaksional mengosongkan tabel sesudahnya, termasuk data migrasi (provinsi, grup
    peran). Fungsi migrasi data itu idempoten, jadi dijalankan ulang di awal uji seperti ini."""
    import_module("kelompok.migrations.0002_wilayah_awal").isi_wilayah(apps, None)
    import_module("akun.migrations.0003_peran").pasang(apps, None)
    import_module("kelompok.migrations.0004_izin_peran_registri").pasang(apps, None)
    import_module("penilaian.migrations.0002_izin_peran_penilaian").pasang(apps, None)
    import_module("penilaian.migrations.0004_data_kelas_kth").isi(apps, None)
    import_module("penilaian.migrations.0006_izin_analisis_usaha").pasang(apps, None)
    kalender = import_module("penilaian.migrations.0011_kalender_2026_skb")
    kalender.isi(apps, None)
    kalender.izin(apps, None)
    import_module("kerjasama.migrations.0002_data_awal").isi(apps, None)
    import_module("kerjasama.migrations.0010_tindak_lanjut").isi(apps, None)
    import_module("kerjasama.migrations.0011_evaluasi_perpanjangan").isi(apps, None)
    import_module("kerjasama.migrations.0014_izin_portal_mitra").pasang(apps, None)


@pytest.fixture
def pendamping_a(db):
    return PenggunaFactory(
        username="pendamping_a", nama="Siti Pendamping", peran=peran.PENDAMPING, provinsi_id="32"
    )


@pytest.fixture
def pendamping_b(db):
    return PenggunaFactory(
        username="pendamping_b", nama="Yohanes Pendamping", peran=peran.PENDAMPING, provinsi_id="61"
    )


@pytest.fixture
def staf_bpskl(db):
    return PenggunaFactory(
        username="staf_bpskl", nama="Made Staf", peran=peran.STAF_BPSKL, bpskl_id="JBN"
    )


@pytest.fixture
def penilai(db):
    return PenggunaFactory(
        username="penilai", nama="Agus Penilai", peran=peran.PENILAI_KTH, provinsi_id="32"
    )


@pytest.fixture
def kepala_dinas(db):
    return PenggunaFactory(
        username="kadis", nama="Dewi Kadis", peran=peran.KEPALA_DINAS, provinsi_id="32"
    )


@pytest.fixture
def admin_nasional(db):
    return PenggunaFactory(
        username="admin_nasional", nama="Admin Nasional", peran=peran.ADMIN, is_staff=True
    )


@pytest.fixture
def wakil_mitra(db):
    """Wakil mitra CV Lebah Lestari (Jawa Barat) dengan akun portal aktif."""
    from tests.factories import buat_wakil_mitra

    return buat_wakil_mitra("wakil_mitra")


@pytest.fixture
def pengguna_per_peran(
    pendamping_a, staf_bpskl, penilai, kepala_dinas, admin_nasional, wakil_mitra
):
    return {
        peran.MITRA: wakil_mitra,
        peran.PENDAMPING: pendamping_a,
        peran.STAF_BPSKL: staf_bpskl,
        peran.PENILAI_KTH: penilai,
        peran.KEPALA_DINAS: kepala_dinas,
        peran.ADMIN: admin_nasional,
    }


@pytest.fixture
def kps_a(pendamping_a):
    """KPS di Jawa Barat yang didampingi pendamping_a."""
    from tests.factories import KpsFactory

    return KpsFactory(nama="KPS Wana Jaya", provinsi="32", pendamping=pendamping_a)
