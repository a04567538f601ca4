"""Lima wilayah kerja BPSKL dan 38 provinsi dengan kode Kemendagri.

Data tetap di dalam migrasi (bukan dibaca dari berkas) agar hasilnya tidak berubah bila daftar
wilayah di tempat lain diperbarui. Wilayah tingkat bawah (kabupaten, kecamatan, desa)
diimpor dengan perintah tersendiri.
"""

from django.db import migrations

BPSKL = [
    ("SUM", "Sumatera"),
    ("JBN", "Jawa, Bali dan Nusa Tenggara"),
    ("KAL", "Kalimantan"),
    ("SUL", "Sulawesi"),
    ("MAP", "Maluku dan Papua"),
]

PROVINSI = [
    ("11", "Aceh", "SUM"),
    ("12", "Sumatera Utara", "SUM"),
    ("13", "Sumatera Barat", "SUM"),
    ("14", "Riau", "SUM"),
    ("15", "Jambi", "SUM"),
    ("16", "Sumatera Selatan", "SUM"),
    ("17", "Bengkulu", "SUM"),
    ("18", "Lampung", "SUM"),
    ("19", "Kepulauan Bangka Belitung", "SUM"),
    ("21", "Kepulauan Riau", "SUM"),
    ("31", "DKI Jakarta", "JBN"),
    ("32", "Jawa Barat", "JBN"),
    ("33", "Jawa Tengah", "JBN"),
    ("34", "DI Yogyakarta", "JBN"),
    ("35", "Jawa Timur", "JBN"),
    ("36", "Banten", "JBN"),
    ("51", "Bali", "JBN"),
    ("52", "Nusa Tenggara Barat", "JBN"),
    ("53", "Nusa Tenggara Timur", "JBN"),
    ("61", "Kalimantan Barat", "KAL"),
    ("62", "Kalimantan Tengah", "KAL"),
    ("63", "Kalimantan Selatan", "KAL"),
    ("64", "Kalimantan Timur", "KAL"),
    ("65", "Kalimantan Utara", "KAL"),
    ("71", "Sulawesi Utara", "SUL"),
    ("72", "Sulawesi Tengah", "SUL"),
    ("73", "Sulawesi Selatan", "SUL"),
    ("74", "Sulawesi Tenggara", "SUL"),
    ("75", "Gorontalo", "SUL"),
    ("76", "Sulawesi Barat", "SUL"),
    ("81", "Maluku", "MAP"),
    ("82", "Maluku Utara", "MAP"),
    ("91", "Papua", "MAP"),
    ("92", "Papua Barat", "MAP"),
    ("93", "Papua Selatan", "MAP"),
    ("94", "Papua Tengah", "MAP"),
    ("95", "Papua Pegunungan", "MAP"),
    ("96", "Papua Barat Daya", "MAP"),
]


def isi_wilayah(apps, schema_editor):
    Bpskl = apps.get_model("kelompok", "Bpskl")
    Provinsi = apps.get_model("kelompok", "Provinsi")
    for kode, nama in BPSKL:
        Bpskl.objects.update_or_create(kode=kode, defaults={"nama": nama})
    for kode, nama, bpskl in PROVINSI:
        Provinsi.objects.update_or_create(kode=kode, defaults={"nama": nama, "bpskl_id": bpskl})


class Migration(migrations.Migration):
    dependencies = [("kelompok", "0001_initial")]

    operations = [migrations.RunPython(isi_wilayah, migrations.RunPython.noop)]
