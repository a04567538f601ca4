"""Beranda tiap peran: angka dalam cakupan (wilayah lain tidak pernah terhitung), setiap angka
bertaut ke daftar yang menunjukkan jumlah yang sama, dan jumlah kueri tidak tumbuh dengan data."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from akun import peran
from kerjasama.models import KerjaSama
from tests.factories import AnggotaFactory, KpsFactory, KthFactory, KupsFactory, PenggunaFactory
from tests.kerjasama.conftest import buat_kerjasama


def angka(respons) -> dict[str, object]:
    return {a.label: a.nilai for a in respons.context["isi"].angka}


def tautan(respons, label: str) -> str:
    return next(a.tautan for a in respons.context["isi"].angka if a.label == label)


def jumlah_di_daftar(client, alamat: str) -> int:
    teks = client.get(alamat).content.decode()
    return int(re.search(r'data-uji="jumlah">\s*([\d.]+) data', teks)[1].replace(".", ""))


def isi_wilayah(provinsi: str, pendamping, n: int = 1):
    """n KPS (tanpa dokumen), masing-masing satu KUPS belum berkelas dan satu KTH 3 anggota."""
    for _ in range(n):
        kps = KpsFactory(provinsi=provinsi, pendamping=pendamping)
        KupsFactory(kps=kps)
        kth = KthFactory(provinsi=provinsi, kps=kps)
        AnggotaFactory.create_batch(3, kth=kth, kps=None)
        buat_kerjasama(kps, pendamping)


def beranda(client, user, kode: str):
    client.force_login(user)
    respons = client.get(reverse("beranda_peran", args=[kode]))
    assert respons.status_code == 200
    return respons


@pytest.fixture
def dua_wilayah(pendamping_a, pendamping_b):
    isi_wilayah("32", pendamping_a, 2)
    isi_wilayah("61", pendamping_b, 3)


def test_pendamping_sees_only_their_own_groups_and_each_figure_opens_its_list(
    client, pendamping_a, dua_wilayah
):
    respons = beranda(client, pendamping_a, "pendamping")
    nilai = angka(respons)
    assert nilai["KPS dampingan"] == 2
    assert nilai["KPS tanpa dokumen pendukung"] == 2
    assert nilai["KUPS belum berkelas"] == 2
    assert nilai["Kerja sama berjalan"] == 2
    kth = f"KTH belum dinilai {timezone.localdate().year}"
    assert nilai[kth] == 2
    for label in ("KPS dampingan", "KPS tanpa dokumen pendukung", kth):
        assert jumlah_di_daftar(client, tautan(respons, label)) == nilai[label], label
    bagian = {b.judul: b for b in respons.context["isi"].bagian}
    assert len(bagian["Kerja sama: langkah berikutnya"].baris) == 2
    kekurangan = bagian["KPS dengan kekurangan"].baris
    assert len(kekurangan) == 2 and "6 jenis dokumen belum ada" in kekurangan[0].rincian


def test_bpskl_officer_sees_the_approval_queue_of_their_balai_only(
    client, staf_bpskl, pendamping_a, pendamping_b, dua_wilayah
):
    KerjaSama.objects.filter(kps_utama__provinsi_id__in=["32", "61"]).update(
        status_persetujuan="diajukan"
    )
    import datetime

    segera = timezone.localdate() + datetime.timedelta(days=60)
    KerjaSama.objects.filter(kps_utama__provinsi_id__in=["32", "61"]).update(berlaku_sampai=segera)
    KerjaSama.objects.filter(
        pk=KerjaSama.objects.filter(kps_utama__provinsi_id="32").first().pk
    ).update(berlaku_sampai=segera + datetime.timedelta(days=60))
    respons = beranda(client, staf_bpskl, "bpskl")
    assert angka(respons)["Menunggu persetujuan"] == 2  # Jawa Barat saja, bukan Kalimantan Barat
    assert angka(respons)["Berakhir dalam 90 hari"] == 1
    for label in ("Berakhir dalam 90 hari", f"Disetujui {timezone.localdate().year}"):
        assert jumlah_di_daftar(client, tautan(respons, label)) == angka(respons)[label], label
    antrean = respons.context["isi"].bagian[0]
    assert len(antrean.baris) == 2
    sebaran = {s.judul: s for s in respons.context["isi"].sebaran}
    assert [b[:2] for b in sebaran["Kerja sama per provinsi"].baris] == [("Jawa Barat", 2)]
    jenis = {label: n for label, n, _ in sebaran["Kerja sama per jenis"].baris}
    assert sum(jenis.values()) == 2


def test_kth_assessor_and_head_of_office_count_their_province_only(
    client, penilai, kepala_dinas, dua_wilayah
):
    respons = beranda(client, penilai, "penilai")
    nilai = angka(respons)
    tahun = next(k for k in nilai if k.startswith("KTH belum dinilai"))
    assert nilai[tahun] == 2 and nilai["Cakupan penilaian"] == "0%"
    respons = beranda(client, kepala_dinas, "dinas")
    assert angka(respons)["Menunggu penetapan"] == 0
    tabel = respons.context["isi"].tabel[0]
    assert sum(n for _, sel in tabel.baris for n, _ in sel) == 2  # 2 KTH Jawa Barat


def test_admin_data_quality_is_scoped_to_the_admins_region(client, admin_nasional, dua_wilayah):
    admin_jabar = PenggunaFactory(peran=peran.ADMIN, provinsi_id="32")
    nasional = angka(beranda(client, admin_nasional, "admin"))
    jabar_respons = beranda(client, admin_jabar, "admin")
    jabar = angka(jabar_respons)
    assert nasional["KPS tanpa dokumen pendukung"] == 5
    assert jabar["KPS tanpa dokumen pendukung"] == 2
    assert (nasional["KTH beranggota kurang dari 15"], jabar["KTH beranggota kurang dari 15"]) == (
        5,
        2,
    )
    assert nasional["KPS tanpa pendamping"] == jabar["KPS tanpa pendamping"] == 0
    for label in ("KPS tanpa dokumen pendukung", "KTH beranggota kurang dari 15"):
        assert jumlah_di_daftar(client, tautan(jabar_respons, label)) == jabar[label], label


@pytest.mark.parametrize(
    ("kode", "fixture"),
    [
        ("pendamping", "pendamping_a"),
        ("bpskl", "staf_bpskl"),
        ("penilai", "penilai"),
        ("dinas", "kepala_dinas"),
        ("admin", "admin_nasional"),
    ],
)
def test_home_page_queries_do_not_grow_with_the_data(
    client, request, pendamping_a, pendamping_b, kode, fixture
):
    user = request.getfixturevalue(fixture)
    isi_wilayah("32", pendamping_a, 1)
    beranda(client, user, kode)

    def hitung() -> int:
        with CaptureQueriesContext(connection) as q:
            client.get(reverse("beranda_peran", args=[kode]))
        return len(q.captured_queries)

    sedikit = hitung()
    isi_wilayah("32", pendamping_a, 6)
    isi_wilayah("61", pendamping_b, 4)
    assert hitung() == sedikit
    assert sedikit <= 16
