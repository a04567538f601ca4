from decimal import Decimal

import django.core.validators
from django.conf import settings
from django.db import migrations, models


def hitung_batas_lama(apps, schema_editor):
    """Batas yang sudah tersimpan dibakukan dan diberi luas geodesik serta kotak batas."""
    from kelompok import peta

    Kps = apps.get_model("kelompok", "Kps")
    for kps in Kps.objects.filter(wilayah_kerja__isnull=False).iterator():
        batas = peta.baca_geojson(kps.wilayah_kerja)
        barat, selatan, timur, utara = batas.kotak
        Kps.objects.filter(pk=kps.pk).update(
            wilayah_kerja=batas.geojson,
            luas_batas_ha=batas.luas_ha,
            batas_barat=barat,
            batas_selatan=selatan,
            batas_timur=timur,
            batas_utara=utara,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("kelompok", "0010_kelas_kth_dicabut"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalkps",
            name="bujur",
            field=models.DecimalField(
                blank=True,
                decimal_places=6,
                help_text="Opsional, derajat desimal (contoh 108,456789).",
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        Decimal("95"), "Bujur di Indonesia antara 95 dan 141."
                    ),
                    django.core.validators.MaxValueValidator(
                        Decimal("141"), "Bujur di Indonesia antara 95 dan 141."
                    ),
                ],
                verbose_name="bujur titik lokasi",
            ),
        ),
        migrations.AddField(
            model_name="historicalkps",
            name="lintang",
            field=models.DecimalField(
                blank=True,
                decimal_places=6,
                help_text="Opsional, derajat desimal (contoh -6,912345); untuk peta bila belum ada batas.",
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        Decimal("-11"), "Lintang di Indonesia antara -11 dan 6."
                    ),
                    django.core.validators.MaxValueValidator(
                        Decimal("6"), "Lintang di Indonesia antara -11 dan 6."
                    ),
                ],
                verbose_name="lintang titik lokasi",
            ),
        ),
        migrations.AddField(
            model_name="historicalkps",
            name="luas_batas_ha",
            field=models.DecimalField(
                decimal_places=4,
                editable=False,
                max_digits=12,
                null=True,
                verbose_name="luas menurut batas (ha)",
            ),
        ),
        migrations.AddField(
            model_name="kps",
            name="batas_barat",
            field=models.DecimalField(decimal_places=6, editable=False, max_digits=9, null=True),
        ),
        migrations.AddField(
            model_name="kps",
            name="batas_selatan",
            field=models.DecimalField(decimal_places=6, editable=False, max_digits=9, null=True),
        ),
        migrations.AddField(
            model_name="kps",
            name="batas_timur",
            field=models.DecimalField(decimal_places=6, editable=False, max_digits=9, null=True),
        ),
        migrations.AddField(
            model_name="kps",
            name="batas_utara",
            field=models.DecimalField(decimal_places=6, editable=False, max_digits=9, null=True),
        ),
        migrations.AddField(
            model_name="kps",
            name="bujur",
            field=models.DecimalField(
                blank=True,
                decimal_places=6,
                help_text="Opsional, derajat desimal (contoh 108,456789).",
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        Decimal("95"), "Bujur di Indonesia antara 95 dan 141."
                    ),
                    django.core.validators.MaxValueValidator(
                        Decimal("141"), "Bujur di Indonesia antara 95 dan 141."
                    ),
                ],
                verbose_name="bujur titik lokasi",
            ),
        ),
        migrations.AddField(
            model_name="kps",
            name="lintang",
            field=models.DecimalField(
                blank=True,
                decimal_places=6,
                help_text="Opsional, derajat desimal (contoh -6,912345); untuk peta bila belum ada batas.",
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        Decimal("-11"), "Lintang di Indonesia antara -11 dan 6."
                    ),
                    django.core.validators.MaxValueValidator(
                        Decimal("6"), "Lintang di Indonesia antara -11 dan 6."
                    ),
                ],
                verbose_name="lintang titik lokasi",
            ),
        ),
        migrations.AddField(
            model_name="kps",
            name="luas_batas_ha",
            field=models.DecimalField(
                decimal_places=4,
                editable=False,
                max_digits=12,
                null=True,
                verbose_name="luas menurut batas (ha)",
            ),
        ),
        migrations.AddIndex(
            model_name="kps",
            index=models.Index(
                condition=models.Q(("batas_barat__isnull", False)),
                fields=["batas_barat", "batas_timur"],
                name="kps_kotak_batas",
            ),
        ),
        migrations.RunPython(hitung_batas_lama, migrations.RunPython.noop),
    ]
