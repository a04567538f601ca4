"""API v1: token pribadi, tangga akses yang sama dengan halaman, NIK tidak pernah keluar,
penyaring dan pesan Indonesia, masukan lapangan lewat layanan halaman, skema OpenAPI."""

import datetime

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from akun import peran
from api.models import TokenApi
from kerjasama.models import KerjaSama, Monitoring
from penilaian.inti.models import Jawaban
from penilaian.kth.models import BuktiFisik
from penilaian.kth.services import penilaian_kth_buat
from tests.factories import (
    AnggotaFactory,
    KpsFactory,
    PenggunaFactory,
    pdf_uji,
)


def klien_token(user) -> Client:
    _, kunci = TokenApi.buat(pengguna=user, nama="uji")
    return Client(HTTP_AUTHORIZATION=f"Bearer {kunci}")


@pytest.fixture
def kps_kalbar(pendamping_b):
    return KpsFactory(nama="KPS Rimba Kapuas", provinsi="61", pendamping=pendamping_b)


# ------------------------------------------------------------------ token


def test_a_user_creates_a_token_once_uses_it_and_revokes_it(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    respons = client.post(reverse("token_api"), {"nama": "Ponsel lapangan"})
    teks = respons.content.decode()
    assert respons.status_code == 200 and 'data-uji="token-baru"' in teks
    token = TokenApi.objects.get(pengguna=pendamping_a)
    kunci = teks.split('<code class="user-select-all fs-6">')[1].split("</code>")[0]
    assert kunci.startswith(token.awalan) and token.sidik_kunci != kunci
    # Sesudahnya kunci utuh tidak pernah tampil lagi.
    assert kunci not in client.get(reverse("token_api")).content.decode()

    api = Client(HTTP_AUTHORIZATION=f"Bearer {kunci}")
    data = api.get("/api/v1/kps/").json()
    assert [k["nama"] for k in data["results"]] == ["KPS Wana Jaya"]
    token.refresh_from_db()
    assert token.terakhir_dipakai is not None

    # Pengguna lain tidak bisa mencabut token ini; pemiliknya bisa.
    lain = PenggunaFactory(username="lain", peran=peran.PENDAMPING, provinsi_id="32")
    client.force_login(lain)
    assert client.post(reverse("token_cabut", args=[token.pk])).status_code == 404
    client.force_login(pendamping_a)
    client.post(reverse("token_cabut", args=[token.pk]))
    respons = api.get("/api/v1/kps/")
    assert respons.status_code == 401
    assert respons.json()["detail"] == "Token tidak sah atau sudah dicabut."


def test_the_token_page_needs_a_login_and_a_name(client, pendamping_a):
    respons = client.get(reverse("token_api"))
    assert respons.status_code == 302 and reverse("login") in respons["Location"]
    client.force_login(pendamping_a)
    respons = client.post(reverse("token_api"), {"nama": ""})
    assert "Wajib diisi." in respons.content.decode()
    assert not TokenApi.objects.exists()


def test_an_inactive_owner_or_a_bad_header_is_refused(pendamping_a):
    api = klien_token(pendamping_a)
    pendamping_a.is_active = False
    pendamping_a.save()
    assert api.get("/api/v1/kps/").status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer").get("/api/v1/kps/").status_code == 401
    assert Client().get("/api/v1/kps/").json()["detail"] == "Data autentikasi tidak diberikan."


# ------------------------------------------------------------------ tangga akses


def test_the_access_ladder_of_the_read_endpoints(
    kps_a, kps_kalbar, pendamping_a, pendamping_b, staf_bpskl, wakil_mitra
):
    AnggotaFactory(kps=kps_a, nama="Euis Jabar")
    AnggotaFactory(kps=kps_kalbar, nama="Yakobus Kalbar")
    ks = KerjaSama.objects.create(
        judul="Pemasaran madu",
        jenis="usaha",
        kebutuhan="x",
        kps_utama=kps_a,
        dibuat_oleh=pendamping_a,
    )
    for url in ("/api/v1/kps/", f"/api/v1/kps/{kps_a.pk}/", "/api/v1/anggota/"):
        assert Client().get(url).status_code == 401

    jabar, kalbar = klien_token(pendamping_a), klien_token(pendamping_b)
    assert [k["id"] for k in jabar.get("/api/v1/kps/").json()["results"]] == [kps_a.pk]
    assert [k["id"] for k in kalbar.get("/api/v1/kps/").json()["results"]] == [kps_kalbar.pk]
    for url in (
        f"/api/v1/kps/{kps_a.pk}/",
        f"/api/v1/kerja-sama/{ks.pk}/",
    ):
        assert jabar.get(url).status_code == 200
        assert kalbar.get(url).status_code == 404, url
    assert [a["nama"] for a in kalbar.get("/api/v1/anggota/").json()["results"]] == [
        "Yakobus Kalbar"
    ]
    assert (
        kalbar.post(
            f"/api/v1/kerja-sama/{ks.pk}/monitoring/", {}, content_type="application/json"
        ).status_code
        == 404
    )
    # BPSKL wilayahnya membaca, tidak menulis.
    bpskl = klien_token(staf_bpskl)
    assert bpskl.get(f"/api/v1/kerja-sama/{ks.pk}/").status_code == 200
    assert (
        bpskl.post(
            f"/api/v1/kerja-sama/{ks.pk}/monitoring/", {}, content_type="application/json"
        ).status_code
        == 403
    )
    # Akun mitra tidak membuka API registri sama sekali.
    assert klien_token(wakil_mitra).get("/api/v1/kps/").status_code == 403


def test_nik_never_leaves_through_the_api(kps_a, pendamping_a, admin_nasional):
    AnggotaFactory(kps=kps_a, nama="Euis", nik="3208123456780001")
    for user in (pendamping_a, admin_nasional):
        api = klien_token(user)
        teks = api.get("/api/v1/anggota/").content.decode()
        teks += api.get(f"/api/v1/anggota/?kps={kps_a.pk}").content.decode()
        assert "Euis" in teks and "3208123456780001" not in teks and "nik" not in teks


def test_filters_are_those_of_the_lists_with_indonesian_messages(kps_a, pendamping_a):
    KpsFactory(nama="KPS Sirna Galih", provinsi="32", pendamping=pendamping_a)
    api = klien_token(pendamping_a)
    nama = [k["nama"] for k in api.get("/api/v1/kps/?q=sirna").json()["results"]]
    assert nama == ["KPS Sirna Galih"]
    respons = api.get("/api/v1/kps/?skema=XYZ")
    assert respons.status_code == 400 and respons.json() == {"skema": ["Pilihan tidak sah."]}
    respons = api.get("/api/v1/kps/?halaman=99")
    assert respons.status_code == 404 and respons.json()["detail"] == "Halaman tidak ada."
    data = api.get("/api/v1/kps/?per_halaman=1").json()
    assert data["count"] == 2 and len(data["results"]) == 1 and "halaman=2" in data["next"]


# ------------------------------------------------------------------ masukan lapangan


def test_a_questionnaire_is_filled_and_submitted_through_the_api(
    responden, pendamping_a, pendamping_b
):
    api = klien_token(pendamping_a)
    isi = api.get(f"/api/v1/responden-hkm/{responden.pk}/").json()["isi"]
    assert isi["status"] == "draf" and isi["jawaban"] == {}
    indikator = isi["indikator"]
    assert indikator and all(i["opsi"] for i in indikator)
    url = f"/api/v1/responden-hkm/{responden.pk}/jawaban/"
    respons = api.post(url, {"indikator": indikator[0]["kode"], "nilai": "zz"}, "application/json")
    assert respons.status_code == 400 and "nilai" in respons.json()
    # Belum lengkap: penyerahan ditolak dengan pesan, bukan 500.
    respons = api.post(f"/api/v1/responden-hkm/{responden.pk}/serahkan/")
    assert respons.status_code == 400
    for i in indikator:
        respons = api.post(
            url, {"indikator": i["kode"], "nilai": i["opsi"][-1]["kode"]}, "application/json"
        )
        assert respons.status_code == 200, respons.content
    assert Jawaban.objects.filter(kuesioner=responden.kuesioner).count() == len(indikator)
    penjelasan = f"/api/v1/responden-hkm/{responden.pk}/penjelasan/"
    kode = indikator[0]["kode"]
    assert (
        api.post(
            penjelasan, {"indikator": kode, "teks": "Patok batas lengkap"}, "application/json"
        ).status_code
        == 200
    )
    # Pendamping wilayah lain tidak menjangkau kuesioner ini.
    assert (
        klien_token(pendamping_b)
        .post(url, {"indikator": kode, "nilai": "a"}, "application/json")
        .status_code
        == 404
    )
    respons = api.post(f"/api/v1/responden-hkm/{responden.pk}/serahkan/")
    assert respons.status_code == 200 and respons.json()["status"] == "selesai"
    isi = api.get(f"/api/v1/responden-hkm/{responden.pk}/").json()["isi"]
    assert isi["status"] == "selesai" and isi["penjelasan"] == {kode: "Patok batas lengkap"}
    respons = api.post(url, {"indikator": kode, "nilai": "a"}, "application/json")
    assert respons.status_code == 400  # sudah diserahkan


def test_kth_scores_and_evidence_go_through_the_page_services(versi_kth, kth_jabar, pendamping_a):
    penilai = PenggunaFactory(username="penilai_api", peran=peran.PENILAI_KTH, provinsi_id="32")
    penilaian = penilaian_kth_buat(kth=kth_jabar, tahun=2026, oleh=penilai)
    api = klien_token(penilai)
    isi = api.get(f"/api/v1/penilaian-kth/{penilaian.pk}/").json()["isi"]
    isian = next(i for i in isi["indikator"] if i["isian"])
    url = f"/api/v1/penilaian-kth/{penilaian.pk}/jawaban/"
    respons = api.post(
        url, {"indikator": isian["kode"], "nilai": str(isian["maks"] + 1)}, "application/json"
    )
    assert respons.status_code == 400
    respons = api.post(
        url, {"indikator": isian["kode"], "nilai": str(isian["maks"])}, "application/json"
    )
    assert respons.json() == {"indikator": isian["kode"], "tersimpan": str(isian["maks"])}
    bukti = f"/api/v1/penilaian-kth/{penilaian.pk}/bukti/"
    palsu = SimpleUploadedFile(
        "foto.pdf", b"<html><script>x</script>", content_type="application/pdf"
    )
    respons = api.post(bukti, {"indikator": isian["kode"], "berkas": palsu})
    assert respons.status_code == 400 and "berkas" in respons.json()
    sah = SimpleUploadedFile("foto.pdf", pdf_uji("bukti"), content_type="application/pdf")
    respons = api.post(bukti, {"indikator": isian["kode"], "berkas": sah})
    assert respons.status_code == 201
    assert BuktiFisik.objects.filter(kuesioner=penilaian.kuesioner).count() == 1
    # Pendamping membaca penilaian KTH dampingannya, tetapi skor hanya diisi Penilai KTH.
    pendamping = klien_token(pendamping_a)
    assert pendamping.get(f"/api/v1/penilaian-kth/{penilaian.pk}/").status_code == 200
    assert (
        pendamping.post(
            url, {"indikator": isian["kode"], "nilai": "1"}, "application/json"
        ).status_code
        == 403
    )


def test_monitoring_uses_the_page_form_rules(kps_a, pendamping_a):
    ks = KerjaSama.objects.create(
        judul="Madu",
        jenis="kelembagaan",
        kebutuhan="x",
        kps_utama=kps_a,
        dibuat_oleh=pendamping_a,
        tahap="f",
    )
    api = klien_token(pendamping_a)
    url = f"/api/v1/kerja-sama/{ks.pk}/monitoring/"
    respons = api.post(
        url,
        {
            "tanggal": "2099-01-01",
            "kemajuan": "",
            "peserta": 5,
            "peserta_perempuan": 9,
            "peserta_muda": 0,
        },
        "application/json",
    )
    galat = respons.json()
    assert (
        respons.status_code == 400 and "tanggal" in galat and galat["kemajuan"] == ["Wajib diisi."]
    )
    respons = api.post(
        url,
        {
            "tanggal": "2026-11-02",
            "kemajuan": "Pelatihan pengemasan",
            "kewajiban": ["laporan", "bukan-kode"],
            "peserta": 20,
            "peserta_perempuan": 9,
            "peserta_muda": 4,
        },
        "application/json",
    )
    assert respons.status_code == 400
    assert respons.json() == {"kewajiban": ["Pilihan tidak sah. Pilih dari daftar."]}
    respons = api.post(
        url,
        {
            "tanggal": "2026-11-02",
            "kemajuan": "Pelatihan pengemasan",
            "kewajiban": ["laporan"],
            "peserta": 20,
            "peserta_perempuan": 9,
            "peserta_muda": 4,
        },
        "application/json",
    )
    assert respons.status_code == 201, respons.content
    catatan = Monitoring.objects.get(kerjasama=ks)
    assert catatan.tanggal == datetime.date(2026, 11, 2) and catatan.kewajiban == ["laporan"]
    assert ks.riwayat.filter(peristiwa="monitoring").exists()
    respons = api.post(
        url,
        {
            "tanggal": "2026-11-03",
            "kemajuan": "x",
            "peserta": 2,
            "peserta_perempuan": 3,
            "peserta_muda": 0,
        },
        "application/json",
    )
    assert respons.status_code == 400  # perempuan > peserta: aturan layanan yang sama


# ------------------------------------------------------------------ pertukaran dan skema


def test_the_exchange_data_has_the_same_columns_and_version_as_the_files(
    client, kps_a, pendamping_a
):
    from kelompok import pertukaran
    from tests.factories import KupsFactory

    KupsFactory(kps=kps_a, nama="KUPS Kopi")
    api = klien_token(pendamping_a)
    daftar = api.get("/api/v1/pertukaran/").json()
    assert {d["kode"] for d in daftar} == set(pertukaran.DATA)
    respons = api.get("/api/v1/pertukaran/kups-kelas/")
    data = respons.json()
    assert respons["X-Versi-Format"] == pertukaran.VERSI_FORMAT == data["versi_format"]
    kolom = [k.kode for k in pertukaran.DATA["kups-kelas"].kolom]
    assert list(data["results"][0]) == kolom and data["results"][0]["nama_kups"] == "KUPS Kopi"
    client.force_login(pendamping_a)
    csv = b"".join(
        client.get(
            reverse("kelompok:pertukaran_unduh", args=["kups-kelas", "csv"])
        ).streaming_content
    )
    assert csv.decode().splitlines()[0].split(",") == kolom
    assert api.get("/api/v1/pertukaran/tidak-ada/").status_code == 404


def test_the_schema_validates_and_the_documentation_is_served_without_internet(client, db):
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    skema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(skema)
    operasi = [
        (metode, jalur)
        for jalur, isi in skema["paths"].items()
        for metode in isi
        if metode in ("get", "post", "put", "patch", "delete")
    ]
    assert len(operasi) >= 25
    teks = client.get("/api/v1/skema/").content.decode()
    assert "Perhutanan API" in yaml.safe_load(teks)["info"]["title"]
    dokumen = client.get("/api/v1/dokumentasi/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in dokumen
    assert "cdn." not in dokumen and "unpkg" not in dokumen


def test_every_api_route_answers_a_guest_with_401_except_the_schema_and_its_page(db):
    from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver

    def pola(resolver):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                yield from pola(p)
            elif isinstance(p, URLPattern) and p.name and "format" not in p.pattern.converters:
                yield p

    akar = get_resolver().url_patterns
    api = next(p for p in akar if isinstance(p, URLResolver) and p.app_name == "api")
    publik = {"skema", "dokumentasi"}
    klien = Client()
    diperiksa = 0
    for p in pola(api):
        nama = list(p.pattern.regex.groupindex) if hasattr(p.pattern, "regex") else []
        for contoh in (1, "kups-kelas", "00000000-0000-4000-8000-000000000000"):
            try:
                alamat = reverse(f"api:{p.name}", kwargs=dict.fromkeys(nama, contoh))
                break
            except NoReverseMatch:
                continue
        for metode in (klien.get, klien.post, klien.put):
            respons = metode(alamat)
            if respons.status_code == 405:
                continue
            diperiksa += 1
            harap = 200 if p.name in publik and metode == klien.get else 401
            assert respons.status_code == harap, (metode.__name__, alamat, respons.status_code)
    assert diperiksa >= 20
