import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("penilaian", "0012_kelas_ikut_sertifikat"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalPenjelasan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("indikator", models.CharField(max_length=10, verbose_name="kode indikator")),
                ("teks", models.TextField(verbose_name="penjelasan kondisi terkini")),
                ("diubah_pada", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "kuesioner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="penilaian.kuesioner",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical penjelasan kondisi terkini",
                "verbose_name_plural": "historical penjelasan kondisi terkini",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Penjelasan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("indikator", models.CharField(max_length=10, verbose_name="kode indikator")),
                ("teks", models.TextField(verbose_name="penjelasan kondisi terkini")),
                ("diubah_pada", models.DateTimeField(auto_now=True)),
                (
                    "kuesioner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="penjelasan",
                        to="penilaian.kuesioner",
                    ),
                ),
            ],
            options={
                "verbose_name": "penjelasan kondisi terkini",
                "verbose_name_plural": "penjelasan kondisi terkini",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kuesioner", "indikator"), name="penjelasan_unik"
                    )
                ],
            },
        ),
    ]
