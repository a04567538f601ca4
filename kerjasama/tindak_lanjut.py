"""Dari penilaian ke kerja sama: rencana tindak lanjut dan calon mitra yang disarankan.

Setiap kriteria evaluasi HKm final yang rata-ratanya di bawah garis "Sedang" (kategori terendah
instrumennya) menjadi satu aksi: kebutuhan, jenis kerja sama, kategori mitra dan bentuk dukungan
dari pemetaan juknis (`PemetaanTindakLanjut`, data yang dapat diubah admin). Aksi dimulai sebagai
kerja sama dengan satu klik (KPS, kebutuhan, jenis dan mitra terisi), dan evaluasi berikutnya
menunjukkan apakah kriterianya bergerak.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q

from kerjasama.models import (
    AksiTindakLanjut,
    AlasanAkhir,
    KategoriMitra,
    Mitra,
    PemetaanTindakLanjut,
    RencanaTindakLanjut,
    Tahap,
)
from kerjasama.uji_tuntas import butir_untuk

# Skor calon mitra: bagian yang dapat dijelaskan satu per satu kepada pendamping.
SKOR_KATEGORI = (3, 2, 2)  # kategori pertama pemetaan, kedua-ketiga; sisanya 1
SKOR_PROVINSI_SAMA = 3
SKOR_WILAYAH_BPSKL = 1
SKOR_NASIONAL = 1
SKOR_UJI_TUNTAS_LENGKAP = 2
SKOR_UJI_TUNTAS_SEBAGIAN = 1
SKOR_REKAM_JEJAK_MAKS = 3
PENALTI_BERAKHIR_DINI = 2
CALON_DIPERIKSA_MAKS = 500  # per aksi, yang paling dekat wilayahnya dulu
BERAKHIR_DINI = (AlasanAkhir.PUTUSAN, AlasanAkhir.DICABUT, AlasanAkhir.KESEPAKATAN)


@dataclass
class CalonMitra:
    mitra: Mitra
    skor: int
    alasan: list[str] = field(default_factory=list)


def calon_mitra(*, kategori: list[str], kps, batas: int = 3) -> list[CalonMitra]:
    """Mitra terdaftar yang paling cocok untuk satu aksi, diurutkan menurut kecocokan kategori,
    wilayah, kelengkapan uji tuntas dan rekam jejak kerja sama (berjalan atau selesai menambah,
    berakhir sebelum waktunya mengurangi). Jumlah kueri tetap: satu kueri beranotasi."""
    if not kategori:
        return []
    bpskl = kps.provinsi.bpskl_id
    qs = (
        Mitra.objects.filter(kategori__in=kategori)
        .select_related("provinsi")
        .annotate(
            terpenuhi=Count("pemeriksaan", filter=Q(pemeriksaan__terpenuhi=True), distinct=True),
            berjalan=Count(
                "kerjasama",
                filter=Q(
                    kerjasama__tahap__in=[Tahap.F, Tahap.G], kerjasama__diakhiri_pada__isnull=True
                )
                | Q(kerjasama__alasan_akhir=AlasanAkhir.JANGKA_WAKTU),
                distinct=True,
            ),
            dini=Count(
                "kerjasama",
                filter=Q(kerjasama__alasan_akhir__in=BERAKHIR_DINI),
                distinct=True,
            ),
        )
        .order_by("nama")
    )
    dekat = list(qs.filter(Q(provinsi_id=kps.provinsi_id) | Q(provinsi__isnull=True))[:200])
    lain = list(
        qs.exclude(Q(provinsi_id=kps.provinsi_id) | Q(provinsi__isnull=True))[
            : CALON_DIPERIKSA_MAKS - len(dekat)
        ]
    )
    label = dict(KategoriMitra.choices)
    hasil = []
    for m in [*dekat, *lain]:
        alasan = []
        urutan = kategori.index(m.kategori)
        skor = SKOR_KATEGORI[urutan] if urutan < len(SKOR_KATEGORI) else 1
        alasan.append(f"kategori {label[m.kategori]}")
        if m.provinsi_id == kps.provinsi_id:
            skor += SKOR_PROVINSI_SAMA
            alasan.append("provinsi yang sama")
        elif m.provinsi_id is None:
            skor += SKOR_NASIONAL
            alasan.append("bekerja nasional")
        elif m.provinsi.bpskl_id == bpskl:
            skor += SKOR_WILAYAH_BPSKL
            alasan.append("wilayah BPSKL yang sama")
        jumlah_butir = len(butir_untuk(m.kategori))
        if m.terpenuhi >= jumlah_butir:
            skor += SKOR_UJI_TUNTAS_LENGKAP
            alasan.append(f"uji tuntas lengkap ({m.terpenuhi}/{jumlah_butir})")
        elif m.terpenuhi:
            skor += SKOR_UJI_TUNTAS_SEBAGIAN
            alasan.append(f"uji tuntas {m.terpenuhi}/{jumlah_butir}")
        else:
            alasan.append("uji tuntas belum diisi")
        if m.berjalan:
            skor += min(m.berjalan, SKOR_REKAM_JEJAK_MAKS)
            alasan.append(f"{m.berjalan} kerja sama berjalan atau selesai")
        if m.dini:
            skor -= PENALTI_BERAKHIR_DINI * m.dini
            alasan.append(f"{m.dini} kerja sama berakhir sebelum waktunya")
        hasil.append(CalonMitra(m, skor, alasan))
    hasil.sort(key=lambda c: (-c.skor, c.mitra.nama.lower(), c.mitra.pk))
    return hasil[:batas]


class RencanaTidakDapatDibuat(Exception):
    pass


@transaction.atomic
def buat_rencana(*, evaluasi, oleh) -> RencanaTindakLanjut:
    """Rencana dari evaluasi HKm final (sekali per evaluasi; memanggil lagi mengembalikan yang
    ada). Isi pemetaan disalin ke aksi, jadi perubahan pemetaan kemudian tidak mengubahnya."""
    from penilaian.hkm.selectors import rekap_evaluasi

    if not evaluasi.final:
        raise RencanaTidakDapatDibuat(
            "Rencana tindak lanjut dibuat dari evaluasi yang sudah final."
        )
    ada = RencanaTindakLanjut.objects.filter(evaluasi=evaluasi).first()
    if ada is not None:
        return ada
    data = rekap_evaluasi(evaluasi)
    if data.rekap is None:
        raise RencanaTidakDapatDibuat("Evaluasi ini belum punya kuesioner yang selesai.")
    terendah = evaluasi.versi.mesin.ambang[-1].nama
    pemetaan = {
        p.kode: p
        for p in PemetaanTindakLanjut.objects.filter(instrumen=evaluasi.versi.instrumen.kode)
    }
    rencana = RencanaTindakLanjut.objects.create(
        evaluasi=evaluasi, kps=evaluasi.kps, dibuat_oleh=oleh
    )
    for k in data.rekap.kolom:
        if k.kategori != terendah:
            continue
        p = pemetaan.get(k.kode)
        AksiTindakLanjut.objects.create(
            rencana=rencana,
            kode=k.kode,
            nama=k.nama,
            nilai=k.rata_rata,
            kategori=k.kategori,
            kebutuhan=p.kebutuhan if p else f"Perbaikan kriteria {k.nama}.",
            jenis=p.jenis if p else [],
            kategori_mitra=p.kategori_mitra if p else [],
            bentuk_dukungan=p.bentuk_dukungan if p else [],
            sumber=p.sumber if p else "",
        )
    return rencana


def nilai_sesudahnya(rencana: RencanaTindakLanjut) -> dict[str, tuple[object, Decimal]]:
    """Per kode kriteria: (evaluasi final berikutnya, rata-ratanya), bila ada evaluasi final
    sesudah evaluasi rencana ini. Dua kueri (lihat penilaian.hkm.selectors.riwayat_hkm)."""
    from penilaian.hkm.selectors import riwayat_hkm

    _, kolom = riwayat_hkm(rencana.kps)
    sesudah = [
        k
        for k in kolom
        if (k.evaluasi.tanggal, k.evaluasi.pk) > (rencana.evaluasi.tanggal, rencana.evaluasi.pk)
    ]
    if not sesudah:
        return {}
    terbaru = sesudah[-1]
    return {kode: (terbaru.evaluasi, nilai) for kode, nilai in terbaru.rata_rata.items()}


def status_aksi(aksi: AksiTindakLanjut) -> str:
    ks = aksi.kerjasama
    if ks is None:
        return "usulan"
    if ks.diakhiri_pada:
        return "selesai" if ks.alasan_akhir == AlasanAkhir.JANGKA_WAKTU else "diakhiri"
    if ks.tahap in (Tahap.F, Tahap.G):
        return "berjalan"
    return "dimulai"
