"""Izin analisis skala usaha: pendamping dan admin membuat, peran lain membaca sesuai cakupan."""

from django.db import migrations

from akun import peran


def pasang(apps, schema_editor):
    lihat = ["penilaian.view_analisisusaha"]
    buat = [*lihat, "penilaian.add_analisisusaha"]
    peran.pasang_izin_peran(
        apps,
        {
            peran.PENDAMPING: buat,
            peran.ADMIN: buat,
            peran.STAF_BPSKL: lihat,
            peran.KEPALA_DINAS: lihat,
            peran.PENILAI_KTH: lihat,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("penilaian", "0005_analisis_usaha"), ("akun", "0003_peran")]

    operations = [migrations.RunPython(pasang, migrations.RunPython.noop)]
