"""Izin penilaian per peran; cakupan wilayahnya mengikuti KPS (EvaluasiHkm.objects.untuk)."""

from django.db import migrations

from akun import peran

EVALUASI = ["evaluasihkm", "responden", "kuesioner", "jawaban"]


def pasang(apps, schema_editor):
    lihat = [f"penilaian.view_{m}" for m in EVALUASI]
    isi = [f"penilaian.{a}_{m}" for m in EVALUASI for a in ("add", "change", "view")]
    instrumen = ["penilaian.view_instrumen", "penilaian.view_versiinstrumen"]
    peran.pasang_izin_peran(
        apps,
        {
            peran.PENDAMPING: isi,
            peran.STAF_BPSKL: lihat,
            peran.PENILAI_KTH: [*lihat, *instrumen],
            peran.KEPALA_DINAS: lihat,
            peran.ADMIN: [*isi, *instrumen, "penilaian.add_versiinstrumen"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("penilaian", "0001_initial"), ("akun", "0003_peran")]

    operations = [migrations.RunPython(pasang, migrations.RunPython.noop)]
