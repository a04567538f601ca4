import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kerjasama", "0008_surel_notifikasi"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalPertemuan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("tanggal", models.DateField(verbose_name="tanggal pertemuan")),
                ("pukul", models.TimeField(blank=True, null=True, verbose_name="pukul")),
                ("tempat", models.CharField(max_length=200, verbose_name="tempat")),
                ("agenda", models.TextField(verbose_name="acara / pokok bahasan")),
                ("hasil", models.TextField(verbose_name="hasil dan kesepakatan")),
                ("dibuat_pada", models.DateTimeField(blank=True, editable=False)),
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
                    "dicatat_oleh",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
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
                    "kerjasama",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kerjasama.kerjasama",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical pertemuan",
                "verbose_name_plural": "historical pertemuan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Pertemuan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tanggal", models.DateField(verbose_name="tanggal pertemuan")),
                ("pukul", models.TimeField(blank=True, null=True, verbose_name="pukul")),
                ("tempat", models.CharField(max_length=200, verbose_name="tempat")),
                ("agenda", models.TextField(verbose_name="acara / pokok bahasan")),
                ("hasil", models.TextField(verbose_name="hasil dan kesepakatan")),
                ("dibuat_pada", models.DateTimeField(auto_now_add=True)),
                (
                    "dicatat_oleh",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "kerjasama",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="pertemuan",
                        to="kerjasama.kerjasama",
                    ),
                ),
            ],
            options={
                "verbose_name": "pertemuan",
                "verbose_name_plural": "pertemuan",
                "ordering": ["-tanggal", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalHadirPertemuan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("nama", models.CharField(max_length=150, verbose_name="nama")),
                ("lembaga", models.CharField(max_length=200, verbose_name="unsur / lembaga")),
                ("jabatan", models.CharField(blank=True, max_length=150, verbose_name="jabatan")),
                ("perempuan", models.BooleanField(default=False, verbose_name="perempuan")),
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
                    "pertemuan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kerjasama.pertemuan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical daftar hadir",
                "verbose_name_plural": "historical daftar hadir",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HadirPertemuan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nama", models.CharField(max_length=150, verbose_name="nama")),
                ("lembaga", models.CharField(max_length=200, verbose_name="unsur / lembaga")),
                ("jabatan", models.CharField(blank=True, max_length=150, verbose_name="jabatan")),
                ("perempuan", models.BooleanField(default=False, verbose_name="perempuan")),
                (
                    "pertemuan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="hadir",
                        to="kerjasama.pertemuan",
                    ),
                ),
            ],
            options={
                "verbose_name": "daftar hadir",
                "verbose_name_plural": "daftar hadir",
                "ordering": ["pk"],
            },
        ),
    ]
