"""Jalankan pekerja latar belakang bila antreannya procrastinate (PostgreSQL).

Dengan SQLite (`make run`) tidak ada antrean: pekerjaan dijalankan server web setelah commit,
jadi perintah ini hanya memberi tahu lalu selesai. Opsi tambahan diteruskan ke
`manage.py procrastinate worker` (misalnya --concurrency 2).
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Pekerja latar belakang (ekspor sertifikat, pengingat harian, pemulihan pekerjaan)."

    def add_arguments(self, parser):
        parser.add_argument("opsi", nargs="*", help="diteruskan ke procrastinate worker")

    def handle(self, *args, opsi: list[str], **options):
        if settings.ANTREAN_PEKERJAAN != "procrastinate":
            self.stdout.write(
                "Basis data SQLite: pekerjaan latar belakang dijalankan langsung oleh server web "
                "setelah tiap simpanan; pekerja terpisah tidak diperlukan."
            )
            return
        call_command("procrastinate", "worker", *opsi)
