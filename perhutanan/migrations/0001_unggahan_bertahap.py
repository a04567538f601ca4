import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Unggahan",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("nama", models.CharField(max_length=255, verbose_name="nama berkas")),
                ("jenis", models.CharField(blank=True, max_length=100, verbose_name="jenis isi")),
                ("ukuran", models.PositiveIntegerField(verbose_name="ukuran (bita)")),
                ("diterima", models.PositiveIntegerField(default=0, verbose_name="bita diterima")),
                ("dibuat_pada", models.DateTimeField(auto_now_add=True)),
                ("diubah_pada", models.DateTimeField(auto_now=True)),
                (
                    "pengguna",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "unggahan bertahap",
                "verbose_name_plural": "unggahan bertahap",
            },
        ),
        migrations.CreateModel(
            name="PotonganUnggahan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("mulai", models.PositiveIntegerField()),
                ("isi", models.BinaryField()),
                (
                    "unggahan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="potongan",
                        to="perhutanan.unggahan",
                    ),
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="unggahan",
            index=models.Index(fields=["diubah_pada"], name="perhutanan__diubah__d19134_idx"),
        ),
        migrations.AddConstraint(
            model_name="potonganunggahan",
            constraint=models.UniqueConstraint(
                fields=("unggahan", "mulai"), name="potongan_unggahan_unik"
            ),
        ),
    ]
