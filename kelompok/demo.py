"""Kelompok demo: dua KPS di Jawa Barat, satu di Kalimantan Barat, dengan KUPS, KTH, anggota."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from akun.models import Pengguna
from kelompok.kelas_kups import kelas_dari
from kelompok.models import Anggota, Desa, Kps, Kth, Kups, Penugasan, SyaratKupsTerpenuhi
from kelompok.wilayah_impor import impor_wilayah

BERKAS_WILAYAH = Path(settings.BASE_DIR) / "fixtures" / "wilayah" / "sampel_wilayah.csv"

KPS_DEMO = [
    {
        "nomor_sk": "SK.1234/MENLHK-PSKL/PKPS/PSL.0/3/2021",
        "nama": "KTH Wana Lestari Cisantana",
        "desa": "32.08.10.2001",
        "skema": "HKm",
        "bentuk_lembaga": "gapoktan",
        "tanggal_sk": datetime.date(2021, 3, 15),
        "luas_ha": Decimal("312.5"),
        "fungsi_hutan": "HL",
        "ketua": "Dedi Supriadi",
        "kontak": "0812 2233 4455",
        "jumlah_kk": 146,
        "lintang": Decimal("-6.904000"),
        "bujur": Decimal("108.452000"),
        "wilayah_kerja": {
            "type": "Polygon",
            "coordinates": [
                [
                    [108.4428, -6.91236],
                    [108.45384, -6.9142],
                    [108.4612, -6.90776],
                    [108.45936, -6.89672],
                    [108.44924, -6.8958],
                    [108.4428, -6.90132],
                    [108.4428, -6.91236],
                ]
            ],
        },
        "pendamping": "pendamping",
        "kups": [("KUPS Kopi Ciremai", "Kopi arabika", ["01", "02", "03", "04", "05"])],
    },
    {
        "nomor_sk": "SK.5678/MENLHK-PSKL/PKPS/PSL.0/8/2022",
        "nama": "LPHD Desa Sirnajaya",
        "desa": "32.05.20.2001",
        "skema": "HD",
        "bentuk_lembaga": "lembaga_desa",
        "tanggal_sk": datetime.date(2022, 8, 1),
        "luas_ha": Decimal("845.25"),
        "fungsi_hutan": "HP",
        "ketua": "Asep Saepudin",
        "kontak": "0813 9876 5432",
        "jumlah_kk": 210,
        "lintang": Decimal("-7.315000"),
        "bujur": Decimal("107.735000"),
        "pendamping": "pendamping",
        "kups": [
            ("KUPS Ekowisata Papandayan", "Ekowisata", ["01", "02", "03"]),
            ("KUPS Madu Hutan", "Madu", ["01"]),
        ],
    },
    {
        "nomor_sk": "SK.9012/MENLHK-PSKL/PKPS/PSL.0/5/2020",
        "nama": "LPHD Sungai Ulu",
        "desa": "61.08.05.2001",
        "skema": "HD",
        "bentuk_lembaga": "lembaga_desa",
        "tanggal_sk": datetime.date(2020, 5, 20),
        "luas_ha": Decimal("2150"),
        "fungsi_hutan": "HL",
        "ketua": "Markus Lanying",
        "kontak": "",
        "jumlah_kk": 98,
        # Batas yang diunggah 19% lebih luas dari SK: halaman KPS menampilkan peringatannya.
        "wilayah_kerja": {
            "type": "Polygon",
            "coordinates": [
                [
                    [112.9045, 0.8396],
                    [112.9351, 0.8345],
                    [112.9555, 0.85235],
                    [112.9504, 0.88295],
                    [112.92235, 0.8855],
                    [112.9045, 0.8702],
                    [112.9045, 0.8396],
                ]
            ],
        },
        "pendamping": "pendamping2",
        "kups": [("KUPS Tengkawang", "Tengkawang", ["01", "02", "03", "04", "05", "06", "07"])],
    },
]

NAMA_ANGGOTA = [
    ("Dedi Supriadi", "L", 1971, "ketua"),
    ("Euis Komariah", "P", 1980, "sekretaris"),
    ("Ujang Rahmat", "L", 1985, "bendahara"),
    ("Neneng Hasanah", "P", 1992, "seksi"),
    ("Iwan Setiawan", "L", 1998, "anggota"),
    ("Siti Aminah", "P", 1965, "anggota"),
    ("Cecep Hidayat", "L", 1959, "anggota"),
    ("Yani Mulyani", "P", 2001, "anggota"),
]


def muat_kelompok_demo() -> list[tuple[str, str]]:
    hasil = impor_wilayah(BERKAS_WILAYAH.read_text(encoding="utf-8"))
    if hasil.galat:
        raise ValueError("; ".join(hasil.galat))
    laporan = []
    for data in KPS_DEMO:
        data = dict(data)
        pendamping = Pengguna.objects.get(username=data.pop("pendamping"))
        daftar_kups = data.pop("kups")
        desa = Desa.objects.get(kode=data.pop("desa"))
        kps, dibuat = Kps.objects.get_or_create(
            nomor_sk=data.pop("nomor_sk"), defaults={**data, "desa": desa}
        )
        laporan.append((f"KPS {kps.nama}", "dibuat" if dibuat else "tetap"))
        Penugasan.objects.get_or_create(
            kps=kps, pendamping=pendamping, selesai=None, defaults={"ditugaskan_oleh": pendamping}
        )
        for nama, komoditas, syarat in daftar_kups:
            kups, _ = Kups.objects.get_or_create(
                kps=kps, nama=nama, defaults={"komoditas": komoditas}
            )
            for kode in syarat:
                SyaratKupsTerpenuhi.objects.get_or_create(
                    kups=kups,
                    kode=kode,
                    defaults={
                        "terpenuhi": True,
                        "tanggal": kps.tanggal_sk,
                        "catatan_bukti": "Diverifikasi pendamping saat kunjungan lapangan.",
                    },
                )
            kelas = kelas_dari(syarat)
            if kups.kelas != kelas:
                kups.kelas = kelas
                kups.save(update_fields=["kelas"])
        if not kps.anggota.exists():
            for nama, jk, tahun, jabatan in NAMA_ANGGOTA:
                Anggota.objects.create(
                    kps=kps, nama=nama, jenis_kelamin=jk, tahun_lahir=tahun, jabatan=jabatan
                )
        kth, dibuat = Kth.objects.get_or_create(
            nomor_register=f"KTH-{kps.desa_id.replace('.', '')}",
            defaults={
                "nama": f"KTH {kps.desa.nama} Lestari",
                "desa": kps.desa,
                "kps": kps,
                "ketua": kps.ketua,
                "tanggal_berdiri": datetime.date(2015, 6, 1),
            },
        )
        laporan.append((f"KTH {kth.nama}", "dibuat" if dibuat else "tetap"))
        if not kth.anggota.exists():
            for i in range(15):
                nama, jk, tahun, _ = NAMA_ANGGOTA[i % len(NAMA_ANGGOTA)]
                Anggota.objects.create(
                    kth=kth, nama=f"{nama} {i + 1}", jenis_kelamin=jk, tahun_lahir=tahun + i % 5
                )
    return laporan
