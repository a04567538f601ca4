"""Jumlah kueri tiap halaman tidak bergantung pada banyaknya data (diukur di dua ukuran)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kelompok.models import DokumenPendukung, SyaratKupsTerpenuhi
from tests.factories import AnggotaFactory, KpsFactory, KthFactory, KupsFactory, pdf_uji


def jumlah_kueri(client, alamat: str) -> int:
    """Kueri permintaan kedua: yang pertama boleh mengisi cache data rujukan (pilihan provinsi)."""
    client.get(alamat)
    with CaptureQueriesContext(connection) as kueri:
        respons = client.get(alamat)
    assert respons.status_code == 200
    return len(kueri)


def isi_kps(kps, n: int, pengunggah) -> None:
    for i in range(n):
        kups = KupsFactory(kps=kps)
        SyaratKupsTerpenuhi.objects.create(kups=kups, kode="01", terpenuhi=True)
        AnggotaFactory(kps=kps)
        DokumenPendukung.objects.create(
            kps=kps,
            jenis=["rkps_rkt", "potensi", "peta_batas"][i % 3],
            berkas=SimpleUploadedFile(f"d{i}.pdf", pdf_uji("uji")),
            tanggal_dokumen="2025-01-01",
            diunggah_oleh=pengunggah,
        )
        kps.nama = f"{kps.nama}."
        kps.save()  # menambah riwayat


def test_kps_list_and_detail_queries_do_not_grow(client, pendamping_a, kps_a):
    isi_kps(kps_a, 2, pendamping_a)
    KpsFactory(pendamping=pendamping_a)
    client.force_login(pendamping_a)
    daftar_kecil = jumlah_kueri(client, reverse("kelompok:kps_daftar"))
    detail_kecil = jumlah_kueri(client, reverse("kelompok:kps_detail", args=[kps_a.pk]))
    anggota_kecil = jumlah_kueri(client, reverse("kelompok:anggota_daftar", args=["kps", kps_a.pk]))

    isi_kps(kps_a, 12, pendamping_a)
    for _ in range(30):
        KpsFactory(pendamping=pendamping_a)
    assert jumlah_kueri(client, reverse("kelompok:kps_daftar")) == daftar_kecil
    assert jumlah_kueri(client, reverse("kelompok:kps_detail", args=[kps_a.pk])) == detail_kecil
    assert (
        jumlah_kueri(client, reverse("kelompok:anggota_daftar", args=["kps", kps_a.pk]))
        == anggota_kecil
    )


def test_kth_and_kups_pages_queries_do_not_grow(client, admin_nasional, kps_a):
    kth = KthFactory(kps=kps_a)
    kups = KupsFactory(kps=kps_a)
    AnggotaFactory(kth=kth)
    client.force_login(admin_nasional)
    ukur = [
        reverse("kelompok:kth_daftar"),
        reverse("kelompok:kth_detail", args=[kth.pk]),
        reverse("kelompok:kups_detail", args=[kups.pk]),
        reverse("kelompok:kps_daftar") + "?q=KPS&skema=HKm&kelas_kups=blue&pendamping=a",
    ]
    kecil = [jumlah_kueri(client, a) for a in ukur]
    for _ in range(30):
        KthFactory(kps=kps_a)
        AnggotaFactory(kth=kth)
    for kode in ("01", "02", "03", "04"):
        SyaratKupsTerpenuhi.objects.create(kups=kups, kode=kode, terpenuhi=True)
    assert [jumlah_kueri(client, a) for a in ukur] == kecil


def test_the_list_uses_few_queries(client, pendamping_a, kps_a, django_assert_max_num_queries):
    client.force_login(pendamping_a)
    # sesi, pengguna, grup peran, izin, hitung, kunci halaman, baris halaman, pilihan provinsi,
    # notifikasi belum dibaca; cakupan penugasan adalah subkueri di dalam hitung dan kunci
    with django_assert_max_num_queries(11):
        client.get(reverse("kelompok:kps_daftar"))
