import pytest
from django.urls import reverse
from django.utils import timezone

from kelompok.models import Kps, Penugasan
from tests.factories import KpsFactory, KupsFactory, buat_desa


def data_kps(lokasi, **ubah) -> dict:
    desa = lokasi
    data = {
        "nama": "KPS Rimba Lestari",
        "provinsi": desa.kode_provinsi,
        "kabupaten": desa.kode_kabupaten,
        "kecamatan": desa.kecamatan_id,
        "desa": desa.kode,
        "bentuk_lembaga": "gapoktan",
        "skema": "HKm",
        "nomor_sk": "SK.77/PSKL/2023",
        "tanggal_sk": "2023-04-12",
        "luas_ha": "1.250,75",
        "fungsi_hutan": "HP",
        "ketua": "Asep",
        "kontak": "0812 1111 2222",
        "jumlah_kk": "85",
        "wilayah_kerja": "",
    }
    data.update(ubah)
    return data


def test_a_pendamping_registers_a_kps_and_is_assigned_to_it(client, pendamping_a):
    desa = buat_desa("32")
    client.force_login(pendamping_a)
    respons = client.post(reverse("kelompok:kps_tambah"), data_kps(desa))
    kps = Kps.objects.get(nama="KPS Rimba Lestari")
    assert respons["Location"] == reverse("kelompok:kps_detail", args=[kps.pk])
    assert str(kps.luas_ha) == "1250.7500"
    assert (kps.provinsi_id, kps.kabupaten_id) == ("32", "32.90")
    assert Penugasan.objects.filter(kps=kps, pendamping=pendamping_a, selesai=None).exists()
    assert kps.history.first().history_user == pendamping_a
    halaman = client.get(respons["Location"]).content.decode()
    assert "1.250,75 ha" in halaman
    assert "12 April 2023" in halaman


@pytest.mark.parametrize(
    ("ubah", "kolom", "pesan"),
    [
        ({"luas_ha": "0"}, "luas_ha", "Luas harus lebih dari 0 ha."),
        ({"luas_ha": "-5"}, "luas_ha", "Luas harus lebih dari 0 ha."),
        ({"luas_ha": "dua ratus"}, "luas_ha", "Masukkan angka"),
        ({"tanggal_sk": "2999-01-01"}, "tanggal_sk", "Tanggal tidak boleh di masa depan."),
        ({"tanggal_sk": "31-02-2024"}, "tanggal_sk", "Masukkan tanggal yang benar"),
        ({"nama": ""}, "nama", "Wajib diisi."),
        ({"skema": "XX"}, "skema", "Pilihan tidak sah"),
        ({"kontak": "telp saya"}, "kontak", "Nomor telepon hanya angka"),
        ({"wilayah_kerja": '{"type": "Point", "coordinates": [1, 2]}'}, "wilayah_kerja", "Polygon"),
        ({"jumlah_kk": "-3"}, "jumlah_kk", "lebih besar dari atau sama dengan 0"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_keeps_what_was_typed(
    client, pendamping_a, ubah, kolom, pesan
):
    desa = buat_desa("32")
    client.force_login(pendamping_a)
    data = data_kps(desa, **ubah)
    respons = client.post(reverse("kelompok:kps_tambah"), data)
    assert respons.status_code == 200
    form = respons.context["form"]
    assert any(pesan in e for e in form.errors[kolom]), form.errors
    teks = respons.content.decode()
    assert f'id="error_1_id_{kolom}"' in teks  # pesan crispy di samping kolomnya
    assert 'value="KPS Rimba Lestari"' in teks or kolom == "nama"
    assert f'<option value="{desa.kode}" selected>' in teks  # pilihan lokasi tetap
    assert not Kps.objects.exists()


def test_a_desa_outside_the_chosen_kecamatan_is_refused(client, pendamping_a):
    desa = buat_desa("32", 1)
    from kelompok.models import Desa, Kecamatan

    kec_lain = Kecamatan.objects.create(kode="32.90.02", nama="Lain", kabupaten_id="32.90")
    Desa.objects.create(kode="32.90.02.2001", nama="Desa Lain", kecamatan=kec_lain)
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kelompok:kps_tambah"), data_kps(desa, kecamatan="32.90.02", desa=desa.kode)
    )
    assert respons.status_code == 200
    assert "desa" in respons.context["form"].errors


def test_a_pendamping_cannot_register_a_kps_in_another_province(client, pendamping_a):
    desa = buat_desa("61")
    client.force_login(pendamping_a)
    respons = client.post(reverse("kelompok:kps_tambah"), data_kps(desa))
    assert respons.status_code == 200
    assert "provinsi" in respons.context["form"].errors
    assert not Kps.objects.exists()


def test_editing_keeps_the_location_and_records_history(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    halaman = client.get(reverse("kelompok:kps_ubah", args=[kps_a.pk])).content.decode()
    assert f'<option value="{kps_a.desa_id}" selected>' in halaman
    respons = client.post(
        reverse("kelompok:kps_ubah", args=[kps_a.pk]),
        data_kps(kps_a.desa, nama="KPS Wana Jaya Baru", luas_ha="130,5"),
    )
    assert respons.status_code == 302
    kps_a.refresh_from_db()
    assert kps_a.nama == "KPS Wana Jaya Baru"
    detail = client.get(reverse("kelompok:kps_detail", args=[kps_a.pk])).content.decode()
    # Riwayat menyebut isi perubahannya: dari apa ke apa, dalam format Indonesia.
    teks = " ".join(detail.split())
    assert "Nama KPS</span>: KPS Wana Jaya → KPS Wana Jaya Baru" in teks
    assert "Luas (ha)</span>: 125,5 → 130,5" in teks


def test_archiving_needs_a_reason_hides_the_kps_and_can_be_undone(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    alamat = reverse("kelompok:arsipkan", args=["kps", kps_a.pk])
    respons = client.post(alamat, {"alasan": ""})
    assert "Tuliskan alasan pengarsipan." in respons.content.decode()
    client.post(alamat, {"alasan": "Persetujuan dicabut"})
    kps_a.refresh_from_db()
    assert kps_a.diarsipkan_pada is not None
    assert kps_a.history.first().history_change_reason == "Diarsipkan: Persetujuan dicabut"
    daftar = client.get(reverse("kelompok:kps_daftar")).context["halaman"]
    assert kps_a not in daftar
    assert kps_a in client.get(reverse("kelompok:kps_daftar") + "?arsip=on").context["halaman"]
    client.post(reverse("kelompok:pulihkan", args=["kps", kps_a.pk]))
    kps_a.refresh_from_db()
    assert kps_a.diarsipkan_pada is None
    assert Kps.objects.filter(pk=kps_a.pk).exists()


def test_the_list_shows_only_the_groups_in_scope(
    client, pendamping_a, pendamping_b, staf_bpskl, kps_a
):
    KpsFactory(nama="KPS Kalimantan", provinsi="61", pendamping=pendamping_b)
    KpsFactory(nama="KPS Jabar Lain", provinsi="32")
    for pengguna, terlihat in [
        (pendamping_a, {"KPS Wana Jaya"}),
        (pendamping_b, {"KPS Kalimantan"}),
        (staf_bpskl, {"KPS Wana Jaya", "KPS Jabar Lain"}),
    ]:
        client.force_login(pengguna)
        halaman = client.get(reverse("kelompok:kps_daftar"))
        assert {k.nama for k in halaman.context["halaman"]} == terlihat, pengguna


def test_the_list_searches_filters_and_sorts(client, admin_nasional):
    KpsFactory(nama="Alpha", skema="HD", provinsi="32", luas_ha=10)
    KpsFactory(nama="Bravo", skema="HKm", provinsi="32", luas_ha=300, ketua="Pak Bravo")
    kps_c = KpsFactory(nama="Charlie", skema="HKm", provinsi="61", luas_ha=50)
    KupsFactory(kps=kps_c, kelas="gold")
    client.force_login(admin_nasional)

    def nama(query: str) -> list[str]:
        return [
            k.nama for k in client.get(reverse("kelompok:kps_daftar") + query).context["halaman"]
        ]

    assert nama("") == ["Alpha", "Bravo", "Charlie"]
    assert nama("?q=bravo") == ["Bravo"]
    assert nama("?q=pak+bra") == ["Bravo"]
    assert nama("?skema=HKm") == ["Bravo", "Charlie"]
    assert nama("?provinsi=61") == ["Charlie"]
    assert nama("?provinsi=32&kabupaten=32.90") == ["Alpha", "Bravo"]
    assert nama("?kelas_kups=gold") == ["Charlie"]
    assert nama("?urut=-luas_ha") == ["Bravo", "Charlie", "Alpha"]
    assert nama("?urut=-nama") == ["Charlie", "Bravo", "Alpha"]


def test_the_list_filters_by_pendamping_name(client, admin_nasional, pendamping_a, kps_a):
    KpsFactory(nama="Tanpa pendamping")
    client.force_login(admin_nasional)
    halaman = client.get(reverse("kelompok:kps_daftar") + "?pendamping=siti")
    assert [k.nama for k in halaman.context["halaman"]] == ["KPS Wana Jaya"]


def test_an_invalid_filter_value_does_not_break_the_page(client, admin_nasional, kps_a):
    client.force_login(admin_nasional)
    respons = client.get(reverse("kelompok:kps_daftar") + "?provinsi=99&urut=hapus")
    assert respons.status_code == 200
    assert "Pilihan tidak sah" in respons.content.decode()


def test_the_list_is_paginated(client, admin_nasional):
    for i in range(30):
        KpsFactory(nama=f"KPS {i:02d}")
    client.force_login(admin_nasional)
    pertama = client.get(reverse("kelompok:kps_daftar"))
    assert len(pertama.context["halaman"]) == 25
    assert "30 data, halaman 1 dari 2" in pertama.content.decode()
    kedua = client.get(reverse("kelompok:kps_daftar") + "?halaman=2")
    assert [k.nama for k in kedua.context["halaman"]] == [f"KPS {i}" for i in range(25, 30)]


def test_region_options_cascade(client, pendamping_a):
    desa = buat_desa("32")
    client.force_login(pendamping_a)
    teks = client.get(
        reverse("kelompok:pilihan_wilayah") + "?tingkat=kecamatan&kabupaten=32.90"
    ).content.decode()
    assert '<option value="32.90.01">Kecamatan Uji</option>' in teks
    assert 'hx-swap-oob="innerHTML:#id_desa"' in teks
    teks = client.get(
        reverse("kelompok:pilihan_wilayah") + "?tingkat=desa&kecamatan=32.90.01"
    ).content.decode()
    assert f'<option value="{desa.kode}">' in teks
    assert client.get(reverse("kelompok:pilihan_wilayah") + "?tingkat=x").status_code == 404


def test_the_archive_date_is_today(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    client.post(reverse("kelompok:arsipkan", args=["kps", kps_a.pk]), {"alasan": "Uji"})
    kps_a.refresh_from_db()
    assert timezone.localtime(kps_a.diarsipkan_pada).date() == timezone.localdate()
