"""Tangga akses halaman penilaian: anonim -> masuk; wilayah lain -> 404; peran baca -> 403
untuk perubahan; pendamping yang ditugaskan -> boleh."""

import pytest
from django.urls import reverse

from akun import peran
from tests.factories import PenggunaFactory


def url(nama, *args):
    return reverse(f"penilaian:{nama}", args=args)


BACA = [
    ("evaluasi_detail", lambda e, r: url("evaluasi_detail", e.pk)),
    ("rekap", lambda e, r: url("rekap", e.pk)),
    ("riwayat", lambda e, r: url("riwayat_kps", e.kps_id)),
    ("kuesioner", lambda e, r: url("kuesioner_kriteria", r.pk, "B1")),
    ("ringkasan", lambda e, r: url("kuesioner_ringkas", r.pk)),
]
UBAH = [
    ("evaluasi_baru", lambda e, r: url("evaluasi_baru", e.kps_id), "get"),
    ("prasyarat", lambda e, r: url("prasyarat", e.pk), "get"),
    ("responden_tambah", lambda e, r: url("responden_tambah", e.pk), "post"),
    ("jawab", lambda e, r: url("kuesioner_jawab", r.pk), "post"),
    ("serahkan", lambda e, r: url("kuesioner_serahkan", r.pk), "post"),
    ("buka", lambda e, r: url("kuesioner_buka", r.pk), "post"),
    ("finalkan", lambda e, r: url("evaluasi_finalkan", e.pk), "post"),
]
SEMUA = [(n, f, "get") for n, f in BACA] + UBAH


def minta(client, metode, alamat):
    return client.post(alamat) if metode == "post" else client.get(alamat)


@pytest.mark.parametrize(("nama", "buat", "metode"), SEMUA, ids=[s[0] for s in SEMUA])
def test_anonymous_goes_to_login(client, evaluasi, responden, nama, buat, metode):
    respons = minta(client, metode, buat(evaluasi, responden))
    assert respons.status_code == 302
    assert respons["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("nama", "buat", "metode"), SEMUA, ids=[s[0] for s in SEMUA])
def test_another_region_gets_not_found(
    client, evaluasi, responden, pendamping_b, nama, buat, metode
):
    client.force_login(pendamping_b)
    assert minta(client, metode, buat(evaluasi, responden)).status_code == 404


@pytest.mark.parametrize(("nama", "buat"), BACA, ids=[s[0] for s in BACA])
@pytest.mark.parametrize("pembaca", ["staf_bpskl", "penilai", "kepala_dinas", "admin_nasional"])
def test_readers_of_the_region_can_read(request, client, evaluasi, responden, pembaca, nama, buat):
    client.force_login(request.getfixturevalue(pembaca))
    assert client.get(buat(evaluasi, responden)).status_code == 200


@pytest.mark.parametrize(("nama", "buat", "metode"), UBAH, ids=[s[0] for s in UBAH])
@pytest.mark.parametrize("pembaca", ["staf_bpskl", "penilai", "kepala_dinas"])
def test_read_only_roles_cannot_change(
    request, client, evaluasi, responden, pembaca, nama, buat, metode
):
    client.force_login(request.getfixturevalue(pembaca))
    assert minta(client, metode, buat(evaluasi, responden)).status_code == 403


@pytest.mark.parametrize(("nama", "buat", "metode"), SEMUA, ids=[s[0] for s in SEMUA])
def test_the_assigned_pendamping_may(client, evaluasi, responden, pendamping_a, nama, buat, metode):
    client.force_login(pendamping_a)
    assert minta(client, metode, buat(evaluasi, responden)).status_code in (200, 302, 422)


def test_the_evaluation_list_is_scoped(client, evaluasi, pendamping_a, pendamping_b):
    client.force_login(pendamping_a)
    assert list(client.get(url("evaluasi_daftar")).context["halaman"]) == [evaluasi]
    client.force_login(pendamping_b)
    assert list(client.get(url("evaluasi_daftar")).context["halaman"]) == []
    tetangga = PenggunaFactory(peran=peran.PENDAMPING, provinsi_id="32")
    client.force_login(tetangga)
    assert list(client.get(url("evaluasi_daftar")).context["halaman"]) == []
