"""Instrumen dan satu evaluasi HKm final untuk KPS demo, agar rekap bisa langsung dilihat."""

import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from akun.models import Pengguna
from kelompok.models import Kps, Kth
from penilaian import definisi, services
from penilaian.models import EvaluasiHkm, PenilaianKth

# Pola jawaban per responden: indeks opsi (0 = opsi pertama/teratas) berputar per indikator.
POLA = [(0, 1, 0), (1, 0, 2), (0, 0, 1)]


def _penilaian_kth_demo(laporan: list) -> None:
    """Satu penilaian KTH menunggu di antrean Kepala Dinas, satu sudah bersertifikat."""

    penilai = Pengguna.objects.get(username="penilai")
    kadis = Pengguna.objects.get(username="kadis")
    tahun = timezone.localdate().year
    for register, isian, tetapkan in (("KTH-3208102001", 10, True), ("KTH-3205202001", 5, False)):
        kth = Kth.objects.get(nomor_register=register)
        if PenilaianKth.objects.filter(kth=kth, tahun=tahun).exists():
            laporan.append((f"penilaian kelas {kth}", "tetap"))
            continue
        p = services.penilaian_kth_buat(kth=kth, tahun=tahun, oleh=penilai)
        for i in p.kuesioner.versi.mesin.semua_indikator():
            nilai = min(isian, int(i.maks)) if i.isian else i.opsi[0].kode
            services.jawaban_simpan(
                kuesioner=p.kuesioner, indikator=i.kode, nilai=str(nilai), oleh=penilai
            )
        services.penilaian_kth_ajukan(penilaian=p, oleh=penilai)
        if tetapkan:
            services.penilaian_kth_tetapkan(penilaian=p, oleh=kadis)
        laporan.append((f"penilaian kelas {kth}", "dibuat"))


def muat_penilaian_demo() -> list[tuple[str, str]]:
    laporan = []
    for nama in ("hkm.yaml", "kth.yaml"):
        jalur = Path(settings.BASE_DIR) / "fixtures" / "instrumen" / nama
        versi, dibuat = services.instrumen_muat(
            kanonik=definisi.dari_yaml(jalur.read_text(encoding="utf-8")), sumber=nama
        )
        laporan.append((f"instrumen {versi}", "dibuat" if dibuat else "tetap"))
    _penilaian_kth_demo(laporan)
    kps = Kps.objects.get(nomor_sk="SK.1234/MENLHK-PSKL/PKPS/PSL.0/3/2021")
    if EvaluasiHkm.objects.filter(kps=kps).exists():
        laporan.append(("evaluasi HKm demo", "tetap"))
        return laporan
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
            services.jawaban_simpan(
                kuesioner=responden.kuesioner,
                indikator=indikator.kode,
                nilai=indikator.opsi[pilihan].kode,
                oleh=pendamping,
            )
        services.kuesioner_serahkan(kuesioner=responden.kuesioner, oleh=pendamping)
    services.evaluasi_finalkan(evaluasi=evaluasi, oleh=pendamping)
    laporan.append(("evaluasi HKm demo", "dibuat"))
    return laporan
