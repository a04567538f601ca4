"""Uji tahan: 50 permintaan campuran per detik selama 30 detik ke gunicorn + PostgreSQL, sebagai
pengguna yang sudah masuk (baca halaman, simpan jawaban kuesioner, tambah anggota), lalu sekali
lagi dengan PostgreSQL dimulai ulang di tengah jalan.

    python bench/soak.py                       # basis data perhutanan_soak dibuat ulang
    python bench/soak.py --laju 50 --detik 30 --tanpa-restart

Setiap tulisan yang dijawab berhasil ke klien (jawaban 200, anggota 302) dicatat kuncinya; setelah
selesai basis data diperiksa: "hilang" = diakui ke klien tetapi tidak ada di basis data.
Dicetak: tingkat keberhasilan, p50/p95/p99 waktu jawab, dan jumlah tulisan yang hilang.
Ini bukan uji: angka waktu bergantung pada mesin. Butuh PostgreSQL lokal dengan hak untuk
memulai ulang klaster (pg_ctlcluster) bila restart diminta.
"""

import argparse
import concurrent.futures
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import psycopg
import requests

AKAR = Path(__file__).resolve().parents[1]
PY = sys.executable
URL_DB = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/perhutanan_soak")
KATA_SANDI = "hutan-lestari-2026"  # akun demo (akun/demo.py)


def lingkungan() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DATABASE_URL": URL_DB,
        "PYTHONPATH": str(AKAR),
        "GUNICORN_LOG_AKSES": "",
    }


def manage(*argumen: str, **kw) -> str:
    return subprocess.run(  # noqa: S603  (perintah tetap)
        [PY, "manage.py", *argumen],
        cwd=AKAR,
        env=lingkungan(),
        check=True,
        text=True,
        capture_output=True,
        **kw,
    ).stdout


def siapkan(jumlah_responden: int) -> dict:
    nama = URL_DB.rsplit("/", 1)[1]
    with psycopg.connect(URL_DB.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{nama}"')
    manage("migrate", "--noinput")
    manage("muat_data_demo", "--paksa")
    skrip = f"""
import datetime, json
from akun.models import Pengguna
from kelompok.models import Kps
from penilaian.hkm.services import evaluasi_buat, responden_tambah
p = Pengguna.objects.get(username="pendamping")
kps = Kps.objects.get(nomor_sk="SK.1234/MENLHK-PSKL/PKPS/PSL.0/3/2021")
e = evaluasi_buat(kps=kps, oleh=p, tanggal=datetime.date(2026, 11, 1))
r = [responden_tambah(evaluasi=e, nama=f"Soak {{n}}", peran="anggota", anggota=None, oleh=p).pk
     for n in range({jumlah_responden})]
m = e.versi.mesin
print(json.dumps({{"kps": kps.pk, "evaluasi": e.pk, "responden": r,
    "kriteria": m.kriteria_dinilai()[0].kode,
    "indikator": [[i.kode, [o.kode for o in i.opsi]]
                  for i in m.semua_indikator(termasuk_prasyarat=False)]}}))
"""
    return json.loads(manage("shell", "-c", skrip).strip().splitlines()[-1])


def porta_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mulai_gunicorn(porta: int) -> subprocess.Popen:
    proses = subprocess.Popen(  # noqa: S603
        [
            PY,
            "-m",
            "gunicorn",
            "perhutanan.wsgi",
            "--config",
            str(AKAR / "gunicorn.conf.py"),  # pengaturan produksi
            "--bind",
            f"127.0.0.1:{porta}",
            "--log-level",
            "warning",
        ],
        cwd=AKAR,
        env=lingkungan(),
    )
    for _ in range(100):
        try:
            if requests.get(f"http://127.0.0.1:{porta}/kesehatan/", timeout=2).ok:
                return proses
        except requests.RequestException:
            pass
        time.sleep(0.2)
    proses.kill()
    raise SystemExit("gunicorn tidak mau mulai")


def masuk(dasar: str) -> requests.Session:
    sesi = requests.Session()
    halaman = sesi.get(f"{dasar}/akun/masuk/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', halaman.text).group(1)
    r = sesi.post(
        f"{dasar}/akun/masuk/",
        data={"username": "pendamping", "password": KATA_SANDI, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{dasar}/akun/masuk/"},
        timeout=10,
        allow_redirects=False,
    )
    if r.status_code != 302:
        raise SystemExit(f"gagal masuk: {r.status_code}")
    return sesi


class Beban:
    def __init__(self, dasar: str, data: dict, sesi: list[requests.Session]):
        self.dasar, self.data, self.sesi = dasar, data, sesi
        pasangan = [
            (r, kode, random.choice(opsi))  # noqa: S311
            for r in data["responden"]
            for kode, opsi in data["indikator"]
        ]
        random.shuffle(pasangan)
        self.jawaban = iter(pasangan)
        self.kunci = threading.Lock()
        self.hasil: list[tuple[str, int, float]] = []
        self.diakui_jawaban: list[tuple[int, str, str]] = []
        self.diakui_anggota: list[str] = []

    def _catat(self, jenis, status, mulai):
        with self.kunci:
            self.hasil.append((jenis, status, (time.perf_counter() - mulai) * 1000))

    def satu(self, n: int) -> None:
        sesi = self.sesi[n % len(self.sesi)]
        pilih = n % 10
        mulai = time.perf_counter()
        token = sesi.cookies.get("csrftoken", "")
        kepala = {"X-CSRFToken": token, "Referer": self.dasar + "/"}
        try:
            if pilih < 6:  # baca
                alamat = [
                    "/kelompok/kps/",
                    f"/kelompok/kps/{self.data['kps']}/",
                    f"/penilaian/hkm/{self.data['evaluasi']}/",
                ][n % 3]
                r = sesi.get(self.dasar + alamat, timeout=30)
                self._catat("baca", r.status_code, mulai)
            elif pilih < 9:  # simpan jawaban kuesioner
                with self.kunci:
                    responden, kode, opsi = next(self.jawaban)
                r = sesi.post(
                    f"{self.dasar}/penilaian/responden/{responden}/jawab/",
                    data={"indikator": kode, kode: opsi},
                    headers=kepala,
                    timeout=30,
                )
                self._catat("jawaban", r.status_code, mulai)
                if r.status_code == 200:
                    with self.kunci:
                        self.diakui_jawaban.append((responden, kode, opsi))
            else:  # tambah anggota
                nama = f"Anggota Soak {uuid.uuid4().hex[:10]}"
                r = sesi.post(
                    f"{self.dasar}/kelompok/kps/{self.data['kps']}/anggota/tambah/",
                    data={
                        "nama": nama,
                        "jenis_kelamin": "P",
                        "tahun_lahir": "1990",
                        "jabatan": "anggota",
                        "nik": "",
                    },
                    headers=kepala,
                    timeout=30,
                    allow_redirects=False,
                )
                self._catat("anggota", r.status_code, mulai)
                if r.status_code == 302:
                    with self.kunci:
                        self.diakui_anggota.append(nama)
        except requests.RequestException:
            self._catat(["baca", "jawaban", "anggota"][min(pilih // 3, 2)], 0, mulai)

    def jalankan(self, laju: int, detik: int, restart_pada: float | None) -> float | None:
        jumlah = laju * detik
        waktu_restart = None
        with concurrent.futures.ThreadPoolExecutor(max_workers=200) as kolam:
            awal = time.perf_counter()
            for n in range(jumlah):
                sasaran = awal + n / laju
                jeda = sasaran - time.perf_counter()
                if jeda > 0:
                    time.sleep(jeda)
                if (
                    restart_pada is not None
                    and waktu_restart is None
                    and n >= jumlah * restart_pada
                ):
                    waktu_restart = time.perf_counter() - awal
                    threading.Thread(target=mulai_ulang_postgresql, daemon=True).start()
                kolam.submit(self.satu, n)
        return waktu_restart


def mulai_ulang_postgresql() -> None:
    versi = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(  # noqa: S603
        ["pg_ctlcluster", "--skip-systemctl-redirect", versi, "main", "restart"],  # noqa: S607
        check=True,
    )


def periksa(beban: Beban) -> tuple[int, int]:
    """(jawaban hilang, anggota hilang): diakui ke klien tetapi tidak ada di basis data."""
    for _ in range(50):
        try:
            koneksi = psycopg.connect(URL_DB)
            break
        except psycopg.OperationalError:
            time.sleep(0.5)
    with koneksi:
        ada = set(
            koneksi.execute(
                "SELECT r.id, j.indikator, j.opsi FROM penilaian_jawaban j "
                "JOIN penilaian_responden r ON r.kuesioner_id = j.kuesioner_id"
            ).fetchall()
        )
        nama = {
            baris[0]
            for baris in koneksi.execute(
                "SELECT nama FROM kelompok_anggota WHERE nama LIKE 'Anggota Soak %%'"
            ).fetchall()
        }
    hilang_jawaban = sum(1 for j in beban.diakui_jawaban if j not in ada)
    hilang_anggota = sum(1 for n in beban.diakui_anggota if n not in nama)
    return hilang_jawaban, hilang_anggota


def laporan(judul: str, beban: Beban, restart: float | None) -> None:
    semua = beban.hasil
    berhasil = [h for h in semua if h[1] in (200, 302)]
    waktu = sorted(h[2] for h in semua if h[1])
    kuantil = statistics.quantiles(waktu, n=100) if len(waktu) > 1 else [0] * 99
    hilang_j, hilang_a = periksa(beban)
    status = {}
    for _, s, _ in semua:
        status[s] = status.get(s, 0) + 1
    print(
        f"\n== {judul}"
        + (f" (PostgreSQL dimulai ulang pada detik {restart:.1f})" if restart else "")
    )
    print(
        f"permintaan: {len(semua)}; berhasil {len(berhasil)} "
        f"({100 * len(berhasil) / len(semua):.2f}%)"
    )
    print(f"status: {dict(sorted(status.items()))}  (0 = koneksi gagal)")
    print(
        f"waktu jawab: p50 {kuantil[49]:.0f} ms, p95 {kuantil[94]:.0f} ms, p99 {kuantil[98]:.0f} ms"
    )
    for jenis in ("baca", "jawaban", "anggota"):
        bagian = [h for h in semua if h[0] == jenis]
        ok = sum(1 for h in bagian if h[1] in (200, 302))
        print(f"  {jenis}: {ok}/{len(bagian)} berhasil")
    print(
        f"tulisan diakui: {len(beban.diakui_jawaban)} jawaban, "
        f"{len(beban.diakui_anggota)} anggota; hilang: {hilang_j} jawaban, {hilang_a} anggota"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laju", type=int, default=50)
    parser.add_argument("--detik", type=int, default=30)
    parser.add_argument("--tanpa-restart", action="store_true")
    a = parser.parse_args()
    data = siapkan(jumlah_responden=60)
    porta = porta_bebas()
    gunicorn = mulai_gunicorn(porta)
    dasar = f"http://127.0.0.1:{porta}"
    try:
        sesi = [masuk(dasar) for _ in range(8)]
        beban = Beban(dasar, data, sesi)
        beban.jalankan(a.laju, a.detik, None)
        laporan(f"{a.laju} permintaan/detik selama {a.detik} detik", beban, None)
        if not a.tanpa_restart:
            beban2 = Beban(dasar, data, sesi)
            beban2.jawaban = beban.jawaban  # pasangan (responden, indikator) tetap unik
            restart = beban2.jalankan(a.laju, a.detik, 0.5)
            time.sleep(3)
            laporan("sama, dengan PostgreSQL dimulai ulang", beban2, restart)
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)


if __name__ == "__main__":
    main()
