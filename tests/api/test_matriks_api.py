"""Matriks akses API: setiap peran Kalimantan Barat (dan akun mitra lain) terhadap setiap
operasi API atas objek Jawa Barat dari data demo, dengan token pribadi. Operasi diambil dari
skema OpenAPI yang diterbitkan, sehingga endpoint baru otomatis ikut diuji.

Lolos bila tidak satu pun objek Jawa Barat terbaca (daftar tidak memuatnya, detail 403/404)
dan tidak satu pun penulisan diterima (403/404). Registri mitra nasional boleh dibaca.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from akun.models import Pengguna
from api.models import TokenApi
from tests.perhutanan.test_matriks_akses import buat_pengguna_kalbar

NASIONAL = {"/api/v1/mitra/{id}/"}


def _klien(user) -> Client:
    _, kunci = TokenApi.buat(pengguna=user, nama="matriks")
    return Client(HTTP_AUTHORIZATION=f"Bearer {kunci}")


@pytest.mark.django_db
def test_no_role_of_another_region_reads_or_writes_an_object_through_the_api():
    call_command("muat_data_demo", "--paksa", stdout=io.StringIO())
    kalbar = buat_pengguna_kalbar()
    skema = SchemaGenerator().get_schema(request=None, public=True)
    daftar = [j for j, isi in skema["paths"].items() if "get" in isi and "{" not in j]
    rinci = [
        (j, m) for j, isi in skema["paths"].items() if "{id}" in j for m in isi if m != "parameters"
    ]

    # Objek Jawa Barat: semua yang terbaca admin provinsi Jawa Barat di setiap daftar.
    jabar = _klien(Pengguna.objects.get(username="admin_jabar"))
    objek: dict[str, set[int]] = {}
    for jalur in daftar:
        if jalur.startswith("/api/v1/pertukaran/"):
            continue
        hasil = jabar.get(jalur, {"per_halaman": 200}).json()
        objek[jalur] = {b["id"] for b in hasil["results"]}
    assert sum(len(v) for v in objek.values()) > 40, objek

    bocor, permintaan = [], 0
    for user in kalbar:
        klien = _klien(user)
        for jalur, ids in objek.items():
            permintaan += 1
            respons = klien.get(jalur, {"per_halaman": 200})
            if respons.status_code != 200:
                assert respons.status_code == 403, (user.username, jalur, respons.status_code)
                continue
            terbaca = {b["id"] for b in respons.json()["results"]} & ids
            if terbaca and jalur + "{id}/" not in NASIONAL:
                bocor.append(f"{user.username} GET {jalur}: {sorted(terbaca)[:5]}")
        for jalur, metode in rinci:
            dasar = re.sub(r"\{id\}/.*", "", jalur)
            for pk in sorted(objek.get(dasar, set()))[:3]:
                alamat = jalur.replace("{id}", str(pk))
                permintaan += 1
                respons = getattr(klien, metode)(alamat, {}, content_type="application/json")
                if metode == "get" and jalur in NASIONAL and respons.status_code in (200, 403):
                    continue
                if respons.status_code not in (403, 404, 405):
                    bocor.append(
                        f"{user.username} {metode.upper()} {alamat}: {respons.status_code}"
                    )
        # Data pertukaran: hanya baris wilayahnya sendiri.
        for kode in ("kups-kelas", "kth-kelas"):
            respons = klien.get(f"/api/v1/pertukaran/{kode}/", {"per_halaman": 200})
            if respons.status_code == 200:
                teks = respons.content.decode()
                if "Cisantana" in teks or "Sirnajaya" in teks or "Ciremai" in teks:
                    bocor.append(f"{user.username} GET pertukaran {kode}: baris Jawa Barat")
    print(f"\nmatriks API: {permintaan} permintaan, {len(bocor)} bocor")
    assert permintaan > 200
    assert not bocor, "\n".join(bocor[:40])
