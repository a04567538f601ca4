"""Kirim peringatan 90 dan 30 hari sebelum jangka waktu kerja sama berakhir.

Pekerja latar belakang menjalankannya tiap pagi (kerjasama/pekerjaan.py); perintah ini untuk
menjalankannya sekarang. Tiap peringatan terkirim sekali per kerja sama.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from kerjasama.services import kirim_peringatan_berakhir


class Command(BaseCommand):
    help = "Peringatan kerja sama yang akan berakhir dalam 90 dan 30 hari."

    def handle(self, *args, **options):
        jumlah = kirim_peringatan_berakhir(timezone.localdate())
        self.stdout.write(self.style.SUCCESS(f"{jumlah} peringatan dikirim."))
