"""Tolok ukur sertifikat kelas KTH (bukan uji).

    python bench/sertifikat.py      # PostgreSQL perhutanan_bench (BENCH_DATABASE_URL)

1. Median waktu render satu sertifikat dibanding PDF satu baris WeasyPrint, dalam satu jalan
   (pengukuran bergantian, agar gangguan mesin mengenai keduanya).
2. Penetapan nyata untuk 100 lalu 1.000 sertifikat: waktu yang dirasakan Kepala Dinas (nomor urut,
   isi, antrean PDF; PDF tidak dibuat di dalam penetapan), lalu waktu pekerja membuat PDF-nya
   (render, SHA-256, penyimpanan), lalu ekspor ZIP kelompok itu: waktu, puncak memori Python
   (tracemalloc) dan RSS.
3. Empat Kepala Dinas satu provinsi menetapkan bersamaan: nomor urut tetap unik dan berurutan,
   dan karena kunci nomor hanya dipegang sesaat, waktunya tidak menumpuk di belakang render.
"""

import datetime
import os
import resource
import statistics
import sys
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def median_ms(fungsi, kali: int = 15) -> float:
    """Median beberapa pengukuran setelah satu pemanasan."""
    fungsi()
    waktu = []
    for _ in range(kali):
        mulai = time.perf_counter()
        fungsi()
        waktu.append((time.perf_counter() - mulai) * 1000)
    return statistics.median(waktu)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Max
    from weasyprint import HTML

    from akun import peran
    from akun.models import Pengguna
    from kelompok.models import Kth
    from penilaian.inti import definisi, services
    from penilaian.inti.models import Kuesioner
    from penilaian.kth import ekspor as ekspor_sertifikat
    from penilaian.kth import services as kth
    from penilaian.kth.models import EksporSertifikat, PenilaianKth, Sertifikat
    from penilaian.kth.sertifikat import buat_pdf, pdf_sertifikat

    call_command("migrate", verbosity=0)
    versi, _ = services.instrumen_muat(
        kanonik=definisi.dari_yaml((AKAR / "fixtures" / "instrumen" / "kth.yaml").read_text())
    )
    contoh = {
        "nomor": "0001/SERT-KTH/32/2026",
        "kth": "KTH Sugih Mukti",
        "nomor_register": "REG-1",
        "desa": "Cisantana",
        "kecamatan": "Cigugur",
        "kabupaten": "Kabupaten Kuningan",
        "provinsi": "Jawa Barat",
        "kelas": "Madya",
        "total": "475",
        "tahun": 2026,
        "dasar_hukum": versi.isi["dasar_hukum"],
        "kantor": "Dinas Kehutanan Provinsi Jawa Barat",
        "penandatangan": "Dewi Kartika",
        "nip": "197005121995032001",
        "tempat": "Bandung",
        "tanggal": "2026-11-22",
        "kode": "x" * 24,
        "url_verifikasi": "https://perhutanan.example.id/verifikasi/" + "x" * 24,
        "instrumen": str(versi),
        "nilai_sementara": True,
    }
    waktu_satu, waktu_sertifikat = [], []
    for _ in range(4):  # bergantian
        waktu_satu.append(median_ms(lambda: HTML(string="<p>Sertifikat</p>").write_pdf(), 10))
        waktu_sertifikat.append(median_ms(lambda: pdf_sertifikat(contoh), 10))
    satu_baris = statistics.median(waktu_satu)
    sertifikat = statistics.median(waktu_sertifikat)
    print(
        f"render: PDF satu baris {satu_baris:.1f} ms; sertifikat {sertifikat:.1f} ms "
        f"({sertifikat / satu_baris:.1f}x)",
        flush=True,
    )

    kadis, _ = Pengguna.objects.get_or_create(
        username="bench_kadis", defaults={"nama": "Kadis Bench", "provinsi_id": "11"}
    )
    kadis.groups.add(Group.objects.get(name=peran.KEPALA_DINAS.nama_grup))
    penilai, _ = Pengguna.objects.get_or_create(
        username="bench_penilai", defaults={"nama": "Penilai"}
    )
    kth_aceh = list(
        Kth.objects.filter(provinsi_id="11").order_by("pk").values_list("pk", flat=True)[:1100]
    )
    if len(kth_aceh) < 1100:
        raise SystemExit("Butuh >= 1.100 KTH di Aceh: jalankan bench/registri.py dulu.")
    # Tahun baru tiap jalan: urutan nomor mulai dari 1 dan tidak bertabrakan dengan jalan lalu.
    tahun = (
        PenilaianKth.objects.filter(penilai=penilai).aggregate(t=Max("tahun"))["t"] or 1999
    ) + 1

    def siapkan_penilaian(kunci: list[int]) -> list:
        kuesioner = Kuesioner.objects.bulk_create(
            Kuesioner(versi=versi, status="selesai") for _ in kunci
        )
        daftar = PenilaianKth.objects.bulk_create(
            PenilaianKth(
                kth_id=k,
                tahun=tahun,
                kuesioner=q,
                penilai=penilai,
                status="diajukan",
                total=475,
                kelas="Madya",
                tenggat=datetime.date.today(),
            )
            for k, q in zip(kunci, kuesioner, strict=True)
        )
        return daftar

    def tetapkan(kunci: list[int]) -> tuple[float, float]:
        """(detik penetapan, detik pekerja membuat PDF-nya)."""
        daftar = siapkan_penilaian(kunci)
        antrean: list[int] = []
        asli = kth.antrekan
        kth.antrekan = lambda tugas, **kw: antrean.append(kw["sertifikat_id"])
        try:
            mulai = time.perf_counter()
            for p in daftar:
                kth.penilaian_kth_tetapkan(penilaian=p, oleh=kadis)
            detik = time.perf_counter() - mulai
        finally:
            kth.antrekan = asli
        mulai = time.perf_counter()
        for pk in antrean:  # yang dikerjakan pekerja tepat setelah tiap commit
            buat_pdf(pk)
        return detik, time.perf_counter() - mulai

    baris = []
    for jumlah, kunci in ((100, kth_aceh[:100]), (1000, kth_aceh[100:1100])):
        detik_tetapkan, detik_pdf = tetapkan(kunci)
        ekspor = EksporSertifikat.objects.create(diminta_oleh=kadis, provinsi_id="11", tahun=tahun)
        Sertifikat.objects.filter(provinsi_id="11", tahun=tahun).exclude(
            penilaian__kth_id__in=kunci
        ).update(status="dicabut")  # ekspor hanya kelompok ini
        rss_awal = rss_mb()
        tracemalloc.start()
        mulai = time.perf_counter()
        hasil = ekspor_sertifikat.jalankan(ekspor.pk)
        detik_ekspor = time.perf_counter() - mulai
        _, puncak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        ukuran = hasil.berkas.size / 1024 / 1024
        baris.append(
            f"| {jumlah} | {detik_tetapkan:.1f} s ({detik_tetapkan / jumlah * 1000:.1f} ms) "
            f"| {detik_pdf:.1f} s ({detik_pdf / jumlah * 1000:.0f} ms) "
            f"| {detik_ekspor:.2f} s | {puncak / 1024 / 1024:.1f} MB "
            f"| {rss_mb() - rss_awal:.1f} MB | {ukuran:.1f} MB ({hasil.jumlah} PDF) |"
        )
        print(baris[-1], flush=True)

    # Empat Kepala Dinas serentak di satu provinsi, masing-masing 50 penetapan.
    kunci_serentak = list(
        Kth.objects.filter(provinsi_id="11").order_by("-pk").values_list("pk", flat=True)[:200]
    )
    bagian = [siapkan_penilaian(kunci_serentak[i::4]) for i in range(4)]

    def satu_kadis(daftar) -> None:
        for p in daftar:
            kth.penilaian_kth_tetapkan(penilaian=p, oleh=kadis)
        connection.close()

    antrean_serentak: list[int] = []
    asli = kth.antrekan
    # PDF-nya dibuat pekerja (proses lain), bukan di utas Kepala Dinas: diukur penetapannya saja.
    kth.antrekan = lambda tugas, **kw: antrean_serentak.append(kw["sertifikat_id"])
    try:
        mulai = time.perf_counter()
        with ThreadPoolExecutor(max_workers=4) as kolam:
            list(kolam.map(satu_kadis, bagian))
        detik_serentak = time.perf_counter() - mulai
    finally:
        kth.antrekan = asli
    for pk in antrean_serentak:
        buat_pdf(pk)
    urut = sorted(
        Sertifikat.objects.filter(
            provinsi_id="11", tahun=tahun, penilaian__kth_id__in=kunci_serentak
        ).values_list("urut", flat=True)
    )
    berurutan = urut == list(range(urut[0], urut[0] + 200))
    laporan = "\n".join(
        [
            f"Render: PDF satu baris {satu_baris:.1f} ms; sertifikat {sertifikat:.1f} ms "
            f"({sertifikat / satu_baris:.1f}x; sasaran <= 3x"
            + ("" if sertifikat / satu_baris <= 3 else ", MELESET")
            + ").",
            "",
            "| Sertifikat | Penetapan (per sertifikat) | PDF oleh pekerja (per sertifikat) "
            "| Ekspor ZIP | Puncak memori Python | Pertambahan RSS maks | Ukuran ZIP |",
            "|---|---|---|---|---|---|---|",
            *baris,
            "",
            f"4 Kepala Dinas serentak (4 utas satu proses), 1 provinsi, 200 penetapan: "
            f"{detik_serentak:.1f} s ({detik_serentak / 200 * 1000:.1f} ms/penetapan); nomor urut "
            f"unik dan tanpa "
            f"lompatan: {'ya' if berurutan else 'TIDAK'}.",
        ]
    )
    print("\n" + laporan)
    keluaran = AKAR / "build" / "bench-sertifikat.md"
    keluaran.parent.mkdir(exist_ok=True)
    keluaran.write_text(laporan + "\n")


if __name__ == "__main__":
    main()
