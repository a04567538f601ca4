"""Hari libur nasional 2026, pengaturan sertifikat bawaan per provinsi, dan izin peran KTH.

Hari libur adalah data yang dapat diubah admin (menu Administrasi > Hari libur nasional);
daftar ini disusun dari SKB libur nasional 2026 dan perlu dicocokkan ulang bila pemerintah
mengubahnya. Nama kantor dan tempat penetapan bawaan juga dapat diubah per provinsi.
"""

import datetime

from django.db import migrations

from akun import peran

LIBUR_2026 = [
    ("2026-01-01", "Tahun Baru 2026 Masehi"),
    ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
    ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948"),
    ("2026-03-20", "Idul Fitri 1447 Hijriah"),
    ("2026-03-21", "Idul Fitri 1447 Hijriah"),
    ("2026-04-03", "Wafat Yesus Kristus"),
    ("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
    ("2026-05-01", "Hari Buruh Internasional"),
    ("2026-05-14", "Kenaikan Yesus Kristus"),
    ("2026-05-27", "Idul Adha 1447 Hijriah"),
    ("2026-05-31", "Hari Raya Waisak 2570 BE"),
    ("2026-06-01", "Hari Lahir Pancasila"),
    ("2026-06-16", "Tahun Baru Islam 1448 Hijriah"),
    ("2026-08-17", "Hari Proklamasi Kemerdekaan RI"),
    ("2026-08-25", "Maulid Nabi Muhammad SAW"),
    ("2026-12-25", "Kelahiran Yesus Kristus"),
]

IBU_KOTA = {
    "11": "Banda Aceh",
    "12": "Medan",
    "13": "Padang",
    "14": "Pekanbaru",
    "15": "Jambi",
    "16": "Palembang",
    "17": "Bengkulu",
    "18": "Bandar Lampung",
    "19": "Pangkalpinang",
    "21": "Tanjungpinang",
    "31": "Jakarta",
    "32": "Bandung",
    "33": "Semarang",
    "34": "Yogyakarta",
    "35": "Surabaya",
    "36": "Serang",
    "51": "Denpasar",
    "52": "Mataram",
    "53": "Kupang",
    "61": "Pontianak",
    "62": "Palangka Raya",
    "63": "Banjarbaru",
    "64": "Samarinda",
    "65": "Tanjung Selor",
    "71": "Manado",
    "72": "Palu",
    "73": "Makassar",
    "74": "Kendari",
    "75": "Gorontalo",
    "76": "Mamuju",
    "81": "Ambon",
    "82": "Sofifi",
    "91": "Jayapura",
    "92": "Manokwari",
    "93": "Merauke",
    "94": "Nabire",
    "95": "Wamena",
    "96": "Sorong",
}


def isi(apps, schema_editor):
    HariLibur = apps.get_model("penilaian", "HariLibur")
    for tanggal, nama in LIBUR_2026:
        HariLibur.objects.get_or_create(
            tanggal=datetime.date.fromisoformat(tanggal), defaults={"nama": nama}
        )
    Provinsi = apps.get_model("kelompok", "Provinsi")
    Pengaturan = apps.get_model("penilaian", "PengaturanSertifikat")
    for provinsi in Provinsi.objects.all():
        Pengaturan.objects.get_or_create(
            provinsi=provinsi,
            defaults={
                "kantor": f"Dinas Kehutanan Provinsi {provinsi.nama}",
                "tempat": IBU_KOTA.get(provinsi.kode, provinsi.nama),
            },
        )
    kth = ["penilaiankth", "kuesioner", "jawaban", "buktifisik"]
    lihat = ["penilaian.view_penilaiankth", "penilaian.view_sertifikat"]
    peran.pasang_izin_peran(
        apps,
        {
            peran.PENILAI_KTH: [
                f"penilaian.{a}_{m}" for m in kth for a in ("add", "change", "view")
            ]
            + ["penilaian.view_sertifikat"],
            peran.KEPALA_DINAS: [
                *lihat,
                "penilaian.change_penilaiankth",
                "penilaian.change_sertifikat",
            ],
            peran.STAF_BPSKL: lihat,
            peran.PENDAMPING: lihat,
            peran.ADMIN: [
                *lihat,
                "penilaian.change_sertifikat",
                "penilaian.add_eksporsertifikat",
                "penilaian.view_eksporsertifikat",
                "penilaian.view_harilibur",
                "penilaian.add_harilibur",
                "penilaian.change_harilibur",
                "penilaian.delete_harilibur",
                "penilaian.view_pengaturansertifikat",
                "penilaian.change_pengaturansertifikat",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("penilaian", "0003_kelas_kth"), ("kelompok", "0002_wilayah_awal")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
