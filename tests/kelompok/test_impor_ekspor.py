import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kelompok.impor import SPESIFIKASI
from kelompok.models import Anggota, Kps, Kth, Penugasan
from tests.factories import AnggotaFactory, KpsFactory, buat_desa

JUDUL_KPS = [k.judul for k in SPESIFIKASI["kps"].kolom]


def xlsx(judul: list[str], baris: list[list]) -> SimpleUploadedFile:
    buku = Workbook()
    lembar = buku.active
    lembar.append(judul)
    for b in baris:
        lembar.append(b)
    isi = io.BytesIO()
    buku.save(isi)
    return SimpleUploadedFile("data.xlsx", isi.getvalue())


def baris_kps(desa, nama="KPS Impor", nomor_sk="SK.1/2024", **ubah):
    nilai = {
        "Nama KPS": nama,
        "Kode desa": desa.kode,
        "Bentuk kelembagaan": "Koperasi",
        "Skema": "HKm",
        "Nomor SK": nomor_sk,
        "Tanggal SK": datetime.datetime(2024, 2, 3),
        "Luas (ha)": 312.5,
        "Fungsi hutan": "HL",
        "Ketua": "Bu Ani",
        "Kontak": "",
        "Jumlah KK": 40,
    }
    nilai.update(ubah)
    return [nilai[j] for j in JUDUL_KPS]


def unggah(client, alamat, berkas):
    return client.post(alamat, {"langkah": "pratinjau", "berkas": berkas})


def test_a_good_file_is_previewed_then_imported_in_full(client, pendamping_a):
    desa = buat_desa("32")
    client.force_login(pendamping_a)
    alamat = reverse("kelompok:impor", args=["kps"])
    berkas = xlsx(
        JUDUL_KPS,
        [
            baris_kps(desa, "KPS Satu", "SK.1"),
            baris_kps(desa, "KPS Dua", "SK.2", **{"Luas (ha)": "1.250,75"}),
        ],
    )
    respons = unggah(client, alamat, berkas)
    assert respons.context["hasil"].boleh_diimpor
    assert "2 baris dibaca, 0 salah." in respons.content.decode()
    assert not Kps.objects.exists()  # pratinjau tidak menyimpan apa pun
    respons = client.post(alamat, {"langkah": "simpan"})
    assert respons["Location"] == reverse("kelompok:kps_daftar")
    dua = Kps.objects.get(nama="KPS Dua")
    assert str(dua.luas_ha) == "1250.7500"
    assert dua.tanggal_sk == datetime.date(2024, 2, 3)
    assert dua.bentuk_lembaga == "koperasi"
    assert Penugasan.objects.filter(pendamping=pendamping_a).count() == 2
    assert dua.history.first().history_user == pendamping_a


def test_a_file_with_bad_rows_lists_each_one_and_imports_nothing(client, pendamping_a):
    desa = buat_desa("32")
    desa_kalbar = buat_desa("61")
    KpsFactory(nomor_sk="SK.LAMA")
    client.force_login(pendamping_a)
    alamat = reverse("kelompok:impor", args=["kps"])
    berkas = xlsx(
        JUDUL_KPS,
        [
            baris_kps(desa, "Baik", "SK.10"),
            baris_kps(desa, "Luas nol", "SK.11", **{"Luas (ha)": 0}),
            baris_kps(desa_kalbar, "Provinsi lain", "SK.12"),
            baris_kps(desa, "Skema aneh", "SK.13", Skema="HPH"),
            baris_kps(desa, "Sudah ada", "SK.LAMA"),
            baris_kps(desa, "Kembar", "SK.10"),
            baris_kps(desa, "Masa depan", "SK.14", **{"Tanggal SK": datetime.datetime(2999, 1, 1)}),
        ],
    )
    respons = unggah(client, alamat, berkas)
    hasil = respons.context["hasil"]
    salah = {b.nomor: " ".join(b.galat) for b in hasil.baris_salah}
    assert sorted(salah) == [3, 4, 5, 6, 7, 8]
    assert "Luas harus lebih dari 0 ha." in salah[3]
    assert "di luar provinsi Anda" in salah[4]
    assert "Skema: Pilihan tidak sah" in salah[5]
    assert "Nomor SK ini sudah terdaftar." in salah[6]
    assert "sama dengan baris 2" in salah[7]
    assert "Tanggal tidak boleh di masa depan." in salah[8]
    teks = respons.content.decode()
    assert "Tidak ada yang diimpor: 6 baris perlu diperbaiki" in teks
    # Ringkasan bertaut ke setiap baris salah di tabel pratinjau.
    for nomor in salah:
        assert f'href="#baris-impor-{nomor}"' in teks and f'id="baris-impor-{nomor}"' in teks
    assert client.post(alamat, {"langkah": "simpan"}).status_code == 200
    assert Kps.objects.count() == 1


def test_wrong_columns_are_named_and_nothing_is_read(client, pendamping_a):
    client.force_login(pendamping_a)
    respons = unggah(
        client,
        reverse("kelompok:impor", args=["kps"]),
        xlsx(["Nama", "Luas", "Desa"], [["a", 1, "x"]]),
    )
    teks = respons.content.decode()
    assert "Kolom tidak sesuai templat" in teks
    assert "kolom yang kurang: Nama KPS, Kode desa" in teks
    assert "kolom tidak dikenal: Nama, Luas, Desa" in teks
    assert not respons.context["hasil"].boleh_diimpor


def test_a_file_that_is_not_excel_is_refused_politely(client, pendamping_a):
    client.force_login(pendamping_a)
    respons = unggah(
        client,
        reverse("kelompok:impor", args=["kps"]),
        SimpleUploadedFile("a.xlsx", b"bukan excel"),
    )
    assert respons.status_code == 200
    assert "tidak bisa dibaca sebagai Excel" in respons.content.decode()


def test_members_are_imported_into_one_group(client, pendamping_a, kps_a):
    AnggotaFactory(kps=kps_a, nik="3201000000000001")
    client.force_login(pendamping_a)
    alamat = reverse("kelompok:impor_anggota", args=["kps", kps_a.pk])
    judul = ["Nama", "Jenis kelamin", "Tahun lahir", "Jabatan", "NIK"]
    buruk = xlsx(judul, [["Ani", "P", 1990, "", "3201000000000001"], ["Budi", "X", 1985, "", ""]])
    salah = {
        b.nomor: " ".join(b.galat)
        for b in unggah(client, alamat, buruk).context["hasil"].baris_salah
    }
    assert "NIK ini sudah terdaftar di kelompok ini." in salah[2]
    assert "Jenis kelamin: Pilihan tidak sah" in salah[3]
    baik = xlsx(
        judul,
        [
            ["Ani", "Perempuan", 1990, "Bendahara", "3201000000000002"],
            ["Budi", "L", 1985, None, None],
        ],
    )
    assert unggah(client, alamat, baik).context["hasil"].boleh_diimpor
    client.post(alamat, {"langkah": "simpan"})
    assert set(Anggota.objects.filter(kps=kps_a).values_list("nama", "jabatan")) == {
        ("Ani", "bendahara"),
        ("Budi", "anggota"),
        (Anggota.objects.get(nik="3201000000000001").nama, "anggota"),
    }


def test_kth_import_requires_the_pendamping_own_kps(client, pendamping_a, kps_a):
    KpsFactory(nomor_sk="SK.ORANG.LAIN")
    client.force_login(pendamping_a)
    judul = [k.judul for k in SPESIFIKASI["kth"].kolom]
    baris = [
        ["KTH A", kps_a.desa_id, "REG-A", kps_a.nomor_sk, None, None, "Pak A", None],
        ["KTH B", kps_a.desa_id, "REG-B", "SK.ORANG.LAIN", None, None, "Pak B", None],
    ]
    hasil = unggah(client, reverse("kelompok:impor", args=["kth"]), xlsx(judul, baris)).context[
        "hasil"
    ]
    assert [b.nomor for b in hasil.baris_salah] == [3]
    assert "bukan KPS dampingan Anda" in hasil.baris_salah[0].galat[0]
    assert not Kth.objects.exists()


def test_the_import_template_has_the_columns_and_instructions(client, pendamping_a):
    client.force_login(pendamping_a)
    respons = client.get(reverse("kelompok:impor_templat", args=["kps"]))
    buku = load_workbook(io.BytesIO(b"".join(respons.streaming_content)))
    assert [c.value for c in buku["KPS"][1]] == JUDUL_KPS
    assert "HKm (Hutan Kemasyarakatan (HKm))" in str([c.value for c in buku["Petunjuk"]["C"]])


def test_import_access_ladder(client, pendamping_a, pendamping_b, staf_bpskl, kps_a):
    alamat = reverse("kelompok:impor_anggota", args=["kps", kps_a.pk])
    assert client.get(alamat).status_code == 302
    client.force_login(pendamping_b)
    assert client.get(alamat).status_code == 404
    client.force_login(staf_bpskl)
    assert client.get(alamat).status_code == 403
    assert client.get(reverse("kelompok:impor", args=["kps"])).status_code == 403
    client.force_login(pendamping_a)
    assert client.get(alamat).status_code == 200


def test_the_export_contains_the_filtered_list_in_scope_with_numbers_as_numbers(
    client, pendamping_a, staf_bpskl, kps_a
):
    KpsFactory(nama="KPS Kalbar", provinsi="61")
    KpsFactory(nama="KPS Jabar HD", provinsi="32", skema="HD")
    AnggotaFactory(kps=kps_a)
    client.force_login(staf_bpskl)
    respons = client.get(reverse("kelompok:kps_daftar") + "?skema=HKm&unduh=xlsx")
    assert respons["Content-Disposition"].startswith('attachment; filename="kps-')
    lembar = load_workbook(io.BytesIO(b"".join(respons.streaming_content)))["KPS"]
    baris = list(lembar.values)
    assert baris[0][:3] == ("Nama KPS", "Skema", "Bentuk kelembagaan")
    assert [b[0] for b in baris[1:]] == ["KPS Wana Jaya"]  # hanya HKm di wilayah kerja BPSKL
    data = dict(zip(baris[0], baris[1], strict=True))
    assert data["Luas (ha)"] == 125.5
    assert data["Tanggal SK"] == datetime.datetime(2024, 1, 15)
    assert data["Jumlah anggota"] == 1
    assert data["Provinsi"] == "Jawa Barat"
    client.force_login(pendamping_a)
    respons = client.get(reverse("kelompok:kps_daftar") + "?unduh=xlsx")
    lembar = load_workbook(io.BytesIO(b"".join(respons.streaming_content)))["KPS"]
    assert [r[0] for r in list(lembar.values)[1:]] == ["KPS Wana Jaya"]
