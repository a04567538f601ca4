from contextlib import contextmanager

import pytest
from django.db import DatabaseError, OperationalError, connection
from django.test import Client
from django.urls import reverse

from akun import peran
from tests.factories import PenggunaFactory


def test_an_unknown_address_gets_the_indonesian_404_page(client, pendamping_a):
    client.force_login(pendamping_a)
    respons = client.get("/tidak-ada-halaman-ini/")
    assert respons.status_code == 404
    teks = respons.content.decode()
    assert "Halaman tidak ditemukan" in teks
    assert 'lang="id"' in teks


def test_a_forbidden_page_gets_the_indonesian_403_page(client, pendamping_a):
    client.force_login(pendamping_a)
    respons = client.get(reverse("beranda_peran", args=["admin"]))
    assert respons.status_code == 403
    assert "Akses ditolak" in respons.content.decode()


def test_a_server_error_gets_the_indonesian_500_page(db, monkeypatch, pendamping_a):
    from akun import views

    def rusak(*args, **kwargs):
        raise RuntimeError("gangguan uji")

    monkeypatch.setattr(views, "redirect", rusak)
    client = Client(raise_request_exception=False)
    client.force_login(pendamping_a)
    respons = client.get(reverse("beranda"))
    assert respons.status_code == 500
    assert "Terjadi gangguan pada server" in respons.content.decode()


def test_the_health_check_reports_each_dependency(client, db):
    respons = client.get(reverse("kesehatan"))
    assert respons.status_code == 200
    assert respons.json() == {"status": "ok", "basis_data": "ok", "penyimpanan": "ok"}


def test_the_health_check_says_503_when_the_database_is_unreachable(client, db, monkeypatch):
    from perhutanan import views

    class KursorRusak:
        def __enter__(self):
            raise DatabaseError("koneksi putus")

        def __exit__(self, *args):
            return False

    class KoneksiRusak:
        def cursor(self):
            return KursorRusak()

    monkeypatch.setattr(views, "connection", KoneksiRusak())
    respons = client.get(reverse("kesehatan"))
    assert respons.status_code == 503
    assert respons.json() == {
        "status": "gagal",
        "basis_data": "tidak terjangkau",
        "penyimpanan": "ok",
    }


def test_the_health_check_names_the_storage_when_it_is_down(client, db, monkeypatch):
    from django.core.files.storage import default_storage

    def putus(*args, **kwargs):
        raise OSError("endpoint penyimpanan tidak menjawab")

    monkeypatch.setattr(default_storage, "exists", putus)
    respons = client.get(reverse("kesehatan"))
    assert respons.status_code == 503
    assert respons.json()["penyimpanan"] == "tidak terjangkau"
    assert respons.json()["basis_data"] == "ok"


@contextmanager
def kursor_menolak(monkeypatch):
    """Setiap kueri gagal seperti berkas atau server basis data yang hilang."""

    def tolak(*args, **kwargs):
        raise OperationalError("unable to open database file")

    with monkeypatch.context() as m:
        m.setattr(connection, "cursor", tolak)
        yield


@contextmanager
def postgresql_putus():
    """Koneksi sungguhan ditutup dan diarahkan ke porta yang tidak didengar siapa pun."""
    asli = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(asli)


def _periksa_halaman_pemulihan(pengguna, putus):
    client = Client(raise_request_exception=False)
    client.force_login(pengguna)
    with putus():
        respons = client.get(reverse("kelompok:kps_daftar"))
        kesehatan = Client().get(reverse("kesehatan"))  # penyeimbang beban: tanpa sesi
    assert respons.status_code == 503
    assert respons["Retry-After"] == "30"
    teks = respons.content.decode()
    assert "Layanan sedang dipulihkan" in teks and 'lang="id"' in teks
    assert "Terjadi gangguan pada server" not in teks
    assert kesehatan.status_code == 503
    assert kesehatan.json()["basis_data"] == "tidak terjangkau"
    # Setelah pulih, halaman yang sama terbuka lagi tanpa masuk ulang.
    assert client.get(reverse("kelompok:kps_daftar")).status_code == 200


def test_a_database_outage_gets_a_friendly_503_that_retries(db, monkeypatch, pendamping_a):
    _periksa_halaman_pemulihan(pendamping_a, lambda: kursor_menolak(monkeypatch))


@pytest.mark.postgres
def test_a_real_postgresql_outage_gets_the_same_page(data_acuan):
    """Di luar transaksi uji: koneksinya sungguh ditutup dan server tidak terjangkau."""
    _periksa_halaman_pemulihan(
        PenggunaFactory(peran=peran.PENDAMPING, provinsi_id="32"), postgresql_putus
    )
