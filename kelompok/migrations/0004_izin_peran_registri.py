"""Izin model registri untuk tiap peran. Cakupan wilayahnya diatur kelompok/lingkup.py."""

from django.db import migrations

from akun import peran

MODEL_KELOMPOK = ["kps", "kups", "kth", "anggota", "dokumenpendukung", "syaratkupsterpenuhi"]


def pasang(apps, schema_editor):
    lihat = [f"kelompok.view_{m}" for m in [*MODEL_KELOMPOK, "penugasan", "riwayatkelaskth"]]
    kelola = [f"kelompok.{aksi}_{m}" for m in MODEL_KELOMPOK for aksi in ("add", "change", "view")]
    peran.pasang_izin_peran(
        apps,
        {
            peran.PENDAMPING: [*lihat, *kelola],
            peran.STAF_BPSKL: lihat,
            peran.PENILAI_KTH: lihat,
            peran.KEPALA_DINAS: lihat,
            peran.ADMIN: [
                *lihat,
                *kelola,
                "kelompok.add_penugasan",
                "kelompok.change_penugasan",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("kelompok", "0003_registri"), ("akun", "0003_peran")]

    operations = [migrations.RunPython(pasang, migrations.RunPython.noop)]
