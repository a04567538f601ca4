"""Dari penilaian ke kerja sama: rencana tindak lanjut dan calon mitra yang disarankan.

Setiap kriteria evaluasi HKm final yang rata-ratanya di bawah garis "Sedang" (kategori terendah
instrumennya) menjadi satu aksi: kebutuhan, jenis kerja sama, kategori mitra dan bentuk dukungan
dari pemetaan juknis (`PemetaanTindakLanjut`, data yang dapat diubah admin). Aksi dimulai sebagai
kerja sama dengan satu klik (KPS, kebutuhan, jenis dan mitra terisi), dan evaluasi berikutnya
menunjukkan apakah kriterianya bergerak.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

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
from perhutanan.angka import format_desimal, ke_decimal

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


def _buat_aksi(rencana: RencanaTindakLanjut, instrumen: str, lemah) -> None:
    """Satu aksi per (kode, nama, nilai %, kategori) yang lemah, isinya disalin dari pemetaan
    juknis, jadi perubahan pemetaan kemudian tidak mengubah rencana yang sudah dibuat."""
    pemetaan = {p.kode: p for p in PemetaanTindakLanjut.objects.filter(instrumen=instrumen)}
    for kode, nama, nilai, kategori in lemah:
        p = pemetaan.get(kode)
        AksiTindakLanjut.objects.create(
            rencana=rencana,
            kode=kode,
            nama=nama,
            nilai=nilai,
            kategori=kategori,
            kebutuhan=p.kebutuhan if p else f"Perbaikan {nama}.",
            jenis=p.jenis if p else [],
            kategori_mitra=p.kategori_mitra if p else [],
            bentuk_dukungan=p.bentuk_dukungan if p else [],
            sumber=p.sumber if p else "",
        )


@transaction.atomic
def buat_rencana(*, evaluasi, oleh) -> RencanaTindakLanjut:
    """Rencana dari evaluasi HKm final (sekali per evaluasi; memanggil lagi mengembalikan yang
    ada): kriteria yang rata-ratanya di kategori terendah ('Tidak Baik')."""
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
    ambang = evaluasi.versi.mesin.ambang
    rencana = RencanaTindakLanjut.objects.create(
        evaluasi=evaluasi,
        kps=evaluasi.kps,
        garis=f"{ambang[-2].nama} ({format_desimal(ke_decimal(ambang[-2].min), 0)}%)",
        dibuat_oleh=oleh,
    )
    _buat_aksi(
        rencana,
        evaluasi.versi.instrumen.kode,
        [
            (k.kode, k.nama, k.rata_rata, k.kategori)
            for k in data.rekap.kolom
            if k.kategori == ambang[-1].nama
        ],
    )
    return rencana


def garis_kth(mesin, kelas: str) -> tuple[str, Fraction]:
    """Garis sasaran KTH: batas bawah kelas di atas kelasnya (Utama tetap Utama), sebagai persen
    dari nilai maksimum seluruh aspek. Pemula -> Madya 350/1000 = 35%; Madya -> Utama 70%."""
    ambang = sorted(mesin.ambang, key=lambda a: a.min, reverse=True)  # dari kelas tertinggi
    posisi = next((n for n, a in enumerate(ambang) if a.nama == kelas), len(ambang) - 1)
    sasaran = ambang[max(posisi - 1, 0)]
    maks = sum(a.maks for a in mesin.aspek if a.maks is not None)
    return sasaran.nama, sasaran.min * 100 / maks


def persen_aspek_kth(penilaian) -> list[tuple[str, str, Decimal]]:
    """(kode, nama, persen dari nilai maksimum aspek) dari potret hasil penilaian KTH."""
    mesin = penilaian.kuesioner.versi.mesin
    nilai = (penilaian.kuesioner.hasil or {}).get("aspek", {})
    return [
        (
            a.kode,
            a.nama,
            ke_decimal(Fraction(nilai[a.kode]) * 100 / a.maks).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP
            ),
        )
        for a in mesin.aspek
        if a.maks and a.kode in nilai
    ]


@transaction.atomic
def buat_rencana_kth(*, penilaian, oleh) -> RencanaTindakLanjut:
    """Rencana dari penilaian kelas KTH yang ditetapkan: aspek yang nilainya (persen dari
    maksimum aspek) di bawah garis kelas berikutnya, sebagai prioritas pembinaan (seed 003)."""
    if penilaian.status != penilaian.Status.DITETAPKAN:
        raise RencanaTidakDapatDibuat(
            "Rencana tindak lanjut dibuat dari penilaian kelas yang sudah ditetapkan."
        )
    ada = RencanaTindakLanjut.objects.filter(penilaian_kth=penilaian).first()
    if ada is not None:
        return ada
    mesin = penilaian.kuesioner.versi.mesin
    nama_garis, garis = garis_kth(mesin, penilaian.kelas)
    garis_desimal = ke_decimal(garis)
    rencana = RencanaTindakLanjut.objects.create(
        penilaian_kth=penilaian,
        kth=penilaian.kth,
        kps=penilaian.kth.kps,
        garis=f"kelas {nama_garis} ({format_desimal(garis_desimal, 0)}%)",
        dibuat_oleh=oleh,
    )
    _buat_aksi(
        rencana,
        mesin.kode,
        [
            (kode, nama, persen, f"di bawah garis kelas {nama_garis}")
            for kode, nama, persen in persen_aspek_kth(penilaian)
            if persen < garis_desimal
        ],
    )
    return rencana


def nilai_sesudahnya(rencana: RencanaTindakLanjut) -> dict[str, tuple[str, Decimal]]:
    """Per kode kriteria/aspek: (keterangan penilaian berikutnya, nilainya %), bila sudah ada
    evaluasi HKm final atau penilaian KTH ditetapkan sesudah sumber rencana ini."""
    if rencana.penilaian_kth_id:
        return _nilai_sesudahnya_kth(rencana)
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
    keterangan = f"evaluasi HKm {terbaru.evaluasi.tanggal:%d-%m-%Y}"
    return {kode: (keterangan, nilai) for kode, nilai in terbaru.rata_rata.items()}


def _nilai_sesudahnya_kth(rencana: RencanaTindakLanjut) -> dict[str, tuple[str, Decimal]]:
    from penilaian.kth.models import PenilaianKth

    sumber = rencana.penilaian_kth
    terbaru = (
        PenilaianKth.objects.filter(
            kth_id=sumber.kth_id, status=PenilaianKth.Status.DITETAPKAN, tahun__gt=sumber.tahun
        )
        .select_related("kuesioner__versi")
        .order_by("-tahun", "-pk")
        .first()
    )
    if terbaru is None:
        return {}
    keterangan = f"penilaian kelas KTH {terbaru.tahun}"
    return {kode: (keterangan, persen) for kode, _, persen in persen_aspek_kth(terbaru)}


def status_aksi(aksi: AksiTindakLanjut) -> str:
    ks = aksi.kerjasama
    if ks is None:
        return "usulan"
    if ks.diakhiri_pada:
        return "selesai" if ks.alasan_akhir == AlasanAkhir.JANGKA_WAKTU else "diakhiri"
    if ks.tahap in (Tahap.F, Tahap.G):
        return "berjalan"
    return "dimulai"


@dataclass
class GerakKriteria:
    """Satu kriteria yang disasar kerja sama lewat aksi tindak lanjut, dan geraknya."""

    kode: str
    nama: str
    awal: Decimal
    target: Decimal | None
    sesudah: Decimal | None = None
    evaluasi_sesudah: str = ""

    @property
    def gerak(self) -> str:
        if self.sesudah is None:
            return "belum dievaluasi ulang"
        if self.sesudah > self.awal:
            naik = f"naik {_pecahan(self.sesudah - self.awal)} poin"
            if self.target is not None and self.sesudah >= self.target:
                return f"{naik}, mencapai garis sasaran"
            return naik
        if self.sesudah == self.awal:
            return "tetap"
        return f"turun {_pecahan(self.awal - self.sesudah)} poin"

    def sebagai_json(self) -> dict:
        return {
            "kode": self.kode,
            "nama": self.nama,
            "awal": str(self.awal),
            "target": None if self.target is None else str(self.target),
            "sesudah": None if self.sesudah is None else str(self.sesudah),
            "evaluasi_sesudah": self.evaluasi_sesudah,
            "gerak": self.gerak,
        }


def _pecahan(nilai: Decimal) -> str:
    return format_desimal(nilai, 1)


def garis_sasaran(rencana: RencanaTindakLanjut) -> Decimal:
    """HKm: batas bawah kategori di atas yang terendah ('Sedang', 60%). KTH: garis kelas
    berikutnya sebagai persen nilai maksimum (lihat garis_kth)."""
    if rencana.penilaian_kth_id:
        p = rencana.penilaian_kth
        return ke_decimal(garis_kth(p.kuesioner.versi.mesin, p.kelas)[1]).quantize(Decimal("0.1"))
    return ke_decimal(rencana.evaluasi.versi.mesin.ambang[-2].min)


def gerak_kriteria(kerjasama) -> list[GerakKriteria]:
    """Kriteria yang disasar aksi tindak lanjut kerja sama ini: nilai saat rencana dibuat, garis
    sasaran, dan nilai pada evaluasi final berikutnya bila sudah ada."""
    aksi = list(
        AksiTindakLanjut.objects.filter(kerjasama=kerjasama).select_related(
            "rencana__evaluasi__versi", "rencana__kps", "rencana__penilaian_kth__kuesioner__versi"
        )
    )
    hasil, sesudah_per_rencana = [], {}
    for a in aksi:
        if a.rencana_id not in sesudah_per_rencana:
            sesudah_per_rencana[a.rencana_id] = nilai_sesudahnya(a.rencana)
        g = GerakKriteria(a.kode, a.nama, a.nilai, garis_sasaran(a.rencana))
        if a.kode in sesudah_per_rencana[a.rencana_id]:
            keterangan, nilai = sesudah_per_rencana[a.rencana_id][a.kode]
            g.sesudah = ke_decimal(nilai).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            g.evaluasi_sesudah = keterangan
        hasil.append(g)
    return hasil


def penjelasan_per_kriteria(evaluasi) -> dict[str, list[tuple[str, str, str, str]]]:
    """Penjelasan kondisi terkini yang dicatat penilai, per kode kriteria: (kode indikator,
    teks indikator, nama responden, penjelasan). Satu kueri."""
    from penilaian.inti.models import Penjelasan

    mesin = evaluasi.versi.mesin
    indikator = {i.kode: (k.kode, i.teks) for k in mesin.kriteria_dinilai() for i in k.indikator}
    hasil: dict[str, list] = {}
    for p in (
        Penjelasan.objects.filter(kuesioner__responden__evaluasi=evaluasi)
        .select_related("kuesioner__responden")
        .order_by("kuesioner__responden__urutan", "kuesioner__responden__pk", "indikator")
    ):
        if p.indikator in indikator:
            kriteria, teks = indikator[p.indikator]
            hasil.setdefault(kriteria, []).append(
                (p.indikator, teks, p.kuesioner.responden.nama, p.teks)
            )
    return hasil
