import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalTokenApi",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "nama",
                    models.CharField(
                        help_text="Misalnya: aplikasi lapangan ponsel Siti.",
                        max_length=80,
                        verbose_name="nama token",
                    ),
                ),
                ("awalan", models.CharField(editable=False, max_length=12)),
                ("sidik_kunci", models.CharField(db_index=True, editable=False, max_length=64)),
                ("dibuat_pada", models.DateTimeField(blank=True, editable=False)),
                ("dicabut_pada", models.DateTimeField(blank=True, editable=False, null=True)),
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
                    "pengguna",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical token API",
                "verbose_name_plural": "historical token API",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="TokenApi",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "nama",
                    models.CharField(
                        help_text="Misalnya: aplikasi lapangan ponsel Siti.",
                        max_length=80,
                        verbose_name="nama token",
                    ),
                ),
                ("awalan", models.CharField(editable=False, max_length=12)),
                ("sidik_kunci", models.CharField(editable=False, max_length=64, unique=True)),
                ("dibuat_pada", models.DateTimeField(auto_now_add=True)),
                ("terakhir_dipakai", models.DateTimeField(blank=True, editable=False, null=True)),
                ("dicabut_pada", models.DateTimeField(blank=True, editable=False, null=True)),
                (
                    "pengguna",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="token_api",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "token API",
                "verbose_name_plural": "token API",
                "ordering": ["-dibuat_pada", "-pk"],
            },
        ),
    ]
