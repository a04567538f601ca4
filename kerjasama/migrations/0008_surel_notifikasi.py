from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kerjasama", "0007_indeks_trigram_mitra"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="notifikasi",
            name="menunggu_ringkasan",
            field=models.BooleanField(default=False),
        ),
        migrations.AddIndex(
            model_name="notifikasi",
            index=models.Index(
                condition=models.Q(("menunggu_ringkasan", True)),
                fields=["penerima", "dibuat_pada"],
                name="notifikasi_menunggu_ringkasan",
            ),
        ),
    ]
