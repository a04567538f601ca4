from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("akun", "0006_notifikasi_belum_dibaca"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalpengguna",
            name="surel_notifikasi",
            field=models.CharField(
                choices=[
                    ("segera", "Segera: satu surel untuk setiap notifikasi"),
                    ("harian", "Ringkasan harian: satu surel pukul 06.30 berisi notifikasi sehari"),
                    ("tidak", "Tidak dikirim: notifikasi hanya di aplikasi"),
                ],
                default="segera",
                max_length=8,
                verbose_name="surel notifikasi",
            ),
        ),
        migrations.AddField(
            model_name="pengguna",
            name="surel_notifikasi",
            field=models.CharField(
                choices=[
                    ("segera", "Segera: satu surel untuk setiap notifikasi"),
                    ("harian", "Ringkasan harian: satu surel pukul 06.30 berisi notifikasi sehari"),
                    ("tidak", "Tidak dikirim: notifikasi hanya di aplikasi"),
                ],
                default="segera",
                max_length=8,
                verbose_name="surel notifikasi",
            ),
        ),
    ]
