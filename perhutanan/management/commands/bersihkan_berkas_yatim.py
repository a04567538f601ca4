"""Hapus berkas di penyimpanan yang tidak dirujuk baris mana pun (termasuk riwayat)."""

import datetime

from django.core.management.base import BaseCommand

from perhutanan.cadangan import hapus_berkas_yatim


class Command(BaseCommand):
    help = "Hapus berkas yatim (mis. tertulis oleh transaksi yang dibatalkan)."

    def add_arguments(self, parser):
        parser.add_argument("--jam", type=float, default=24, help="hanya yang lebih tua dari ini")
        parser.add_argument("--uji", action="store_true", help="tampilkan saja, jangan hapus")

    def handle(self, *args, jam: float, uji: bool, **options):
        yatim = hapus_berkas_yatim(datetime.timedelta(hours=jam), uji=uji)
        for jalur in yatim:
            self.stdout.write(jalur)
        kata = "akan dihapus" if uji else "dihapus"
        self.stdout.write(self.style.SUCCESS(f"{len(yatim)} berkas yatim {kata}."))
