"""Cadangkan basis data dan semua berkas unggahan ke satu arsip (perhutanan/cadangan.py)."""

from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat

from perhutanan.cadangan import cadangkan


class Command(BaseCommand):
    help = "Cadangkan basis data dan semua berkas unggahan ke satu arsip .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "arsip", help="jalur arsip yang dibuat, misalnya cadangan-2026-11-28.tar.gz"
        )

    def handle(self, *args, arsip: str, **options):
        manifest = cadangkan(arsip)
        ukuran = sum(b["ukuran"] for b in manifest["berkas"].values())
        hilang = manifest["berkas_hilang"]
        if hilang:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(hilang)} berkas dirujuk data tetapi tidak ada di penyimpanan (tidak "
                    f"dapat dicadangkan): " + ", ".join(hilang[:10])
                )
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{arsip}: {sum(manifest['baris'].values())} baris dari "
                f"{len(manifest['baris'])} tabel, {len(manifest['berkas'])} berkas "
                f"({filesizeformat(ukuran)})."
            )
        )
