"""Impor kabupaten/kota, kecamatan dan desa/kelurahan dari CSV kode Kemendagri.

Provinsi dan wilayah kerja BPSKL sudah dimuat migrasi; perintah ini mengisi tingkat di bawahnya
(daftar nasional lengkap sekitar 80.000 desa). Berkas berisi kolom kode,nama; baris yang
diawali # diabaikan. Satu baris salah membatalkan seluruh impor.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kelompok.wilayah_impor import impor_wilayah


class Command(BaseCommand):
    help = "Impor wilayah dari CSV (kode,nama) berformat kode Kemendagri."

    def add_arguments(self, parser):
        parser.add_argument("berkas", type=Path, help="Berkas CSV UTF-8.")
        parser.add_argument("--dry-run", action="store_true", help="Periksa saja, jangan simpan.")

    def handle(self, *args, berkas: Path, dry_run: bool, **options):
        if not berkas.exists():
            raise CommandError(f"Berkas {berkas} tidak ada.")
        hasil = impor_wilayah(berkas.read_text(encoding="utf-8-sig"), simpan=not dry_run)
        if hasil.galat:
            for pesan in hasil.galat[:200]:
                self.stderr.write(pesan)
            lebih = len(hasil.galat) - 200
            if lebih > 0:
                self.stderr.write(f"... dan {lebih} galat lain.")
            raise CommandError(f"{len(hasil.galat)} galat; tidak ada yang diimpor.")
        ringkas = ", ".join(f"{jumlah} {nama}" for nama, jumlah in hasil.jumlah.items())
        awalan = "[uji coba, tidak disimpan] " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{awalan}Diimpor: {ringkas}."))
