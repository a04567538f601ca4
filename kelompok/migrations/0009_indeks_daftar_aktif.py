from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kelompok", "0008_kolom_cari"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="kps",
            index=models.Index(
                condition=models.Q(("diarsipkan_pada__isnull", True)),
                fields=["nama", "id"],
                name="kps_aktif_nama",
            ),
        ),
        migrations.AddIndex(
            model_name="kth",
            index=models.Index(
                condition=models.Q(("diarsipkan_pada__isnull", True)),
                fields=["nama", "id"],
                name="kth_aktif_nama",
            ),
        ),
    ]
