"""Kueri baca registri yang dipakai beberapa halaman dan ekspor; jumlah kuerinya tetap."""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from kelompok.models import (
    Anggota,
    DokumenPendukung,
    JenisDokumen,
    JenisKelamin,
    Kps,
    Kth,
    Kups,
    tahun_ini,
)
from perhutanan import riwayat as riwayat_umum


def _jumlah(model, kolom: str, **syarat) -> Coalesce:
    sub = (
        model.objects.filter(**{kolom: OuterRef("pk")}, diarsipkan_pada__isnull=True, **syarat)
        .order_by()
        .values(kolom)
        # count(*): dihitung dari indeks (kolom, diarsipkan_pada) saja, tanpa membaca baris.
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(sub, output_field=IntegerField()), 0)


def kps_daftar(qs: QuerySet[Kps]) -> QuerySet[Kps]:
    return qs.select_related("desa", "kabupaten", "provinsi").annotate(
        jumlah_kups=_jumlah(Kups, "kps"), jumlah_anggota=_jumlah(Anggota, "kps")
    )


def kth_daftar(qs: QuerySet[Kth]) -> QuerySet[Kth]:
    return qs.select_related("desa", "kabupaten", "provinsi", "kps").annotate(
        jumlah_anggota=_jumlah(Anggota, "kth")
    )


KELOMPOK_UMUR = [
    ("muda", "30 tahun ke bawah", 0, 30),
    ("dewasa", "31-45 tahun", 31, 45),
    ("paruh", "46-60 tahun", 46, 60),
    ("lansia", "di atas 60 tahun", 61, 200),
]


@dataclass(frozen=True)
class RingkasanAnggota:
    jumlah: int
    laki_laki: int
    perempuan: int
    per_umur: list[tuple[str, int]]
    pengurus: int


def ringkasan_anggota(anggota: QuerySet[Anggota]) -> RingkasanAnggota:
    """Jumlah anggota aktif per jenis kelamin dan kelompok umur, dalam satu kueri agregat."""
    tahun = tahun_ini()
    agregat = {
        "jumlah": Count("pk"),
        "laki_laki": Count("pk", filter=Q(jenis_kelamin=JenisKelamin.LAKI_LAKI)),
        "perempuan": Count("pk", filter=Q(jenis_kelamin=JenisKelamin.PEREMPUAN)),
        "pengurus": Count("pk", filter=~Q(jabatan="anggota")),
    }
    for kode, _, muda, tua in KELOMPOK_UMUR:
        agregat[kode] = Count(
            "pk", filter=Q(tahun_lahir__lte=tahun - muda, tahun_lahir__gte=tahun - tua)
        )
    hasil = anggota.filter(diarsipkan_pada__isnull=True).aggregate(**agregat)
    return RingkasanAnggota(
        jumlah=hasil["jumlah"],
        laki_laki=hasil["laki_laki"],
        perempuan=hasil["perempuan"],
        per_umur=[(label, hasil[kode]) for kode, label, _, _ in KELOMPOK_UMUR],
        pengurus=hasil["pengurus"],
    )


@dataclass(frozen=True)
class BarisKesiapan:
    jenis: str
    label: str
    dokumen: DokumenPendukung | None


def kesiapan_dokumen(kps: Kps) -> list[BarisKesiapan]:
    """Enam bahan pendukung kerja sama: dokumen terbaru tiap jenis, atau belum ada."""
    terbaru: dict[str, DokumenPendukung] = {}
    for dok in kps.dokumen.select_related("kups").order_by("jenis", "-tanggal_dokumen", "-pk"):
        terbaru.setdefault(dok.jenis, dok)
    return [BarisKesiapan(j.value, j.label, terbaru.get(j.value)) for j in JenisDokumen]


# Riwayat berisi nilai lama -> baru, sama untuk setiap model (perhutanan.riwayat).
riwayat = riwayat_umum.riwayat
