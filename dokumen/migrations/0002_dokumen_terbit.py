import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dokumen", "0001_awal"),
        ("kerjasama", "0009_pertemuan"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalDokumen",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "jenis",
                    models.CharField(
                        choices=[
                            ("sertifikat_kth", "Sertifikat penetapan kelas KTH"),
                            ("naskah_kerjasama", "Naskah kerja sama"),
                            (
                                "surat_permohonan",
                                "Surat permohonan persetujuan kerja sama (Langkah II)",
                            ),
                            ("surat_keputusan", "Surat keputusan BPSKL atas kerja sama"),
                            (
                                "surat_pengantar",
                                "Surat pengantar naskah ke OPD provinsi (Langkah IV)",
                            ),
                            ("berita_acara", "Berita acara pertemuan"),
                            ("surat_pengakhiran", "Surat bersama pengakhiran kerja sama"),
                            ("laporan_pelaksanaan", "Laporan pelaksanaan kerja sama"),
                        ],
                        max_length=24,
                        verbose_name="jenis dokumen",
                    ),
                ),
                ("tahun", models.PositiveSmallIntegerField()),
                ("urut", models.PositiveIntegerField()),
                ("nomor", models.CharField(max_length=120, verbose_name="nomor")),
                (
                    "kode",
                    models.CharField(db_index=True, max_length=40, verbose_name="kode verifikasi"),
                ),
                ("tanggal", models.DateField(verbose_name="tanggal dokumen")),
                ("perihal", models.CharField(max_length=300, verbose_name="perihal")),
                (
                    "pihak",
                    models.CharField(
                        blank=True, max_length=500, verbose_name="para pihak atau pokok"
                    ),
                ),
                ("kunci", models.CharField(blank=True, max_length=80)),
                ("data", models.JSONField(verbose_name="isi dokumen")),
                ("berkas", models.TextField(blank=True, max_length=100)),
                ("sha256", models.CharField(blank=True, max_length=64)),
                (
                    "pdf_galat",
                    models.TextField(blank=True, verbose_name="galat pembuatan PDF terakhir"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("berlaku", "Terdaftar dan berlaku"), ("dicabut", "Dicabut")],
                        default="berlaku",
                        max_length=10,
                    ),
                ),
                ("alasan_cabut", models.TextField(blank=True, verbose_name="alasan pencabutan")),
                ("dicabut_pada", models.DateTimeField(blank=True, null=True)),
                ("diterbitkan_pada", models.DateTimeField(blank=True, editable=False)),
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
                    "dicabut_oleh",
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
                    "diterbitkan_oleh",
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
                    "kantor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dokumen.kantor",
                        verbose_name="kantor penerbit",
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
                "verbose_name": "historical dokumen terbit",
                "verbose_name_plural": "historical dokumen terbit",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Dokumen",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "jenis",
                    models.CharField(
                        choices=[
                            ("sertifikat_kth", "Sertifikat penetapan kelas KTH"),
                            ("naskah_kerjasama", "Naskah kerja sama"),
                            (
                                "surat_permohonan",
                                "Surat permohonan persetujuan kerja sama (Langkah II)",
                            ),
                            ("surat_keputusan", "Surat keputusan BPSKL atas kerja sama"),
                            (
                                "surat_pengantar",
                                "Surat pengantar naskah ke OPD provinsi (Langkah IV)",
                            ),
                            ("berita_acara", "Berita acara pertemuan"),
                            ("surat_pengakhiran", "Surat bersama pengakhiran kerja sama"),
                            ("laporan_pelaksanaan", "Laporan pelaksanaan kerja sama"),
                        ],
                        max_length=24,
                        verbose_name="jenis dokumen",
                    ),
                ),
                ("tahun", models.PositiveSmallIntegerField()),
                ("urut", models.PositiveIntegerField()),
                ("nomor", models.CharField(max_length=120, verbose_name="nomor")),
                (
                    "kode",
                    models.CharField(max_length=40, unique=True, verbose_name="kode verifikasi"),
                ),
                ("tanggal", models.DateField(verbose_name="tanggal dokumen")),
                ("perihal", models.CharField(max_length=300, verbose_name="perihal")),
                (
                    "pihak",
                    models.CharField(
                        blank=True, max_length=500, verbose_name="para pihak atau pokok"
                    ),
                ),
                ("kunci", models.CharField(blank=True, max_length=80)),
                ("data", models.JSONField(verbose_name="isi dokumen")),
                ("berkas", models.FileField(blank=True, upload_to="dokumen/%Y/")),
                ("sha256", models.CharField(blank=True, max_length=64)),
                (
                    "pdf_galat",
                    models.TextField(blank=True, verbose_name="galat pembuatan PDF terakhir"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("berlaku", "Terdaftar dan berlaku"), ("dicabut", "Dicabut")],
                        default="berlaku",
                        max_length=10,
                    ),
                ),
                ("alasan_cabut", models.TextField(blank=True, verbose_name="alasan pencabutan")),
                ("dicabut_pada", models.DateTimeField(blank=True, null=True)),
                ("diterbitkan_pada", models.DateTimeField(auto_now_add=True)),
                (
                    "dicabut_oleh",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "diterbitkan_oleh",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "kantor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="dokumen",
                        to="dokumen.kantor",
                        verbose_name="kantor penerbit",
                    ),
                ),
                (
                    "kerjasama",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="dokumen",
                        to="kerjasama.kerjasama",
                    ),
                ),
            ],
            options={
                "verbose_name": "dokumen terbit",
                "verbose_name_plural": "dokumen terbit",
                "ordering": ["-diterbitkan_pada", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kantor", "jenis", "tahun", "urut"), name="dokumen_urut_unik"
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("kerjasama__isnull", False), ("status", "berlaku")),
                        fields=("kerjasama", "jenis", "kunci"),
                        name="dokumen_berlaku_unik",
                        violation_error_message="Dokumen ini sudah diterbitkan dan masih berlaku.",
                    ),
                ],
            },
        ),
    ]
