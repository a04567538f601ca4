import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import dokumen.models
import perhutanan.berkas


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("kelompok", "0011_batas_peta"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalKantor",
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
                            ("dinas", "Dinas kehutanan provinsi"),
                            ("bpskl", "Balai Perhutanan Sosial dan Kemitraan Lingkungan (BPSKL)"),
                            ("kps", "Kelompok Perhutanan Sosial (KPS)"),
                        ],
                        max_length=8,
                        verbose_name="jenis kantor",
                    ),
                ),
                (
                    "induk",
                    models.CharField(
                        blank=True,
                        help_text="Misalnya: Pemerintah Provinsi Jawa Barat, atau Kementerian Kehutanan.",
                        max_length=200,
                        verbose_name="instansi induk (baris pertama kop)",
                    ),
                ),
                ("nama", models.CharField(max_length=200, verbose_name="nama kantor")),
                ("alamat", models.TextField(verbose_name="alamat")),
                (
                    "kota",
                    models.CharField(
                        help_text="Dipakai di 'bertempat di …'.",
                        max_length=100,
                        verbose_name="kota tempat penerbitan",
                    ),
                ),
                ("telepon", models.CharField(blank=True, max_length=40, verbose_name="telepon")),
                ("surel", models.EmailField(blank=True, max_length=254, verbose_name="surel")),
                ("laman", models.CharField(blank=True, max_length=200, verbose_name="laman")),
                (
                    "logo",
                    models.TextField(
                        blank=True,
                        max_length=100,
                        validators=[dokumen.models.validasi_logo],
                        verbose_name="logo (PNG atau JPEG, paling besar 1 MB)",
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
                    "bpskl",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kelompok.bpskl",
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
                        error_messages={"unique": "KPS ini sudah punya kop; ubah kop yang ada."},
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kelompok.kps",
                    ),
                ),
                (
                    "provinsi",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kelompok.provinsi",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical kantor penerbit",
                "verbose_name_plural": "historical kantor penerbit",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Kantor",
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
                            ("dinas", "Dinas kehutanan provinsi"),
                            ("bpskl", "Balai Perhutanan Sosial dan Kemitraan Lingkungan (BPSKL)"),
                            ("kps", "Kelompok Perhutanan Sosial (KPS)"),
                        ],
                        max_length=8,
                        verbose_name="jenis kantor",
                    ),
                ),
                (
                    "induk",
                    models.CharField(
                        blank=True,
                        help_text="Misalnya: Pemerintah Provinsi Jawa Barat, atau Kementerian Kehutanan.",
                        max_length=200,
                        verbose_name="instansi induk (baris pertama kop)",
                    ),
                ),
                ("nama", models.CharField(max_length=200, verbose_name="nama kantor")),
                ("alamat", models.TextField(verbose_name="alamat")),
                (
                    "kota",
                    models.CharField(
                        help_text="Dipakai di 'bertempat di …'.",
                        max_length=100,
                        verbose_name="kota tempat penerbitan",
                    ),
                ),
                ("telepon", models.CharField(blank=True, max_length=40, verbose_name="telepon")),
                ("surel", models.EmailField(blank=True, max_length=254, verbose_name="surel")),
                ("laman", models.CharField(blank=True, max_length=200, verbose_name="laman")),
                (
                    "logo",
                    perhutanan.berkas.BerkasUnggahanField(
                        blank=True,
                        upload_to="kantor/logo/",
                        validators=[dokumen.models.validasi_logo],
                        verbose_name="logo (PNG atau JPEG, paling besar 1 MB)",
                    ),
                ),
                (
                    "bpskl",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="kelompok.bpskl",
                    ),
                ),
                (
                    "kps",
                    models.OneToOneField(
                        blank=True,
                        error_messages={"unique": "KPS ini sudah punya kop; ubah kop yang ada."},
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="kantor",
                        to="kelompok.kps",
                    ),
                ),
                (
                    "provinsi",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="kelompok.provinsi",
                    ),
                ),
            ],
            options={
                "verbose_name": "kantor penerbit",
                "verbose_name_plural": "kantor penerbit",
                "ordering": ["jenis", "nama"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPolaNomor",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "jenis_dokumen",
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
                (
                    "pola",
                    models.CharField(
                        help_text="{urut} nomor urut tahunan (misalnya {urut:03d}), {tahun}, {bulan}, {bulan_romawi}, {jenis} (singkatan jenis dokumen). Contoh: {urut:03d}/BPSKL-JBN/PKS/{bulan_romawi}/{tahun}.",
                        max_length=120,
                        validators=[dokumen.models.validasi_pola_nomor],
                        verbose_name="pola nomor",
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
                (
                    "kantor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dokumen.kantor",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical pola nomor",
                "verbose_name_plural": "historical pola nomor",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPenandatangan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "nama",
                    models.CharField(max_length=150, verbose_name="nama lengkap dengan gelar"),
                ),
                (
                    "nip",
                    models.CharField(
                        blank=True,
                        help_text="Kosongkan bila bukan aparatur sipil negara (misalnya ketua KPS).",
                        max_length=18,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^\\d{18}$", "NIP terdiri dari 18 angka."
                            )
                        ],
                        verbose_name="NIP",
                    ),
                ),
                ("jabatan", models.CharField(max_length=200, verbose_name="jabatan")),
                ("utama", models.BooleanField(default=False, verbose_name="penandatangan utama")),
                ("aktif", models.BooleanField(default=True, verbose_name="aktif")),
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
                    "kantor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dokumen.kantor",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical penandatangan",
                "verbose_name_plural": "historical penandatangan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Penandatangan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "nama",
                    models.CharField(max_length=150, verbose_name="nama lengkap dengan gelar"),
                ),
                (
                    "nip",
                    models.CharField(
                        blank=True,
                        help_text="Kosongkan bila bukan aparatur sipil negara (misalnya ketua KPS).",
                        max_length=18,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^\\d{18}$", "NIP terdiri dari 18 angka."
                            )
                        ],
                        verbose_name="NIP",
                    ),
                ),
                ("jabatan", models.CharField(max_length=200, verbose_name="jabatan")),
                ("utama", models.BooleanField(default=False, verbose_name="penandatangan utama")),
                ("aktif", models.BooleanField(default=True, verbose_name="aktif")),
                (
                    "kantor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="penandatangan",
                        to="dokumen.kantor",
                    ),
                ),
            ],
            options={
                "verbose_name": "penandatangan",
                "verbose_name_plural": "penandatangan",
                "ordering": ["-utama", "nama"],
            },
        ),
        migrations.CreateModel(
            name="PolaNomor",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "jenis_dokumen",
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
                (
                    "pola",
                    models.CharField(
                        help_text="{urut} nomor urut tahunan (misalnya {urut:03d}), {tahun}, {bulan}, {bulan_romawi}, {jenis} (singkatan jenis dokumen). Contoh: {urut:03d}/BPSKL-JBN/PKS/{bulan_romawi}/{tahun}.",
                        max_length=120,
                        validators=[dokumen.models.validasi_pola_nomor],
                        verbose_name="pola nomor",
                    ),
                ),
                (
                    "kantor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="pola_nomor",
                        to="dokumen.kantor",
                    ),
                ),
            ],
            options={
                "verbose_name": "pola nomor",
                "verbose_name_plural": "pola nomor",
            },
        ),
        migrations.CreateModel(
            name="UrutanNomor",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "jenis_dokumen",
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
                    ),
                ),
                ("tahun", models.PositiveSmallIntegerField()),
                ("terakhir", models.PositiveIntegerField(default=0)),
                (
                    "kantor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="dokumen.kantor",
                    ),
                ),
            ],
        ),
        migrations.AddConstraint(
            model_name="kantor",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("bpskl__isnull", True),
                        ("jenis", "dinas"),
                        ("kps__isnull", True),
                        ("provinsi__isnull", False),
                    ),
                    models.Q(
                        ("bpskl__isnull", False),
                        ("jenis", "bpskl"),
                        ("kps__isnull", True),
                        ("provinsi__isnull", True),
                    ),
                    models.Q(
                        ("bpskl__isnull", True),
                        ("jenis", "kps"),
                        ("kps__isnull", False),
                        ("provinsi__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="kantor_sasaran_sesuai_jenis",
                violation_error_message="Pilih provinsi untuk Dinas, BPSKL untuk Balai, atau KPS untuk KPS, sesuai jenis kantornya.",
            ),
        ),
        migrations.AddConstraint(
            model_name="kantor",
            constraint=models.UniqueConstraint(
                condition=models.Q(("jenis", "dinas")),
                fields=("provinsi",),
                name="kantor_dinas_unik",
                violation_error_message="Dinas provinsi ini sudah punya kop; ubah kop yang ada.",
            ),
        ),
        migrations.AddConstraint(
            model_name="kantor",
            constraint=models.UniqueConstraint(
                condition=models.Q(("jenis", "bpskl")),
                fields=("bpskl",),
                name="kantor_bpskl_unik",
                violation_error_message="BPSKL ini sudah punya kop; ubah kop yang ada.",
            ),
        ),
        migrations.AddConstraint(
            model_name="polanomor",
            constraint=models.UniqueConstraint(
                fields=("kantor", "jenis_dokumen"),
                name="pola_nomor_unik",
                violation_error_message="Jenis dokumen ini sudah punya pola nomor.",
            ),
        ),
        migrations.AddConstraint(
            model_name="urutannomor",
            constraint=models.UniqueConstraint(
                fields=("kantor", "jenis_dokumen", "tahun"), name="urutan_nomor_unik"
            ),
        ),
    ]
