"""Mekanisme isian yang tidak hilang (perhutanan/isian.py), tanpa peramban."""

from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

from kerjasama.models import KerjaSama
from kerjasama.services import kerjasama_buat


def _ks(kps, oleh):
    return kerjasama_buat(
        kerjasama=KerjaSama(judul="Madu", jenis="kelembagaan", kebutuhan="Pasar", kps_utama=kps),
        oleh=oleh,
    )


def test_a_post_after_the_session_ended_is_kept_and_returns_to_its_page(
    client, kps_a, pendamping_a
):
    ks = _ks(kps_a, pendamping_a)
    detail = reverse("kerjasama:detail", args=[ks.pk])
    respons = client.post(
        reverse("kerjasama:pindah", args=[ks.pk]),
        {"ke": "b", "catatan": "Rapat desa", "csrfmiddlewaretoken": "x"},
        HTTP_REFERER=f"http://testserver{detail}",
    )
    assert respons.status_code == 302
    lokasi = urlsplit(respons["Location"])
    assert lokasi.path == reverse("login")
    assert parse_qs(lokasi.query)["next"] == [detail]  # bukan alamat POST-nya
    [entri] = client.session["isian_tertunda"]
    assert entri["aksi"] == reverse("kerjasama:pindah", args=[ks.pk])
    assert entri["data"] == {"ke": "b", "catatan": "Rapat desa"}  # tanpa token CSRF

    # Halaman masuk tidak memakainya; halaman formulir sesudah masuk memakainya sekali.
    assert "isian_tertunda" not in client.get(reverse("login")).context
    client.force_login(pendamping_a)
    halaman = client.get(detail)
    assert halaman.context["isian_tertunda"][0]["data"]["catatan"] == "Rapat desa"
    assert 'id="isian-tertunda"' in halaman.content.decode()
    assert "isian_tertunda" not in client.get(detail).context


def test_a_referer_from_another_site_is_not_followed(client, kps_a, pendamping_a):
    ks = _ks(kps_a, pendamping_a)
    alamat = reverse("kerjasama:pindah", args=[ks.pk])
    respons = client.post(alamat, {"ke": "b"}, HTTP_REFERER="https://jahat.example/tiru/")
    assert parse_qs(urlsplit(respons["Location"]).query)["next"] == [alamat]


def test_passwords_are_never_kept(client, db):
    client.post(
        reverse("password_change"),
        {
            "old_password": "rahasia",
            "new_password1": "baru-rahasia",
            "kata_sandi": "x",
            "nama": "A",
        },
    )
    [entri] = client.session["isian_tertunda"]
    assert entri["data"] == {"nama": "A"}
