import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from akun import peran
from tests.factories import KATA_SANDI_UJI, PenggunaFactory

WILAYAH = {
    peran.PENDAMPING: "Provinsi Jawa Barat",
    peran.STAF_BPSKL: "BPSKL Wilayah Jawa, Bali dan Nusa Tenggara",
    peran.PENILAI_KTH: "Provinsi Jawa Barat",
    peran.KEPALA_DINAS: "Provinsi Jawa Barat",
    peran.ADMIN: "Nasional",
    peran.MITRA: "Mitra CV Lebah Lestari",
}


def test_the_login_page_speaks_indonesian(client, db):
    respons = client.get(reverse("login"))
    teks = respons.content.decode()
    assert respons.status_code == 200
    assert "Masuk ke Perhutanan" in teks
    assert "Nama pengguna" in teks
    assert "Kata sandi" in teks


def test_a_wrong_password_gets_an_indonesian_message_and_keeps_the_username(client, pendamping_a):
    respons = client.post(
        reverse("login"), {"username": "pendamping_a", "password": "salah-sama-sekali"}
    )
    teks = respons.content.decode()
    assert respons.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in teks
    assert 'value="pendamping_a"' in teks


@pytest.mark.parametrize("p", peran.SEMUA_PERAN, ids=lambda p: p.kode)
def test_each_role_lands_on_its_own_home_page_after_login(client, pengguna_per_peran, p):
    pengguna = pengguna_per_peran[p]
    respons = client.post(
        reverse("login"), {"username": pengguna.username, "password": KATA_SANDI_UJI}, follow=True
    )
    assert respons.redirect_chain[-1][0] == reverse("beranda_peran", args=[p.kode])
    teks = respons.content.decode()
    assert pengguna.nama in teks
    assert f'data-uji="peran">{p.nama_grup}<' in teks
    assert f'data-uji="wilayah">{WILAYAH[p]}<' in teks


def test_an_anonymous_visitor_is_sent_to_login_from_every_home_page(client, db):
    for url in [reverse("beranda")] + [
        reverse("beranda_peran", args=[p.kode]) for p in peran.SEMUA_PERAN
    ]:
        respons = client.get(url)
        assert respons.status_code == 302
        assert respons["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("p", peran.SEMUA_PERAN, ids=lambda p: p.kode)
def test_another_roles_home_page_is_forbidden(client, pengguna_per_peran, p):
    client.force_login(pengguna_per_peran[p])
    for lain in peran.SEMUA_PERAN:
        if lain == p:
            continue
        respons = client.get(reverse("beranda_peran", args=[lain.kode]))
        assert respons.status_code == 403, lain


def test_an_unknown_role_page_is_not_found(client, pendamping_a):
    client.force_login(pendamping_a)
    assert client.get(reverse("beranda_peran", args=["raja"])).status_code == 404


def test_a_user_with_two_roles_lands_on_the_higher_one_and_can_switch(client, db):
    pengguna = PenggunaFactory(peran=peran.PENDAMPING, provinsi_id="32")
    pengguna.groups.add(Group.objects.get(name=peran.PENILAI_KTH.nama_grup))
    client.force_login(pengguna)
    respons = client.get(reverse("beranda"))
    assert respons["Location"] == reverse("beranda_peran", args=["penilai"])
    teks = client.get(respons["Location"]).content.decode()
    assert reverse("beranda_peran", args=["pendamping"]) in teks
    assert client.get(reverse("beranda_peran", args=["pendamping"])).status_code == 200


def test_a_user_without_a_role_is_told_to_ask_an_admin(client, db):
    client.force_login(PenggunaFactory(provinsi_id="32"))
    respons = client.get(reverse("beranda"))
    assert respons.status_code == 200
    assert "belum memiliki peran" in respons.content.decode()


def test_logout_is_a_post_and_ends_the_session(client, pendamping_a):
    client.force_login(pendamping_a)
    assert client.get(reverse("logout")).status_code == 405
    respons = client.post(reverse("logout"), follow=True)
    assert respons.redirect_chain == [(reverse("login"), 302)]
    assert '<div class="alert alert-success' in respons.content.decode()
    assert "Anda sudah keluar" in respons.content.decode()
    assert client.get(reverse("beranda")).status_code == 302


def test_a_user_changes_their_password(client, pendamping_a):
    client.force_login(pendamping_a)
    url = reverse("password_change")
    assert "Ganti kata sandi" in client.get(url).content.decode()
    respons = client.post(
        url,
        {
            "old_password": KATA_SANDI_UJI,
            "new_password1": "rimba-raya-lestari-99",
            "new_password2": "rimba-raya-lestari-99",
        },
    )
    assert respons["Location"] == reverse("password_change_done")
    pendamping_a.refresh_from_db()
    assert pendamping_a.check_password("rimba-raya-lestari-99")


def test_a_mismatched_new_password_is_refused_in_indonesian(client, pendamping_a):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("password_change"),
        {
            "old_password": KATA_SANDI_UJI,
            "new_password1": "rimba-raya-lestari-99",
            "new_password2": "rimba-raya-lestari-98",
        },
    )
    assert respons.status_code == 200
    assert "tidak sama" in respons.content.decode()


def test_the_password_change_page_needs_login(client, db):
    respons = client.get(reverse("password_change"))
    assert respons.status_code == 302


def test_the_navigation_shows_administration_only_to_staff(client, pendamping_a, admin_nasional):
    client.force_login(pendamping_a)
    assert (
        reverse("admin:index") not in client.get(reverse("beranda"), follow=True).content.decode()
    )
    client.force_login(admin_nasional)
    assert reverse("admin:index") in client.get(reverse("beranda"), follow=True).content.decode()
