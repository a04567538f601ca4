"""Satu evaluasi HKm final untuk KPS demo, agar rekap bisa langsung dilihat."""

import datetime

from akun.models import Pengguna
from kelompok.models import Kps
from penilaian.hkm import services
from penilaian.hkm.models import EvaluasiHkm
from penilaian.inti.services import jawaban_simpan, kuesioner_serahkan

# Pola jawaban per responden: indeks opsi (0 = opsi pertama/teratas) berputar per indikator.
POLA = [(0, 1, 0), (1, 0, 2), (0, 0, 1)]


def muat_evaluasi_hkm_demo(laporan: list) -> None:
    kps = Kps.objects.get(nomor_sk="SK.1234/MENLHK-PSKL/PKPS/PSL.0/3/2021")
    if EvaluasiHkm.objects.filter(kps=kps).exists():
        laporan.append(("evaluasi HKm demo", "tetap"))
        return
    pendamping = Pengguna.objects.get(username="pendamping")
    evaluasi = services.evaluasi_buat(kps=kps, oleh=pendamping, tanggal=datetime.date(2026, 10, 5))
    mesin = evaluasi.versi.mesin
    services.prasyarat_simpan(
        evaluasi=evaluasi, jawaban={"A1.1": "a", "A1.2": "b"}, oleh=pendamping
    )
    for n, anggota in enumerate(kps.anggota.order_by("pk")[:3]):
        responden = services.responden_tambah(
            evaluasi=evaluasi,
            nama="",
            peran="pengurus" if n == 0 else "anggota",
            anggota=anggota,
            oleh=pendamping,
        )
        pola = POLA[n]
        for i, indikator in enumerate(mesin.semua_indikator(termasuk_prasyarat=False)):
            pilihan = min(pola[i % 3], len(indikator.opsi) - 1)
            jawaban_simpan(
                kuesioner=responden.kuesioner,
                indikator=indikator.kode,
                nilai=indikator.opsi[pilihan].kode,
                oleh=pendamping,
            )
        kuesioner_serahkan(kuesioner=responden.kuesioner, oleh=pendamping)
    services.evaluasi_finalkan(evaluasi=evaluasi, oleh=pendamping)
    laporan.append(("evaluasi HKm demo", "dibuat"))
