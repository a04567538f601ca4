"""Tolok ukur sertifikat kelas KTH (bukan uji).

    python bench/sertifikat.py      # PostgreSQL perhutanan_bench (BENCH_DATABASE_URL)

1. Median waktu render satu sertifikat dibanding PDF satu baris WeasyPrint, dalam satu jalan.
2. Penetapan nyata (nomor urut, PDF, SHA-256, penyimpanan) untuk 100 lalu 1.000 sertifikat,
   dan ekspor ZIP tiap kelompok: waktu dan puncak memori Python (tracemalloc) serta RSS.
"""

import datetime
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def median_ms(fungsi, kali: int = 15) -> float:
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
    from penilaian.kth.sertifikat import pdf_sertifikat

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
    satu_baris = median_ms(lambda: HTML(string="<p>Sertifikat</p>").write_pdf())
    sertifikat = median_ms(lambda: pdf_sertifikat(contoh))
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

    def tetapkan(kunci: list[int]) -> float:
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
        mulai = time.perf_counter()
        for p in daftar:
            kth.penilaian_kth_tetapkan(penilaian=p, oleh=kadis)
        return time.perf_counter() - mulai

    baris = []
    for jumlah, kunci in ((100, kth_aceh[:100]), (1000, kth_aceh[100:1100])):
        detik_tetapkan = tetapkan(kunci)
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
        per_sertifikat = detik_tetapkan / jumlah * 1000
        baris.append(
            f"| {jumlah} | {detik_tetapkan:.1f} s ({per_sertifikat:.0f} ms/sertifikat) "
            f"| {detik_ekspor:.2f} s | {puncak / 1024 / 1024:.1f} MB "
            f"| {rss_mb() - rss_awal:.1f} MB | {ukuran:.1f} MB ({hasil.jumlah} PDF) |"
        )
        print(baris[-1], flush=True)
    print(
        "\n| Sertifikat | Penetapan (PDF disimpan) | Ekspor ZIP | Puncak memori Python | "
        "Pertambahan RSS maks | Ukuran ZIP |\n|---|---|---|---|---|---|"
    )
    print("\n".join(baris))


if __name__ == "__main__":
    main()
