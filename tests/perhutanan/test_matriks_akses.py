"""Matriks akses lintas wilayah: setiap peran Kalimantan Barat terhadap setiap halaman dan
formulir objek Jawa Barat (ditemukan dengan menjelajah data demo sebagai pengguna Jawa Barat),
GET dan POST dengan token CSRF, ditambah setiap halaman /admin/ sebagai admin provinsi.

Lolos bila setiap permintaan atas objek wilayah lain ditolak (403/404/405) dan tidak satu pun
halaman yang terbuka memuat nama objek Jawa Barat.
"""

import io
from urllib.parse import urlsplit

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import resolve, reverse

from akun import peran
from akun.models import Pengguna
from tests.factories import PenggunaFactory, buat_wakil_mitra
from tests.perhutanan.test_masukan_acak import _jelajah, _nama_pola

PENJELAJAH_JABAR = ["pendamping", "penilai", "kadis", "bpskl", "admin_jabar", "mitra"]
# Nama objek demo Jawa Barat yang tidak boleh muncul di halaman pengguna Kalimantan Barat.
NAMA_JABAR = ["Cisantana", "Sirnajaya"]
# Halaman tanpa objek wilayah atau yang memang nasional untuk dibaca (registri mitra).
NASIONAL = {"kerjasama:mitra_detail", "kerjasama:mitra_bukti_unduh"}
# Verifikasi sertifikat publik: menampilkan nama KTH pada siapa pun yang memindai QR-nya.
PUBLIK = {"verifikasi"}


def _menyebut_objek(path: str) -> bool:
    """Pola yang argumennya menunjuk objek (pk, kps_pk, ...), bukan kode peran atau jenis."""
    return any(k == "pk" or k.endswith("_pk") for k in resolve(path).kwargs)


def buat_pengguna_kalbar() -> list:
    """Setiap peran Kalimantan Barat (pendamping demo, lainnya baru) dan mitra lain."""
    return [
        Pengguna.objects.get(username="pendamping2"),
        PenggunaFactory(username="penilai_kalbar", peran=peran.PENILAI_KTH, provinsi_id="61"),
        PenggunaFactory(username="kadis_kalbar", peran=peran.KEPALA_DINAS, provinsi_id="61"),
        PenggunaFactory(username="admin_kalbar", peran=peran.ADMIN, provinsi_id="61"),
        PenggunaFactory(username="bpskl_kal", peran=peran.STAF_BPSKL, bpskl_id="KAL"),
        # Mitra lain: tidak melihat permohonan PT Kopi Ciremai Lestari, KPS mana pun, atau
        # halaman registri (perhutanan.middleware.HALAMAN_MITRA).
        buat_wakil_mitra("mitra_borneo", nama_mitra="PT Rotan Borneo"),
    ]


@pytest.fixture
def pengguna_kalbar(db):
    return buat_pengguna_kalbar()


@pytest.fixture
def demo(db):
    call_command("muat_data_demo", "--paksa", stdout=io.StringIO())


def _alamat_objek_jabar() -> tuple[set[str], set[str]]:
    """(alamat GET, alamat POST) yang menyebut objek: pola dengan argumen."""
    klien = Client()
    dapat, kirim = set(), set()
    for username in PENJELAJAH_JABAR:
        klien.force_login(Pengguna.objects.get(username=username))
        halaman, formulir, _ = _jelajah(klien, "/")
        for url in halaman:
            if _menyebut_objek(urlsplit(url).path):
                dapat.add(urlsplit(url).path)
        for f in formulir:
            if f["metode"] == "post" and _menyebut_objek(f["aksi"]):
                kirim.add(f["aksi"])
    return dapat, kirim


def _klien_csrf(user) -> tuple[Client, str]:
    klien = Client(enforce_csrf_checks=True)
    klien.force_login(user)
    klien.get(reverse("beranda"), follow=True)
    return klien, klien.cookies["csrftoken"].value


@pytest.mark.usefixtures("demo")
def test_no_role_of_another_region_reads_or_changes_an_object(pengguna_kalbar):
    dapat, kirim = _alamat_objek_jabar()
    assert len(dapat) > 40 and len(kirim) > 20, (len(dapat), len(kirim))
    bocor, permintaan = [], 0
    for user in pengguna_kalbar:
        klien, token = _klien_csrf(user)
        for url in sorted(dapat | kirim):
            nasional = _nama_pola(url) in NASIONAL
            for metode in ("get", "post"):
                permintaan += 1
                if metode == "get":
                    respons = klien.get(url)
                else:
                    respons = klien.post(url, {"csrfmiddlewaretoken": token, "alasan": "uji"})
                teks = (
                    respons.content.decode(errors="ignore")
                    if not getattr(respons, "streaming", False)
                    else ""
                )
                if any(n in teks for n in NAMA_JABAR):
                    bocor.append(f"{user.username} {metode.upper()} {url}: nama objek Jabar")
                ditolak = respons.status_code in (403, 404, 405)
                if not ditolak and not (nasional and metode == "get"):
                    if nasional and respons.status_code == 403:
                        continue
                    bocor.append(f"{user.username} {metode.upper()} {url}: {respons.status_code}")
    print(f"\nmatriks akses: {permintaan} permintaan, {len(bocor)} bocor")
    assert not bocor, "\n".join(bocor[:40])


def _alamat_admin() -> list[str]:
    alamat = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        alamat += [
            reverse("admin:{}_{}_changelist".format(*info)),
            reverse("admin:{}_{}_add".format(*info)),
        ]
        objek = model._default_manager.first()
        if objek is None:
            continue
        alamat += [
            reverse("admin:{}_{}_change".format(*info), args=[objek.pk]),
            reverse("admin:{}_{}_history".format(*info), args=[objek.pk]),
            reverse("admin:{}_{}_delete".format(*info), args=[objek.pk]),
        ]
        riwayat = getattr(objek, "history", None)
        if riwayat is not None and hasattr(model_admin, "history_form_view"):
            rekam = riwayat.first()
            if rekam is not None:
                alamat.append(
                    reverse(
                        "admin:{}_{}_simple_history".format(*info),
                        args=[objek.pk, rekam.history_id],
                    )
                )
    return alamat


@pytest.mark.usefixtures("demo")
def test_a_province_admin_gets_nothing_from_any_admin_page(pengguna_kalbar):
    alamat = _alamat_admin()
    assert len(alamat) > 40
    masuk_admin = reverse("admin:login")
    for username in ("admin_kalbar", "admin_jabar"):
        user = Pengguna.objects.get(username=username)
        user.is_staff = True  # tanda staf lama pun tidak membuka apa-apa
        user.save()
        klien, token = _klien_csrf(user)
        for url in alamat:
            for respons in (
                klien.get(url),
                klien.post(url, {"csrfmiddlewaretoken": token, "post": "yes", "provinsi": ""}),
            ):
                assert respons.status_code == 302, url
                assert respons["Location"].startswith(masuk_admin), url
