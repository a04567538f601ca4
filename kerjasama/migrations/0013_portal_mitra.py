import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import perhutanan.berkas


class Migration(migrations.Migration):
    dependencies = [
        ("kelompok", "0011_batas_peta"),
        ("kerjasama", "0012_ruang_kmp"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalAkunMitra",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "asal",
                    models.CharField(
                        choices=[("undangan", "Undangan"), ("pendaftaran", "Pendaftaran mandiri")],
                        max_length=12,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("menunggu", "Menunggu persetujuan"),
                            ("diundang", "Diundang, belum membuat kata sandi"),
                            ("aktif", "Aktif"),
                            ("ditolak", "Ditolak"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "nama_lembaga",
                    models.CharField(blank=True, max_length=200, verbose_name="nama lembaga"),
                ),
                (
                    "kategori",
                    models.CharField(
                        blank=True,
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
                        ],
                        max_length=25,
                        verbose_name="kategori",
                    ),
                ),
                (
                    "nomor_registrasi",
                    models.CharField(
                        blank=True, max_length=60, verbose_name="nomor registrasi (NIB/akta/NPWP)"
                    ),
                ),
                ("alamat", models.TextField(blank=True, verbose_name="alamat")),
                (
                    "jabatan",
                    models.CharField(blank=True, max_length=150, verbose_name="jabatan di lembaga"),
                ),
                ("alamat_ip", models.GenericIPAddressField(blank=True, null=True)),
                ("dibuat_pada", models.DateTimeField(blank=True, editable=False)),
                ("diputuskan_pada", models.DateTimeField(blank=True, null=True)),
                ("alasan_tolak", models.TextField(blank=True, verbose_name="alasan penolakan")),
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
                        help_text="Pengundang; kosong untuk pendaftaran mandiri.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "diputuskan_oleh",
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
                    "mitra",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kerjasama.mitra",
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
                (
                    "provinsi",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kelompok.provinsi",
                        verbose_name="provinsi",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical akun mitra",
                "verbose_name_plural": "historical akun mitra",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPermohonanMitra",
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
                            ("kelembagaan", "Penguatan tata kelola kelembagaan"),
                            ("kawasan", "Penguatan tata kelola kawasan"),
                            (
                                "sdm",
                                "Peningkatan SDM KPS-KUPS untuk penelitian sumber daya kawasan",
                            ),
                            ("usaha", "Pengembangan usaha: kerja sama usaha"),
                            (
                                "multi_pihak",
                                "Pengembangan usaha: kerja sama para pihak (multi pihak)",
                            ),
                            ("lingkungan", "Kemitraan lingkungan"),
                        ],
                        default="usaha",
                        max_length=15,
                        verbose_name="jenis kerja sama",
                    ),
                ),
                ("judul", models.CharField(max_length=200, verbose_name="judul usulan kerja sama")),
                (
                    "maksud",
                    models.TextField(verbose_name="maksud, tujuan dan kegiatan yang diusulkan"),
                ),
                (
                    "dukungan",
                    models.TextField(
                        help_text="Modal, pemasaran, pelatihan, peralatan, dsb.",
                        verbose_name="dukungan yang ditawarkan mitra",
                    ),
                ),
                (
                    "jangka_waktu_tahun",
                    models.PositiveSmallIntegerField(verbose_name="jangka waktu usulan (tahun)"),
                ),
                (
                    "nomor_surat",
                    models.CharField(max_length=100, verbose_name="nomor surat permohonan"),
                ),
                ("tanggal_surat", models.DateField(verbose_name="tanggal surat permohonan")),
                (
                    "surat",
                    models.TextField(
                        max_length=100,
                        validators=[perhutanan.berkas.validasi_berkas_pendukung],
                        verbose_name="surat permohonan",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("diajukan", "Diajukan, menunggu tanggapan pendamping"),
                            ("diterima", "Diterima"),
                            ("ditolak", "Ditolak"),
                            ("ditarik", "Ditarik mitra"),
                        ],
                        db_index=True,
                        default="diajukan",
                        max_length=10,
                    ),
                ),
                ("diajukan_pada", models.DateTimeField(default=django.utils.timezone.now)),
                ("diputuskan_pada", models.DateTimeField(blank=True, null=True)),
                (
                    "catatan_keputusan",
                    models.TextField(blank=True, verbose_name="catatan tanggapan"),
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
                    "diajukan_oleh",
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
                    "diputuskan_oleh",
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
                (
                    "kps",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kelompok.kps",
                        verbose_name="KPS",
                    ),
                ),
                (
                    "kups",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kelompok.kups",
                        verbose_name="KUPS",
                    ),
                ),
                (
                    "mitra",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kerjasama.mitra",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical permohonan mitra",
                "verbose_name_plural": "historical permohonan mitra",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PermohonanMitra",
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
                            ("kelembagaan", "Penguatan tata kelola kelembagaan"),
                            ("kawasan", "Penguatan tata kelola kawasan"),
                            (
                                "sdm",
                                "Peningkatan SDM KPS-KUPS untuk penelitian sumber daya kawasan",
                            ),
                            ("usaha", "Pengembangan usaha: kerja sama usaha"),
                            (
                                "multi_pihak",
                                "Pengembangan usaha: kerja sama para pihak (multi pihak)",
                            ),
                            ("lingkungan", "Kemitraan lingkungan"),
                        ],
                        default="usaha",
                        max_length=15,
                        verbose_name="jenis kerja sama",
                    ),
                ),
                ("judul", models.CharField(max_length=200, verbose_name="judul usulan kerja sama")),
                (
                    "maksud",
                    models.TextField(verbose_name="maksud, tujuan dan kegiatan yang diusulkan"),
                ),
                (
                    "dukungan",
                    models.TextField(
                        help_text="Modal, pemasaran, pelatihan, peralatan, dsb.",
                        verbose_name="dukungan yang ditawarkan mitra",
                    ),
                ),
                (
                    "jangka_waktu_tahun",
                    models.PositiveSmallIntegerField(verbose_name="jangka waktu usulan (tahun)"),
                ),
                (
                    "nomor_surat",
                    models.CharField(max_length=100, verbose_name="nomor surat permohonan"),
                ),
                ("tanggal_surat", models.DateField(verbose_name="tanggal surat permohonan")),
                (
                    "surat",
                    perhutanan.berkas.BerkasUnggahanField(
                        upload_to="kerjasama/portal/%Y/",
                        validators=[perhutanan.berkas.validasi_berkas_pendukung],
                        verbose_name="surat permohonan",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("diajukan", "Diajukan, menunggu tanggapan pendamping"),
                            ("diterima", "Diterima"),
                            ("ditolak", "Ditolak"),
                            ("ditarik", "Ditarik mitra"),
                        ],
                        db_index=True,
                        default="diajukan",
                        max_length=10,
                    ),
                ),
                ("diajukan_pada", models.DateTimeField(default=django.utils.timezone.now)),
                ("diputuskan_pada", models.DateTimeField(blank=True, null=True)),
                (
                    "catatan_keputusan",
                    models.TextField(blank=True, verbose_name="catatan tanggapan"),
                ),
                (
                    "diajukan_oleh",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "diputuskan_oleh",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "kerjasama",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="permohonan_portal",
                        to="kerjasama.kerjasama",
                    ),
                ),
                (
                    "kps",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="permohonan_mitra",
                        to="kelompok.kps",
                        verbose_name="KPS",
                    ),
                ),
                (
                    "kups",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="permohonan_mitra",
                        to="kelompok.kups",
                        verbose_name="KUPS",
                    ),
                ),
                (
                    "mitra",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="permohonan_portal",
                        to="kerjasama.mitra",
                    ),
                ),
            ],
            options={
                "verbose_name": "permohonan mitra",
                "verbose_name_plural": "permohonan mitra",
                "ordering": ["-diajukan_pada", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="BuktiPermohonan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kode", models.CharField(max_length=20)),
                ("keterangan", models.TextField(blank=True, verbose_name="keterangan")),
                (
                    "berkas",
                    perhutanan.berkas.BerkasUnggahanField(
                        blank=True,
                        upload_to="kerjasama/portal/bukti/%Y/",
                        validators=[perhutanan.berkas.validasi_berkas_pendukung],
                        verbose_name="berkas bukti",
                    ),
                ),
                (
                    "permohonan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bukti",
                        to="kerjasama.permohonanmitra",
                    ),
                ),
            ],
            options={
                "verbose_name": "bukti permohonan mitra",
                "verbose_name_plural": "bukti permohonan mitra",
            },
        ),
        migrations.CreateModel(
            name="AkunMitra",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "asal",
                    models.CharField(
                        choices=[("undangan", "Undangan"), ("pendaftaran", "Pendaftaran mandiri")],
                        max_length=12,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("menunggu", "Menunggu persetujuan"),
                            ("diundang", "Diundang, belum membuat kata sandi"),
                            ("aktif", "Aktif"),
                            ("ditolak", "Ditolak"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "nama_lembaga",
                    models.CharField(blank=True, max_length=200, verbose_name="nama lembaga"),
                ),
                (
                    "kategori",
                    models.CharField(
                        blank=True,
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
                        ],
                        max_length=25,
                        verbose_name="kategori",
                    ),
                ),
                (
                    "nomor_registrasi",
                    models.CharField(
                        blank=True, max_length=60, verbose_name="nomor registrasi (NIB/akta/NPWP)"
                    ),
                ),
                ("alamat", models.TextField(blank=True, verbose_name="alamat")),
                (
                    "jabatan",
                    models.CharField(blank=True, max_length=150, verbose_name="jabatan di lembaga"),
                ),
                ("alamat_ip", models.GenericIPAddressField(blank=True, null=True)),
                ("dibuat_pada", models.DateTimeField(auto_now_add=True)),
                ("diputuskan_pada", models.DateTimeField(blank=True, null=True)),
                ("alasan_tolak", models.TextField(blank=True, verbose_name="alasan penolakan")),
                (
                    "dibuat_oleh",
                    models.ForeignKey(
                        blank=True,
                        help_text="Pengundang; kosong untuk pendaftaran mandiri.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "diputuskan_oleh",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "mitra",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="akun",
                        to="kerjasama.mitra",
                    ),
                ),
                (
                    "pengguna",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="akun_mitra",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "provinsi",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="kelompok.provinsi",
                        verbose_name="provinsi",
                    ),
                ),
            ],
            options={
                "verbose_name": "akun mitra",
                "verbose_name_plural": "akun mitra",
                "ordering": ["-dibuat_pada", "-pk"],
                "indexes": [models.Index(fields=["status", "provinsi"], name="akun_mitra_antrean")],
            },
        ),
        migrations.AddIndex(
            model_name="permohonanmitra",
            index=models.Index(fields=["mitra", "-diajukan_pada"], name="permohonan_mitra_milik"),
        ),
        migrations.AddConstraint(
            model_name="buktipermohonan",
            constraint=models.UniqueConstraint(
                fields=("permohonan", "kode"), name="bukti_permohonan_unik"
            ),
        ),
    ]
