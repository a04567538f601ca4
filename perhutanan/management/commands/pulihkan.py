"""Pulihkan arsip `cadangkan` ke basis data yang sudah dimigrasi dan penyimpanan berkas."""

from django.core.management.base import BaseCommand, CommandError

from perhutanan.cadangan import GalatCadangan, pulihkan


class Command(BaseCommand):
    help = "Pulihkan arsip cadangan (basis data dan berkas), lalu periksa jumlah baris dan SHA-256."

    def add_arguments(self, parser):
        parser.add_argument("arsip")
        parser.add_argument(
            "--timpa",
            action="store_true",
            help="izinkan menimpa basis data yang sudah berisi data (semua isinya diganti)",
        )

    def handle(self, *args, arsip: str, timpa: bool, **options):
        try:
            laporan = pulihkan(arsip, timpa=timpa)
        except (GalatCadangan, OSError) as e:
            raise CommandError(str(e)) from e
        if laporan["beda_baris"] or laporan["beda_berkas"]:
            raise CommandError(
                f"Pemulihan tidak cocok dengan arsip: baris {laporan['beda_baris']}, "
                f"berkas {laporan['beda_berkas'][:10]}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Dipulihkan: {laporan['baris']} baris dan {laporan['berkas']} berkas; jumlah "
                "baris dan SHA-256 setiap berkas cocok dengan arsip."
            )
        )
