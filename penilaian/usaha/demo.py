"""Data demo analisis skala usaha: agroforestri kopi-sengon dengan arus kas tahunan dan
ekowisata dengan tiket masuk, agar halaman hasil, skenario dan perbandingan terlihat."""

from decimal import Decimal

from akun.models import Pengguna
from kelompok.models import Kups
from penilaian.usaha import services
from penilaian.usaha.models import AnalisisUsaha

UMUM = {"umr_bulanan": Decimal(2_200_000), "periode": 20, "diskonto_persen": Decimal(10)}

AGROFORESTRI = {
    "kups": "KUPS Kopi Ciremai",
    "umum": {
        **UMUM,
        "judul": "Kopi arabika di bawah tegakan sengon (1 ha)",
        "luas_analisis": Decimal(1),
        "luas_rencana": Decimal("1.5"),
    },
    "biaya": [
        {
            "nama": "Persiapan lahan",
            "kategori": "persiapan_lahan",
            "tahun": "0",
            "jumlah": "2.500.000",
        },
        {"nama": "Bibit kopi dan sengon", "kategori": "bibit", "tahun": "0", "jumlah": "4.000.000"},
        {
            "nama": "Alat dan pondok kerja",
            "kategori": "investasi",
            "tahun": "0",
            "jumlah": "3.000.000",
        },
        {
            "nama": "Pemeliharaan (tenaga kerja keluarga)",
            "kategori": "pemeliharaan",
            "tahun": "1-20",
            "jumlah": "3.600.000",
            "tenaga_keluarga": True,
        },
        {
            "nama": "Pupuk dan obat",
            "kategori": "pemeliharaan",
            "tahun": "1-20",
            "jumlah": "1.200.000",
        },
        {
            "nama": "Panen kopi (tenaga kerja keluarga)",
            "kategori": "panen",
            "tahun": "3-20",
            "jumlah": "1.500.000",
            "tenaga_keluarga": True,
        },
        {
            "nama": "Tebang dan angkut sengon",
            "kategori": "panen",
            "tahun": "20",
            "jumlah": "6.000.000",
        },
    ],
    "produk": [
        {
            "nama": "Kopi gelondong merah",
            "satuan": "kg",
            "tahun": "3-20",
            "jumlah": "400; 900; 1.500",
            "harga": Decimal(9_000),
            "biaya_variabel": Decimal(500),
        },
        {
            "nama": "Kayu sengon",
            "satuan": "m3",
            "tahun": "20",
            "jumlah": "40",
            "harga": Decimal(1_100_000),
            "kayu": True,
        },
    ],
}

EKOWISATA = {
    "kups": "KUPS Ekowisata Papandayan",
    "umum": {
        **UMUM,
        "judul": "Ekowisata kawah dan perkemahan",
        "biaya_tetap": Decimal(90_000_000),
        "investasi": Decimal(350_000_000),
        "kunjungan_sekarang": Decimal(21_000),
    },
    "atraksi": [
        {
            "nama": "Tiket masuk kawasan",
            "penerimaan": Decimal(315_000_000),
            "biaya_variabel": Decimal(45_000_000),
            "harga_tiket": Decimal(15_000),
            "pintu_masuk": True,
        },
        {
            "nama": "Parkir kendaraan",
            "penerimaan": Decimal(60_000_000),
            "biaya_variabel": Decimal(12_000_000),
            "harga_tiket": Decimal(5_000),
        },
        {
            "nama": "Sewa tenda",
            "penerimaan": Decimal(48_000_000),
            "biaya_variabel": Decimal(18_000_000),
            "harga_tiket": Decimal(60_000),
        },
    ],
}


def muat_analisis_usaha_demo(laporan: list[tuple[str, str]]) -> None:
    pendamping = Pengguna.objects.get(username="pendamping")
    for data, jenis, baris in (
        (AGROFORESTRI, AnalisisUsaha.Jenis.AGROFORESTRI, AGROFORESTRI["produk"]),
        (EKOWISATA, AnalisisUsaha.Jenis.EKOWISATA, EKOWISATA["atraksi"]),
    ):
        kups = Kups.objects.get(nama=data["kups"])
        judul = data["umum"]["judul"]
        if AnalisisUsaha.objects.filter(kups=kups, judul=judul).exists():
            laporan.append((f"analisis usaha demo {judul}", "tetap"))
            continue
        services.analisis_buat(
            kups=kups,
            jenis=jenis,
            umum=data["umum"],
            baris=baris,
            biaya=data.get("biaya"),
            oleh=pendamping,
        )
        laporan.append((f"analisis usaha demo {judul}", "dibuat"))
