"""Angka laporan berkala, dihitung dari data yang sama dengan halaman (tidak ada tabel rekap
terpisah yang bisa berbeda). Setiap bagian satu fungsi; jumlah kuerinya tetap terhadap data
(agregasi di basis data; evaluasi HKm dibaca bertahap)."""

from __future__ import annotations

import calendar
import datetime
import statistics
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from kelompok.models import Provinsi
from kerjasama.models import (
    AksiTindakLanjut,
    JenisKerjaSama,
    KerjaSama,
    Perpanjangan,
    StatusPersetujuan,
    Tahap,
)
from kerjasama.tindak_lanjut import status_aksi
from penilaian.hkm.models import EvaluasiHkm, Responden
from penilaian.inti import scoring
from penilaian.inti.models import Kuesioner
from penilaian.kth.models import PenilaianKth

KELAS_KTH = ("Pemula", "Madya", "Utama")
STATUS_AKSI = ("usulan", "dimulai", "berjalan", "selesai", "diakhiri")


def batas_bulan(tahun: int, bulan: int) -> tuple[datetime.date, datetime.date]:
    return (
        datetime.date(tahun, bulan, 1),
        datetime.date(tahun, bulan, calendar.monthrange(tahun, bulan)[1]),
    )


def _satu_desimal(nilai) -> str:
    return str(Decimal(nilai).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def hitung(*, bpskl_id: str | None, tahun: int, bulan: int) -> dict:
    provinsi = Provinsi.objects.all()
    if bpskl_id:
        provinsi = provinsi.filter(bpskl_id=bpskl_id)
    provinsi = list(provinsi.order_by("kode").values_list("kode", "nama"))
    kode = [k for k, _ in provinsi]
    awal, akhir = batas_bulan(tahun, bulan)
    return {
        "periode": {"tahun": tahun, "bulan": bulan, "awal": str(awal), "akhir": str(akhir)},
        "dibuat": timezone.localtime().isoformat(timespec="minutes"),
        "provinsi": provinsi,
        "kerjasama": _kerjasama(kode, awal, akhir),
        "persetujuan": _persetujuan(kode, awal, akhir),
        "kth": _kth(kode, tahun),
        "hkm": _hkm(kode, tahun, akhir),
        "tindak_lanjut": _tindak_lanjut(kode, akhir),
    }


def _kerjasama(kode: list[str], awal, akhir) -> dict:
    """Kerja sama yang tercatat sampai akhir bulan, per jenis x tahap dan provinsi x jenis.
    Tahap adalah tahap saat laporan dibuat; yang sudah diakhiri dihitung terpisah."""
    qs = KerjaSama.objects.filter(kps_utama__provinsi_id__in=kode, dibuat_pada__date__lte=akhir)
    jenis_tahap: dict[str, dict[str, int]] = {j: {} for j in JenisKerjaSama.values}
    for b in qs.filter(diakhiri_pada__isnull=True).values("jenis", "tahap").annotate(n=Count("pk")):
        jenis_tahap[b["jenis"]][b["tahap"]] = b["n"]
    diakhiri = {
        b["jenis"]: b["n"]
        for b in qs.filter(diakhiri_pada__isnull=False).values("jenis").annotate(n=Count("pk"))
    }
    provinsi_jenis: dict[str, dict[str, int]] = defaultdict(dict)
    for b in qs.values("kps_utama__provinsi_id", "jenis").annotate(n=Count("pk")):
        provinsi_jenis[b["kps_utama__provinsi_id"]][b["jenis"]] = b["n"]
    return {
        "jenis_tahap": jenis_tahap,
        "diakhiri": diakhiri,
        "provinsi_jenis": dict(provinsi_jenis),
        "jumlah": qs.count(),
        "baru": qs.filter(dibuat_pada__date__gte=awal).count(),
    }


def _persetujuan(kode: list[str], awal, akhir) -> dict:
    """Keputusan BPSKL bulan ini dan lama menunggunya (hari), dan yang masih menunggu."""
    usaha = KerjaSama.objects.filter(kps_utama__provinsi_id__in=kode)
    diputuskan = list(
        usaha.filter(
            diputuskan_pada__date__gte=awal,
            diputuskan_pada__date__lte=akhir,
            diajukan_pada__isnull=False,
        ).values_list("status_persetujuan", "diajukan_pada", "diputuskan_pada")
    )
    # Hari sebagai Decimal dari timedelta (tanpa float).
    lama = [
        Decimal((putus - aju).days) + Decimal((putus - aju).seconds) / Decimal(86400)
        for _, aju, putus in diputuskan
    ]
    menunggu = list(
        usaha.filter(status_persetujuan=StatusPersetujuan.DIAJUKAN).values_list(
            "diajukan_pada", flat=True
        )
    )
    sekarang = timezone.now()
    return {
        "diajukan": usaha.filter(
            diajukan_pada__date__gte=awal, diajukan_pada__date__lte=akhir
        ).count(),
        "disetujui": sum(s == StatusPersetujuan.DISETUJUI for s, *_ in diputuskan),
        "ditolak": sum(s == StatusPersetujuan.DITOLAK for s, *_ in diputuskan),
        "lama_rata": _satu_desimal(sum(lama) / len(lama)) if lama else None,
        "lama_median": _satu_desimal(statistics.median(lama)) if lama else None,
        "lama_terlama": _satu_desimal(max(lama)) if lama else None,
        "menunggu": len(menunggu),
        "menunggu_terlama": max((sekarang - w).days for w in menunggu) if menunggu else None,
        "perpanjangan_diputuskan": Perpanjangan.objects.filter(
            kerjasama__kps_utama__provinsi_id__in=kode,
            diputuskan_pada__date__gte=awal,
            diputuskan_pada__date__lte=akhir,
        ).count(),
    }


def _kth(kode: list[str], tahun: int) -> dict:
    """Kelas KTH yang ditetapkan per provinsi, tahun ini dan tahun lalu."""
    hasil: dict[str, dict[str, list[int]]] = {
        k: {kelas: [0, 0] for kelas in KELAS_KTH} for k in kode
    }
    for b in (
        PenilaianKth.objects.filter(
            kth__provinsi_id__in=kode,
            status=PenilaianKth.Status.DITETAPKAN,
            tahun__in=[tahun, tahun - 1],
        )
        .values("kth__provinsi_id", "kelas", "tahun")
        .annotate(n=Count("pk"))
    ):
        if b["kelas"] in KELAS_KTH:
            hasil[b["kth__provinsi_id"]][b["kelas"]][0 if b["tahun"] == tahun else 1] = b["n"]
    return hasil


def _hkm(kode: list[str], tahun: int, akhir) -> dict:
    """Evaluasi HKm final tahun ini sampai akhir bulan: jumlah per provinsi, dan per kriteria
    berapa evaluasi yang rata-ratanya Baik, Sedang, Tidak Baik (aturan rekap resmi)."""
    evaluasi = (
        EvaluasiHkm.objects.filter(
            kps__provinsi_id__in=kode,
            status=EvaluasiHkm.Status.FINAL,
            tanggal__year=tahun,
            tanggal__lte=akhir,
        )
        .select_related("versi", "kps")
        .prefetch_related(
            Prefetch(
                "responden",
                queryset=Responden.objects.select_related("kuesioner").filter(
                    kuesioner__status=Kuesioner.Status.SELESAI
                ),
            )
        )
        .order_by("pk")
    )
    per_provinsi: Counter = Counter()
    kriteria: dict[str, dict] = {}
    for e in evaluasi.iterator(chunk_size=500):
        per_provinsi[e.kps.provinsi_id] += 1
        data = [r.kuesioner.nilai_kriteria() for r in e.responden.all()]
        if not data:
            continue
        mesin = e.versi.mesin
        for k in scoring.rekap(mesin, data).kolom:
            baris = kriteria.setdefault(k.kode, {"nama": k.nama, "kategori": Counter()})
            baris["kategori"][k.kategori] += 1
    return {
        "per_provinsi": dict(per_provinsi),
        "jumlah": sum(per_provinsi.values()),
        "kriteria": {
            kode: {"nama": b["nama"], "kategori": dict(b["kategori"])}
            for kode, b in sorted(kriteria.items())
        },
    }


def _tindak_lanjut(kode: list[str], akhir) -> dict:
    """Aksi rencana tindak lanjut (HKm dan KTH) di wilayah ini menurut statusnya."""
    aksi = (
        AksiTindakLanjut.objects.filter(rencana__dibuat_pada__date__lte=akhir)
        .filter(
            Q(rencana__kps__provinsi_id__in=kode)
            | Q(rencana__kps__isnull=True, rencana__kth__provinsi_id__in=kode)
        )
        .select_related("kerjasama")
        .only("pk", "kerjasama__tahap", "kerjasama__diakhiri_pada", "kerjasama__alasan_akhir")
    )
    jumlah = Counter(status_aksi(a) for a in aksi.iterator(chunk_size=1000))
    return {s: jumlah.get(s, 0) for s in STATUS_AKSI}


# Label untuk berkas dan halaman.
LABEL_TAHAP = dict(Tahap.choices)
LABEL_JENIS = dict(JenisKerjaSama.choices)
