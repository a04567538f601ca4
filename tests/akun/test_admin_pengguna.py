from django.contrib.auth.models import Group
from django.urls import reverse

from akun import peran
from akun.models import Pengguna
from tests.factories import PenggunaFactory


def data_ubah(pengguna: Pengguna, **ubah) -> dict:
    data = {
        "username": pengguna.username,
        "nama": pengguna.nama,
        "email": pengguna.email,
        "nip": "",
        "telepon": "",
        "groups": [],
        "provinsi": pengguna.provinsi_id or "",
        "bpskl": pengguna.bpskl_id or "",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
    }
    data.update(ubah)
    return data


def test_an_admin_cannot_give_a_province_role_without_a_province(client, admin_nasional, db):
    target = PenggunaFactory(username="calon")
    client.force_login(admin_nasional)
    grup = Group.objects.get(name=peran.PENDAMPING.nama_grup)
    url = reverse("admin:akun_pengguna_change", args=[target.pk])
    respons = client.post(url, data_ubah(target, groups=[grup.pk]))
    assert respons.status_code == 200
    assert "wajib memiliki provinsi kerja" in respons.content.decode()
    assert not target.groups.exists()


def test_an_admin_assigns_a_role_with_a_region_and_history_records_who(client, admin_nasional, db):
    target = PenggunaFactory(username="calon")
    client.force_login(admin_nasional)
    grup = Group.objects.get(name=peran.STAF_BPSKL.nama_grup)
    url = reverse("admin:akun_pengguna_change", args=[target.pk])
    respons = client.post(url, data_ubah(target, groups=[grup.pk], bpskl="KAL"))
    assert respons.status_code == 302, respons.content.decode()[:2000]
    target.refresh_from_db()
    assert target.bpskl_id == "KAL"
    terakhir = target.history.first()
    assert terakhir.history_user == admin_nasional
    assert terakhir.bpskl_id == "KAL"


def test_a_pendamping_cannot_open_the_admin_site(client, pendamping_a):
    client.force_login(pendamping_a)
    respons = client.get(reverse("admin:index"))
    assert respons.status_code == 302
    assert reverse("admin:login") in respons["Location"]
