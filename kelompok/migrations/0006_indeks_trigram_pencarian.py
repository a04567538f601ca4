from django.db import migrations

from perhutanan.migrasi import indeks_trigram


class Migration(migrations.Migration):
    dependencies = [("kelompok", "0005_berkas_unggahan_diperiksa_isinya")]

    operations = [
        indeks_trigram(
            ("kelompok_kps", "nama"),
            ("kelompok_kps", "nomor_sk"),
            ("kelompok_kps", "ketua"),
            ("kelompok_kth", "nama"),
            ("kelompok_kth", "nomor_register"),
            ("kelompok_kth", "ketua"),
            ("kelompok_anggota", "nama"),
        )
    ]
