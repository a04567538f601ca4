"""Tolok ukur halaman registri dan kuesioner pada 1.000 KPS dan skala nasional, satu kali jalan.

    python bench/registri.py                 # PostgreSQL perhutanan_bench (dibuat ulang)
    BENCH_DATABASE_URL=sqlite:////tmp/b.db python bench/registri.py --penuh 5000

Untuk tiap halaman: jumlah kueri SQL dan median waktu server (klien uji Django, seluruh
middleware dan templat) di dua ukuran data, serta rasionya terhadap view kosong ("lantai": view
Django paling sederhana lewat middleware yang sama, tanpa sesi) di ukuran yang sama. Lantai
bersesi (pengguna masuk: sesi, pengguna dan aksesnya) dicetak juga sebagai pembanding.
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


def siapkan_basis_data(nama: str, ulang: bool) -> None:
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "postgresql" not in db["ENGINE"]:
        if ulang and Path(nama).exists():
            Path(nama).unlink()
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
            kursor.execute(f'DROP DATABASE IF EXISTS "{nama}"')
        kursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama])
        if not kursor.fetchone():
            kursor.execute(f'CREATE DATABASE "{nama}"')
    koneksi.close()


def pakai_basis_data(nama: str) -> None:
    """Alihkan koneksi bawaan ke basis data `nama` (kecil atau penuh)."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = nama


class Pengukur:
    """Satu halaman di satu ukuran data: jumlah kuerinya, lalu waktu yang dikumpulkan bertahap."""

    def __init__(self, client, alamat: str, kirim=None):
        self.client, self.alamat, self.kirim = client, alamat, kirim
        self.n = iter(range(10**9))
        self.waktu: list[float] = []

    def minta(self):
        if self.kirim is None:
            return self.client.get(self.alamat)
        return self.client.post(self.alamat, self.kirim(next(self.n)), HTTP_HX_REQUEST="true")

    def hitung_kueri(self) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for _ in range(3):
            status = self.minta().status_code
            if status != 200:
                raise SystemExit(f"{self.alamat} menjawab {status}")
        with CaptureQueriesContext(connection) as kueri:
            self.minta()
        return len(kueri)

    def ukur(self, kali: int) -> None:
        self.minta()  # pemanasan setelah berpindah basis data
        for _ in range(kali):
            mulai = time.perf_counter()
            respons = self.minta()
            if hasattr(respons, "streaming_content"):
                b"".join(respons.streaming_content)
            self.waktu.append((time.perf_counter() - mulai) * 1000)


JENIS = {"daftar": 40, "detail": 30, "simpan": 15, "beranda": 40}  # sasaran: x lantai


def siapkan_kuesioner(pendamping, kps):
    """Evaluasi HKm dengan satu responden untuk KPS sintetis pertama (dipakai ulang)."""
    import datetime

    from penilaian.hkm.models import EvaluasiHkm
    from penilaian.hkm.services import evaluasi_buat, responden_tambah
    from penilaian.inti import definisi, services

    services.instrumen_muat(
        kanonik=definisi.dari_yaml((AKAR / "fixtures" / "instrumen" / "hkm.yaml").read_text())
    )
    evaluasi = EvaluasiHkm.objects.filter(kps=kps).first() or evaluasi_buat(
        kps=kps, oleh=pendamping, tanggal=datetime.date(2026, 11, 1)
    )
    responden = evaluasi.responden.first() or responden_tambah(
        evaluasi=evaluasi, nama="Responden Bench", peran="anggota", anggota=None, oleh=pendamping
    )
    indikator = [
        (i.kode, [o.kode for o in i.opsi])
        for i in evaluasi.versi.mesin.semua_indikator(termasuk_prasyarat=False)
    ]
    kriteria = evaluasi.versi.mesin.kriteria_dinilai()[0].kode
    return evaluasi, responden, indikator, kriteria


def pengguna_peran():
    """Satu pengguna tiap peran lain di Jawa Barat (BPSKL Jawa-Bali-Nusa Tenggara), untuk
    beranda per peran; sama di kedua ukuran data."""
    from django.contrib.auth.models import Group

    from akun import peran
    from akun.models import Pengguna

    hasil = {}
    for p, wilayah in (
        (peran.STAF_BPSKL, {"bpskl_id": "JBN"}),
        (peran.PENILAI_KTH, {"provinsi_id": "32"}),
        (peran.KEPALA_DINAS, {"provinsi_id": "32"}),
        (peran.ADMIN, {"provinsi_id": "32"}),
    ):
        pengguna, _ = Pengguna.objects.get_or_create(
            username=f"bench_{p.kode}_32", defaults={"nama": f"Bench {p}", **wilayah}
        )
        pengguna.groups.add(Group.objects.get(name=p.nama_grup))
        hasil[p.kode] = pengguna
    return hasil


def halaman(admin, pendamping):
    from django.urls import reverse

    from kelompok.models import Kps, Kth, Kups

    kps = Kps.objects.filter(nomor_sk="SINTETIS/000001").get()
    kth = Kth.objects.filter(nomor_register="SINTETIS-KTH/0000001").get()
    kups = Kups.objects.filter(kps__nomor_sk__startswith="SINTETIS/").order_by("pk").first()
    kps_pendamping = Kps.objects.untuk(pendamping).order_by("pk").first()
    halaman_akhir = (Kps.objects.count() + 24) // 25
    evaluasi, responden, indikator, kriteria = siapkan_kuesioner(pendamping, kps_pendamping)

    def jawaban(n: int) -> dict:
        # Dua indikator bergantian, pilihan berganti tiap putaran: setelah pemanasan setiap
        # simpanan mengubah jawaban yang sudah ada (jalur yang sama di kedua ukuran data).
        kode, opsi = indikator[n % 2]
        return {"indikator": kode, kode: opsi[(n // 2) % len(opsi)]}

    lain = pengguna_peran()
    beranda = [
        ("Beranda pendamping", pendamping, reverse("beranda_peran", args=["pendamping"])),
        ("Beranda staf BPSKL", lain["bpskl"], reverse("beranda_peran", args=["bpskl"])),
        ("Beranda penilai KTH", lain["penilai"], reverse("beranda_peran", args=["penilai"])),
        ("Beranda Kepala Dinas", lain["dinas"], reverse("beranda_peran", args=["dinas"])),
        ("Beranda admin provinsi", lain["admin"], reverse("beranda_peran", args=["admin"])),
        ("Beranda admin nasional", admin, reverse("beranda_peran", args=["admin"])),
        ("Cari semua jenis (admin nasional)", admin, reverse("cari") + "?q=Sintetis+0001"),
        ("Cari semua jenis (pendamping)", pendamping, reverse("cari") + "?q=Sintetis"),
    ]
    return [
        ("lantai (view kosong)", None, "/lantai/"),
        *beranda,
        ("lantai bersesi (pengguna masuk)", admin, "/lantai/"),
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
        ("Peta KPS halaman", admin, reverse("kelompok:kps_peta")),
        ("Peta KPS titik daftar (admin nasional)", admin, reverse("kelompok:kps_peta_titik")),
        ("Peta KPS titik daftar (staf BPSKL)", lain["bpskl"], reverse("kelompok:kps_peta_titik")),
        (
            "Peta KPS batas satu layar daftar (admin nasional)",
            admin,
            reverse("kelompok:kps_peta_batas") + "?bbox=106.5,-7.5,108.5,-6",
        ),
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
        (
            "Evaluasi HKm detail",
            pendamping,
            reverse("penilaian:evaluasi_detail", args=[evaluasi.pk]),
        ),
        (
            "Kuesioner HKm (satu kriteria)",
            pendamping,
            reverse("penilaian:kuesioner_kriteria", args=[responden.pk, kriteria]),
        ),
        (
            "Simpan jawaban kuesioner",
            pendamping,
            reverse("penilaian:kuesioner_jawab", args=[responden.pk]),
            jawaban,
        ),
    ]


def jenis_halaman(nama: str) -> str | None:
    if nama.startswith("lantai"):
        return None
    if nama.startswith("Beranda"):
        return "beranda"
    if nama.startswith("Simpan"):
        return "simpan"
    if "daftar" in nama or "cari" in nama.lower() or "saring" in nama:
        return "daftar"
    return "detail"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kecil", type=int, default=1000, help="KPS pada ukuran kecil")
    parser.add_argument("--penuh", type=int, default=20000, help="KPS pada skala penuh")
    parser.add_argument("--ulang", type=int, default=30, help="pengukuran per halaman")
    parser.add_argument("--pertahankan", action="store_true", help="jangan buat ulang basis data")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from akun import peran
    from akun.models import Pengguna
    from kelompok.skala import Target, buat_data_skala

    # Dua basis data: penuh memakai nama bawaan (dipakai juga bench/sertifikat.py), kecil di
    # sampingnya. Halaman diukur bergantian antar keduanya dalam beberapa putaran, sehingga
    # gangguan mesin (mesin virtual bersama) mengenai kedua ukuran secara sama.
    nama_penuh = settings.DATABASES["default"]["NAME"]
    basis = {"kecil": f"{nama_penuh}_kecil", "penuh": nama_penuh}
    hasil = {}
    pengukur = {}
    for label, jumlah_kps in (("kecil", args.kecil), ("penuh", args.penuh)):
        siapkan_basis_data(basis[label], ulang=not args.pertahankan)
        pakai_basis_data(basis[label])
        call_command("migrate", verbosity=0)
        admin, _ = Pengguna.objects.get_or_create(
            username="bench_admin", defaults={"nama": "Admin Bench"}
        )
        admin.groups.add(Group.objects.get(name=peran.ADMIN.nama_grup))
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
            # Keadaan tunak seperti di produksi, tempat autovacuum sudah lewat: data yang dimuat
            # sekaligus ini belum punya peta visibilitas (pindaian indeks saja) dan indeks GIN
            # trigramnya masih menumpuk entri di daftar tunda yang dipindai satu per satu.
            with connection.cursor() as kursor:
                kursor.execute("VACUUM ANALYZE")
        # Pendamping KPS sintetis pertama: sama di kedua ukuran, dan pasti punya dampingan.
        pendamping = Pengguna.objects.get(
            penugasan__kps__nomor_sk="SINTETIS/000001", penugasan__selesai__isnull=True
        )
        hasil[label] = {"jumlah": jumlah, "halaman": {}}
        pengukur[label] = {}
        klien = {None: Client()}
        for nama, pengguna, alamat, *kirim in halaman(admin, pendamping):
            kunci = pengguna.pk if pengguna else None
            if kunci not in klien:
                klien[kunci] = Client()
                klien[kunci].force_login(pengguna)
            p = Pengukur(klien[kunci], alamat, kirim[0] if kirim else None)
            pengukur[label][nama] = (p, p.hitung_kueri())

    putaran = 5
    for n in range(putaran):
        for label in ("kecil", "penuh"):
            pakai_basis_data(basis[label])
            for p, _ in pengukur[label].values():
                p.ukur(max(1, args.ulang // putaran))
        print(f"  putaran {n + 1}/{putaran} selesai", flush=True)
    for label in ("kecil", "penuh"):
        for nama, (p, kueri) in pengukur[label].items():
            hasil[label]["halaman"][nama] = (kueri, statistics.median(p.waktu))
            print(f"  {label:5} {nama:40} {hasil[label]['halaman'][nama]}", flush=True)

    lantai = {u: hasil[u]["halaman"]["lantai (view kosong)"][1] for u in hasil}
    baris = [
        f"Basis data: {connection.vendor}. Kecil: {hasil['kecil']['jumlah']}. "
        f"Penuh: {hasil['penuh']['jumlah']}.",
        "",
        "| Halaman | Kueri kecil | Kueri penuh | Median kecil (ms) | Median penuh (ms) "
        "| x lantai (kecil) | x lantai (penuh) | Sasaran |",
        "|---|---|---|---|---|---|---|---|",
    ]
    meleset = []
    for nama in hasil["kecil"]["halaman"]:
        qk, tk = hasil["kecil"]["halaman"][nama]
        qp, tp = hasil["penuh"]["halaman"][nama]
        rk, rp = tk / lantai["kecil"], tp / lantai["penuh"]
        jenis = jenis_halaman(nama)
        sasaran = f"<= {JENIS[jenis]}x" if jenis else ""
        if jenis and max(rk, rp) > JENIS[jenis]:
            sasaran += " MELESET"
            meleset.append(nama)
        baris.append(
            f"| {nama} | {qk} | {qp} | {tk:.1f} | {tp:.1f} | {rk:.1f} | {rp:.1f} | {sasaran} |"
        )
    cari = {u: hasil[u]["halaman"]["KPS cari nama"][1] for u in hasil}
    rasio_cari = cari["penuh"] / cari["kecil"]
    baris += [
        "",
        f"Pencarian nama KPS: penuh/kecil = {rasio_cari:.2f} (sasaran <= 1,3)"
        + ("" if rasio_cari <= 1.3 else " MELESET"),
        f"Sasaran rasio terlampaui: {', '.join(meleset) if meleset else 'tidak ada'}.",
    ]
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
