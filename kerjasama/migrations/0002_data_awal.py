"""Aturan tembusan Langkah IV dan izin peran kerja sama.

Juknis: mitra BUMD, BUMDes, koperasi lokal, kelompok masyarakat lain, perorangan atau LSM:
tembusan ke UPT (BPSKL). Pengelola kawasan hutan, BUMN, BUMS, PMA atau donor: tembusan ke
Dirjen PSKL dan UPT. Kategori lain tidak disebut sumber: dipakai daftar kedua yang lebih luas;
admin dapat mengubah aturan ini.
"""

from django.db import migrations

from akun import peran

SEMPIT = {"bumd", "bumdes", "koperasi", "kelompok_masyarakat", "perorangan", "lsm"}
SEMUA_KATEGORI = [
    "pemerintah_pusat",
    "pemerintah_daerah",
    "akademisi",
    "riset",
    "bumn",
    "bumd",
    "bums",
    "bumdes",
    "koperasi",
    "lsm",
    "donor",
    "keuangan",
    "pma",
    "pengelola_hutan",
    "kelompok_masyarakat",
    "perorangan",
    "legislatif",
    "tokoh",
]


def isi(apps, schema_editor):
    Aturan = apps.get_model("kerjasama", "AturanTembusan")
    for kategori in SEMUA_KATEGORI:
        Aturan.objects.get_or_create(
            kategori=kategori,
            defaults={"tembusan": ["upt"] if kategori in SEMPIT else ["dirjen", "upt"]},
        )
    model = ["mitra", "pemeriksaanmitra", "kerjasama", "riwayattahap", "buktitahap"]
    lihat = [f"kerjasama.view_{m}" for m in model]
    kelola = [f"kerjasama.{a}_{m}" for m in model for a in ("add", "change", "view")]
    peran.pasang_izin_peran(
        apps,
        {
            peran.PENDAMPING: kelola,
            peran.STAF_BPSKL: [*lihat, "kerjasama.change_kerjasama"],
            peran.KEPALA_DINAS: lihat,
            peran.PENILAI_KTH: lihat,
            peran.ADMIN: [
                *kelola,
                "kerjasama.view_aturantembusan",
                "kerjasama.change_aturantembusan",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("kerjasama", "0001_awal"), ("akun", "0003_peran")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
