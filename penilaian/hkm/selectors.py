"""Kueri baca evaluasi HKm. Rekap membaca potret hasil tiap responden dalam satu kueri."""

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, Prefetch

from penilaian.hkm.models import EvaluasiHkm, Responden
from penilaian.inti import scoring
from penilaian.inti.grafik import batang_kriteria
from penilaian.inti.models import Kuesioner


@dataclass(frozen=True)
class RingkasAspek:
    kode: str
    nama: str
    rata_rata: Decimal
    kategori: str


@dataclass(frozen=True)
class JawabanPrasyarat:
    kode: str
    teks: str
    jawaban: str  # "Ada", "Tidak ada" atau "Belum dijawab"


@dataclass
class DataRekap:
    evaluasi: EvaluasiHkm
    responden: list[Responden]
    rekap: scoring.Rekap | None
    aspek: list[RingkasAspek]
    terlemah: list[scoring.KolomRekap]
    grafik: str
    prasyarat: list[JawabanPrasyarat] = field(default_factory=list)

    @property
    def baris(self):
        return list(zip(self.responden, self.rekap.baris, strict=True)) if self.rekap else []

    @property
    def kelompok_aspek(self) -> list[tuple[str, list[scoring.KolomRekap]]]:
        """Kolom rekap dikelompokkan per aspek (judul di atas kode kriteria)."""
        if not self.rekap:
            return []
        per_kode = {k.kode: k for k in self.rekap.kolom}
        return [
            (a.nama, [per_kode[k.kode] for k in a.kriteria if k.kode in per_kode])
            for a in self.evaluasi.versi.mesin.aspek
            if a.jenis != scoring.PRASYARAT
        ]


def jawaban_prasyarat(evaluasi: EvaluasiHkm) -> list[JawabanPrasyarat]:
    hasil = []
    for aspek in evaluasi.versi.mesin.aspek:
        if aspek.jenis != scoring.PRASYARAT:
            continue
        for kriteria in aspek.kriteria:
            for i in kriteria.indikator:
                opsi = i.opsi_dengan_kode(str(evaluasi.prasyarat.get(i.kode) or ""))
                hasil.append(
                    JawabanPrasyarat(i.kode, i.teks, opsi.teks if opsi else "Belum dijawab")
                )
    return hasil


def _ringkas_aspek(mesin: scoring.Instrumen, rekap: scoring.Rekap) -> list[RingkasAspek]:
    """Rata-rata aspek = rata-rata dari Rata-rata kriterianya, dibulatkan setengah ke atas."""
    per_kode = {k.kode: k for k in rekap.kolom}
    hasil = []
    for aspek in mesin.aspek:
        if aspek.jenis == scoring.PRASYARAT:
            continue
        nilai = [Fraction(per_kode[k.kode].rata_rata) for k in aspek.kriteria]
        rata = scoring.bulatkan_setengah_ke_atas(sum(nilai) / len(nilai))
        hasil.append(RingkasAspek(aspek.kode, aspek.nama, rata, mesin.golongkan(rata)))
    return hasil


def rekap_evaluasi(evaluasi: EvaluasiHkm) -> DataRekap:
    responden = list(
        evaluasi.responden.select_related("kuesioner")
        .filter(kuesioner__status=Kuesioner.Status.SELESAI)
        .order_by("urutan", "pk")
    )
    mesin = evaluasi.versi.mesin
    if not responden:
        return DataRekap(evaluasi, [], None, [], [], "", jawaban_prasyarat(evaluasi))
    rekap = scoring.rekap(mesin, [r.kuesioner.nilai_kriteria() for r in responden])
    grafik = batang_kriteria(
        [(k.kode, k.nama, k.rata_rata, k.kategori) for k in rekap.kolom],
        judul="Rata-rata nilai kriteria (%)",
    )
    return DataRekap(
        evaluasi,
        responden,
        rekap,
        _ringkas_aspek(mesin, rekap),
        rekap.terlemah(),
        grafik,
        jawaban_prasyarat(evaluasi),
    )


def responden_dengan_kemajuan(evaluasi: EvaluasiHkm) -> list[Responden]:
    return list(
        evaluasi.responden.select_related("kuesioner", "anggota")
        .annotate(terjawab=Count("kuesioner__jawaban"))
        .order_by("urutan", "pk")
    )


@dataclass(frozen=True)
class KolomRiwayat:
    evaluasi: EvaluasiHkm
    rata_rata: dict[str, Decimal]


def riwayat_hkm(kps) -> tuple[list[tuple[str, str]], list[KolomRiwayat]]:
    """Evaluasi final sebuah KPS berdampingan: Rata-rata tiap kriteria per evaluasi (2 kueri)."""
    evaluasi = list(
        EvaluasiHkm.objects.filter(kps=kps, status=EvaluasiHkm.Status.FINAL)
        .select_related("versi")
        .prefetch_related(
            Prefetch(
                "responden",
                queryset=Responden.objects.select_related("kuesioner").filter(
                    kuesioner__status=Kuesioner.Status.SELESAI
                ),
            )
        )
        .order_by("tanggal", "pk")
    )
    kolom = []
    kriteria: dict[str, str] = {}
    for e in evaluasi:
        mesin = e.versi.mesin
        for k in mesin.kriteria_dinilai():
            kriteria.setdefault(k.kode, k.nama)
        data = [r.kuesioner.nilai_kriteria() for r in e.responden.all()]
        if data:
            rekap = scoring.rekap(mesin, data)
            kolom.append(KolomRiwayat(e, {k.kode: k.rata_rata for k in rekap.kolom}))
    return list(kriteria.items()), kolom
