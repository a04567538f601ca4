"""Batas areal kerja: GeoJSON dan KML, luas geodesik lawan luas SK, peta wilayah dalam cakupan."""

import json
import math
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from akun import peran
from kelompok import peta
from kelompok.models import Kps
from tests.factories import KpsFactory, PenggunaFactory

# WGS 84
A = 6_378_137.0
F = 1 / 298.257223563
E2 = F * (2 - F)
E = math.sqrt(E2)


def _q(lintang: float) -> float:
    s = math.sin(math.radians(lintang))
    return (1 - E2) * (s / (1 - E2 * s * s) - math.log((1 - E * s) / (1 + E * s)) / (2 * E))


def luas_sel_ha(barat, selatan, timur, utara) -> float:
    """Luas persegi bujur/lintang di elipsoid (rumus permukaan autalik), rumus terpisah dari
    pustaka yang diuji."""
    return A * A / 2 * math.radians(timur - barat) * (_q(utara) - _q(selatan)) / 10_000


def persegi(barat, selatan, timur, utara, searah_jarum_jam=False) -> list:
    cincin = [[barat, selatan], [timur, selatan], [timur, utara], [barat, utara], [barat, selatan]]
    return cincin[::-1] if searah_jarum_jam else cincin


def kml(*poligon: str) -> bytes:
    isi = "".join(f"<Placemark><name>P</name>{p}</Placemark>" for p in poligon)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>{isi}</Folder></Document></kml>'
    ).encode()


def poligon_kml(luar: str, *lubang: str) -> str:
    def cincin(teks, tag):
        return f"<{tag}><LinearRing><coordinates>{teks}</coordinates></LinearRing></{tag}>"

    return (
        "<Polygon>"
        + cincin(luar, "outerBoundaryIs")
        + "".join(cincin(t, "innerBoundaryIs") for t in lubang)
        + "</Polygon>"
    )


# ------------------------------------------------------------------ luas, pusat, kotak


@pytest.mark.parametrize("lintang", [-10.5, -6.9, 0.0, 3.2])
def test_geodesic_area_matches_the_ellipsoid_formula_at_indonesian_latitudes(lintang):
    sel = (108.4, lintang, 108.45, lintang + 0.05)
    batas = peta.baca_geojson({"type": "Polygon", "coordinates": [persegi(*sel)]})
    harapan = luas_sel_ha(*sel)
    assert abs(float(batas.luas_ha) - harapan) / harapan < 1e-5
    assert batas.luas_ha == batas.luas_ha.quantize(Decimal("0.0001"))


def test_ring_direction_does_not_change_the_area_and_holes_are_subtracted():
    luar = persegi(108.4, -6.95, 108.45, -6.9)
    lubang = persegi(108.42, -6.93, 108.43, -6.92)
    biasa = peta.baca_geojson({"type": "Polygon", "coordinates": [luar]})
    terbalik = peta.baca_geojson(
        {"type": "Polygon", "coordinates": [persegi(108.4, -6.95, 108.45, -6.9, True)]}
    )
    berlubang = peta.baca_geojson({"type": "Polygon", "coordinates": [luar, lubang]})
    assert biasa.luas_ha == terbalik.luas_ha
    harapan = luas_sel_ha(108.4, -6.95, 108.45, -6.9) - luas_sel_ha(108.42, -6.93, 108.43, -6.92)
    assert abs(float(berlubang.luas_ha) - harapan) / harapan < 1e-5


def test_a_feature_collection_becomes_one_multipolygon_with_box_and_centre():
    koleksi = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Polygon", "coordinates": [persegi(110, -7, 110.1, -6.9)]},
            },
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Polygon", "coordinates": [persegi(110.3, -7, 110.4, -6.9)]},
            },
        ],
    }
    batas = peta.baca_geojson(json.dumps(koleksi))
    assert batas.geojson["type"] == "MultiPolygon"
    assert len(batas.geojson["coordinates"]) == 2
    assert batas.kotak == (Decimal("110"), Decimal("-7"), Decimal("110.4"), Decimal("-6.9"))
    lintang, bujur = batas.pusat
    assert lintang == Decimal("-6.950000") and bujur == Decimal("110.200000")


def test_elevation_is_dropped_and_the_result_passes_the_field_validator():
    cincin = [[*p, 1250.5] for p in persegi(108.4, -6.95, 108.45, -6.9)]
    batas = peta.baca_geojson({"type": "Polygon", "coordinates": [cincin]})
    assert all(len(p) == 2 for p in batas.geojson["coordinates"][0])
    Kps._meta.get_field("wilayah_kerja").run_validators(batas.geojson)


# ------------------------------------------------------------------ KML


def test_kml_polygons_with_holes_in_any_folder_are_read():
    isi = kml(
        poligon_kml(
            "108.40,-6.95,0 108.45,-6.95,0 108.45,-6.90,0 108.40,-6.90,0 108.40,-6.95,0",
            "108.42,-6.93 108.43,-6.93 108.43,-6.92 108.42,-6.92 108.42,-6.93",
        ),
        "<MultiGeometry>"
        + poligon_kml("110.0,-7.0 110.1,-7.0 110.1,-6.9 110.0,-6.9")  # tidak ditutup
        + "</MultiGeometry>",
    )
    batas = peta.baca_kml(isi)
    assert batas.geojson["type"] == "MultiPolygon"
    pertama, kedua = batas.geojson["coordinates"]
    assert len(pertama) == 2  # cincin luar dan satu lubang
    assert kedua[0][0] == kedua[0][-1]  # cincin yang tidak ditutup ditutup
    harapan = (
        luas_sel_ha(108.4, -6.95, 108.45, -6.9)
        - luas_sel_ha(108.42, -6.93, 108.43, -6.92)
        + luas_sel_ha(110, -7, 110.1, -6.9)
    )
    assert abs(float(batas.luas_ha) - harapan) / harapan < 1e-5


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (b"bukan xml <", "tidak terbaca sebagai XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<kml>&x;</kml>",
            "tidak terbaca sebagai XML",
        ),
        (kml("<Point><coordinates>108,-6</coordinates></Point>"), "tidak berisi Polygon"),
        (kml(poligon_kml("108;-6 109;-6 109;-5 108;-6")), "tidak terbaca; harus bujur,lintang"),
        (kml(poligon_kml("108,-6 109,-6 108,-6")), "paling sedikit 4 titik"),
        (kml(poligon_kml("200,-6 201,-6 201,-5 200,-6")), "bujur -180..180"),
    ],
)
def test_bad_kml_is_refused_with_an_indonesian_reason(isi, pesan):
    with pytest.raises(ValidationError) as galat:
        peta.baca_kml(isi)
    assert pesan in " ".join(galat.value.messages)


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("batas.shp", b"x", "harus .geojson, .json atau .kml"),
        ("batas.kmz", b"PK", "KMZ belum didukung"),
        ("batas.geojson", b"\xff\xfe", "teks UTF-8"),
        ("batas.kml", b"<kml>" + b" " * (2 * 1024 * 1024) + b"</kml>", "lebih dari 2 MB"),
    ],
)
def test_unusable_boundary_files_are_refused(nama, isi, pesan):
    with pytest.raises(ValidationError) as galat:
        peta.baca_berkas(SimpleUploadedFile(nama, isi))
    assert pesan in " ".join(galat.value.messages)


# ------------------------------------------------------------------ formulir KPS


def data_kps(kps, **ubah) -> dict:
    data = {
        "nama": kps.nama,
        "provinsi": kps.provinsi_id,
        "kabupaten": kps.kabupaten_id,
        "kecamatan": kps.desa.kecamatan_id,
        "desa": kps.desa_id,
        "bentuk_lembaga": kps.bentuk_lembaga,
        "skema": kps.skema,
        "nomor_sk": kps.nomor_sk,
        "tanggal_sk": kps.tanggal_sk.isoformat(),
        "luas_ha": "125,5",
        "fungsi_hutan": kps.fungsi_hutan,
        "ketua": kps.ketua,
        "kontak": "",
        "jumlah_kk": "40",
        "lintang": "",
        "bujur": "",
        "wilayah_kerja": "",
    }
    data.update(ubah)
    return data


KML_KPS = kml(poligon_kml("108.40,-6.91 108.41,-6.91 108.41,-6.90 108.40,-6.90 108.40,-6.91"))


def test_a_kml_upload_is_saved_with_its_geodesic_area_and_history(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kelompok:kps_ubah", args=[kps_a.pk]),
        {**data_kps(kps_a), "berkas_batas": SimpleUploadedFile("batas.kml", KML_KPS)},
    )
    assert respons.status_code == 302
    kps_a.refresh_from_db()
    assert kps_a.wilayah_kerja["type"] == "Polygon"
    harapan = luas_sel_ha(108.40, -6.91, 108.41, -6.90)
    assert abs(float(kps_a.luas_batas_ha) - harapan) < 0.01
    assert kps_a.batas_barat == Decimal("108.4") and kps_a.batas_utara == Decimal("-6.9")
    assert kps_a.history.first().luas_batas_ha == kps_a.luas_batas_ha

    halaman = client.get(kps_a.get_absolute_url()).content.decode()
    assert 'data-peta="kps"' in halaman
    assert "Luas menurut batas 122,22 ha (-2,6% dari luas SK)" in " ".join(halaman.split())
    assert 'data-uji="selisih-luas"' not in halaman
    unduh = client.get(reverse("kelompok:kps_batas_unduh", args=[kps_a.pk]))
    assert unduh["Content-Type"].startswith("application/geo+json")
    assert json.loads(unduh.content)["geometry"] == kps_a.wilayah_kerja


def test_a_refused_form_keeps_the_uploaded_boundary_in_the_text_box(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kelompok:kps_ubah", args=[kps_a.pk]),
        {
            **data_kps(kps_a, nama=""),
            "berkas_batas": SimpleUploadedFile("batas.kml", KML_KPS),
        },
    )
    assert respons.status_code == 200
    form = respons.context["form"]
    assert form.errors == {"nama": ["Wajib diisi."]}
    assert json.loads(form["wilayah_kerja"].value())["type"] == "Polygon"
    assert 'enctype="multipart/form-data"' in respons.content.decode()


def test_a_bad_upload_is_reported_next_to_the_upload_field(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kelompok:kps_ubah", args=[kps_a.pk]),
        {**data_kps(kps_a), "berkas_batas": SimpleUploadedFile("batas.kml", b"<kml>")},
    )
    assert respons.context["form"].errors == {
        "berkas_batas": ["Berkas KML tidak terbaca sebagai XML yang sah."]
    }


@pytest.mark.parametrize(
    ("lintang", "bujur", "galat"),
    [
        ("-6,9123456789", "108,45", {}),
        ("-6.9", "", {"bujur": ["Isi lintang dan bujur bersama-sama, atau kosongkan keduanya."]}),
        ("40", "108", {"lintang": ["Lintang di Indonesia antara -11 dan 6."]}),
        ("1e309", "108", {"lintang": ["Masukkan derajat desimal antara -180 dan 180."]}),
        ("-6,9", "utara", {"bujur": ["Masukkan angka, misalnya 12,5."]}),
    ],
)
def test_the_location_point_is_checked_and_rounded(
    client, pendamping_a, kps_a, lintang, bujur, galat
):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kelompok:kps_ubah", args=[kps_a.pk]),
        data_kps(kps_a, lintang=lintang, bujur=bujur),
    )
    if galat:
        assert respons.context["form"].errors == galat
        return
    assert respons.status_code == 302
    kps_a.refresh_from_db()
    assert kps_a.lintang == Decimal("-6.912346") and kps_a.bujur == Decimal("108.45")


def test_a_large_area_difference_is_flagged_on_the_page_and_in_the_list(
    client, pendamping_a, settings
):
    settings.PETA_SELISIH_LUAS_PERSEN = 10
    sel = (108.40, -6.91, 108.41, -6.90)  # 122,22 ha
    cocok = KpsFactory(
        pendamping=pendamping_a,
        luas_ha=Decimal("120"),
        wilayah_kerja={"type": "Polygon", "coordinates": [persegi(*sel)]},
    )
    selisih = KpsFactory(
        pendamping=pendamping_a,
        luas_ha=Decimal("100"),
        wilayah_kerja={"type": "Polygon", "coordinates": [persegi(*sel)]},
    )
    client.force_login(pendamping_a)
    halaman = client.get(selisih.get_absolute_url()).content.decode()
    assert 'data-uji="selisih-luas"' in halaman
    assert "berbeda lebih dari 10% dari luas SK (100,00 ha)" in " ".join(halaman.split())
    daftar = client.get(reverse("kelompok:kps_daftar"), {"masalah": "selisih_luas"})
    assert [k.pk for k in daftar.context["halaman"]] == [selisih.pk]
    assert cocok.pk not in [k.pk for k in daftar.context["halaman"]]


def test_a_kps_without_point_or_boundary_has_no_map(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    halaman = client.get(kps_a.get_absolute_url()).content.decode()
    assert 'data-peta="kps"' not in halaman and "leaflet.js" not in halaman
    daftar = client.get(reverse("kelompok:kps_daftar"), {"masalah": "tanpa_lokasi"})
    assert [k.pk for k in daftar.context["halaman"]] == [kps_a.pk]


# ------------------------------------------------------------------ peta wilayah


@pytest.fixture
def dua_wilayah(pendamping_a, pendamping_b):
    jabar = KpsFactory(
        nama="KPS Berbatas Jabar",
        pendamping=pendamping_a,
        skema="HKm",
        wilayah_kerja={"type": "Polygon", "coordinates": [persegi(108.40, -6.91, 108.41, -6.90)]},
    )
    titik = KpsFactory(
        nama="KPS Titik Jabar",
        pendamping=pendamping_a,
        skema="HD",
        lintang=Decimal("-7.1"),
        bujur=Decimal("107.5"),
    )
    kosong = KpsFactory(nama="KPS Tanpa Lokasi Jabar", pendamping=pendamping_a)
    kalbar = KpsFactory(
        nama="KPS Berbatas Kalbar",
        provinsi="61",
        pendamping=pendamping_b,
        wilayah_kerja={"type": "Polygon", "coordinates": [persegi(108.40, -6.91, 108.41, -6.90)]},
    )
    return {"jabar": jabar, "titik": titik, "kosong": kosong, "kalbar": kalbar}


def test_the_region_map_needs_a_login(client):
    for nama in ("kelompok:kps_peta", "kelompok:kps_peta_titik"):
        respons = client.get(reverse(nama))
        assert respons.status_code == 302 and "/akun/masuk/" in respons["Location"]
    assert client.get(reverse("kelompok:kps_peta_batas"), {"bbox": "0,0,1,1"}).status_code == 302


@pytest.mark.parametrize("nama_pengguna", ["pendamping_a", "kepala_dinas", "staf_bpskl"])
def test_map_points_and_boundaries_stay_in_scope(client, dua_wilayah, request, nama_pengguna):
    client.force_login(request.getfixturevalue(nama_pengguna))
    data = client.get(reverse("kelompok:kps_peta_titik")).json()
    nama = {t[1] for t in data["titik"]}
    assert nama == {"KPS Berbatas Jabar", "KPS Titik Jabar"}
    assert (data["jumlah"], data["berlokasi"], data["tanpa_lokasi"]) == (3, 2, 1)
    berbatas = next(t for t in data["titik"] if t[1] == "KPS Berbatas Jabar")
    assert berbatas[2:] == [-6.905, 108.405, True]  # tengah kotak batas

    # Kotak batas Kalbar sama persis dengan Jabar: hanya cakupan yang memisahkannya.
    batas = client.get(reverse("kelompok:kps_peta_batas"), {"bbox": "108,-7,109,-6"}).json()
    assert [f["properties"]["nama"] for f in batas["features"]] == ["KPS Berbatas Jabar"]
    assert batas["features"][0]["geometry"] == dua_wilayah["jabar"].wilayah_kerja
    assert (
        client.get(reverse("kelompok:kps_batas_unduh", args=[dua_wilayah["kalbar"].pk])).status_code
        == 404
    )


def test_the_map_uses_the_list_filters(client, pendamping_a, dua_wilayah):
    client.force_login(pendamping_a)
    data = client.get(reverse("kelompok:kps_peta_titik"), {"skema": "HD"}).json()
    assert [t[1] for t in data["titik"]] == ["KPS Titik Jabar"]
    batas = client.get(
        reverse("kelompok:kps_peta_batas"), {"bbox": "108,-7,109,-6", "skema": "HD"}
    ).json()
    assert batas["features"] == []
    halaman = client.get(reverse("kelompok:kps_peta"), {"skema": "HD"}).content.decode()
    assert "/kelompok/kps/peta/titik/?skema=HD" in halaman
    # Batas di luar layar tidak dikirim.
    jauh = client.get(reverse("kelompok:kps_peta_batas"), {"bbox": "120,-3,121,-2"}).json()
    assert jauh["features"] == []


@pytest.mark.parametrize("bbox", ["", "1,2,3", "a,b,c,d", "10,0,5,1", "0,-95,1,1"])
def test_a_bad_box_gets_a_clear_400(client, pendamping_a, bbox):
    client.force_login(pendamping_a)
    respons = client.get(reverse("kelompok:kps_peta_batas"), {"bbox": bbox})
    assert respons.status_code == 400
    assert "barat,selatan,timur,utara" in respons.json()["galat"]


def test_map_queries_do_not_grow_with_the_number_of_kps(client, admin_nasional, dua_wilayah):
    client.force_login(admin_nasional)

    def hitung(alamat, **param):
        client.get(alamat, param)
        with CaptureQueriesContext(connection) as kueri:
            assert client.get(alamat, param).status_code == 200
        return len(kueri)

    alamat = [
        (reverse("kelompok:kps_peta"), {}),
        (reverse("kelompok:kps_peta_titik"), {}),
        (reverse("kelompok:kps_peta_batas"), {"bbox": "100,-10,115,2"}),
    ]
    sebelum = [hitung(a, **p) for a, p in alamat]
    for i in range(6):
        KpsFactory(
            lintang=Decimal("-6.5"),
            bujur=Decimal("107"),
            wilayah_kerja={
                "type": "Polygon",
                "coordinates": [persegi(107 + i / 10, -7, 107.05 + i / 10, -6.95)],
            },
        )
    assert [hitung(a, **p) for a, p in alamat] == sebelum


def test_home_pages_link_to_the_map_and_admin_sees_location_quality(
    client, admin_nasional, pendamping_a, dua_wilayah
):
    client.force_login(admin_nasional)
    respons = client.get(reverse("beranda"), follow=True)
    assert "Peta KPS di wilayah Anda" in respons.content.decode()
    isi = respons.context["isi"]
    angka = {a.label: a for a in isi.angka}
    assert angka["KPS tanpa titik atau batas di peta"].nilai == 1
    assert angka["KPS tanpa titik atau batas di peta"].tautan.endswith("masalah=tanpa_lokasi")
    client.force_login(pendamping_a)
    isi = client.get(reverse("beranda"), follow=True).context["isi"]
    assert isi.pintasan == [("Peta KPS dampingan", "/kelompok/kps/peta/?pendamping=pendamping_a")]


def test_other_roles_of_another_province_see_nothing_on_the_map(client, dua_wilayah):
    kadis_sulsel = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id="73")
    client.force_login(kadis_sulsel)
    data = client.get(reverse("kelompok:kps_peta_titik")).json()
    assert data == {"jumlah": 0, "berlokasi": 0, "tanpa_lokasi": 0, "titik": [], "terpotong": False}
