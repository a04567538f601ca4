import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from penilaian.usaha.models import AnalisisUsaha
from perhutanan.forms import baca_angka
from tests.factories import KupsFactory


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("Rp 1.500.000", "1500000"),
        ("1.500.000", "1500000"),
        ("0,6", "0.6"),
        ("1.250,75", "1250.75"),
        ("12.5", "12.5"),
        ("2500000", "2500000"),
        (" 7 ", "7"),
    ],
)
def test_indonesian_number_input(teks, nilai):
    from decimal import Decimal

    assert baca_angka(teks) == Decimal(nilai)


def data_agro(**ubah) -> dict:
    data = {
        "judul": "Kopi dan pisang",
        "biaya_tetap": "12.000.000",
        "umr_bulanan": "Rp 2.000.000",
        "investasi": "10.000.000",
        "periode": "20",
        "diskonto_persen": "10",
        "paket_per_hektar": "1.200",
        "luas_rencana": "2,5",
        "baris-TOTAL_FORMS": "4",
        "baris-INITIAL_FORMS": "0",
        "baris-MIN_NUM_FORMS": "0",
        "baris-MAX_NUM_FORMS": "30",
        "baris-0-nama": "Kopi",
        "baris-0-satuan": "kg",
        "baris-0-rasio": "0,6",
        "baris-0-harga": "25.000",
        "baris-0-biaya_variabel": "10.000",
        "baris-1-nama": "Pisang",
        "baris-1-satuan": "tandan",
        "baris-1-rasio": "0,4",
        "baris-1-harga": "4.500",
        "baris-1-biaya_variabel": "2.000",
    }
    data.update(ubah)
    return data


@pytest.fixture
def kups_a(kps_a):
    return KupsFactory(kps=kps_a, nama="KUPS Kopi Ciremai")


def test_a_pendamping_enters_an_agroforestry_plan_and_reads_the_explained_result(
    client, pendamping_a, kups_a
):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]), data_agro()
    )
    analisis = AnalisisUsaha.objects.get()
    assert respons["Location"] == reverse("penilaian:analisis_detail", args=[analisis.pk])
    assert analisis.hasil["bep_paket"] == "3600"
    assert analisis.penulis == pendamping_a
    halaman = client.get(respons["Location"])
    teks = " ".join(halaman.content.decode().split())
    assert "paling sedikit <strong>3.600 paket</strong> per tahun" in teks
    assert "paling sedikit <strong>3,00 ha</strong>" in teks
    assert "<strong>belum mencapai</strong> skala ekonomis" in teks
    assert "<strong>Kopi</strong> memberi 90,0% marjin paket" in teks
    assert "Rp 24.000.000" in teks
    assert "<svg" in teks and "Arus kas tahunan" in teks


def test_bad_input_is_shown_next_to_the_field_and_kept(client, pendamping_a, kups_a):
    client.force_login(pendamping_a)
    alamat = reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"])
    respons = client.post(alamat, data_agro(umr_bulanan="dua juta", **{"baris-1-harga": "0"}))
    teks = respons.content.decode()
    assert "Masukkan angka, misalnya 1.500.000 atau 0,6." in teks
    assert "Harga harus lebih dari 0." in teks
    assert 'value="dua juta"' in teks and 'value="Kopi"' in teks
    respons = client.post(alamat, data_agro(**{"baris-0-harga": "5.000", "baris-1-harga": "1.000"}))
    assert "Marjin kontribusi paket tidak positif" in respons.content.decode()
    respons = client.post(
        alamat,
        data_agro(
            **{
                "baris-0-nama": "",
                "baris-0-satuan": "",
                "baris-0-rasio": "",
                "baris-0-harga": "",
                "baris-0-biaya_variabel": "",
                "baris-1-nama": "",
                "baris-1-satuan": "",
                "baris-1-rasio": "",
                "baris-1-harga": "",
                "baris-1-biaya_variabel": "",
            }
        ),
    )
    assert "Isi paling sedikit satu baris." in respons.content.decode()
    assert not AnalisisUsaha.objects.exists()


def test_an_ecotourism_analysis_and_its_exports(client, pendamping_a, kups_a):
    client.force_login(pendamping_a)
    data = {
        "judul": "Wisata Ciremai",
        "biaya_tetap": "60.000.000",
        "umr_bulanan": "2.500.000",
        "investasi": "",
        "periode": "20",
        "diskonto_persen": "10",
        "baris-TOTAL_FORMS": "4",
        "baris-INITIAL_FORMS": "0",
        "baris-MIN_NUM_FORMS": "0",
        "baris-MAX_NUM_FORMS": "30",
        "baris-0-nama": "Gardu pandang",
        "baris-0-penerimaan": "300.000.000",
        "baris-0-biaya_variabel": "60.000.000",
        "baris-0-harga_tiket": "10.000",
        "baris-1-nama": "Flying fox",
        "baris-1-penerimaan": "100.000.000",
        "baris-1-biaya_variabel": "40.000.000",
        "baris-1-harga_tiket": "25.000",
    }
    respons = client.post(reverse("penilaian:analisis_baru", args=[kups_a.pk, "ekowisata"]), data)
    alamat = respons["Location"]
    teks = " ".join(client.get(alamat).content.decode().split())
    assert "<strong>Rp 120.000.000</strong> per tahun" in teks
    assert "<strong>10.200 kunjungan</strong> per tahun" in teks
    assert "189.000" in teks and ">25<" in teks  # 21 tahun arus kas; 24,66 -> 25 per hari
    buku = load_workbook(io.BytesIO(client.get(alamat + "?unduh=xlsx").content))
    ringkas = {r[0]: r[1] for r in buku["Ringkasan"].values if r and r[0]}
    assert ringkas["Titik impas penjualan per tahun (Rp)"] == 120000000
    assert [r[4] for r in list(buku["Atraksi"].values)[1:]] == [9000, 1200]
    assert len(list(buku["Arus kas"].values)) == 22  # judul + tahun 0..20
    pdf = client.get(alamat + "?unduh=pdf")
    isi = " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    assert "Wisata Ciremai" in isi and "Rp 120.000.000" in isi and "10.200 kunjungan" in isi


def test_copy_and_change_keeps_the_old_analysis(client, pendamping_a, kups_a):
    client.force_login(pendamping_a)
    client.post(reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]), data_agro())
    lama = AnalisisUsaha.objects.get()
    formulir = client.get(
        reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]) + f"?dari={lama.pk}"
    )
    assert formulir.context["form"].initial["biaya_tetap"] == "12000000"
    client.post(
        reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]),
        data_agro(luas_rencana="4"),
    )
    assert AnalisisUsaha.objects.count() == 2
    lama.refresh_from_db()
    assert lama.hasil["tercapai"] is False
    assert AnalisisUsaha.objects.exclude(pk=lama.pk).get().hasil["tercapai"] is True


def test_access_ladder(client, pendamping_a, pendamping_b, staf_bpskl, kups_a):
    client.force_login(pendamping_a)
    client.post(reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]), data_agro())
    analisis = AnalisisUsaha.objects.get()
    client.logout()
    alamat = [
        reverse("penilaian:analisis_daftar", args=[kups_a.pk]),
        reverse("penilaian:analisis_detail", args=[analisis.pk]),
        reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]),
    ]
    for a in alamat:
        assert client.get(a).status_code == 302
    client.force_login(pendamping_b)
    for a in alamat:
        assert client.get(a).status_code == 404
    client.force_login(staf_bpskl)
    assert client.get(alamat[0]).status_code == 200
    assert client.get(alamat[1]).status_code == 200
    assert client.get(alamat[2]).status_code == 403
    client.force_login(pendamping_a)
    assert (
        client.get(reverse("penilaian:analisis_baru", args=[kups_a.pk, "tambang"])).status_code
        == 404
    )


@pytest.mark.parametrize("nilai", ["1e309", "9" * 30, "NaN", "Infinity", "1,1234567"])
def test_absurd_numbers_are_refused_next_to_the_field(client, pendamping_a, kups_a, nilai):
    """Ditemukan: 1e309 dan biaya tetap 30 digit tersimpan, lalu halaman, PDF dan Excel-nya
    gagal selamanya."""
    client.force_login(pendamping_a)
    alamat = reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"])
    respons = client.post(alamat, data_agro(biaya_tetap=nilai))
    assert respons.status_code == 200
    assert respons.context["form"].errors["biaya_tetap"]
    assert f'value="{nilai}"' in respons.content.decode()
    assert not AnalisisUsaha.objects.exists()


def test_a_copy_source_that_is_not_a_number_is_a_404(client, pendamping_a, kups_a):
    client.force_login(pendamping_a)
    alamat = reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"])
    assert client.get(alamat, {"dari": "abc"}).status_code == 404
    assert client.get(alamat, {"dari": "9" * 40}).status_code == 404
