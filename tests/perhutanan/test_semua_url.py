"""Setiap halaman aplikasi menolak tamu, kecuali daftar publik yang disebut di sini.

Menjelajah seluruh pola URL, sehingga halaman baru yang lupa `login_required` ketahuan
tanpa perlu menulis uji untuk halaman itu lebih dulu.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Halaman yang memang terbuka untuk tamu, dengan alasannya.
PUBLIK = {
    "login": "formulir masuk",
    "kesehatan": "pemeriksaan kesehatan untuk penyeimbang beban",
    "verifikasi": "pemeriksaan keaslian sertifikat oleh siapa pun yang memindai QR",
    "portal_daftar": "pendaftaran mandiri akun mitra, aktif setelah disetujui",
    "service_worker": "skrip aplikasi lapangan; tidak memuat data",
    "manifest": "manifes aplikasi lapangan; tidak memuat data",
    "luring": "halaman pengganti tanpa sinyal; tidak memuat data",
    "portal_undangan": "tautan undangan akun mitra bertoken (404 tanpa token yang sah)",
}


def _pola(resolver, ruang=""):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            if p.app_name == "admin":
                continue  # situs admin Django punya penjaga loginnya sendiri
            if p.app_name == "api":
                continue  # API menjawab tamu dengan 401 JSON (tests/api/test_api.py)
            nama = f"{ruang}{p.namespace}:" if p.namespace else ruang
            yield from _pola(p, nama)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{ruang}{p.name}", p


def _contoh_argumen(pola: URLPattern) -> dict:
    argumen = {}
    for nama, pengubah in pola.pattern.converters.items():
        if pengubah.regex == "[0-9]+":
            argumen[nama] = 1
        elif "[0-9a-f]{8}" in pengubah.regex:
            argumen[nama] = "00000000-0000-4000-8000-000000000000"
        else:
            argumen[nama] = "kps"
    return argumen


SEMUA = sorted(_pola(get_resolver()), key=lambda x: x[0])
TERTUTUP = [(n, p) for n, p in SEMUA if n.rsplit(":", 1)[-1] not in PUBLIK]


def test_the_walk_finds_the_pages_of_every_app():
    nama = {n for n, _ in SEMUA}
    assert {"kelompok:kps_daftar", "kerjasama:daftar", "penilaian:ekspor_baru"} <= nama
    assert len(nama) > 80
    assert set(PUBLIK) <= {n.rsplit(":", 1)[-1] for n in nama}, (
        "daftar publik menyebut halaman yang sudah tidak ada"
    )


@pytest.mark.django_db
def test_the_public_pages_answer_a_guest(client):
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("kesehatan")).status_code == 200
    # Kode tak dikenal: 404 biasa, bukan pengalihan ke halaman masuk.
    assert client.get(reverse("verifikasi", args=["TIDAKADA"])).status_code == 404
    assert client.get(reverse("kerjasama:portal_daftar")).status_code == 200
    undangan = reverse("kerjasama:portal_undangan", args=["MQ", "token-palsu"])
    assert client.get(undangan).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("nama", "pola"), TERTUTUP, ids=[n for n, _ in TERTUTUP])
def test_a_guest_is_sent_to_login_on_every_non_public_page(client, nama, pola):
    url = reverse(nama, kwargs=_contoh_argumen(pola))
    for metode in (client.get, client.post):
        respons = metode(url)
        # 405 berarti metode itu memang tidak dilayani; selain itu tamu harus ke halaman masuk.
        if respons.status_code == 405:
            continue
        assert respons.status_code == 302, f"{metode.__name__.upper()} {url}"
        assert respons["Location"].startswith(reverse("login")), url
