"""Berkas unggahan di penyimpanan objek S3 (django-storages + boto3) lewat HTTP sungguhan ke
server S3 tiruan (moto) di proses uji: tidak ada yang tertulis ke disk server aplikasi."""

import datetime
import socket
from pathlib import Path

import boto3
import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from kelompok.models import DokumenPendukung
from perhutanan import cadangan
from tests.factories import pdf_uji

BUCKET = "perhutanan-uji"


def _porta_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def s3():
    from moto.server import ThreadedMotoServer

    porta = _porta_bebas()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=porta, verbose=False)
    server.start()
    titik = f"http://127.0.0.1:{porta}"
    klien = boto3.client(
        "s3",
        endpoint_url=titik,
        aws_access_key_id="uji",
        aws_secret_access_key="uji-rahasia",
        region_name="us-east-1",
    )
    klien.create_bucket(Bucket=BUCKET)
    penyimpanan = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": titik,
                "access_key": "uji",
                "secret_key": "uji-rahasia",
                "region_name": "us-east-1",
                "default_acl": "private",
                "file_overwrite": False,
                "addressing_style": "path",
            },
        },
    }
    with override_settings(STORAGES=penyimpanan):
        yield klien, server
    server.stop()


def _isi_disk_lokal() -> set[Path]:
    return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


def test_an_upload_goes_to_object_storage_and_downloads_through_the_scoped_view(
    s3, client, kps_a, pendamping_a
):
    klien, _ = s3
    sebelum = _isi_disk_lokal()
    client.force_login(pendamping_a)
    isi = pdf_uji("rkps")
    from django.core.files.uploadedfile import SimpleUploadedFile

    respons = client.post(
        reverse("kelompok:dokumen_unggah", args=[kps_a.pk]),
        {
            "jenis": "peta_persetujuan",
            "judul": "Peta SK",
            "tanggal_dokumen": datetime.date(2026, 1, 5).isoformat(),
            "berkas": SimpleUploadedFile("rkps.pdf", isi, content_type="application/pdf"),
        },
    )
    assert respons.status_code == 302, respons.content.decode()[:2000]
    dokumen = DokumenPendukung.objects.get()
    kunci = [o["Key"] for o in klien.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert kunci == [dokumen.berkas.name]
    assert klien.get_object(Bucket=BUCKET, Key=dokumen.berkas.name)["Body"].read() == isi
    assert _isi_disk_lokal() == sebelum  # tidak ada yang tertulis ke disk server ini

    unduhan = client.get(reverse("kelompok:dokumen_unduh", args=[dokumen.pk]))
    assert b"".join(unduhan.streaming_content) == isi
    # Berkas di bucket dienumerasi untuk cadangan dan pembersihan berkas yatim.
    assert list(cadangan.semua_berkas()) == [dokumen.berkas.name]
    assert cadangan.berkas_yatim(datetime.timedelta(0)) == []


def test_the_health_check_names_object_storage_when_it_is_down(s3, client, db):
    _, server = s3
    assert client.get(reverse("kesehatan")).json()["penyimpanan"] == "ok"
    server.stop()
    respons = client.get(reverse("kesehatan"))
    assert respons.status_code == 503
    assert respons.json()["penyimpanan"] == "tidak terjangkau"
    assert respons.json()["basis_data"] == "ok"
