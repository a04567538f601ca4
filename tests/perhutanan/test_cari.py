"""Satu kotak pencarian: lima jenis data, dalam cakupan dan izin pengguna."""

import pytest
from django.urls import reverse

from tests.factories import KpsFactory, KthFactory, KupsFactory
from tests.kerjasama.conftest import buat_kerjasama


@pytest.fixture
def data(pendamping_a, pendamping_b, admin_nasional):
    from kerjasama.models import Mitra

    mitra = Mitra.objects.create(
        nama="Koperasi Madu Lestari", kategori="koperasi", dibuat_oleh=admin_nasional
    )
    kps_a = KpsFactory(nama="KPS Madu Ciremai", provinsi="32", pendamping=pendamping_a)
    KupsFactory(kps=kps_a, nama="KUPS Lebah", komoditas="Madu hutan")
    KthFactory(nama="KTH Madu Jaya", provinsi="32", nomor_register="REG-MADU-32")
    buat_kerjasama(kps_a, pendamping_a, mitra=[mitra])
    kps_b = KpsFactory(nama="KPS Madu Kapuas", provinsi="61", pendamping=pendamping_b)
    KupsFactory(kps=kps_b, nama="KUPS Madu Kapuas", komoditas="Madu")
    KthFactory(nama="KTH Madu Kapuas", provinsi="61")
    return kps_a, kps_b


def hasil(client, q: str) -> dict[str, list[str]]:
    respons = client.get(reverse("cari"), {"q": q})
    assert respons.status_code == 200
    return {k.judul: [teks for teks, _, _ in k.hasil] for k in respons.context["kelompok"]}


def test_search_finds_each_kind_within_the_users_scope(client, pendamping_a, data):
    client.force_login(pendamping_a)
    temu = hasil(client, "madu")
    assert temu["KPS"] == ["KPS Madu Ciremai"]  # KPS Kalimantan Barat tidak pernah muncul
    assert temu["KUPS"] == ["KUPS Lebah"]  # lewat komoditas
    assert temu["Kerja sama"] == ["Pemasaran kopi"]  # lewat nama mitra
    assert temu["Mitra"] == ["Koperasi Madu Lestari"]  # registri mitra nasional
    kps_a, _ = data
    assert hasil(client, kps_a.nomor_sk[:12])["KPS"] == ["KPS Madu Ciremai"]  # nomor SK


def test_search_for_other_roles_and_bad_input(client, penilai, admin_nasional, data):
    client.force_login(penilai)
    temu = hasil(client, "MADU")
    assert temu["KTH"] == ["KTH Madu Jaya"]
    assert hasil(client, "REG-MADU")["KTH"] == ["KTH Madu Jaya"]
    client.force_login(admin_nasional)
    assert hasil(client, "kapuas")["KPS"] == ["KPS Madu Kapuas"]
    pendek = client.get(reverse("cari"), {"q": "m"})
    assert "Ketik paling sedikit 2 huruf." in pendek.content.decode()
    panjang = client.get(reverse("cari"), {"q": "x" * 5000 + "%_\\"})
    assert panjang.status_code == 200 and "Tidak ada yang cocok" in panjang.content.decode()
    client.logout()
    assert client.get(reverse("cari"), {"q": "madu"}).status_code == 302
