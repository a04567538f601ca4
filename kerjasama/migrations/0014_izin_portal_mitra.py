"""Grup Mitra (tanpa izin model: cakupannya hanya permohonan lembaganya, lihat
PermohonanMitra.objects.untuk) dan izin pegawai atas permohonan dan akun mitra."""

from django.db import migrations

from akun import peran


def pasang(apps, schema_editor):
    lihat = ["kerjasama.view_permohonanmitra"]
    tanggapi = [*lihat, "kerjasama.change_permohonanmitra"]
    akun = ["kerjasama.add_akunmitra", "kerjasama.change_akunmitra"]
    peran.pasang_izin_peran(
        apps,
        {
            peran.PENDAMPING: [*tanggapi, *akun],
            peran.ADMIN: [*tanggapi, *akun],
            peran.STAF_BPSKL: [*lihat, *akun],
            peran.MITRA: [],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("kerjasama", "0013_portal_mitra"), ("akun", "0003_peran")]

    operations = [migrations.RunPython(pasang, migrations.RunPython.noop)]
