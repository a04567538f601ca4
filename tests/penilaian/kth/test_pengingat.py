"""Pengingat harian untuk Kepala Dinas: penilaian yang tenggat penetapannya dekat atau lewat."""

import datetime

from django.urls import reverse

from akun import peran
from kerjasama.models import Notifikasi
from penilaian.kth.models import PenilaianKth
from penilaian.kth.pekerjaan import pengingat_penetapan_kth
from penilaian.kth.services import (
    ingatkan_tenggat_penetapan,
    penilaian_kth_ajukan,
    penilaian_kth_buat,
)
from tests.factories import KthFactory, PenggunaFactory
from tests.penilaian.conftest import isi_kth


def _diajukan(kth, penilai, tenggat):
    p = penilaian_kth_buat(kth=kth, tahun=2026, oleh=penilai)
    isi_kth(p, penilai)
    penilaian_kth_ajukan(penilaian=p, oleh=penilai)
    PenilaianKth.objects.filter(pk=p.pk).update(tenggat=tenggat)
    return p


def test_the_head_of_office_is_reminded_of_due_and_late_decisions(
    versi_kth, kps_a, penilai, kepala_dinas
):
    hari_ini = datetime.date(2026, 11, 23)  # Senin
    lewat = _diajukan(
        KthFactory(nama="KTH Lewat", desa=kps_a.desa),
        penilai,
        hari_ini - datetime.timedelta(days=3),
    )
    dekat = _diajukan(
        KthFactory(nama="KTH Dekat", desa=kps_a.desa),
        penilai,
        hari_ini + datetime.timedelta(days=2),
    )
    _diajukan(
        KthFactory(nama="KTH Longgar", desa=kps_a.desa),
        penilai,
        hari_ini + datetime.timedelta(days=14),
    )
    kadis_lain = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id="61")

    assert ingatkan_tenggat_penetapan(hari_ini) == 2
    pesan = Notifikasi.objects.get(penerima=kepala_dinas)
    assert pesan.judul == "2 penilaian kelas KTH menunggu penetapan Anda"
    assert pesan.pesan.startswith("1 sudah lewat tenggat.")
    assert str(lewat.kth) in pesan.pesan and str(dekat.kth) in pesan.pesan
    assert "KTH Longgar" not in pesan.pesan
    assert pesan.tautan == reverse("penilaian:kth_antrean")
    assert not Notifikasi.objects.filter(penerima=kadis_lain).exists()


def test_the_reminder_runs_as_a_periodic_job_without_an_outside_cron(versi_kth, kps_a, penilai):
    _diajukan(KthFactory(desa=kps_a.desa), penilai, datetime.date(2020, 1, 1))
    assert pengingat_penetapan_kth(timestamp=0) == 1


def test_assessors_are_reminded_of_the_30_november_coverage_deadline(versi_kth, penilai):
    from penilaian.kth.pekerjaan import pengingat_cakupan_kth
    from penilaian.kth.services import ingatkan_cakupan

    penilai_kalbar = PenggunaFactory(peran=peran.PENILAI_KTH, provinsi_id="61")
    KthFactory.create_batch(2, provinsi="32")
    KthFactory(provinsi="61")
    sudah = KthFactory(provinsi="61")
    penilaian_kth_buat(kth=sudah, tahun=2026, oleh=penilai_kalbar)  # draf pun sudah dinilai
    assert ingatkan_cakupan(datetime.date(2026, 11, 22)) == 0  # bukan hari pengingat
    assert ingatkan_cakupan(datetime.date(2026, 11, 23)) == 2  # 7 hari lagi
    judul = dict(Notifikasi.objects.values_list("penerima__username", "judul"))
    assert judul == {
        penilai.username: "2 KTH belum dinilai tahun 2026",
        penilai_kalbar.username: "1 KTH belum dinilai tahun 2026",
    }
    assert Notifikasi.objects.first().tautan == reverse("penilaian:cakupan")
    # Pekerjaan berkala harian memanggilnya dengan tanggal hari itu (di sini: sehari sebelum batas).
    from unittest import mock

    with mock.patch(
        "penilaian.kth.services.timezone.localdate", return_value=datetime.date(2026, 11, 29)
    ):
        assert pengingat_cakupan_kth(timestamp=0) == 2
