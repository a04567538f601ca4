"""Sisi server kerja tanpa sinyal (perhutanan.luring, perhutanan.unggahan): putusan atas draf
yang dikirim ulang, penolakan bentrok (perubahan orang lain sejak formulir dibuka), dan
unggahan bertahap yang dapat dilanjutkan."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from kelompok.models import Anggota
from penilaian.kth.models import BuktiFisik
from penilaian.kth.services import penilaian_kth_buat
from perhutanan.models import Unggahan
from perhutanan.unggahan import bersihkan_unggahan_lama
from tests.factories import AnggotaFactory, PenggunaFactory, pdf_uji

DRAF = {"HTTP_X_PERHUTANAN_DRAF": "1"}


def masuk(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def anggota_baru(**lain):
    return {
        "nama": "Ujang",
        "jenis_kelamin": "L",
        "tahun_lahir": "1980",
        "jabatan": "anggota",
        **lain,
    }


# ------------------------------------------------------------------ putusan draf


def test_a_replayed_draft_gets_a_verdict_not_a_page(kps_a, pendamping_a):
    c = masuk(pendamping_a)
    url = f"/kelompok/kps/{kps_a.pk}/anggota/tambah/"
    r = c.post(url, anggota_baru(), **DRAF)
    assert r.status_code == 200 and r.json()["hasil"] == "diterima"
    assert Anggota.objects.filter(kps=kps_a, nama="Ujang").count() == 1
    # Pesan sukses sudah menjadi putusan: tidak muncul lagi di halaman berikutnya.
    assert "Ujang" not in c.get(f"/kelompok/kps/{kps_a.pk}/").content.decode().split("alert")[0]

    # Formulir ditampilkan lagi dengan galat: ditolak, tidak ada yang tersimpan.
    r = c.post(url, anggota_baru(nama="", tahun_lahir="abc"), **DRAF)
    putusan = r.json()
    assert putusan["hasil"] == "ditolak" and putusan["pesan"]
    assert Anggota.objects.filter(kps=kps_a).count() == 1


def test_a_redirect_that_carries_an_error_is_a_refusal(versi_kth, kth_jabar, penilai):
    penilaian = penilaian_kth_buat(kth=kth_jabar, tahun=2026, oleh=penilai)
    c = masuk(penilai)
    # Bukti tanpa berkas: view mengalihkan dengan pesan galat dan mengembalikan isian.
    r = c.post(f"/penilaian/kth/{penilaian.pk}/bukti/", {"indikator": "I.1"}, **DRAF)
    putusan = r.json()
    assert putusan["hasil"] == "ditolak" and putusan["pesan"], putusan
    # Tanpa kepala draf halaman tetap mengalihkan seperti biasa.
    r = c.post(f"/penilaian/kth/{penilaian.pk}/bukti/", {"indikator": "I.1"})
    assert r.status_code == 302


def test_an_ended_session_or_stale_token_keeps_the_draft_waiting(kps_a, pendamping_a):
    url = f"/kelompok/kps/{kps_a.pk}/anggota/tambah/"
    assert Client().post(url, anggota_baru(), **DRAF).json()["hasil"] == "sesi"
    c = Client(enforce_csrf_checks=True)
    c.force_login(pendamping_a)
    r = c.post(url, anggota_baru(), **DRAF)
    assert r.json()["hasil"] == "sesi"
    assert not Anggota.objects.filter(nama="Ujang").exists()


# ------------------------------------------------------------------ bentrok


def test_an_offline_edit_never_overwrites_a_later_change_by_someone_else(
    kps_a, pendamping_a, admin_nasional
):
    anggota = AnggotaFactory(kps=kps_a, nama="Euis", tahun_lahir=1990)
    dimuat = (timezone.now() - datetime.timedelta(hours=2)).isoformat()
    # Sesudah formulir dibuka (tanpa sinyal), admin membetulkan tahun lahirnya.
    lain = masuk(admin_nasional)
    ubah = f"/kelompok/anggota/{anggota.pk}/ubah/"
    r = lain.post(ubah, anggota_baru(nama="Euis", jenis_kelamin="P", tahun_lahir="1991"))
    assert r.status_code == 302
    c = masuk(pendamping_a)
    isian = anggota_baru(nama="Euis Rahayu", jenis_kelamin="P", _dimuat_pada=dimuat)
    r = c.post(ubah, isian, **DRAF)
    putusan = r.json()
    assert putusan["hasil"] == "bentrok"
    assert "diubah oleh Admin Nasional" in putusan["pesan"][0]
    anggota.refresh_from_db()
    assert (anggota.nama, anggota.tahun_lahir) == ("Euis", 1991)
    # Dengan sinyal pesan yang sama tampil di samping formulirnya.
    r = c.post(ubah, isian)
    assert r.status_code == 200 and "diubah oleh Admin Nasional" in r.content.decode()
    # Setelah membuka halaman lagi (waktu baru) simpanannya diterima.
    isian["_dimuat_pada"] = timezone.now().isoformat()
    assert c.post(ubah, isian).status_code == 302
    anggota.refresh_from_db()
    assert anggota.nama == "Euis Rahayu"


def test_own_changes_and_untouched_fields_are_no_conflict(kps_a, pendamping_a):
    anggota = AnggotaFactory(kps=kps_a, nama="Euis", tahun_lahir=1990)
    dimuat = (timezone.now() - datetime.timedelta(hours=1)).isoformat()
    c = masuk(pendamping_a)
    ubah = f"/kelompok/anggota/{anggota.pk}/ubah/"
    # Perubahan sendiri (perangkat lain) bukan bentrok.
    assert c.post(ubah, anggota_baru(nama="Euis", jenis_kelamin="P")).status_code == 302
    r = c.post(ubah, anggota_baru(nama="Euis R", jenis_kelamin="P", _dimuat_pada=dimuat), **DRAF)
    assert r.json()["hasil"] == "diterima"
    # Perubahan sistem pada kolom yang tidak ada di formulir bukan bentrok.
    anggota.refresh_from_db()
    anggota.alasan_arsip = "uji"
    anggota.save()
    r = c.post(ubah, anggota_baru(nama="Euis Ra", jenis_kelamin="P", _dimuat_pada=dimuat), **DRAF)
    assert r.json()["hasil"] == "diterima"


# ------------------------------------------------------------------ unggahan bertahap


def mulai(c, isi: bytes, nama="bukti.pdf", jenis="application/pdf"):
    return c.post(
        "/unggah/",
        json.dumps({"nama": nama, "ukuran": len(isi), "jenis": jenis}),
        "application/json",
    )


def kirim(c, uid, mulai_dari: int, potongan: bytes):
    return c.generic(
        "PUT", f"/unggah/{uid}/?mulai={mulai_dari}", potongan, "application/octet-stream"
    )


def test_an_interrupted_upload_resumes_where_the_server_stopped_and_feeds_the_form(
    versi_kth, kth_jabar, penilai, pendamping_a
):
    penilaian = penilaian_kth_buat(kth=kth_jabar, tahun=2026, oleh=penilai)
    isi = pdf_uji("bukti lapangan") + b"\n%" + b"x" * 300_000
    c = masuk(penilai)
    assert Client().post("/unggah/", "{}", "application/json").status_code == 302  # tamu
    r = mulai(c, isi)
    assert r.status_code == 201
    uid, potongan = r.json()["id"], r.json()["potongan"]
    assert kirim(c, uid, 0, isi[:potongan]).json()["diterima"] == potongan
    # Sambungan putus: klien tidak tahu potongan kedua sampai atau tidak; ia bertanya.
    assert c.get(f"/unggah/{uid}/").json() == {
        "id": uid,
        "diterima": potongan,
        "ukuran": len(isi),
        "selesai": False,
    }
    # Potongan ganda atau dari posisi salah tidak tercampur: 409 dengan posisi server.
    r = kirim(c, uid, 0, isi[:potongan])
    assert r.status_code == 409 and r.json()["diterima"] == potongan
    # Pengguna lain tidak menjangkau unggahan ini.
    assert masuk(pendamping_a).get(f"/unggah/{uid}/").status_code == 404
    assert kirim(masuk(pendamping_a), uid, potongan, isi[potongan:]).status_code == 404
    r = kirim(c, uid, potongan, isi[potongan:])
    assert r.json()["selesai"] is True
    # Formulir halaman menerima rujukannya di tempat berkas: pemeriksaan isinya tetap berlaku.
    r = c.post(
        f"/penilaian/kth/{penilaian.pk}/bukti/",
        {"indikator": "I.1", "_unggahan:berkas": uid},
        **DRAF,
    )
    assert r.json()["hasil"] == "diterima", r.json()
    bukti = BuktiFisik.objects.get(kuesioner=penilaian.kuesioner, indikator="I.1")
    assert bukti.berkas.read() == isi
    assert not Unggahan.objects.exists()  # dipakai, lalu dihapus


def test_uploads_are_checked_like_any_upload_and_expire(versi_kth, kth_jabar, penilai):
    penilaian = penilaian_kth_buat(kth=kth_jabar, tahun=2026, oleh=penilai)
    c = masuk(penilai)
    r = c.post(
        "/unggah/",
        json.dumps({"nama": "besar.pdf", "ukuran": 11 * 1024 * 1024}),
        "application/json",
    )
    assert r.status_code == 400 and "lebih dari 10 MB" in r.json()["galat"]
    assert c.post("/unggah/", "bukan json", "application/json").status_code == 400
    # Skrip yang menyamar sebagai PDF: terunggah, tetapi formulirnya menolak isinya.
    palsu = b"<script>alert(1)</script>"
    uid = mulai(c, palsu).json()["id"]
    kirim(c, uid, 0, palsu)
    r = c.post(
        f"/penilaian/kth/{penilaian.pk}/bukti/",
        {"indikator": "I.1", "_unggahan:berkas": uid},
        **DRAF,
    )
    assert r.json()["hasil"] == "ditolak"
    assert not BuktiFisik.objects.exists()
    # Rujukan yang belum lengkap atau milik orang lain tidak dipakai.
    lain = PenggunaFactory(username="lain_unggah")
    sebagian = mulai(masuk(lain), b"%PDF-1.4 sebagian").json()["id"]
    r = c.post(
        f"/penilaian/kth/{penilaian.pk}/bukti/",
        {"indikator": "I.1", "_unggahan:berkas": sebagian},
        **DRAF,
    )
    assert r.json()["hasil"] == "ditolak"
    Unggahan.objects.update(diubah_pada=timezone.now() - datetime.timedelta(days=2))
    assert bersihkan_unggahan_lama() == 2 and not Unggahan.objects.exists()


@pytest.mark.parametrize("mulai_dari", ["", "x", "-1"])
def test_a_bad_chunk_position_is_a_clear_400_or_409(mulai_dari, pendamping_a):
    c = masuk(pendamping_a)
    uid = mulai(c, b"abc").json()["id"]
    r = c.generic("PUT", f"/unggah/{uid}/?mulai={mulai_dari}", b"abc")
    assert r.status_code in (400, 409) and r.json()["galat"]


def test_only_the_users_own_kps_are_copied_for_offline_work(kps_a, pendamping_a, admin_nasional):
    from tests.factories import KpsFactory

    lain = KpsFactory(nama="KPS Tetangga", provinsi="32")
    teks = masuk(pendamping_a).get("/kelompok/kps/").content.decode()
    assert f'data-simpan-luring href="/kelompok/kps/{kps_a.pk}/"' in teks
    # Yang melihat banyak KPS tanpa mendampinginya tidak menyalin semuanya ke perangkat.
    teks = masuk(admin_nasional).get("/kelompok/kps/").content.decode()
    assert f'href="/kelompok/kps/{lain.pk}/"' in teks and "data-simpan-luring" not in teks


def test_the_offline_fallback_page_never_sets_a_csrf_cookie(client, db):
    # Diambil service worker di latar; cookie baru menggagalkan formulir masuk yang terbuka.
    respons = client.get("/luring/")
    assert respons.status_code == 200 and "csrftoken" not in respons.cookies
