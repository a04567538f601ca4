"""Tolok ukur halaman registri pada 1.000 KPS dan skala nasional, dalam satu kali jalan.

    python bench/registri.py                 # PostgreSQL perhutanan_bench (dibuat ulang)
    BENCH_DATABASE_URL=sqlite:////tmp/b.db python bench/registri.py --penuh 5000

Untuk tiap halaman: jumlah kueri SQL dan median waktu server (klien uji Django, seluruh
middleware dan templat) di dua ukuran data, serta rasionya terhadap view kosong (lantai).
Ini bukan uji: angka waktu bergantung pada mesin; jumlah kueri harus sama di kedua ukuran.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def siapkan_basis_data(ulang: bool) -> None:
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "postgresql" not in db["ENGINE"]:
        if ulang and Path(db["NAME"]).exists():
            Path(db["NAME"]).unlink()
        return
    import psycopg2

    koneksi = psycopg2.connect(
        dbname="postgres",
        user=db["USER"],
        host=db["HOST"],
        port=db["PORT"] or 5432,
        password=db.get("PASSWORD") or None,
    )
    koneksi.autocommit = True
    with koneksi.cursor() as kursor:
        if ulang:
            kursor.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}"')
        kursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
        if not kursor.fetchone():
            kursor.execute(f'CREATE DATABASE "{db["NAME"]}"')
    koneksi.close()


def ukur(client, alamat: str, ulang: int) -> tuple[int, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        status = client.get(alamat).status_code
        if status != 200:
            raise SystemExit(f"{alamat} menjawab {status}")
    with CaptureQueriesContext(connection) as kueri:
        client.get(alamat)
    # Dibaca sekarang: permintaan berikutnya mengosongkan log kueri koneksi.
    jumlah_kueri = len(kueri)
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        respons = client.get(alamat)
        if hasattr(respons, "streaming_content"):
            b"".join(respons.streaming_content)
        waktu.append((time.perf_counter() - mulai) * 1000)
    return jumlah_kueri, statistics.median(waktu)


def halaman(admin, pendamping):
    from django.urls import reverse

    from kelompok.models import Kps, Kth, Kups

    kps = Kps.objects.filter(nomor_sk="SINTETIS/000001").get()
    kth = Kth.objects.filter(nomor_register="SINTETIS-KTH/0000001").get()
    kups = Kups.objects.filter(kps__nomor_sk__startswith="SINTETIS/").order_by("pk").first()
    kps_pendamping = Kps.objects.untuk(pendamping).order_by("pk").first()
    halaman_akhir = (Kps.objects.count() + 24) // 25
    return [
        ("lantai (view kosong)", admin, "/lantai/"),
        ("KPS daftar", admin, reverse("kelompok:kps_daftar")),
        (
            "KPS daftar, halaman terakhir",
            admin,
            reverse("kelompok:kps_daftar") + f"?halaman={halaman_akhir}",
        ),
        ("KPS cari nama", admin, reverse("kelompok:kps_daftar") + "?q=Sintetis+0001"),
        (
            "KPS saring provinsi+skema+kelas KUPS",
            admin,
            reverse("kelompok:kps_daftar") + "?provinsi=32&skema=HKm&kelas_kups=gold",
        ),
        (
            "KPS saring pendamping",
            admin,
            reverse("kelompok:kps_daftar") + "?pendamping=Sintetis+32-1",
        ),
        ("KPS daftar (pendamping)", pendamping, reverse("kelompok:kps_daftar")),
        ("KPS detail", admin, reverse("kelompok:kps_detail", args=[kps.pk])),
        (
            "KPS detail (pendamping)",
            pendamping,
            reverse("kelompok:kps_detail", args=[kps_pendamping.pk]),
        ),
        ("KUPS detail", admin, reverse("kelompok:kups_detail", args=[kups.pk])),
        ("KTH daftar", admin, reverse("kelompok:kth_daftar")),
        ("KTH saring kelas", admin, reverse("kelompok:kth_daftar") + "?kelas=madya"),
        ("KTH detail", admin, reverse("kelompok:kth_detail", args=[kth.pk])),
        ("Anggota KPS daftar", admin, reverse("kelompok:anggota_daftar", args=["kps", kps.pk])),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kecil", type=int, default=1000, help="KPS pada ukuran kecil")
    parser.add_argument("--penuh", type=int, default=20000, help="KPS pada skala penuh")
    parser.add_argument("--ulang", type=int, default=15, help="pengukuran per halaman")
    parser.add_argument("--pertahankan", action="store_true", help="jangan buat ulang basis data")
    args = parser.parse_args()

    import django

    django.setup()
    siapkan_basis_data(ulang=not args.pertahankan)
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from akun import peran
    from akun.models import Pengguna
    from kelompok.skala import Target, buat_data_skala

    call_command("migrate", verbosity=0)
    admin, _ = Pengguna.objects.get_or_create(
        username="bench_admin", defaults={"nama": "Admin Bench"}
    )
    admin.groups.add(Group.objects.get(name=peran.ADMIN.nama_grup))

    hasil = {}
    for label, jumlah_kps in (("kecil", args.kecil), ("penuh", args.penuh)):
        faktor = jumlah_kps / 20000
        target = Target(
            kps=jumlah_kps,
            kups=int(50000 * faktor),
            kth=int(100000 * faktor),
            anggota=int(500000 * faktor),
        )
        mulai = time.perf_counter()
        jumlah = buat_data_skala(target, lapor=lambda p: print("  " + p, flush=True))
        print(f"data {label}: {jumlah} dalam {time.perf_counter() - mulai:.0f} detik", flush=True)
        if connection.vendor == "postgresql":
            with connection.cursor() as kursor:
                kursor.execute("ANALYZE")
        # Pendamping KPS sintetis pertama: sama di kedua ukuran, dan pasti punya dampingan.
        pendamping = Pengguna.objects.get(
            penugasan__kps__nomor_sk="SINTETIS/000001", penugasan__selesai__isnull=True
        )
        daftar = halaman(admin, pendamping)
        hasil[label] = {"jumlah": jumlah, "halaman": {}}
        klien = {}
        for nama, pengguna, alamat in daftar:
            if pengguna.pk not in klien:
                klien[pengguna.pk] = Client()
                klien[pengguna.pk].force_login(pengguna)
            hasil[label]["halaman"][nama] = ukur(klien[pengguna.pk], alamat, args.ulang)
            print(f"  {label:5} {nama:40} {hasil[label]['halaman'][nama]}", flush=True)

    lantai = {u: hasil[u]["halaman"]["lantai (view kosong)"][1] for u in hasil}
    baris = [
        f"Basis data: {connection.vendor}. Kecil: {hasil['kecil']['jumlah']}. "
        f"Penuh: {hasil['penuh']['jumlah']}.",
        "",
        "| Halaman | Kueri kecil | Kueri penuh | Median kecil (ms) | Median penuh (ms) "
        "| x lantai (penuh) |",
        "|---|---|---|---|---|---|",
    ]
    for nama in hasil["kecil"]["halaman"]:
        qk, tk = hasil["kecil"]["halaman"][nama]
        qp, tp = hasil["penuh"]["halaman"][nama]
        baris.append(f"| {nama} | {qk} | {qp} | {tk:.1f} | {tp:.1f} | {tp / lantai['penuh']:.1f} |")
    laporan = "\n".join(baris)
    print("\n" + laporan)
    keluaran = AKAR / "build" / "bench-registri.md"
    keluaran.parent.mkdir(exist_ok=True)
    keluaran.write_text(laporan + "\n")
    berbeda = [
        n
        for n in hasil["kecil"]["halaman"]
        if hasil["kecil"]["halaman"][n][0] != hasil["penuh"]["halaman"][n][0]
    ]
    if berbeda:
        print(f"\nJUMLAH KUERI BERUBAH DENGAN UKURAN DATA: {berbeda}")
        sys.exit(1)


if __name__ == "__main__":
    main()
