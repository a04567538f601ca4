"""Kelas KTH mengikuti sertifikat: penetapan yang sertifikatnya sudah dicabut sebelum aturan ini
ditandai tidak berlaku, dan kelas KTH-nya dikembalikan ke penetapan berlaku terbaru."""

from django.db import migrations


def perbaiki(apps, schema_editor):
    Sertifikat = apps.get_model("penilaian", "Sertifikat")
    Riwayat = apps.get_model("kelompok", "RiwayatKelasKth")
    Kth = apps.get_model("kelompok", "Kth")
    kth_diubah = set()
    for s in Sertifikat.objects.filter(status="dicabut").select_related("penilaian"):
        tanggal = s.dicabut_pada.date() if s.dicabut_pada else None
        for r in Riwayat.objects.filter(
            kth_id=s.penilaian.kth_id,
            keterangan=f"Penilaian {s.penilaian_id}",
            dicabut_pada__isnull=True,
        ):
            r.dicabut_pada = tanggal or r.ditetapkan_pada
            r.alasan_cabut = f"Sertifikat {s.nomor} dicabut: {s.alasan_cabut}"[:300]
            r.save(update_fields=["dicabut_pada", "alasan_cabut"])
            kth_diubah.add(s.penilaian.kth_id)
    for kth in Kth.objects.filter(pk__in=kth_diubah):
        terbaru = (
            Riwayat.objects.filter(kth=kth, dicabut_pada__isnull=True)
            .order_by("-tahun", "-ditetapkan_pada", "-pk")
            .first()
        )
        kth.kelas = terbaru.kelas if terbaru else ""
        kth.save(update_fields=["kelas"])


class Migration(migrations.Migration):
    dependencies = [
        ("penilaian", "0011_kalender_2026_skb"),
        ("kelompok", "0010_kelas_kth_dicabut"),
    ]

    operations = [migrations.RunPython(perbaiki, migrations.RunPython.noop)]
