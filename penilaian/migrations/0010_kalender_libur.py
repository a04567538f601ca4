import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("penilaian", "0009_sertifikat_pdf_setelah_commit"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PengaturanKalender",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "cuti_bersama_hari_kerja",
                    models.BooleanField(
                        default=False,
                        help_text="Bawaan: tidak (cuti bersama tidak dihitung, seperti libur nasional).",
                        verbose_name="cuti bersama dihitung sebagai hari kerja untuk tenggat penetapan",
                    ),
                ),
            ],
            options={
                "verbose_name": "pengaturan hari kerja",
                "verbose_name_plural": "pengaturan hari kerja",
            },
        ),
        migrations.AddField(
            model_name="harilibur",
            name="jenis",
            field=models.CharField(
                choices=[("libur", "Libur nasional"), ("cuti_bersama", "Cuti bersama")],
                default="libur",
                max_length=12,
                verbose_name="jenis",
            ),
        ),
        migrations.AddField(
            model_name="historicalharilibur",
            name="jenis",
            field=models.CharField(
                choices=[("libur", "Libur nasional"), ("cuti_bersama", "Cuti bersama")],
                default="libur",
                max_length=12,
                verbose_name="jenis",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalKalenderLibur",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("tahun", models.PositiveSmallIntegerField(db_index=True, verbose_name="tahun")),
                ("sumber", models.CharField(max_length=400, verbose_name="dasar (SKB)")),
                ("dimuat_pada", models.DateTimeField(blank=True, editable=False)),
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
                    "dimuat_oleh",
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
            ],
            options={
                "verbose_name": "historical kalender libur resmi",
                "verbose_name_plural": "historical kalender libur resmi",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPengaturanKalender",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "cuti_bersama_hari_kerja",
                    models.BooleanField(
                        default=False,
                        help_text="Bawaan: tidak (cuti bersama tidak dihitung, seperti libur nasional).",
                        verbose_name="cuti bersama dihitung sebagai hari kerja untuk tenggat penetapan",
                    ),
                ),
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
            ],
            options={
                "verbose_name": "historical pengaturan hari kerja",
                "verbose_name_plural": "historical pengaturan hari kerja",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="KalenderLibur",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tahun", models.PositiveSmallIntegerField(unique=True, verbose_name="tahun")),
                ("sumber", models.CharField(max_length=400, verbose_name="dasar (SKB)")),
                ("dimuat_pada", models.DateTimeField(auto_now=True)),
                (
                    "dimuat_oleh",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "kalender libur resmi",
                "verbose_name_plural": "kalender libur resmi",
                "ordering": ["-tahun"],
            },
        ),
    ]
