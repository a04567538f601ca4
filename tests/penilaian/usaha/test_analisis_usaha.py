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


def _formset(prefix: str, baris: list[dict], total: int) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "40",
    }
    for n, b in enumerate(baris):
        data.update({f"{prefix}-{n}-{k}": v for k, v in b.items()})
    return data


def data_agro(biaya=None, produk=None, **ubah) -> dict:
    """Kasus di tests/penilaian/usaha/test_tahunan.py: kopi dan sengon, 3 tahun, 1 ha."""
    data = {
        "judul": "Kopi dan sengon",
        "umr_bulanan": "Rp 2.000.000",
        "periode": "3",
        "diskonto_persen": "10",
        "luas_analisis": "1",
        "luas_rencana": "5",
    }
    data |= _formset(
        "biaya",
        biaya
        if biaya is not None
        else [
            {
                "nama": "Bibit dan penanaman",
                "kategori": "investasi",
                "tahun": "0",
                "jumlah": "10.000.000",
            },
            {
                "nama": "Pemeliharaan",
                "kategori": "pemeliharaan",
                "tahun": "1-3",
                "jumlah": "2.000.000",
                "tenaga_keluarga": "on",
            },
            {"nama": "Pupuk", "kategori": "pemeliharaan", "tahun": "1-3", "jumlah": "1.000.000"},
        ],
        4,
    )
    data |= _formset(
        "baris",
        produk
        if produk is not None
        else [
            {"nama": "Kopi", "satuan": "kg", "tahun": "2-3", "jumlah": "300", "harga": "20.000"},
            {
                "nama": "Sengon",
                "satuan": "m3",
                "tahun": "3",
                "jumlah": "10",
                "harga": "1.000.000",
                "kayu": "on",
            },
        ],
        3,
    )
    data.update(ubah)
    return data


def data_eko(**ubah) -> dict:
    data = {
        "judul": "Wisata Ciremai",
        "biaya_tetap": "60.000.000",
        "umr_bulanan": "2.500.000",
        "investasi": "",
        "periode": "20",
        "diskonto_persen": "10",
        "kunjungan_sekarang": "",
    }
    data |= _formset(
        "baris",
        [
            {
                "nama": "Tiket masuk",
                "penerimaan": "300.000.000",
                "biaya_variabel": "60.000.000",
                "harga_tiket": "10.000",
                "pintu_masuk": "on",
            },
            {
                "nama": "Flying fox",
                "penerimaan": "100.000.000",
                "biaya_variabel": "40.000.000",
                "harga_tiket": "25.000",
            },
        ],
        4,
    )
    data.update(ubah)
    return data


@pytest.fixture
def kups_a(kps_a):
    return KupsFactory(kps=kps_a, nama="KUPS Kopi Ciremai")


def test_a_pendamping_enters_a_yearly_agroforestry_plan_and_reads_the_explained_result(
    client, pendamping_a, kups_a
):
    client.force_login(pendamping_a)
    formulir = client.get(reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]))
    assert formulir.status_code == 200
    assert formulir.context["formset_biaya"].initial[0]["kategori"] == "investasi"
    respons = client.post(
        reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]), data_agro()
    )
    analisis = AnalisisUsaha.objects.get()
    assert respons["Location"] == reverse("penilaian:analisis_detail", args=[analisis.pk])
    assert analisis.versi_masukan == 2
    assert analisis.hasil["luas_minimum"].startswith("8.153846")  # 106 / 13 ha
    assert analisis.hasil["tercapai"] is False
    halaman = client.get(respons["Location"])
    teks = " ".join(halaman.content.decode().split())
    assert "paling sedikit <strong>8,16 ha</strong>" in teks  # dibulatkan ke atas
    assert "<strong>belum mencapai</strong> skala ekonomis" in teks
    assert "biaya tetap selama periode Rp 10.000.000" in teks
    assert "UMR x 12 x 4 tahun = Rp 96.000.000" in teks
    assert "marjin kontribusi per hektar selama periode Rp 13.000.000" in teks
    # Skenario berdampingan, dihitung dengan tangan di test_tahunan.
    assert "-Rp 480.841" in teks and "Rp 4.492.863" in teks and "-Rp 7.993.989" in teks
    assert ">0,97<" in teks and ">1,36<" in teks and ">0,54<" in teks
    assert ">8,16 ha<" in teks and ">35,34 ha<" in teks  # 106/13 dan 106/3, ke atas
    assert "tahun ke-3" in teks
    assert "Kepekaan" in teks and "+20%" in teks
    assert "Sumbu tegak dalam juta rupiah" in teks and "<svg" in teks
    assert "model tahun konstan" not in teks
    # PDF dan Excel dari konteks yang sama: skenario, kepekaan dan masukan ikut.
    pdf = client.get(respons["Location"], {"unduh": "pdf"})
    isi = " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    for bagian in ("8,16 ha", "-Rp 480.841", "Rp 4.492.863", "Kepekaan", "Bibit dan penanaman"):
        assert bagian in isi, bagian
    buku = load_workbook(io.BytesIO(client.get(respons["Location"], {"unduh": "xlsx"}).content))
    skenario = {r[0]: r[1:] for r in buku["Skenario"].values}
    assert [round(v) for v in skenario["NPV (Rp)"]] == [-480841, 4492863, -7993989]
    assert len(list(buku["Kepekaan"].values)) == 13
    assert [r[1] for r in list(buku["Masukan"].values)[1:]] == [
        "Bibit dan penanaman",
        "Pemeliharaan",
        "Pupuk",
        "Kopi",
        "Sengon",
    ]


def test_bad_input_is_shown_next_to_the_field_and_kept(client, pendamping_a, kups_a):
    client.force_login(pendamping_a)
    alamat = reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"])
    respons = client.post(
        alamat,
        data_agro(
            umr_bulanan="dua juta",
            **{"baris-1-harga": "0", "baris-0-tahun": "3-2", "biaya-2-jumlah": "1; x"},
        ),
    )
    teks = respons.content.decode()
    assert "Masukkan angka, misalnya 1.500.000 atau 0,6." in teks
    assert "Harga harus lebih dari 0." in teks
    assert "Rentang 3-2 terbalik." in teks
    assert "&#x27;x&#x27; bukan angka" in teks
    assert 'value="dua juta"' in teks and 'value="Kopi"' in teks
    # Tahun di luar periode: pesan di baris dan kolomnya (baris biaya ke-2, kolom tahun).
    respons = client.post(alamat, data_agro(periode="2"))
    assert respons.context["formset_biaya"].forms[1].errors["tahun"] == [
        "Pemeliharaan: tahun 3 di luar periode 0-2."
    ]
    respons = client.post(alamat, data_agro(**{"biaya-1-jumlah": "1; 2; 3; 4"}))
    assert "Ada 4 angka untuk 3 tahun" in respons.content.decode()
    respons = client.post(alamat, data_agro(produk=[]))
    assert "Isi paling sedikit satu baris." in respons.content.decode()
    assert not AnalisisUsaha.objects.exists()


def test_an_ecotourism_analysis_and_its_exports(client, pendamping_a, kups_a):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("penilaian:analisis_baru", args=[kups_a.pk, "ekowisata"]),
        data_eko(investasi="210.000.000", kunjungan_sekarang="25.000"),
    )
    alamat = respons["Location"]
    teks = " ".join(client.get(alamat).content.decode().split())
    # Seluruh periode: (210 jt + 60 jt x 21 + 30 jt x 21) / 0,75 = 2.800 jt; per tahun 133,3 jt.
    # Tiket masuk 75% x 133.333.333 / 10.000 = 10.000 pengunjung per tahun, 27,4 -> 28 per hari.
    assert "paling sedikit <strong>10.000 pengunjung (tiket Tiket masuk) per tahun</strong>" in teks
    assert "<strong>28 per hari</strong>" in teks
    assert "Saat ini 25.000 pengunjung per tahun: <strong>sudah mencapai</strong>" in teks
    assert "21 tahun arus kas" in teks and "tahun 0 sampai 20" in teks
    assert "penjualan Rp 2.800.000.000 selama periode" in teks
    assert "Flying fox" in teks  # setiap atraksi punya barisnya sendiri
    buku = load_workbook(io.BytesIO(client.get(alamat + "?unduh=xlsx").content))
    ringkas = {r[0]: r[1] for r in buku["Ringkasan"].values if r and r[0]}
    assert round(ringkas["Titik impas penjualan per tahun (Rp)"]) == 133333333
    assert ringkas["Pengunjung perlu per tahun (Tiket masuk)"] == 10000
    assert ringkas["Pengunjung saat ini per tahun"] == 25000
    assert [round(r[5]) for r in list(buku["Atraksi"].values)[1:]] == [10000, 1333]
    assert len(list(buku["Arus kas"].values)) == 22  # judul + tahun 0..20
    pdf = client.get(alamat + "?unduh=pdf")
    isi = " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    assert "Wisata Ciremai" in isi and "10.000 pengunjung" in isi and "28 per hari" in isi


def test_ecotourism_needs_one_entrance_and_shows_small_daily_visits_with_a_decimal(
    client, pendamping_a, kups_a
):
    client.force_login(pendamping_a)
    alamat = reverse("penilaian:analisis_baru", args=[kups_a.pk, "ekowisata"])
    respons = client.post(alamat, data_eko(**{"baris-1-pintu_masuk": "on"}))
    assert "Tandai tepat satu atraksi sebagai tiket masuk" in respons.content.decode()
    assert not AnalisisUsaha.objects.exists()
    # Usaha kecil: 2 juta biaya tetap, UMR 100 ribu; tiket Rp 100.000.
    respons = client.post(
        alamat,
        data_eko(
            biaya_tetap="2.000.000",
            umr_bulanan="100.000",
            **{
                "baris-0-penerimaan": "30.000.000",
                "baris-0-biaya_variabel": "0",
                "baris-0-harga_tiket": "100.000",
                "baris-1-nama": "",
                "baris-1-penerimaan": "",
                "baris-1-biaya_variabel": "",
                "baris-1-harga_tiket": "",
            },
        ),
    )
    teks = " ".join(client.get(respons["Location"]).content.decode().split())
    # (2 jt + 1,2 jt) / 1 = 3,2 jt per tahun / 100.000 = 32 pengunjung; 32/365 = 0,088 -> 0,1.
    assert "<strong>32 pengunjung" in teks and "<strong>0,1 per hari</strong>" in teks
    assert "(dihitung dari penerimaan tiket masuk dibagi harganya)" in teks


def test_copy_and_change_keeps_the_old_analysis(client, pendamping_a, kups_a):
    client.force_login(pendamping_a)
    client.post(reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]), data_agro())
    lama = AnalisisUsaha.objects.get()
    formulir = client.get(
        reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]) + f"?dari={lama.pk}"
    )
    assert formulir.context["form"].initial["umr_bulanan"] == "2000000"
    assert formulir.context["formset_biaya"].initial[1]["tenaga_keluarga"] is True
    client.post(
        reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]),
        data_agro(luas_rencana="9"),
    )
    assert AnalisisUsaha.objects.count() == 2
    lama.refresh_from_db()
    assert lama.hasil["tercapai"] is False
    assert AnalisisUsaha.objects.exclude(pk=lama.pk).get().hasil["tercapai"] is True


def test_an_old_constant_year_analysis_keeps_its_result_and_is_marked(client, pendamping_a, kups_a):
    """Analisis versi masukan 1 (sebelum arus kas tahunan) tetap menunjukkan hasil lamanya."""
    lama = AnalisisUsaha.objects.create(
        kups=kups_a,
        jenis="agroforestri",
        judul="Kopi dan pisang (lama)",
        versi_masukan=1,
        masukan={
            "umum": {
                "judul": "Kopi dan pisang (lama)",
                "biaya_tetap": "12000000",
                "umr_bulanan": "2000000",
                "investasi": "10000000",
                "periode": "20",
                "diskonto_persen": "10",
                "paket_per_hektar": "1200",
                "luas_rencana": "2.5",
            },
            "baris": [
                {
                    "nama": "Kopi",
                    "satuan": "kg",
                    "rasio": "0.6",
                    "harga": "25000",
                    "biaya_variabel": "10000",
                },
                {
                    "nama": "Pisang",
                    "satuan": "tandan",
                    "rasio": "0.4",
                    "harga": "4500",
                    "biaya_variabel": "2000",
                },
            ],
        },
        hasil={"bep_paket": "3600", "luas_minimum": "3", "tercapai": False},
        penulis=pendamping_a,
    )
    client.force_login(pendamping_a)
    teks = " ".join(
        client.get(reverse("penilaian:analisis_detail", args=[lama.pk])).content.decode().split()
    )
    assert "model tahun konstan" in teks
    assert "paling sedikit <strong>3.600 paket</strong> per tahun" in teks
    assert "paling sedikit <strong>3,00 ha</strong>" in teks
    # PDF memuat setiap masukan: produk, rasio, harga, biaya variabel, biaya tetap, UMR,
    # periode dan diskonto.
    pdf = client.get(reverse("penilaian:analisis_detail", args=[lama.pk]), {"unduh": "pdf"})
    isi = " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    for bagian in (
        "Masukan: produk",
        "Kopi (kg) 0,6 Rp 25.000 Rp 10.000",
        "Pisang (tandan) 0,4 Rp 4.500 Rp 2.000",
        "Investasi Rp 10.000.000",
        "biaya tetap Rp 12.000.000 per tahun",
        "1.200 paket per ha",
        "UMR Rp 2.000.000 per bulan",
        "periode 20 tahun",
        "diskonto 10% per tahun",
    ):
        assert bagian in isi, bagian
    # Salin dan ubah: baris tahunan yang setara, dengan catatan.
    formulir = client.get(
        reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"]), {"dari": lama.pk}
    )
    assert "Disalin dari analisis lama" in formulir.context["catatan_salinan"]
    produk = formulir.context["formset"].initial
    assert (produk[0]["jumlah"], produk[0]["tahun"]) == ("720", "1-20")  # 0,6 x 1.200
    biaya = formulir.context["formset_biaya"].initial
    assert [(b["kategori"], b["tahun"]) for b in biaya] == [("investasi", "0"), ("lainnya", "1-20")]
    for xlsx_pdf in ("xlsx", "pdf"):
        unduh = client.get(
            reverse("penilaian:analisis_detail", args=[lama.pk]), {"unduh": xlsx_pdf}
        )
        assert unduh.status_code == 200


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
    respons = client.post(alamat, data_agro(luas_rencana=nilai))
    assert respons.status_code == 200
    assert respons.context["form"].errors["luas_rencana"]
    assert f'value="{nilai}"' in respons.content.decode()
    assert not AnalisisUsaha.objects.exists()


def test_a_copy_source_that_is_not_a_number_is_a_404(client, pendamping_a, kups_a):
    client.force_login(pendamping_a)
    alamat = reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"])
    assert client.get(alamat, {"dari": "abc"}).status_code == 404
    assert client.get(alamat, {"dari": "9" * 40}).status_code == 404


def test_several_models_side_by_side(client, pendamping_a, pendamping_b, kups_a):
    client.force_login(pendamping_a)
    baru = reverse("penilaian:analisis_baru", args=[kups_a.pk, "agroforestri"])
    client.post(baru, data_agro())
    client.post(
        baru,
        data_agro(
            judul="Kopi saja",
            produk=[
                {
                    "nama": "Kopi",
                    "satuan": "kg",
                    "tahun": "2-3",
                    "jumlah": "300; 500",
                    "harga": "20.000",
                }
            ],
        ),
    )
    client.post(reverse("penilaian:analisis_baru", args=[kups_a.pk, "ekowisata"]), data_eko())
    pk = list(AnalisisUsaha.objects.order_by("pk").values_list("pk", flat=True))
    alamat = reverse("penilaian:analisis_banding", args=[kups_a.pk])
    daftar = client.get(reverse("penilaian:analisis_daftar", args=[kups_a.pk]))
    assert "Bandingkan yang dicentang" in daftar.content.decode()
    respons = client.get(alamat, {"id": pk})
    teks = " ".join(respons.content.decode().split())
    assert [k.analisis.pk for k in respons.context["kolom"]] == pk
    assert "Luas minimum: <strong>8,16 ha</strong>" in teks
    assert "Pengunjung perlu (Tiket masuk): <strong>9.000 per tahun</strong>" in teks
    assert "-Rp 480.841" in teks
    assert client.get(alamat, {"id": pk[:1]}).status_code == 302  # satu saja: kembali
    assert client.get(alamat, {"id": ["x", "9" * 30]}).status_code == 302
    client.force_login(pendamping_b)
    assert client.get(alamat, {"id": pk}).status_code == 404
    client.logout()
    assert client.get(alamat, {"id": pk}).status_code == 302


def test_an_old_ecotourism_analysis_keeps_its_result(client, pendamping_a, kups_a):
    lama = AnalisisUsaha.objects.create(
        kups=kups_a,
        jenis="ekowisata",
        judul="Wisata lama",
        versi_masukan=1,
        masukan={
            "umum": {
                "judul": "Wisata lama",
                "biaya_tetap": "60000000",
                "umr_bulanan": "2500000",
                "investasi": "210000000",
                "periode": "20",
                "diskonto_persen": "10",
            },
            "baris": [
                {
                    "nama": "Gardu pandang",
                    "penerimaan": "300000000",
                    "biaya_variabel": "60000000",
                    "harga_tiket": "10000",
                },
                {
                    "nama": "Flying fox",
                    "penerimaan": "100000000",
                    "biaya_variabel": "40000000",
                    "harga_tiket": "25000",
                },
            ],
        },
        hasil={"bep_rupiah": "120000000", "tercapai": True},
        penulis=pendamping_a,
    )
    client.force_login(pendamping_a)
    teks = " ".join(
        client.get(reverse("penilaian:analisis_detail", args=[lama.pk])).content.decode().split()
    )
    # Model lama: investasi di luar titik impas, jadi tetap Rp 120.000.000 per tahun.
    assert "<strong>Rp 120.000.000</strong> per tahun" in teks
    assert "model tahun konstan" in teks and "tidak menandai tiket masuk" in teks
    pdf = client.get(reverse("penilaian:analisis_detail", args=[lama.pk]), {"unduh": "pdf"})
    isi = " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    for bagian in (
        "Masukan: atraksi",
        "Gardu pandang Rp 10.000 Rp 300.000.000 Rp 60.000.000",
        "Flying fox Rp 25.000 Rp 100.000.000 Rp 40.000.000",
        "Investasi awal Rp 210.000.000",
        "biaya tetap Rp 60.000.000 per tahun",
        "UMR Rp 2.500.000 per bulan",
        "periode 20 tahun",
        "diskonto 10% per tahun",
    ):
        assert bagian in isi, bagian
    formulir = client.get(
        reverse("penilaian:analisis_baru", args=[kups_a.pk, "ekowisata"]), {"dari": lama.pk}
    )
    assert "tandai atraksi tiket masuk" in formulir.context["catatan_salinan"]
