"""Muat instrumen penilaian (YAML) sebagai versi baru bila isinya berubah.

Versi yang sudah ada tidak pernah diubah: penilaian yang memakainya tetap menghitung dengan
isi lama. Bawaan: fixtures/instrumen/hkm.yaml dan kth.yaml.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from penilaian.inti import definisi, services

BAWAAN = ["hkm.yaml", "kth.yaml"]


class _Batal(Exception):
    pass


class Command(BaseCommand):
    help = "Muat instrumen penilaian dari YAML (versi baru hanya bila isinya berubah)."

    def add_arguments(self, parser):
        parser.add_argument("berkas", nargs="*", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Periksa saja.")

    def handle(self, *args, berkas: list[Path], dry_run: bool, **options):
        daftar = berkas or [Path(settings.BASE_DIR) / "fixtures" / "instrumen" / n for n in BAWAAN]
        try:
            with transaction.atomic():
                for jalur in daftar:
                    try:
                        kanonik = definisi.dari_yaml(jalur.read_text(encoding="utf-8"))
                    except (OSError, definisi.GalatInstrumen) as e:
                        raise CommandError(f"{jalur}: {e}") from e
                    versi, dibuat = services.instrumen_muat(kanonik=kanonik, sumber=jalur.name)
                    keadaan = "versi baru" if dibuat else "tidak berubah"
                    self.stdout.write(f"{versi.instrumen.kode}: {keadaan} (versi {versi.nomor})")
                if dry_run:
                    raise _Batal
        except _Batal:
            self.stdout.write("[uji coba] tidak ada yang disimpan.")
