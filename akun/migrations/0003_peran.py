"""Grup peran (Pendamping, Staf BPSKL, Penilai KTH, Kepala Dinas, Admin) dan izin modelnya.

Fitur berikutnya menambah izin untuk model barunya dengan migrasi data sendiri yang memanggil
akun.peran.pasang_izin_peran.
"""

from django.db import migrations

from akun import peran


def pasang(apps, schema_editor):
    baca_wilayah = ["kelompok.view_provinsi", "kelompok.view_bpskl"]
    peran.pasang_izin_peran(
        apps,
        {
            peran.PENDAMPING: baca_wilayah,
            peran.STAF_BPSKL: baca_wilayah,
            peran.PENILAI_KTH: baca_wilayah,
            peran.KEPALA_DINAS: baca_wilayah,
            peran.ADMIN: [
                *baca_wilayah,
                "kelompok.change_provinsi",
                "kelompok.change_bpskl",
                "akun.view_pengguna",
                "akun.add_pengguna",
                "akun.change_pengguna",
                "auth.view_group",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("akun", "0002_initial"),
        ("kelompok", "0002_wilayah_awal"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(pasang, migrations.RunPython.noop)]
