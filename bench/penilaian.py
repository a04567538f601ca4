"""Tolok ukur mesin penilaian dan halaman rekap HKm (bukan uji).

    python bench/penilaian.py [jumlah]   # PostgreSQL perhutanan_bench (BENCH_DATABASE_URL)

1. Throughput mesin murni: kuesioner HKm lengkap (48 indikator) dinilai per detik, dan rekap
   500 responden.
2. Halaman rekap lewat klien uji Django: jumlah kueri dan median waktu dengan 10 dan 500
   responden pada evaluasi yang sama (evaluasi uji dihapus lagi sesudahnya).
"""

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
HKM = AKAR / "fixtures" / "instrumen" / "hkm.yaml"


def jawaban_acak(mesin, acak: random.Random) -> dict[str, str]:
    return {
        i.kode: acak.choice(i.opsi).kode for i in mesin.semua_indikator(termasuk_prasyarat=False)
    }


def mesin_murni(jumlah: int) -> None:
    from penilaian.inti import definisi, scoring

    mesin = definisi.ke_mesin(definisi.dari_yaml(HKM.read_text()))
    acak = random.Random(7)  # noqa: S311  (data tolok ukur, bukan rahasia)
    jawaban = [jawaban_acak(mesin, acak) for _ in range(jumlah)]
    mulai = time.perf_counter()
    hasil = [scoring.nilai(mesin, j, termasuk_prasyarat=False) for j in jawaban]
    detik = time.perf_counter() - mulai
    print(f"mesin: {jumlah} kuesioner dalam {detik:.2f} s = {jumlah / detik:,.0f} kuesioner/detik")
    mulai = time.perf_counter()
    for _ in range(20):
        scoring.rekap(mesin, hasil[:500])
    print(f"rekap 500 responden (mesin): {(time.perf_counter() - mulai) / 20 * 1000:.1f} ms")


def halaman_rekap() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from akun.models import Pengguna
    from kelompok.models import Kps
    from penilaian.hkm import services as hkm
    from penilaian.hkm.models import Responden
    from penilaian.inti import definisi, scoring, services
    from penilaian.inti.models import Kuesioner

    call_command("migrate", verbosity=0)
    versi, _ = services.instrumen_muat(kanonik=definisi.dari_yaml(HKM.read_text()))
    admin, _ = Pengguna.objects.get_or_create(
        username="bench_super", defaults={"nama": "Bench", "is_superuser": True}
    )
    kps = Kps.objects.order_by("pk").first()
    if kps is None:
        raise SystemExit("Jalankan bench/registri.py dulu (butuh KPS).")
    evaluasi = hkm.evaluasi_buat(kps=kps, oleh=admin, tanggal=datetime.date(2026, 11, 1))
    mesin = versi.mesin
    acak = random.Random(11)  # noqa: S311

    def tambah(n: int, mulai: int) -> None:
        kuesioner = Kuesioner.objects.bulk_create(
            Kuesioner(
                versi=versi,
                status="selesai",
                hasil=services.potret(
                    scoring.nilai(mesin, jawaban_acak(mesin, acak), termasuk_prasyarat=False)
                ),
            )
            for _ in range(n)
        )
        Responden.objects.bulk_create(
            Responden(
                evaluasi=evaluasi,
                kuesioner=k,
                nama=f"R{mulai + i}",
                peran="anggota",
                urutan=mulai + i,
            )
            for i, k in enumerate(kuesioner)
        )

    klien = Client()
    klien.force_login(admin)
    alamat = f"/penilaian/hkm/{evaluasi.pk}/rekap/"

    def ukur() -> tuple[int, float]:
        klien.get(alamat)
        with CaptureQueriesContext(connection) as kueri:
            klien.get(alamat)
        jumlah_kueri = len(kueri)  # dibaca sekarang: permintaan berikutnya mengosongkan log
        waktu = []
        for _ in range(10):
            mulai = time.perf_counter()
            klien.get(alamat)
            waktu.append((time.perf_counter() - mulai) * 1000)
        return jumlah_kueri, statistics.median(waktu)

    try:
        tambah(10, 0)
        q10, t10 = ukur()
        tambah(490, 10)
        q500, t500 = ukur()
    finally:
        kuesioner = list(evaluasi.responden.values_list("kuesioner_id", flat=True))
        evaluasi.responden.all().delete()
        Kuesioner.objects.filter(pk__in=kuesioner).delete()
        evaluasi.delete()
    print(
        f"halaman rekap ({connection.vendor}): 10 responden {q10} kueri, {t10:.1f} ms; "
        f"500 responden {q500} kueri, {t500:.1f} ms"
    )
    if q10 != q500:
        raise SystemExit("JUMLAH KUERI BERUBAH DENGAN JUMLAH RESPONDEN")


if __name__ == "__main__":
    mesin_murni(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
    halaman_rekap()
