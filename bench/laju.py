"""Laju layanan di bawah gunicorn (bukan uji): permintaan per detik dan p50/p95 tiap halaman utama
pada konkurensi tetap, di samping pemeriksaan kesehatan yang dilayani server yang sama.

    python bench/laju.py                    # basis data perhutanan_soak dibuat ulang (data demo)
    python bench/laju.py --konkurensi 8 --detik 10

Gunicorn dijalankan dengan gunicorn.conf.py proyek (seperti produksi). Tiap halaman dibebani
`--konkurensi` klien yang masing-masing langsung meminta lagi setelah jawaban datang (beban
tertutup), selama `--detik` detik; klien berbagi sesi pengguna yang sudah masuk.
"""

import argparse
import concurrent.futures
import statistics
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.soak import masuk, mulai_gunicorn, porta_bebas, siapkan


def bebani(sesi: list[requests.Session], alamat: str, konkurensi: int, detik: float) -> dict:
    waktu: list[float] = []
    gagal = 0
    kunci = threading.Lock()
    selesai_pada = time.perf_counter() + detik

    def klien(n: int) -> None:
        nonlocal gagal
        s = sesi[n % len(sesi)]
        while time.perf_counter() < selesai_pada:
            mulai = time.perf_counter()
            try:
                ok = s.get(alamat, timeout=30).status_code == 200
            except requests.RequestException:
                ok = False
            lama = (time.perf_counter() - mulai) * 1000
            with kunci:
                if ok:
                    waktu.append(lama)
                else:
                    gagal += 1

    awal = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=konkurensi) as kolam:
        list(kolam.map(klien, range(konkurensi)))
    durasi = time.perf_counter() - awal
    kuantil = statistics.quantiles(waktu, n=100) if len(waktu) > 1 else [0.0] * 99
    return {
        "rps": len(waktu) / durasi,
        "p50": kuantil[49],
        "p95": kuantil[94],
        "gagal": gagal,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--konkurensi", type=int, default=8)
    parser.add_argument("--detik", type=float, default=10)
    a = parser.parse_args()
    data = siapkan(jumlah_responden=2)
    porta = porta_bebas()
    gunicorn = mulai_gunicorn(porta)
    dasar = f"http://127.0.0.1:{porta}"
    halaman = [
        ("Pemeriksaan kesehatan", "/kesehatan/"),
        ("KPS daftar", "/kelompok/kps/"),
        ("KPS detail", f"/kelompok/kps/{data['kps']}/"),
        ("Evaluasi HKm detail", f"/penilaian/hkm/{data['evaluasi']}/"),
        (
            "Kuesioner HKm (satu kriteria)",
            f"/penilaian/responden/{data['responden'][0]}/kriteria/{data['kriteria']}/",
        ),
    ]
    try:
        sesi = [masuk(dasar) for _ in range(4)]
        baris = [
            f"gunicorn.conf.py, {a.konkurensi} klien serentak, {a.detik:g} detik per halaman.",
            "",
            "| Halaman | Permintaan/detik | p50 (ms) | p95 (ms) | Gagal |",
            "|---|---|---|---|---|",
        ]
        for nama, alamat in halaman:
            bebani(sesi, dasar + alamat, a.konkurensi, 1)  # pemanasan
            h = bebani(sesi, dasar + alamat, a.konkurensi, a.detik)
            baris.append(
                f"| {nama} | {h['rps']:.0f} | {h['p50']:.1f} | {h['p95']:.1f} | {h['gagal']} |"
            )
            print(baris[-1], flush=True)
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
    laporan = "\n".join(baris)
    print("\n" + laporan)
    keluaran = Path(__file__).resolve().parents[1] / "build" / "bench-laju.md"
    keluaran.parent.mkdir(exist_ok=True)
    keluaran.write_text(laporan + "\n")


if __name__ == "__main__":
    main()
