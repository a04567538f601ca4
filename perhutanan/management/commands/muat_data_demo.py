"""Isi basis data dengan data demo agar aplikasi bisa dicoba tanpa menyiapkan apa pun.

Dipanggil oleh `make run`. Aman dijalankan berulang (idempoten). Karena membuat akun dengan
kata sandi yang diketahui umum, perintah ini menolak berjalan saat DEBUG mati kecuali dengan
--paksa.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from akun.demo import KATA_SANDI_DEMO, PENGGUNA_DEMO, muat_pengguna_demo
from dokumen.demo import muat_kantor_demo
from kelompok.demo import muat_kelompok_demo
from kerjasama.demo import muat_kerjasama_demo
from laporan.demo import muat_laporan_demo
from penilaian.demo import muat_penilaian_demo


class _BatalkanUjiCoba(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Muat data demo (pengguna per peran). Idempoten; --dry-run untuk melihat tanpa menyimpan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Tampilkan perubahan tanpa menyimpannya."
        )
        parser.add_argument(
            "--paksa",
            action="store_true",
            help="Jalankan walau DEBUG mati (akun demo memakai kata sandi yang diketahui umum).",
        )

    def handle(self, *args, dry_run: bool, paksa: bool, **options):
        if not settings.DEBUG and not paksa:
            raise CommandError(
                "DEBUG mati: ini tampaknya server produksi. Akun demo memakai kata sandi yang "
                "diketahui umum; tambahkan --paksa bila memang diinginkan."
            )
        try:
            with transaction.atomic():
                hasil = [(f"pengguna {nama}", status) for nama, status in muat_pengguna_demo()]
                hasil += muat_kelompok_demo()
                hasil += muat_kantor_demo()
                hasil += muat_penilaian_demo()
                hasil += muat_kerjasama_demo()
                hasil += muat_laporan_demo()
                if dry_run:
                    raise _BatalkanUjiCoba
        except _BatalkanUjiCoba:
            pass

        awalan = "[uji coba, tidak disimpan] " if dry_run else ""
        for nama, status in hasil:
            self.stdout.write(f"{awalan}{nama}: {status}")
        self.stdout.write(self.style.SUCCESS(f"{awalan}Akun demo (kata sandi: {KATA_SANDI_DEMO}):"))
        for demo in PENGGUNA_DEMO:
            self.stdout.write(f"  {demo.username:<12} {demo.peran}")
