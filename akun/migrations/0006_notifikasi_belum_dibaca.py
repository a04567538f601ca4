from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def hitung(apps, schema_editor):
    """Isi lencana dari notifikasi yang sudah ada."""
    Pengguna = apps.get_model("akun", "Pengguna")
    Notifikasi = apps.get_model("kerjasama", "Notifikasi")
    belum = (
        Notifikasi.objects.filter(penerima=OuterRef("pk"), dibaca=False)
        .order_by()
        .values("penerima")
        .annotate(n=Count("*"))
        .values("n")
    )
    Pengguna.objects.update(notifikasi_belum_dibaca=Coalesce(Subquery(belum), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("akun", "0005_indeks_trigram_nama"),
        ("kerjasama", "0007_indeks_trigram_mitra"),
    ]

    operations = [
        migrations.AddField(
            model_name="pengguna",
            name="notifikasi_belum_dibaca",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(hitung, migrations.RunPython.noop),
    ]
