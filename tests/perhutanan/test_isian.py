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


def test_a_refused_respondent_keeps_the_typed_name_for_the_evaluation_page(
    client, pendamping_a, kps_a
):
    import datetime

    from penilaian.hkm.services import evaluasi_buat
    from penilaian.inti import definisi
    from penilaian.inti.services import instrumen_muat
    from tests.penilaian.conftest import FIXTURES

    instrumen_muat(kanonik=definisi.dari_yaml((FIXTURES / "hkm.yaml").read_text()))

    evaluasi = evaluasi_buat(kps=kps_a, oleh=pendamping_a, tanggal=datetime.date(2026, 10, 1))
    client.force_login(pendamping_a)
    alamat = reverse("penilaian:responden_tambah", args=[evaluasi.pk])
    respons = client.post(alamat, {"nama": "Bu Euis", "peran": "bukan-peran"})
    assert respons["Location"] == reverse("penilaian:evaluasi_detail", args=[evaluasi.pk])
    [entri] = client.session["isian_tertunda"]
    assert entri["aksi"] == alamat and entri["data"]["nama"] == "Bu Euis"
    assert entri["galat"]["peran"]
    halaman = client.get(respons["Location"])
    assert halaman.context["isian_tertunda"][0]["data"]["nama"] == "Bu Euis"


def test_a_refused_signed_scan_says_to_pick_the_file_again(client, pendamping_a, kps_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kerjasama.services import naskah_simpan
    from tests.kerjasama.conftest import isi_lengkap

    ks = _ks(kps_a, pendamping_a)
    naskah, _ = naskah_simpan(
        kerjasama=ks, isi=isi_lengkap(), pola="hibah", persen_modal=None, oleh=pendamping_a
    )
    client.force_login(pendamping_a)
    client.post(
        reverse("kerjasama:naskah_ttd", args=[ks.pk, naskah.versi]),
        {
            "tanggal": "2026-11-01",
            "berkas": SimpleUploadedFile("ttd.pdf", b"bukan pdf", content_type="application/pdf"),
        },
    )
    [entri] = client.session["isian_tertunda"]
    assert entri["data"]["tanggal"] == "2026-11-01"
    assert any("pilih ulang berkasnya" in p for p in entri["galat"]["berkas"])
