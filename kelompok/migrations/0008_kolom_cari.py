import django.db.models.functions.text
from django.db import migrations, models

from perhutanan.migrasi import indeks_trigram


class Migration(migrations.Migration):
    dependencies = [
        ("kelompok", "0007_indeks_kups_kps"),
    ]

    operations = [
        migrations.AddField(
            model_name="kps",
            name="cari",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Concat(
                        "nama",
                        models.Value(" "),
                        "nomor_sk",
                        models.Value(" "),
                        "ketua",
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
            ),
        ),
        migrations.AddField(
            model_name="kth",
            name="cari",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Concat(
                        "nama",
                        models.Value(" "),
                        "nomor_register",
                        models.Value(" "),
                        "ketua",
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
            ),
        ),
        # Tiga indeks per kolom diganti satu indeks atas kolom pencarian.
        indeks_trigram(("kelompok_kps", "cari"), ("kelompok_kth", "cari"), huruf_besar=False),
        indeks_trigram(
            ("kelompok_kps", "nama"),
            ("kelompok_kps", "nomor_sk"),
            ("kelompok_kps", "ketua"),
            ("kelompok_kth", "nama"),
            ("kelompok_kth", "nomor_register"),
            ("kelompok_kth", "ketua"),
            hapus=True,
        ),
    ]
