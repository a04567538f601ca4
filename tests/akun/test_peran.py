from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from akun import peran, predikat
from kelompok.models import Bpskl, Provinsi
from tests.factories import PenggunaFactory


def test_the_data_migration_creates_one_group_per_role(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Pendamping",
        "Staf BPSKL",
        "Penilai KTH",
        "Kepala Dinas",
        "Admin",
    }


def test_roles_get_their_model_permissions(pengguna_per_peran):
    admin = pengguna_per_peran[peran.ADMIN]
    pendamping = pengguna_per_peran[peran.PENDAMPING]
    assert admin.has_perm("akun.change_pengguna")
    assert admin.has_perm("kelompok.change_provinsi")
    assert pendamping.has_perm("kelompok.view_provinsi")
    assert not pendamping.has_perm("akun.change_pengguna")
    assert not pendamping.has_perm("kelompok.change_provinsi")


def test_the_38_provinces_and_5_bpskl_areas_are_loaded_with_official_codes(db):
    assert Provinsi.objects.count() == 38
    assert Bpskl.objects.count() == 5
    assert Provinsi.objects.get(kode="32").nama == "Jawa Barat"
    assert Provinsi.objects.get(kode="96").nama == "Papua Barat Daya"
    per_bpskl = {b.kode: b.provinsi.count() for b in Bpskl.objects.all()}
    assert per_bpskl == {"SUM": 10, "JBN": 9, "KAL": 5, "SUL": 6, "MAP": 8}


def test_role_predicates_follow_group_membership(pengguna_per_peran):
    assert predikat.adalah_pendamping(pengguna_per_peran[peran.PENDAMPING])
    assert not predikat.adalah_pendamping(pengguna_per_peran[peran.PENILAI_KTH])
    assert predikat.adalah_staf_bpskl(pengguna_per_peran[peran.STAF_BPSKL])
    assert predikat.adalah_kepala_dinas(pengguna_per_peran[peran.KEPALA_DINAS])
    assert predikat.adalah_penilai_kth(pengguna_per_peran[peran.PENILAI_KTH])
    assert predikat.adalah_admin(pengguna_per_peran[peran.ADMIN])
    assert not predikat.adalah_admin(AnonymousUser())


def test_a_superuser_counts_as_a_national_admin(db):
    akar = PenggunaFactory(is_superuser=True)
    assert predikat.adalah_admin(akar)
    assert predikat.admin_nasional(akar)


def test_region_predicates_scope_objects_by_province_and_bpskl(pendamping_a, staf_bpskl, db):
    di_jabar = SimpleNamespace(provinsi_id="32")
    di_bali = SimpleNamespace(provinsi_id="51")
    di_kalbar = SimpleNamespace(provinsi_id="61")
    assert predikat.boleh_membaca_wilayah(pendamping_a, di_jabar)
    assert not predikat.boleh_membaca_wilayah(pendamping_a, di_bali)
    # Bali masuk wilayah kerja BPSKL Jawa, Bali dan Nusa Tenggara; Kalimantan Barat tidak.
    assert predikat.boleh_membaca_wilayah(staf_bpskl, di_bali)
    assert not predikat.boleh_membaca_wilayah(staf_bpskl, di_kalbar)
    assert not predikat.boleh_membaca_wilayah(AnonymousUser(), di_jabar)


def test_a_provincial_admin_is_not_national(db):
    admin_jabar = PenggunaFactory(peran=peran.ADMIN, provinsi_id="32")
    assert predikat.adalah_admin(admin_jabar)
    assert not predikat.admin_nasional(admin_jabar)


@pytest.mark.parametrize("kode", [p.kode for p in peran.SEMUA_PERAN])
def test_every_role_can_be_found_by_its_code_and_group(kode):
    p = peran.peran_dari_kode(kode)
    assert p is not None
    assert peran.peran_dari_grup(p.nama_grup) is p


def test_the_short_name_skips_academic_titles(db):
    assert PenggunaFactory(nama="Ir. Dewi Kartika, M.Si.").get_short_name() == "Dewi"
    assert PenggunaFactory(nama="Siti Rahmawati").get_short_name() == "Siti"
    assert PenggunaFactory(nama="Dr.").get_short_name() == "Dr."
