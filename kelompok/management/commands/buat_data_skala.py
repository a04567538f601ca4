"""Buat data sintetis berskala nasional untuk mengukur kinerja halaman.

Bawaan: 20.000 KPS, 50.000 KUPS, 100.000 KTH, 500.000 anggota di 38 provinsi. Berulang kali
dijalankan hanya menambah sampai jumlah itu. Jangan dijalankan di basis data produksi: perintah
menolak saat DEBUG mati kecuali dengan --paksa.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kelompok.skala import Target, buat_data_skala


class _Batal(Exception):
    pass


class Command(BaseCommand):
    help = "Buat data sintetis berskala nasional (KPS, KUPS, KTH, anggota) untuk tolok ukur."

    def add_arguments(self, parser):
        t = Target()
        parser.add_argument("--kps", type=int, default=t.kps)
        parser.add_argument("--kups", type=int, default=t.kups)
        parser.add_argument("--kth", type=int, default=t.kth)
        parser.add_argument("--anggota", type=int, default=t.anggota)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--dry-run", action="store_true", help="Buat lalu batalkan.")
        parser.add_argument("--paksa", action="store_true", help="Jalankan walau DEBUG mati.")

    def handle(self, *args, kps, kups, kth, anggota, seed, dry_run, paksa, **options):
        if not settings.DEBUG and not paksa:
            raise CommandError(
                "DEBUG mati: ini tampaknya server produksi. Pakai --paksa bila sengaja."
            )
        mulai = time.perf_counter()
        try:
            with transaction.atomic():
                hasil = buat_data_skala(
                    Target(kps=kps, kups=kups, kth=kth, anggota=anggota),
                    seed=seed,
                    lapor=self.stdout.write,
                )
                if dry_run:
                    raise _Batal
        except _Batal:
            self.stdout.write("[uji coba] dibatalkan, tidak ada yang disimpan.")
        detik = time.perf_counter() - mulai
        ringkas = ", ".join(f"{v:,} {k}".replace(",", ".") for k, v in hasil.items())
        self.stdout.write(self.style.SUCCESS(f"Data sintetis: {ringkas} ({detik:.0f} detik)."))
