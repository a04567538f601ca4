from pathlib import Path

import django.db.models.deletion
import simple_history.models
import yaml
from django.conf import settings
from django.db import migrations, models

BERKAS = Path(__file__).resolve().parents[2] / "fixtures" / "tindak_lanjut.yaml"


def isi(apps, schema_editor, berkas=BERKAS):
    """Pemetaan dari juknis; yang sudah ada (mungkin diubah admin) tidak ditimpa."""
    Pemetaan = apps.get_model("kerjasama", "PemetaanTindakLanjut")
    data = yaml.safe_load(berkas.read_text(encoding="utf-8"))
    for baris in data["pemetaan"]:
        Pemetaan.objects.get_or_create(
            instrumen=data["instrumen"],
            kode=baris["kode"],
            defaults={
                "kebutuhan": " ".join(baris["kebutuhan"].split()),
                "jenis": baris["jenis"],
                "kategori_mitra": baris["kategori_mitra"],
                "bentuk_dukungan": baris["bentuk_dukungan"],
                "sumber": baris.get("sumber", ""),
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("kelompok", "0011_batas_peta"),
        ("kerjasama", "0009_pertemuan"),
        ("penilaian", "0012_kelas_ikut_sertifikat"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalPemetaanTindakLanjut",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("instrumen", models.CharField(max_length=10, verbose_name="kode instrumen")),
                ("kode", models.CharField(max_length=20, verbose_name="kode kriteria")),
                ("kebutuhan", models.TextField(verbose_name="kebutuhan KPS-KUPS")),
                (
                    "jenis",
                    models.JSONField(
                        default=list, verbose_name="jenis kerja sama (saran utama dulu)"
                    ),
                ),
                (
                    "kategori_mitra",
                    models.JSONField(
                        default=list, verbose_name="kategori mitra (paling cocok dulu)"
                    ),
                ),
                ("bentuk_dukungan", models.JSONField(default=list, verbose_name="bentuk dukungan")),
                (
                    "sumber",
                    models.CharField(blank=True, max_length=300, verbose_name="sumber di juknis"),
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
                "verbose_name": "historical pemetaan tindak lanjut",
                "verbose_name_plural": "historical pemetaan tindak lanjut",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRencanaTindakLanjut",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
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
                    "dibuat_oleh",
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
                    "evaluasi",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="penilaian.evaluasihkm",
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
                    "kps",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kelompok.kps",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical rencana tindak lanjut",
                "verbose_name_plural": "historical rencana tindak lanjut",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PemetaanTindakLanjut",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("instrumen", models.CharField(max_length=10, verbose_name="kode instrumen")),
                ("kode", models.CharField(max_length=20, verbose_name="kode kriteria")),
                ("kebutuhan", models.TextField(verbose_name="kebutuhan KPS-KUPS")),
                (
                    "jenis",
                    models.JSONField(
                        default=list, verbose_name="jenis kerja sama (saran utama dulu)"
                    ),
                ),
                (
                    "kategori_mitra",
                    models.JSONField(
                        default=list, verbose_name="kategori mitra (paling cocok dulu)"
                    ),
                ),
                ("bentuk_dukungan", models.JSONField(default=list, verbose_name="bentuk dukungan")),
                (
                    "sumber",
                    models.CharField(blank=True, max_length=300, verbose_name="sumber di juknis"),
                ),
            ],
            options={
                "verbose_name": "pemetaan tindak lanjut",
                "verbose_name_plural": "pemetaan tindak lanjut",
                "ordering": ["instrumen", "kode"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("instrumen", "kode"), name="pemetaan_tindak_lanjut_unik"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="RencanaTindakLanjut",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("dibuat_pada", models.DateTimeField(auto_now_add=True)),
                (
                    "dibuat_oleh",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "evaluasi",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rencana_tindak_lanjut",
                        to="penilaian.evaluasihkm",
                    ),
                ),
                (
                    "kps",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rencana_tindak_lanjut",
                        to="kelompok.kps",
                    ),
                ),
            ],
            options={
                "verbose_name": "rencana tindak lanjut",
                "verbose_name_plural": "rencana tindak lanjut",
                "ordering": ["-dibuat_pada"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAksiTindakLanjut",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("kode", models.CharField(max_length=20, verbose_name="kode kriteria")),
                ("nama", models.CharField(max_length=300, verbose_name="kriteria")),
                (
                    "nilai",
                    models.DecimalField(
                        decimal_places=1, max_digits=5, verbose_name="rata-rata (%)"
                    ),
                ),
                ("kategori", models.CharField(max_length=40)),
                ("kebutuhan", models.TextField(verbose_name="kebutuhan KPS-KUPS")),
                (
                    "jenis",
                    models.JSONField(default=list, verbose_name="jenis kerja sama yang disarankan"),
                ),
                ("kategori_mitra", models.JSONField(default=list)),
                ("bentuk_dukungan", models.JSONField(default=list)),
                ("sumber", models.CharField(blank=True, max_length=300)),
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
                (
                    "rencana",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kerjasama.rencanatindaklanjut",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical aksi tindak lanjut",
                "verbose_name_plural": "historical aksi tindak lanjut",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="AksiTindakLanjut",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kode", models.CharField(max_length=20, verbose_name="kode kriteria")),
                ("nama", models.CharField(max_length=300, verbose_name="kriteria")),
                (
                    "nilai",
                    models.DecimalField(
                        decimal_places=1, max_digits=5, verbose_name="rata-rata (%)"
                    ),
                ),
                ("kategori", models.CharField(max_length=40)),
                ("kebutuhan", models.TextField(verbose_name="kebutuhan KPS-KUPS")),
                (
                    "jenis",
                    models.JSONField(default=list, verbose_name="jenis kerja sama yang disarankan"),
                ),
                ("kategori_mitra", models.JSONField(default=list)),
                ("bentuk_dukungan", models.JSONField(default=list)),
                ("sumber", models.CharField(blank=True, max_length=300)),
                (
                    "kerjasama",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="aksi_tindak_lanjut",
                        to="kerjasama.kerjasama",
                    ),
                ),
                (
                    "rencana",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aksi",
                        to="kerjasama.rencanatindaklanjut",
                    ),
                ),
            ],
            options={
                "verbose_name": "aksi tindak lanjut",
                "verbose_name_plural": "aksi tindak lanjut",
                "ordering": ["rencana", "nilai", "kode"],
            },
        ),
        migrations.RunPython(isi, migrations.RunPython.noop),
    ]
