import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from kelompok.models import Anggota
from kelompok.validators import validasi_geojson_poligon
from perhutanan.berkas import validasi_berkas_pendukung
from tests.factories import AnggotaFactory, KpsFactory, KthFactory, gambar_uji, pdf_uji

PERSEGI = [[[106.8, -6.6], [106.9, -6.6], [106.9, -6.5], [106.8, -6.5], [106.8, -6.6]]]


@pytest.mark.parametrize(
    "geojson",
    [
        {"type": "Polygon", "coordinates": PERSEGI},
        {"type": "MultiPolygon", "coordinates": [PERSEGI]},
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": PERSEGI}},
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": PERSEGI}}
            ],
        },
        json.dumps({"type": "Polygon", "coordinates": PERSEGI}),
    ],
)
def test_valid_polygons_are_accepted(geojson):
    validasi_geojson_poligon(geojson)


@pytest.mark.parametrize(
    ("geojson", "pesan"),
    [
        ("{bukan json", "JSON tidak terbaca"),
        ({"type": "Point", "coordinates": [106.8, -6.6]}, "Polygon atau MultiPolygon"),
        (
            {"type": "Polygon", "coordinates": [[[106.8, -6.6], [106.9, -6.6], [106.8, -6.6]]]},
            "4 titik",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[106.8, -6.6], [106.9, -6.6], [106.9, -6.5], [106.8, -6.5]]],
            },
            "tertutup",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[206.8, -6.6], [106.9, -6.6], [106.9, -6.5], [206.8, -6.6]]],
            },
            "bujur",
        ),
        ({"type": "FeatureCollection", "features": []}, "tidak berisi fitur"),
    ],
)
def test_invalid_geojson_gets_an_indonesian_reason(geojson, pesan):
    with pytest.raises(ValidationError, match=pesan):
        validasi_geojson_poligon(geojson)


def test_only_pdf_jpeg_and_png_content_is_accepted(settings):
    validasi_berkas_pendukung(SimpleUploadedFile("a.pdf", pdf_uji("isi")))
    validasi_berkas_pendukung(SimpleUploadedFile("a.png", gambar_uji("PNG")))
    validasi_berkas_pendukung(SimpleUploadedFile("a.jpg", gambar_uji("JPEG")))
    # Nama .pdf tidak cukup: isinya yang diperiksa.
    with pytest.raises(ValidationError, match="PDF, JPEG atau PNG"):
        validasi_berkas_pendukung(SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 exe"))


def test_a_file_over_the_limit_is_refused_with_its_size(settings):
    settings.UNGGAHAN_MAKS_MB = 1
    besar = SimpleUploadedFile("besar.pdf", b"%PDF-" + b"0" * (1024 * 1024 + 200_000))
    with pytest.raises(ValidationError, match=r"terlalu besar \(1,2 MB\). Batasnya 1 MB"):
        validasi_berkas_pendukung(besar)


def test_a_nik_is_unique_within_one_group_but_may_repeat_across_groups(db):
    kps_a, kps_b = KpsFactory(), KpsFactory()
    AnggotaFactory(kps=kps_a, nik="3201010101010001")
    AnggotaFactory(kps=kps_b, nik="3201010101010001")
    AnggotaFactory(kps=kps_a, nik="")
    AnggotaFactory(kps=kps_a, nik="")
    with pytest.raises(IntegrityError), transaction.atomic():
        AnggotaFactory(kps=kps_a, nik="3201010101010001")


def test_a_member_belongs_to_exactly_one_group(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Anggota.objects.create(
            kps=KpsFactory(), kth=KthFactory(), nama="Ganda", jenis_kelamin="L", tahun_lahir=1990
        )


def test_location_fields_follow_the_desa_code(db):
    kps = KpsFactory(provinsi="61")
    assert kps.provinsi_id == "61"
    assert kps.kabupaten_id == "61.90"
    assert kps.desa_id.startswith("61.90.01.")


def test_the_nik_is_masked_for_lists(db):
    anggota = AnggotaFactory(kps=KpsFactory(), nik="3201234567890001")
    assert anggota.nik_tersamar == "3201********0001"
