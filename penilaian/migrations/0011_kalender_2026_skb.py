"""Kalender libur 2026 resmi menurut SKB 1497/2/5 Tahun 2025, dengan cuti bersama.

Daftar 2026 yang dimuat sebelumnya keliru: 20 Maret ditulis sebagai Idul Fitri (itu cuti
bersama), hari kedua Idul Fitri (22 Maret) tidak ada, dan cuti bersama belum dicatat. Tahun
berikutnya dimuat admin nasional dari SKB-nya (Penilaian > Kalender libur), bukan lewat kode.
"""

import datetime

from django.db import migrations

from akun import peran

SUMBER_2026 = (
    "SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri Pendayagunaan Aparatur Negara dan "
    "Reformasi Birokrasi Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang "
    "Hari Libur Nasional dan Cuti Bersama Tahun 2026"
)

LIBUR_2026 = [
    ("2026-01-01", "Tahun Baru 2026 Masehi"),
    ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
    ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948"),
    ("2026-03-21", "Idul Fitri 1447 Hijriah"),
    ("2026-03-22", "Idul Fitri 1447 Hijriah (hari kedua)"),
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

CUTI_BERSAMA_2026 = [
    ("2026-02-16", "Cuti bersama Tahun Baru Imlek"),
    ("2026-03-18", "Cuti bersama Hari Suci Nyepi"),
    ("2026-03-20", "Cuti bersama Idul Fitri 1447 Hijriah"),
    ("2026-03-23", "Cuti bersama Idul Fitri 1447 Hijriah"),
    ("2026-03-24", "Cuti bersama Idul Fitri 1447 Hijriah"),
    ("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus"),
    ("2026-05-28", "Cuti bersama Idul Adha 1447 Hijriah"),
    ("2026-12-24", "Cuti bersama Kelahiran Yesus Kristus"),
]


def isi(apps, schema_editor):
    HariLibur = apps.get_model("penilaian", "HariLibur")
    KalenderLibur = apps.get_model("penilaian", "KalenderLibur")
    PengaturanKalender = apps.get_model("penilaian", "PengaturanKalender")
    daftar = [(t, n, "libur") for t, n in LIBUR_2026] + [
        (t, n, "cuti_bersama") for t, n in CUTI_BERSAMA_2026
    ]
    tanggal = [datetime.date.fromisoformat(t) for t, _, _ in daftar]
    HariLibur.objects.filter(tanggal__year=2026).exclude(tanggal__in=tanggal).delete()
    for (_, nama, jenis), t in zip(daftar, tanggal, strict=True):
        HariLibur.objects.update_or_create(tanggal=t, defaults={"nama": nama, "jenis": jenis})
    KalenderLibur.objects.update_or_create(tahun=2026, defaults={"sumber": SUMBER_2026})
    PengaturanKalender.objects.get_or_create(pk=1)


def izin(apps, schema_editor):
    peran.pasang_izin_peran(
        apps,
        {
            peran.ADMIN: [
                "penilaian.view_kalenderlibur",
                "penilaian.add_kalenderlibur",
                "penilaian.change_kalenderlibur",
                "penilaian.view_pengaturankalender",
                "penilaian.change_pengaturankalender",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("penilaian", "0010_kalender_libur"), ("akun", "0003_peran")]

    operations = [
        migrations.RunPython(isi, migrations.RunPython.noop),
        migrations.RunPython(izin, migrations.RunPython.noop),
    ]
