"""Berkas pertukaran data KUPS dan KTH dengan kelasnya: kolom tetap, versi, cakupan wilayah."""

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kelompok.models import RiwayatKelasKth, SyaratKupsTerpenuhi
from kelompok.pertukaran import DATA, KOLOM_KTH, KOLOM_KUPS, VERSI_FORMAT
from tests.factories import AnggotaFactory, KpsFactory, KthFactory, KupsFactory


def unduh_csv(client, kode: str, **param):
    respons = client.get(reverse("kelompok:pertukaran_unduh", args=[kode, "csv"]), param)
    assert respons.status_code == 200
    assert respons["X-Versi-Format"] == VERSI_FORMAT
    assert f"{kode}-v{VERSI_FORMAT}-" in respons["Content-Disposition"]
    teks = b"".join(respons.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(teks)))


def test_kups_with_class_in_stable_columns_and_within_scope(
    client, kepala_dinas, kps_a, pendamping_b
):
    kups = KupsFactory(kps=kps_a, nama="=KUPS Kopi")  # nama yang terbaca sebagai rumus
    kups.kelas = "silver"
    kups.save()
    for kode in ("03", "01", "02"):
        SyaratKupsTerpenuhi.objects.create(kups=kups, kode=kode, terpenuhi=True)
    SyaratKupsTerpenuhi.objects.create(kups=kups, kode="04", terpenuhi=False)
    KupsFactory(kps=KpsFactory(provinsi="61", pendamping=pendamping_b), nama="KUPS Kalbar")
    client.force_login(kepala_dinas)
    baris = unduh_csv(client, "kups-kelas")
    assert [b["nama_kups"] for b in baris] == ["'=KUPS Kopi"]
    (b,) = baris
    assert list(b) == [k.kode for k in KOLOM_KUPS]
    assert (b["kelas_kups"], b["kelas_kups_label"]) == ("silver", "Silver")
    assert b["syarat_terpenuhi"] == "01;02;03"
    assert (b["kode_provinsi"], b["nama_kps"], b["diarsipkan"]) == ("32", kps_a.nama, "tidak")


def test_kth_with_its_current_class_and_year(client, admin_nasional, kps_a):
    kth = KthFactory(nama="KTH Sumber Rejeki", desa=kps_a.desa, kps=kps_a)
    for _ in range(3):
        AnggotaFactory(kth=kth)
    RiwayatKelasKth.objects.create(kth=kth, tahun=2025, kelas="madya", ditetapkan_pada="2025-12-01")
    kth.kelas = "madya"
    kth.save()
    client.force_login(admin_nasional)
    (b,) = unduh_csv(client, "kth-kelas")
    assert list(b) == [k.kode for k in KOLOM_KTH]
    assert (b["kelas_kth"], b["kelas_kth_label"], b["tahun_kelas"]) == ("madya", "Madya", "2025")
    assert (b["tanggal_penetapan"], b["jumlah_anggota"]) == ("2025-12-01", "3")


def test_the_xlsx_has_the_same_columns_and_a_description_sheet(client, admin_nasional, kps_a):
    # Karakter kendali yang tertempel di nama tidak menggagalkan unduhan (ditemukan uji acak).
    KupsFactory(kps=kps_a, nama="KUPS\x07 Madu\x1f")
    client.force_login(admin_nasional)
    respons = client.get(reverse("kelompok:pertukaran_unduh", args=["kups-kelas", "xlsx"]))
    buku = load_workbook(io.BytesIO(b"".join(respons.streaming_content)), read_only=True)
    data = list(buku["kups-kelas"].values)
    assert list(data[0]) == [k.kode for k in KOLOM_KUPS] and len(data) == 2
    assert data[1][1] == "KUPS Madu"
    keterangan = list(buku["Keterangan"].values)
    assert keterangan[0] == ("versi_format", VERSI_FORMAT)
    assert ("kelas_kups", "kode", KOLOM_KUPS[3].keterangan) in keterangan


def test_access_and_unknown_names(client, pendamping_a):
    alamat = reverse("kelompok:pertukaran_unduh", args=["kups-kelas", "csv"])
    assert client.get(alamat).status_code == 302  # tamu diarahkan masuk
    client.force_login(pendamping_a)
    assert client.get(reverse("kelompok:pertukaran_unduh", args=["kps", "csv"])).status_code == 404
    assert (
        client.get(reverse("kelompok:pertukaran_unduh", args=["kups-kelas", "pdf"])).status_code
        == 404
    )
    halaman = client.get(reverse("kelompok:pertukaran")).content.decode()
    assert all(d.judul in halaman for d in DATA.values())


def test_queries_do_not_grow_with_rows(client, admin_nasional, kps_a):
    """Tetap per potongan 2.000 baris (satu kueri syarat per potongan), bukan per baris."""
    client.force_login(admin_nasional)
    KupsFactory(kps=kps_a)
    KthFactory(desa=kps_a.desa, kps=kps_a, nama="KTH awal")

    def hitung(kode):
        with CaptureQueriesContext(connection) as kueri:
            unduh_csv(client, kode)
        return len(kueri)

    sebelum = [hitung(k) for k in DATA]
    for i in range(5):
        kups = KupsFactory(kps=kps_a)
        SyaratKupsTerpenuhi.objects.create(kups=kups, kode="01", terpenuhi=True)
        KthFactory(desa=kps_a.desa, kps=kps_a, nama=f"KTH {i}")
    assert [hitung(k) for k in DATA] == sebelum
