from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kelompok", "0009_indeks_daftar_aktif"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalriwayatkelaskth",
            name="alasan_cabut",
            field=models.CharField(blank=True, max_length=300, verbose_name="alasan dicabut"),
        ),
        migrations.AddField(
            model_name="historicalriwayatkelaskth",
            name="dicabut_pada",
            field=models.DateField(blank=True, null=True, verbose_name="dicabut pada"),
        ),
        migrations.AddField(
            model_name="riwayatkelaskth",
            name="alasan_cabut",
            field=models.CharField(blank=True, max_length=300, verbose_name="alasan dicabut"),
        ),
        migrations.AddField(
            model_name="riwayatkelaskth",
            name="dicabut_pada",
            field=models.DateField(blank=True, null=True, verbose_name="dicabut pada"),
        ),
    ]
