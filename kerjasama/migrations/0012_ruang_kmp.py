import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kerjasama", "0011_evaluasi_perpanjangan"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalKomitmen",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("pihak", models.CharField(max_length=200, verbose_name="pihak")),
                ("uraian", models.TextField(verbose_name="komitmen")),
                ("tenggat", models.DateField(blank=True, null=True, verbose_name="tenggat")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("belum", "Belum dipenuhi"),
                            ("sebagian", "Dipenuhi sebagian"),
                            ("terpenuhi", "Terpenuhi"),
                            ("tidak", "Tidak dipenuhi"),
                        ],
                        default="belum",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("bukti", models.TextField(blank=True, verbose_name="bukti / catatan pemenuhan")),
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
                "verbose_name": "historical komitmen para pihak",
                "verbose_name_plural": "historical komitmen para pihak",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalLangkahKmp",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("nomor", models.PositiveSmallIntegerField(verbose_name="nomor langkah")),
                (
                    "penanggung_jawab",
                    models.CharField(blank=True, max_length=150, verbose_name="penanggung jawab"),
                ),
                ("tenggat", models.DateField(blank=True, null=True, verbose_name="tenggat")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("belum", "Belum dimulai"),
                            ("berjalan", "Berjalan"),
                            ("selesai", "Selesai"),
                        ],
                        default="belum",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("hasil", models.TextField(blank=True, verbose_name="hasil / keluaran")),
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
                "verbose_name": "historical langkah KMP",
                "verbose_name_plural": "historical langkah KMP",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPemangkuKepentingan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("nama", models.CharField(max_length=200, verbose_name="aktor / lembaga")),
                (
                    "unsur",
                    models.CharField(
                        choices=[
                            ("pemerintah_pusat", "Instansi pemerintah pusat"),
                            ("pemerintah_daerah", "Instansi pemerintah daerah (OPD)"),
                            ("akademisi", "Akademisi/perguruan tinggi"),
                            ("riset", "Lembaga riset"),
                            ("bumn", "BUMN"),
                            ("bumd", "BUMD"),
                            ("bums", "BUMS (swasta)"),
                            ("bumdes", "BUMDes"),
                            ("koperasi", "Koperasi"),
                            ("lsm", "LSM/NGO"),
                            ("donor", "Lembaga donor"),
                            ("keuangan", "Lembaga keuangan/perbankan"),
                            ("pma", "Penanaman modal asing"),
                            (
                                "pengelola_hutan",
                                "Pengelola kawasan hutan / pemegang perizinan berusaha",
                            ),
                            ("kelompok_masyarakat", "Kelompok masyarakat lainnya"),
                            ("perorangan", "Perorangan"),
                            ("legislatif", "Lembaga legislatif"),
                            ("tokoh", "Tokoh masyarakat"),
                            ("masyarakat", "Masyarakat"),
                        ],
                        max_length=25,
                        verbose_name="unsur",
                    ),
                ),
                ("kepentingan", models.TextField(verbose_name="kepentingan terhadap kemitraan")),
                (
                    "pengaruh",
                    models.PositiveSmallIntegerField(
                        choices=[(1, "Rendah"), (2, "Sedang"), (3, "Tinggi")],
                        verbose_name="pengaruh",
                    ),
                ),
                (
                    "tingkat_kepentingan",
                    models.PositiveSmallIntegerField(
                        choices=[(1, "Rendah"), (2, "Sedang"), (3, "Tinggi")],
                        verbose_name="tingkat kepentingan",
                    ),
                ),
                ("peran", models.TextField(blank=True, verbose_name="peran dalam kemitraan")),
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
            ],
            options={
                "verbose_name": "historical pemangku kepentingan",
                "verbose_name_plural": "historical pemangku kepentingan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Komitmen",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("pihak", models.CharField(max_length=200, verbose_name="pihak")),
                ("uraian", models.TextField(verbose_name="komitmen")),
                ("tenggat", models.DateField(blank=True, null=True, verbose_name="tenggat")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("belum", "Belum dipenuhi"),
                            ("sebagian", "Dipenuhi sebagian"),
                            ("terpenuhi", "Terpenuhi"),
                            ("tidak", "Tidak dipenuhi"),
                        ],
                        default="belum",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("bukti", models.TextField(blank=True, verbose_name="bukti / catatan pemenuhan")),
                ("diubah_pada", models.DateTimeField(auto_now=True)),
                (
                    "kerjasama",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="komitmen",
                        to="kerjasama.kerjasama",
                    ),
                ),
            ],
            options={
                "verbose_name": "komitmen para pihak",
                "verbose_name_plural": "komitmen para pihak",
                "ordering": ["kerjasama", "pihak", "pk"],
            },
        ),
        migrations.CreateModel(
            name="PemangkuKepentingan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nama", models.CharField(max_length=200, verbose_name="aktor / lembaga")),
                (
                    "unsur",
                    models.CharField(
                        choices=[
                            ("pemerintah_pusat", "Instansi pemerintah pusat"),
                            ("pemerintah_daerah", "Instansi pemerintah daerah (OPD)"),
                            ("akademisi", "Akademisi/perguruan tinggi"),
                            ("riset", "Lembaga riset"),
                            ("bumn", "BUMN"),
                            ("bumd", "BUMD"),
                            ("bums", "BUMS (swasta)"),
                            ("bumdes", "BUMDes"),
                            ("koperasi", "Koperasi"),
                            ("lsm", "LSM/NGO"),
                            ("donor", "Lembaga donor"),
                            ("keuangan", "Lembaga keuangan/perbankan"),
                            ("pma", "Penanaman modal asing"),
                            (
                                "pengelola_hutan",
                                "Pengelola kawasan hutan / pemegang perizinan berusaha",
                            ),
                            ("kelompok_masyarakat", "Kelompok masyarakat lainnya"),
                            ("perorangan", "Perorangan"),
                            ("legislatif", "Lembaga legislatif"),
                            ("tokoh", "Tokoh masyarakat"),
                            ("masyarakat", "Masyarakat"),
                        ],
                        max_length=25,
                        verbose_name="unsur",
                    ),
                ),
                ("kepentingan", models.TextField(verbose_name="kepentingan terhadap kemitraan")),
                (
                    "pengaruh",
                    models.PositiveSmallIntegerField(
                        choices=[(1, "Rendah"), (2, "Sedang"), (3, "Tinggi")],
                        verbose_name="pengaruh",
                    ),
                ),
                (
                    "tingkat_kepentingan",
                    models.PositiveSmallIntegerField(
                        choices=[(1, "Rendah"), (2, "Sedang"), (3, "Tinggi")],
                        verbose_name="tingkat kepentingan",
                    ),
                ),
                ("peran", models.TextField(blank=True, verbose_name="peran dalam kemitraan")),
                (
                    "kerjasama",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="pemangku",
                        to="kerjasama.kerjasama",
                    ),
                ),
            ],
            options={
                "verbose_name": "pemangku kepentingan",
                "verbose_name_plural": "pemangku kepentingan",
                "ordering": ["kerjasama", "-pengaruh", "-tingkat_kepentingan", "nama"],
            },
        ),
        migrations.CreateModel(
            name="LangkahKmp",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nomor", models.PositiveSmallIntegerField(verbose_name="nomor langkah")),
                (
                    "penanggung_jawab",
                    models.CharField(blank=True, max_length=150, verbose_name="penanggung jawab"),
                ),
                ("tenggat", models.DateField(blank=True, null=True, verbose_name="tenggat")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("belum", "Belum dimulai"),
                            ("berjalan", "Berjalan"),
                            ("selesai", "Selesai"),
                        ],
                        default="belum",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("hasil", models.TextField(blank=True, verbose_name="hasil / keluaran")),
                ("diubah_pada", models.DateTimeField(auto_now=True)),
                (
                    "kerjasama",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="langkah_kmp",
                        to="kerjasama.kerjasama",
                    ),
                ),
            ],
            options={
                "verbose_name": "langkah KMP",
                "verbose_name_plural": "langkah KMP",
                "ordering": ["kerjasama", "nomor"],
                "constraints": [
                    models.UniqueConstraint(fields=("kerjasama", "nomor"), name="langkah_kmp_unik"),
                    models.CheckConstraint(
                        condition=models.Q(("nomor__gte", 1), ("nomor__lte", 12)),
                        name="langkah_kmp_1_12",
                    ),
                ],
            },
        ),
    ]
