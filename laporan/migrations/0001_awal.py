import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("kelompok", "0011_batas_peta"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalLaporanBerkala",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("tahun", models.PositiveSmallIntegerField()),
                ("bulan", models.PositiveSmallIntegerField()),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("antri", "Menunggu"),
                            ("berjalan", "Sedang dibuat"),
                            ("selesai", "Selesai"),
                            ("gagal", "Gagal"),
                        ],
                        default="antri",
                        max_length=10,
                    ),
                ),
                ("galat", models.TextField(blank=True)),
                ("berkas_xlsx", models.TextField(blank=True, max_length=100)),
                ("berkas_pdf", models.TextField(blank=True, max_length=100)),
                ("dibuat_pada", models.DateTimeField(blank=True, editable=False)),
                ("selesai_pada", models.DateTimeField(blank=True, null=True)),
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
                    "bpskl",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kelompok.bpskl",
                        verbose_name="BPSKL (kosong: nasional)",
                    ),
                ),
                (
                    "diminta_oleh",
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
                "verbose_name": "historical laporan berkala",
                "verbose_name_plural": "historical laporan berkala",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="LaporanBerkala",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tahun", models.PositiveSmallIntegerField()),
                ("bulan", models.PositiveSmallIntegerField()),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("antri", "Menunggu"),
                            ("berjalan", "Sedang dibuat"),
                            ("selesai", "Selesai"),
                            ("gagal", "Gagal"),
                        ],
                        default="antri",
                        max_length=10,
                    ),
                ),
                ("galat", models.TextField(blank=True)),
                ("data", models.JSONField(blank=True, default=dict)),
                ("berkas_xlsx", models.FileField(blank=True, upload_to="laporan/")),
                ("berkas_pdf", models.FileField(blank=True, upload_to="laporan/")),
                ("dibuat_pada", models.DateTimeField(auto_now_add=True)),
                ("selesai_pada", models.DateTimeField(blank=True, null=True)),
                (
                    "bpskl",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="kelompok.bpskl",
                        verbose_name="BPSKL (kosong: nasional)",
                    ),
                ),
                (
                    "diminta_oleh",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "laporan berkala",
                "verbose_name_plural": "laporan berkala",
                "ordering": ["-tahun", "-bulan", "bpskl__nama"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("bpskl__isnull", True)),
                        fields=("tahun", "bulan"),
                        name="laporan_nasional_unik",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("bpskl__isnull", False)),
                        fields=("bpskl", "tahun", "bulan"),
                        name="laporan_bpskl_unik",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("bulan__gte", 1), ("bulan__lte", 12)),
                        name="laporan_bulan_sah",
                    ),
                ],
            },
        ),
    ]
