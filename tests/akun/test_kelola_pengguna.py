"""Admin provinsi mengelola pengguna provinsinya di aplikasi dan tidak bisa naik ke nasional;
/admin/ tertutup baginya (termasuk riwayat dan "kembalikan"), penguncian gagal masuk."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from akun import peran
from akun.models import Pengguna
from kelompok.models import Bpskl, Provinsi
from tests.factories import KATA_SANDI_UJI, PenggunaFactory


@pytest.fixture
def admin_jabar(db):
    return PenggunaFactory(username="admin_jabar", peran=peran.ADMIN, provinsi_id="32")


@pytest.fixture
def orang_jabar(db):
    return PenggunaFactory(username="orang_jabar", peran=peran.PENDAMPING, provinsi_id="32")


@pytest.fixture
def orang_kalbar(db):
    return PenggunaFactory(username="orang_kalbar", peran=peran.PENDAMPING, provinsi_id="61")


def _data(pengguna=None, **ubah) -> dict:
    data = {
        "username": getattr(pengguna, "username", "baru"),
        "nama": getattr(pengguna, "nama", "Orang Baru"),
        "email": getattr(pengguna, "email", "baru@uji.id"),
        "nip": "",
        "telepon": "",
        "is_active": "on",
        "peran": [p.kode for p in pengguna.daftar_peran] if pengguna else ["pendamping"],
    }
    data.update(ubah)
    return data


def test_a_provincial_admin_is_kept_out_of_every_admin_page(
    client, admin_jabar, orang_kalbar, admin_nasional
):
    """Ditemukan: ubah dirinya jadi nasional, 'kembalikan' riwayat pengguna lain, pindah
    provinsi ke BPSKL lain, ganti nama BPSKL, hari libur, aturan tembusan, sertifikat."""
    admin_jabar.is_staff = True  # bahkan dengan tanda staf lama
    admin_jabar.save()
    client.force_login(admin_jabar)
    riwayat = admin_nasional.history.first()
    alamat = [
        reverse("admin:index"),
        reverse("admin:akun_pengguna_changelist"),
        reverse("admin:akun_pengguna_change", args=[admin_jabar.pk]),
        reverse("admin:akun_pengguna_history", args=[admin_nasional.pk]),
        reverse("admin:akun_pengguna_simple_history", args=[admin_nasional.pk, riwayat.history_id]),
        reverse("admin:kelompok_provinsi_change", args=["32"]),
        reverse("admin:kelompok_bpskl_change", args=["JBN"]),
        reverse("admin:penilaian_harilibur_add"),
        reverse("admin:penilaian_sertifikat_changelist"),
        reverse("admin:kerjasama_aturantembusan_changelist"),
        reverse("admin:kerjasama_mitra_changelist"),
    ]
    for url in alamat:
        for metode in (client.get, client.post):
            respons = metode(url, {"provinsi": "", "bpskl": "KAL", "nama": "Diganti"})
            assert respons.status_code == 302, url
            assert respons["Location"].startswith(reverse("admin:login")), url
    admin_jabar.refresh_from_db()
    assert admin_jabar.provinsi_id == "32"
    assert Provinsi.objects.get(kode="32").bpskl_id == "JBN"
    assert Bpskl.objects.get(kode="JBN").nama != "Diganti"
    admin_nasional.refresh_from_db()
    assert admin_nasional.is_active


def test_a_national_admin_still_opens_the_admin_site(client, admin_nasional):
    client.force_login(admin_nasional)
    assert client.get(reverse("admin:index")).status_code == 200
    teks = client.get(reverse("beranda"), follow=True).content.decode()
    assert reverse("admin:index") in teks


def test_the_menu_offers_user_management_not_the_admin_site_to_a_province_admin(
    client, admin_jabar
):
    client.force_login(admin_jabar)
    teks = client.get(reverse("beranda"), follow=True).content.decode()
    assert reverse("pengguna_daftar") in teks
    assert reverse("admin:index") not in teks


def test_a_province_admin_lists_only_users_of_the_province(
    client, admin_jabar, orang_jabar, orang_kalbar, staf_bpskl, admin_nasional
):
    client.force_login(admin_jabar)
    teks = client.get(reverse("pengguna_daftar")).content.decode()
    assert "orang_jabar" in teks
    for luar in ("orang_kalbar", "staf_bpskl", "admin_nasional"):
        assert luar not in teks
    for luar in (orang_kalbar, staf_bpskl, admin_nasional):
        assert client.get(reverse("pengguna_detail", args=[luar.pk])).status_code == 404
        respons = client.post(reverse("pengguna_ubah", args=[luar.pk]), _data(luar))
        assert respons.status_code == 404
        respons = client.post(reverse("pengguna_atur_ulang_sandi", args=[luar.pk]))
        assert respons.status_code == 404


def test_other_roles_cannot_manage_users(client, pendamping_a, kepala_dinas, orang_jabar):
    for user in (pendamping_a, kepala_dinas):
        client.force_login(user)
        assert client.get(reverse("pengguna_daftar")).status_code == 403
        assert client.post(reverse("pengguna_tambah"), _data()).status_code == 403
        respons = client.post(reverse("pengguna_ubah", args=[orang_jabar.pk]), _data(orang_jabar))
        assert respons.status_code == 403


def test_a_province_admin_cannot_become_national_or_give_bpskl_roles(client, admin_jabar):
    client.force_login(admin_jabar)
    url = reverse("pengguna_ubah", args=[admin_jabar.pk])
    # Mengosongkan provinsi (isian yang tidak ada di formulirnya) tidak berpengaruh.
    respons = client.post(url, _data(admin_jabar, provinsi="", bpskl="KAL"))
    assert respons.status_code == 302
    admin_jabar.refresh_from_db()
    assert (admin_jabar.provinsi_id, admin_jabar.bpskl_id, admin_jabar.is_staff) == (
        "32",
        None,
        False,
    )
    respons = client.post(url, _data(admin_jabar, peran=["admin", "bpskl"]))
    assert respons.status_code == 200
    assert "peran" in respons.context["form"].errors
    assert not admin_jabar.groups.filter(name=peran.STAF_BPSKL.nama_grup).exists()


def test_a_province_admin_creates_a_user_with_a_one_time_password(client, admin_jabar):
    client.force_login(admin_jabar)
    respons = client.post(
        reverse("pengguna_tambah"),
        _data(username="penilai_baru", peran=["penilai", "admin"], provinsi="61"),
    )
    assert respons.status_code == 200
    baru = Pengguna.objects.get(username="penilai_baru")
    # Provinsi pembuat, bukan yang dikirim; admin provinsi tidak pernah mendapat /admin/.
    assert baru.provinsi_id == "32"
    assert not baru.is_staff
    assert set(baru.groups.values_list("name", flat=True)) == {"Penilai KTH", "Admin"}
    assert baru.wajib_ganti_sandi
    sandi = respons.context["sandi"]
    assert sandi in respons.content.decode()
    assert baru.check_password(sandi)
    riwayat = baru.history.select_related("history_user").order_by("history_id")
    assert riwayat.last().history_user == admin_jabar


def test_a_temporary_password_must_be_changed_first(client, orang_jabar, admin_jabar):
    client.force_login(admin_jabar)
    respons = client.post(reverse("pengguna_atur_ulang_sandi", args=[orang_jabar.pk]))
    sandi = respons.context["sandi"]
    client.logout()
    respons = client.post(reverse("login"), {"username": "orang_jabar", "password": sandi})
    assert respons.status_code == 302
    respons = client.get(reverse("kelompok:kps_daftar"))
    assert respons["Location"] == reverse("password_change")
    client.post(
        reverse("password_change"),
        {
            "old_password": sandi,
            "new_password1": "hutan-lestari-baru-2026",
            "new_password2": "hutan-lestari-baru-2026",
        },
    )
    orang_jabar.refresh_from_db()
    assert not orang_jabar.wajib_ganti_sandi
    assert client.get(reverse("kelompok:kps_daftar")).status_code == 200


def test_a_province_admin_deactivates_a_user_but_not_themselves(client, admin_jabar, orang_jabar):
    client.force_login(admin_jabar)
    data = _data(orang_jabar)
    del data["is_active"]
    assert client.post(reverse("pengguna_ubah", args=[orang_jabar.pk]), data).status_code == 302
    orang_jabar.refresh_from_db()
    assert not orang_jabar.is_active
    data = _data(admin_jabar)
    del data["is_active"]
    respons = client.post(reverse("pengguna_ubah", args=[admin_jabar.pk]), data)
    assert "tidak dapat menonaktifkan akun Anda sendiri" in respons.content.decode()
    admin_jabar.refresh_from_db()
    assert admin_jabar.is_active


def test_role_changes_are_in_the_history_with_who_and_when(client, admin_jabar, orang_jabar):
    client.force_login(admin_jabar)
    respons = client.post(
        reverse("pengguna_ubah", args=[orang_jabar.pk]),
        _data(orang_jabar, peran=["pendamping", "dinas"]),
    )
    assert respons.status_code == 302
    terakhir = orang_jabar.history.order_by("-history_id").first()
    assert terakhir.history_user == admin_jabar
    assert {g.group.name for g in terakhir.groups.all()} == {"Pendamping", "Kepala Dinas"}
    teks = client.get(reverse("pengguna_detail", args=[orang_jabar.pk])).content.decode()
    assert "peran: Pendamping &rarr; Kepala Dinas, Pendamping" in teks


def test_a_national_admin_assigns_bpskl_staff(client, admin_nasional):
    client.force_login(admin_nasional)
    respons = client.post(
        reverse("pengguna_tambah"),
        _data(username="staf_baru", peran=["bpskl"], bpskl="KAL", provinsi=""),
    )
    assert respons.status_code == 200, respons.content.decode()[:500]
    baru = Pengguna.objects.get(username="staf_baru")
    assert baru.bpskl_id == "KAL"
    assert baru.groups.filter(name=peran.STAF_BPSKL.nama_grup).exists()


# ------------------------------------------------------------------ gagal masuk dan sesi


def _gagal(client, url, username, kali):
    for _ in range(kali):
        client.post(url, {"username": username, "password": "salah-salah-salah"})


@pytest.mark.parametrize("halaman", ["login", "admin:login"])
def test_repeated_failures_lock_the_account_and_address(client, admin_nasional, halaman):
    url = reverse(halaman)
    _gagal(client, url, "admin_nasional", 5)
    respons = client.post(url, {"username": "admin_nasional", "password": KATA_SANDI_UJI})
    assert respons.status_code == 429
    assert "Masuk dikunci sementara" in respons.content.decode()
    assert "_auth_user_id" not in client.session
    # Akun yang sama dari alamat lain tetap bisa masuk (kunci per akun dan alamat).
    respons = client.post(
        url,
        {"username": "admin_nasional", "password": KATA_SANDI_UJI},
        REMOTE_ADDR="10.9.9.9",
    )
    assert respons.status_code == 302


def test_a_spoofed_forwarded_address_does_not_escape_the_lock(client, orang_jabar):
    url = reverse("login")
    for n in range(6):
        client.post(
            url,
            {"username": "orang_jabar", "password": "salah"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    respons = client.post(url, {"username": "orang_jabar", "password": KATA_SANDI_UJI})
    assert respons.status_code == 429


def test_an_admin_unlocks_a_locked_user(client, admin_jabar, orang_jabar):
    _gagal(client, reverse("login"), "orang_jabar", 5)
    assert AccessAttempt.objects.filter(username="orang_jabar").exists()
    client.force_login(admin_jabar)
    teks = client.get(reverse("pengguna_detail", args=[orang_jabar.pk])).content.decode()
    assert "Buka penguncian masuk" in teks
    client.post(reverse("pengguna_buka_kunci", args=[orang_jabar.pk]))
    assert not AccessAttempt.objects.filter(username="orang_jabar").exists()
    client.logout()
    respons = client.post(reverse("login"), {"username": "orang_jabar", "password": KATA_SANDI_UJI})
    assert respons.status_code == 302


def test_a_session_ends_after_a_working_day_idle(client, pendamping_a, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    client.force_login(pendamping_a)
    assert client.get(reverse("kelompok:kps_daftar")).status_code == 200
    sesi = client.session
    assert 8 * 3600 - 60 <= sesi.get_expiry_age() <= 8 * 3600
    # Diam lebih lama dari batas: sesi kedaluwarsa di basis data, pengguna kembali ke halaman masuk.
    Session.objects.filter(session_key=sesi.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    respons = client.get(reverse("kelompok:kps_daftar"))
    assert respons.status_code == 302
    assert respons["Location"].startswith(reverse("login"))


def test_pages_for_signed_in_users_are_not_cached(client, pendamping_a):
    client.force_login(pendamping_a)
    respons = client.get(reverse("kelompok:kps_daftar"))
    assert respons["Cache-Control"] == "private, no-store"


def test_the_forwarded_protocol_is_trusted_only_from_the_proxy(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    # Dari alamat sembarang: tajuk dibuang, permintaan HTTP dialihkan ke HTTPS.
    respons = client.get(reverse("login"), HTTP_X_FORWARDED_PROTO="https")
    assert respons.status_code == 301
    settings.PROXY_TEPERCAYA = ["127.0.0.0/8"]
    respons = client.get(reverse("login"), HTTP_X_FORWARDED_PROTO="https")
    assert respons.status_code == 200
