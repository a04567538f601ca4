from django.db import migrations

from perhutanan.migrasi import indeks_trigram


class Migration(migrations.Migration):
    """Saringan KPS/KTH menurut nama pendamping mencari di nama pengguna."""

    dependencies = [("akun", "0004_riwayat_peran_dan_ganti_sandi")]

    operations = [indeks_trigram(("akun_pengguna", "nama"))]
