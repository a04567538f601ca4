from django.db import DatabaseError
from django.test import Client
from django.urls import reverse


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


def test_the_health_check_reports_the_database(client, db):
    respons = client.get(reverse("kesehatan"))
    assert respons.status_code == 200
    assert respons.json() == {"status": "ok", "basis_data": "ok"}


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
    assert respons.json()["status"] == "gagal"
