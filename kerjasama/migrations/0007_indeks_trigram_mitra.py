from django.db import migrations

from perhutanan.migrasi import indeks_trigram


class Migration(migrations.Migration):
    dependencies = [("kerjasama", "0006_naskah_yang_diputuskan")]

    operations = [
        indeks_trigram(("kerjasama_mitra", "nama"), ("kerjasama_mitra", "nomor_registrasi"))
    ]
