from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("penilaian", "0008_ekspor_dimulai_pada"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalsertifikat",
            name="pdf_galat",
            field=models.TextField(blank=True, verbose_name="galat pembuatan PDF terakhir"),
        ),
        migrations.AddField(
            model_name="sertifikat",
            name="pdf_galat",
            field=models.TextField(blank=True, verbose_name="galat pembuatan PDF terakhir"),
        ),
        migrations.AlterField(
            model_name="historicalsertifikat",
            name="berkas",
            field=models.TextField(blank=True, max_length=100),
        ),
        migrations.AlterField(
            model_name="historicalsertifikat",
            name="sha256",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AlterField(
            model_name="sertifikat",
            name="berkas",
            field=models.FileField(blank=True, upload_to="sertifikat/%Y/"),
        ),
        migrations.AlterField(
            model_name="sertifikat",
            name="sha256",
            field=models.CharField(blank=True, max_length=64),
        ),
    ]
