"""Tangga akses setiap halaman registri.

anonim -> halaman masuk; pengguna wilayah lain -> 404 (keberadaan data tidak dibocorkan);
peran baca saja di wilayahnya -> 403 untuk perubahan; pemilik (pendamping yang ditugaskan)
-> diizinkan.
"""

import pytest
from django.urls import reverse

from tests.factories import PenggunaFactory


def url(nama, *args):
    return reverse(f"kelompok:{nama}", args=args)


# (nama uji, pembuat url dari dunia, metode)
HALAMAN_BACA = [
    ("kps_detail", lambda d: url("kps_detail", d["kps"].pk)),
    ("kups_detail", lambda d: url("kups_detail", d["kups"].pk)),
    ("kth_detail", lambda d: url("kth_detail", d["kth"].pk)),
    ("anggota_kps", lambda d: url("anggota_daftar", "kps", d["kps"].pk)),
    ("anggota_kth", lambda d: url("anggota_daftar", "kth", d["kth"].pk)),
    ("dokumen_unduh", lambda d: url("dokumen_unduh", d["dokumen"].pk)),
]
HALAMAN_UBAH = [
    ("kps_ubah", lambda d: url("kps_ubah", d["kps"].pk), "get"),
    ("kps_arsipkan", lambda d: url("arsipkan", "kps", d["kps"].pk), "get"),
    ("kps_pulihkan", lambda d: url("pulihkan", "kps", d["kps"].pk), "post"),
    ("kups_tambah", lambda d: url("kups_tambah", d["kps"].pk), "get"),
    ("kups_ubah", lambda d: url("kups_ubah", d["kups"].pk), "get"),
    ("kups_syarat", lambda d: url("kups_syarat", d["kups"].pk), "get"),
    ("kups_arsipkan", lambda d: url("arsipkan", "kups", d["kups"].pk), "get"),
    ("kth_ubah", lambda d: url("kth_ubah", d["kth"].pk), "get"),
    ("kth_arsipkan", lambda d: url("arsipkan", "kth", d["kth"].pk), "get"),
    ("anggota_tambah", lambda d: url("anggota_tambah", "kps", d["kps"].pk), "get"),
    ("anggota_tambah_kth", lambda d: url("anggota_tambah", "kth", d["kth"].pk), "get"),
    ("anggota_ubah", lambda d: url("anggota_ubah", d["anggota"].pk), "get"),
    ("anggota_arsipkan", lambda d: url("anggota_arsipkan", d["anggota"].pk), "post"),
    ("dokumen_unggah", lambda d: url("dokumen_unggah", d["kps"].pk), "get"),
]
SEMUA = [(n, f, "get") for n, f in HALAMAN_BACA] + HALAMAN_UBAH


def minta(client, metode, alamat):
    return client.post(alamat) if metode == "post" else client.get(alamat)


@pytest.mark.parametrize(("nama", "buat_url", "metode"), SEMUA, ids=[s[0] for s in SEMUA])
def test_anonymous_visitors_are_sent_to_login(client, dunia, nama, buat_url, metode):
    respons = minta(client, metode, buat_url(dunia))
    assert respons.status_code == 302
    assert respons["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("nama", "buat_url", "metode"), SEMUA, ids=[s[0] for s in SEMUA])
def test_a_pendamping_of_another_region_gets_not_found(
    client, dunia, pendamping_b, nama, buat_url, metode
):
    client.force_login(pendamping_b)
    assert minta(client, metode, buat_url(dunia)).status_code == 404


@pytest.mark.parametrize(("nama", "buat_url", "metode"), SEMUA, ids=[s[0] for s in SEMUA])
def test_a_pendamping_of_the_same_province_not_assigned_gets_not_found(
    client, dunia, nama, buat_url, metode
):
    from akun import peran

    tetangga = PenggunaFactory(peran=peran.PENDAMPING, provinsi_id="32")
    client.force_login(tetangga)
    assert minta(client, metode, buat_url(dunia)).status_code == 404


@pytest.mark.parametrize(("nama", "buat_url"), HALAMAN_BACA, ids=[s[0] for s in HALAMAN_BACA])
@pytest.mark.parametrize("pembaca", ["staf_bpskl", "penilai", "kepala_dinas", "admin_nasional"])
def test_readers_of_the_region_can_read(request, client, dunia, pembaca, nama, buat_url):
    client.force_login(request.getfixturevalue(pembaca))
    assert client.get(buat_url(dunia)).status_code == 200


@pytest.mark.parametrize(
    ("nama", "buat_url", "metode"), HALAMAN_UBAH, ids=[s[0] for s in HALAMAN_UBAH]
)
@pytest.mark.parametrize("pembaca", ["staf_bpskl", "penilai", "kepala_dinas"])
def test_read_only_roles_cannot_change_anything(
    request, client, dunia, pembaca, nama, buat_url, metode
):
    client.force_login(request.getfixturevalue(pembaca))
    assert minta(client, metode, buat_url(dunia)).status_code == 403


@pytest.mark.parametrize(("nama", "buat_url", "metode"), SEMUA, ids=[s[0] for s in SEMUA])
def test_the_assigned_pendamping_is_allowed(client, dunia, pendamping_a, nama, buat_url, metode):
    client.force_login(pendamping_a)
    assert minta(client, metode, buat_url(dunia)).status_code in (200, 302)


@pytest.mark.parametrize(("nama", "buat_url", "metode"), SEMUA, ids=[s[0] for s in SEMUA])
def test_a_provincial_admin_of_another_province_gets_not_found(
    client, dunia, nama, buat_url, metode
):
    from akun import peran

    admin_kalbar = PenggunaFactory(peran=peran.ADMIN, provinsi_id="61")
    client.force_login(admin_kalbar)
    assert minta(client, metode, buat_url(dunia)).status_code == 404


def test_a_bpskl_officer_of_another_working_area_gets_not_found(client, dunia):
    from akun import peran

    staf_kalimantan = PenggunaFactory(peran=peran.STAF_BPSKL, bpskl_id="KAL")
    client.force_login(staf_kalimantan)
    assert client.get(url("kps_detail", dunia["kps"].pk)).status_code == 404


def test_creating_needs_the_add_permission(client, staf_bpskl, pendamping_a, db):
    client.force_login(staf_bpskl)
    assert client.get(url("kps_tambah")).status_code == 403
    assert client.get(url("kth_tambah")).status_code == 403
    client.force_login(pendamping_a)
    assert client.get(url("kps_tambah")).status_code == 200
    assert client.get(url("kth_tambah")).status_code == 200


def test_only_admins_assign_pendamping(client, dunia, pendamping_a, admin_nasional):
    alamat = url("penugasan_tambah", dunia["kps"].pk)
    client.force_login(pendamping_a)
    assert client.get(alamat).status_code == 403
    assert client.post(url("penugasan_akhiri", dunia["penugasan"].pk)).status_code == 403
    client.force_login(admin_nasional)
    assert client.get(alamat).status_code == 200


def test_region_options_need_login(client, db):
    assert client.get(url("pilihan_wilayah") + "?tingkat=kabupaten&provinsi=32").status_code == 302
