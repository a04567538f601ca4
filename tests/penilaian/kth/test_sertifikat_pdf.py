"""PDF sertifikat dibuat setelah commit penetapan: cepat bagi Kepala Dinas, dicoba ulang bila gagal,
dan tidak pernah hilang."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from penilaian.kth import pekerjaan, sertifikat
from penilaian.kth.models import Sertifikat
from penilaian.kth.services import penilaian_kth_ajukan, penilaian_kth_tetapkan
from tests.factories import PenggunaFactory
from tests.penilaian.conftest import isi_kth


@pytest.fixture
def diajukan(penilaian, penilai_jabar):
    isi_kth(penilaian, penilai_jabar)
    penilaian_kth_ajukan(penilaian=penilaian, oleh=penilai_jabar)
    return penilaian


def test_approval_never_renders_inside_its_transaction(
    diajukan, kadis_jabar, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(sertifikat, "pdf_sertifikat", side_effect=AssertionError("render")),
        django_capture_on_commit_callbacks() as setelah_commit,
    ):
        terbit = penilaian_kth_tetapkan(penilaian=diajukan, oleh=kadis_jabar)
    # Sesudah commit: pekerjaan PDF dan notifikasi penetapan; keduanya tidak pernah di dalamnya.
    assert terbit.nomor and not terbit.pdf_siap and len(setelah_commit) == 2
    for pekerjaan_ in setelah_commit:
        pekerjaan_()
    terbit.refresh_from_db()
    assert terbit.pdf_siap and len(terbit.sha256) == 64
    assert terbit.history.first().history_change_reason == "PDF sertifikat dibuat"


def test_a_failed_rendering_is_recorded_retried_and_offered_again(
    client, diajukan, kadis_jabar, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as setelah_commit:
        terbit = penilaian_kth_tetapkan(penilaian=diajukan, oleh=kadis_jabar)
    gagal = mock.patch.object(sertifikat, "pdf_sertifikat", side_effect=OSError("disk penuh"))
    # Galat diteruskan agar antrean mencobanya lagi.
    with gagal, pytest.raises(OSError):
        pekerjaan.buat_pdf_sertifikat(sertifikat_id=terbit.pk)
    terbit.refresh_from_db()
    assert not terbit.pdf_siap and terbit.pdf_galat == "OSError: disk penuh"
    client.force_login(kadis_jabar)
    halaman = client.get(reverse("penilaian:kth_detail", args=[diajukan.pk])).content.decode()
    assert "disk penuh" in halaman and "Coba lagi sekarang" in halaman
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("penilaian:sertifikat_siapkan_ulang", args=[terbit.pk]))
    terbit.refresh_from_db()
    assert terbit.pdf_siap and terbit.pdf_galat == ""
    assert len(setelah_commit) == 2  # pekerjaan PDF pertama dan notifikasi, saat penetapan


def test_the_periodic_sweep_renders_certificates_left_without_a_pdf(
    diajukan, kadis_jabar, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():  # pekerjaannya hilang (tidak pernah dijalankan)
        terbit = penilaian_kth_tetapkan(penilaian=diajukan, oleh=kadis_jabar)
    assert pekerjaan.susul_pdf_sertifikat(timestamp=0) == 0  # masih baru: pekerjanya ditunggu
    Sertifikat.objects.filter(pk=terbit.pk).update(
        diterbitkan_pada=timezone.now() - datetime.timedelta(minutes=3)
    )
    assert pekerjaan.susul_pdf_sertifikat(timestamp=0) == 1
    terbit.refresh_from_db()
    assert terbit.pdf_siap
    assert pekerjaan.susul_pdf_sertifikat(timestamp=0) == 0


def test_pdf_status_and_retry_follow_the_assessment_access(
    client, diajukan, kadis_jabar, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():
        terbit = penilaian_kth_tetapkan(penilaian=diajukan, oleh=kadis_jabar)
    status = reverse("penilaian:sertifikat_status", args=[terbit.pk])
    ulang = reverse("penilaian:sertifikat_siapkan_ulang", args=[terbit.pk])
    assert client.get(status).status_code == 302  # anonim: ke halaman masuk
    assert client.post(ulang).status_code == 302
    lain = PenggunaFactory(peran=kadis_jabar.daftar_peran[0], provinsi_id="11")
    client.force_login(lain)
    assert client.get(status).status_code == 404
    assert client.post(ulang).status_code == 404
    client.force_login(kadis_jabar)
    assert 'data-pdf="disiapkan"' in client.get(status).content.decode()
    assert client.get(ulang).status_code == 405
