from importlib import import_module
from pathlib import Path

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import perhutanan.berkas

BERKAS_KTH = Path(__file__).resolve().parents[2] / "fixtures" / "tindak_lanjut_kth.yaml"


def isi(apps, schema_editor):
    """Pemetaan aspek penilaian kelas KTH (yang sudah ada tidak ditimpa)."""
    import_module("kerjasama.migrations.0010_tindak_lanjut").isi(
        apps, schema_editor, berkas=BERKAS_KTH
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kelompok", "0011_batas_peta"),
        ("kerjasama", "0010_tindak_lanjut"),
        ("penilaian", "0013_penjelasan"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EvaluasiKerjaSama",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tanggal", models.DateField(verbose_name="tanggal evaluasi")),
                (
                    "penilaian",
                    models.CharField(
                        choices=[
                            ("sangat_baik", "Sangat baik: tujuan tercapai atau terlampaui"),
                            ("baik", "Baik: sebagian besar tujuan tercapai"),
                            ("cukup", "Cukup: sebagian tujuan tercapai, perlu perbaikan"),
                            ("kurang", "Kurang: tujuan tidak tercapai"),
                        ],
                        max_length=12,
                        verbose_name="penilaian keseluruhan",
                    ),
                ),
                ("pelajaran", models.TextField(verbose_name="pelajaran yang dipetik")),
                (
                    "rekomendasi",
                    models.CharField(
                        choices=[
                            ("lanjutkan", "Dilanjutkan sesuai naskah"),
                            ("perbaiki", "Dilanjutkan dengan perbaikan rencana aksi"),
                            ("perpanjang", "Diperpanjang setelah jangka waktu berakhir"),
                            ("akhiri", "Diakhiri / tidak diperpanjang"),
                        ],
                        max_length=12,
                        verbose_name="rekomendasi",
                    ),
                ),
                ("potret", models.JSONField(default=dict, verbose_name="angka saat evaluasi")),
                ("dibuat_pada", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "evaluasi kerja sama",
                "verbose_name_plural": "evaluasi kerja sama",
                "ordering": ["-tanggal", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalEvaluasiKerjaSama",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("tanggal", models.DateField(verbose_name="tanggal evaluasi")),
                (
                    "penilaian",
                    models.CharField(
                        choices=[
                            ("sangat_baik", "Sangat baik: tujuan tercapai atau terlampaui"),
                            ("baik", "Baik: sebagian besar tujuan tercapai"),
                            ("cukup", "Cukup: sebagian tujuan tercapai, perlu perbaikan"),
                            ("kurang", "Kurang: tujuan tidak tercapai"),
                        ],
                        max_length=12,
                        verbose_name="penilaian keseluruhan",
                    ),
                ),
                ("pelajaran", models.TextField(verbose_name="pelajaran yang dipetik")),
                (
                    "rekomendasi",
                    models.CharField(
                        choices=[
                            ("lanjutkan", "Dilanjutkan sesuai naskah"),
                            ("perbaiki", "Dilanjutkan dengan perbaikan rencana aksi"),
                            ("perpanjang", "Diperpanjang setelah jangka waktu berakhir"),
                            ("akhiri", "Diakhiri / tidak diperpanjang"),
                        ],
                        max_length=12,
                        verbose_name="rekomendasi",
                    ),
                ),
                ("potret", models.JSONField(default=dict, verbose_name="angka saat evaluasi")),
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
            ],
            options={
                "verbose_name": "historical evaluasi kerja sama",
                "verbose_name_plural": "historical evaluasi kerja sama",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalIndikatorKerjaSama",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("nama", models.CharField(max_length=200, verbose_name="indikator")),
                ("satuan", models.CharField(max_length=40, verbose_name="satuan")),
                (
                    "awal",
                    models.DecimalField(decimal_places=2, max_digits=16, verbose_name="nilai awal"),
                ),
                (
                    "target",
                    models.DecimalField(decimal_places=2, max_digits=16, verbose_name="target"),
                ),
                (
                    "capaian",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=16,
                        null=True,
                        verbose_name="capaian terakhir",
                    ),
                ),
                (
                    "sumber",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="sumber data / cara mengukur"
                    ),
                ),
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
            ],
            options={
                "verbose_name": "historical indikator kerja sama",
                "verbose_name_plural": "historical indikator kerja sama",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPerpanjangan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("sampai_lama", models.DateField(verbose_name="berlaku sampai (lama)")),
                ("sampai_baru", models.DateField(verbose_name="diperpanjang sampai")),
                ("alasan", models.TextField(verbose_name="alasan perpanjangan")),
                (
                    "surat",
                    models.TextField(
                        blank=True,
                        max_length=100,
                        validators=[perhutanan.berkas.validasi_berkas_pendukung],
                        verbose_name="surat kesepakatan perpanjangan para pihak",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("diajukan", "Menunggu persetujuan BPSKL"),
                            ("berlaku", "Berlaku"),
                            ("ditolak", "Ditolak BPSKL"),
                        ],
                        max_length=10,
                    ),
                ),
                ("diajukan_pada", models.DateTimeField(default=django.utils.timezone.now)),
                ("diputuskan_pada", models.DateTimeField(blank=True, null=True)),
                (
                    "catatan_keputusan",
                    models.TextField(blank=True, verbose_name="catatan keputusan"),
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
            ],
            options={
                "verbose_name": "historical perpanjangan kerja sama",
                "verbose_name_plural": "historical perpanjangan kerja sama",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="IndikatorKerjaSama",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nama", models.CharField(max_length=200, verbose_name="indikator")),
                ("satuan", models.CharField(max_length=40, verbose_name="satuan")),
                (
                    "awal",
                    models.DecimalField(decimal_places=2, max_digits=16, verbose_name="nilai awal"),
                ),
                (
                    "target",
                    models.DecimalField(decimal_places=2, max_digits=16, verbose_name="target"),
                ),
                (
                    "capaian",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=16,
                        null=True,
                        verbose_name="capaian terakhir",
                    ),
                ),
                (
                    "sumber",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="sumber data / cara mengukur"
                    ),
                ),
                ("diubah_pada", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "indikator kerja sama",
                "verbose_name_plural": "indikator kerja sama",
                "ordering": ["kerjasama", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Perpanjangan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sampai_lama", models.DateField(verbose_name="berlaku sampai (lama)")),
                ("sampai_baru", models.DateField(verbose_name="diperpanjang sampai")),
                ("alasan", models.TextField(verbose_name="alasan perpanjangan")),
                (
                    "surat",
                    perhutanan.berkas.BerkasUnggahanField(
                        blank=True,
                        upload_to="kerjasama/perpanjangan/%Y/",
                        validators=[perhutanan.berkas.validasi_berkas_pendukung],
                        verbose_name="surat kesepakatan perpanjangan para pihak",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("diajukan", "Menunggu persetujuan BPSKL"),
                            ("berlaku", "Berlaku"),
                            ("ditolak", "Ditolak BPSKL"),
                        ],
                        max_length=10,
                    ),
                ),
                ("diajukan_pada", models.DateTimeField(default=django.utils.timezone.now)),
                ("diputuskan_pada", models.DateTimeField(blank=True, null=True)),
                (
                    "catatan_keputusan",
                    models.TextField(blank=True, verbose_name="catatan keputusan"),
                ),
            ],
            options={
                "verbose_name": "perpanjangan kerja sama",
                "verbose_name_plural": "perpanjangan kerja sama",
                "ordering": ["-diajukan_pada", "-pk"],
            },
        ),
        migrations.AddField(
            model_name="historicalrencanatindaklanjut",
            name="garis",
            field=models.CharField(blank=True, max_length=60, verbose_name="garis sasaran"),
        ),
        migrations.AddField(
            model_name="historicalrencanatindaklanjut",
            name="kth",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="kelompok.kth",
            ),
        ),
        migrations.AddField(
            model_name="historicalrencanatindaklanjut",
            name="penilaian_kth",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="penilaian.penilaiankth",
            ),
        ),
        migrations.AddField(
            model_name="rencanatindaklanjut",
            name="garis",
            field=models.CharField(blank=True, max_length=60, verbose_name="garis sasaran"),
        ),
        migrations.AddField(
            model_name="rencanatindaklanjut",
            name="kth",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rencana_tindak_lanjut",
                to="kelompok.kth",
            ),
        ),
        migrations.AddField(
            model_name="rencanatindaklanjut",
            name="penilaian_kth",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rencana_tindak_lanjut",
                to="penilaian.penilaiankth",
            ),
        ),
        migrations.AlterField(
            model_name="aksitindaklanjut",
            name="nilai",
            field=models.DecimalField(decimal_places=1, max_digits=5, verbose_name="nilai (%)"),
        ),
        migrations.AlterField(
            model_name="historicalaksitindaklanjut",
            name="nilai",
            field=models.DecimalField(decimal_places=1, max_digits=5, verbose_name="nilai (%)"),
        ),
        migrations.AlterField(
            model_name="rencanatindaklanjut",
            name="evaluasi",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rencana_tindak_lanjut",
                to="penilaian.evaluasihkm",
            ),
        ),
        migrations.AlterField(
            model_name="rencanatindaklanjut",
            name="kps",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rencana_tindak_lanjut",
                to="kelompok.kps",
            ),
        ),
        migrations.AddConstraint(
            model_name="rencanatindaklanjut",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("evaluasi__isnull", False), ("penilaian_kth__isnull", True)),
                    models.Q(("evaluasi__isnull", True), ("penilaian_kth__isnull", False)),
                    _connector="OR",
                ),
                name="rencana_dari_satu_penilaian",
            ),
        ),
        migrations.AddField(
            model_name="evaluasikerjasama",
            name="dinilai_oleh",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="evaluasikerjasama",
            name="kerjasama",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="evaluasi",
                to="kerjasama.kerjasama",
            ),
        ),
        migrations.AddField(
            model_name="historicalevaluasikerjasama",
            name="dinilai_oleh",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalevaluasikerjasama",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalevaluasikerjasama",
            name="kerjasama",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="kerjasama.kerjasama",
            ),
        ),
        migrations.AddField(
            model_name="historicalindikatorkerjasama",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalindikatorkerjasama",
            name="kerjasama",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="kerjasama.kerjasama",
            ),
        ),
        migrations.AddField(
            model_name="historicalperpanjangan",
            name="diajukan_oleh",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalperpanjangan",
            name="diputuskan_oleh",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalperpanjangan",
            name="evaluasi",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="kerjasama.evaluasikerjasama",
                verbose_name="evaluasi yang mendasari",
            ),
        ),
        migrations.AddField(
            model_name="historicalperpanjangan",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalperpanjangan",
            name="kerjasama",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="kerjasama.kerjasama",
            ),
        ),
        migrations.AddField(
            model_name="indikatorkerjasama",
            name="kerjasama",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="indikator",
                to="kerjasama.kerjasama",
            ),
        ),
        migrations.AddField(
            model_name="perpanjangan",
            name="diajukan_oleh",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="perpanjangan",
            name="diputuskan_oleh",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="perpanjangan",
            name="evaluasi",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="kerjasama.evaluasikerjasama",
                verbose_name="evaluasi yang mendasari",
            ),
        ),
        migrations.AddField(
            model_name="perpanjangan",
            name="kerjasama",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="perpanjangan",
                to="kerjasama.kerjasama",
            ),
        ),
        migrations.AddConstraint(
            model_name="perpanjangan",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "diajukan")),
                fields=("kerjasama",),
                name="perpanjangan_satu_diajukan",
            ),
        ),
        migrations.RunPython(isi, migrations.RunPython.noop),
    ]
