"""Riwayat perubahan dengan isinya: siapa, kapan, dan setiap kolom dari nilai lama ke nilai baru.

Dibaca dari catatan django-simple-history objek itu. Nilai ditulis seperti di halaman: pilihan
dengan labelnya, tanggal "22 November 2026", angka dan rupiah dalam format Indonesia, ya/tidak,
rujukan (mis. desa, mitra) dengan namanya. Nama rujukan dibaca sekali per model untuk seluruh
riwayat yang ditampilkan, sehingga jumlah kueri tidak bergantung pada panjang riwayat.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePosixPath

from django.db import models
from django.utils import formats, timezone

from perhutanan.angka import format_desimal, format_rupiah

JENIS_RIWAYAT = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}
KOSONG = "(kosong)"
PANJANG_TEKS = 160


@dataclass(frozen=True)
class Perubahan:
    kolom: str
    lama: str
    baru: str


@dataclass(frozen=True)
class BarisRiwayat:
    waktu: object
    oleh: object
    jenis: str
    alasan: str
    perubahan: list[Perubahan]


def _desimal(nilai: Decimal) -> str:
    digit = max(0, min(4, -nilai.normalize().as_tuple().exponent))
    return format_desimal(nilai, digit)


def tulis_nilai(field: models.Field, nilai, nama_rujukan: dict) -> str:
    """Nilai satu kolom sebagaimana pengguna membacanya."""
    if nilai is None or nilai == "":
        return KOSONG
    if field.is_relation:
        kunci = nilai.pk if isinstance(nilai, models.Model) else nilai
        return nama_rujukan.get((field.related_model, kunci), f"#{kunci}")
    if field.choices:
        return str(dict(field.flatchoices).get(nilai, nilai))
    if isinstance(nilai, bool):
        return "Ya" if nilai else "Tidak"
    if isinstance(nilai, datetime.datetime):
        return formats.date_format(timezone.localtime(nilai), "j F Y, H.i")
    if isinstance(nilai, datetime.date):
        return formats.date_format(nilai, "j F Y")
    if isinstance(nilai, Decimal):
        teks = str(field.verbose_name)
        return format_rupiah(nilai) if "(Rp)" in teks else _desimal(nilai)
    if isinstance(field, models.FileField):
        return PurePosixPath(str(nilai)).name or KOSONG
    if isinstance(field, models.JSONField):
        if isinstance(nilai, dict) and nilai.get("type"):
            return f"GeoJSON {nilai['type']}"
        return f"{len(nilai)} butir" if isinstance(nilai, (list, dict)) else str(nilai)
    teks = str(nilai)
    return teks if len(teks) <= PANJANG_TEKS else teks[: PANJANG_TEKS - 1] + "…"


def riwayat(objek, batas: int = 20) -> list[BarisRiwayat]:
    """Perubahan terakhir `objek`, terbaru dulu: satu kueri riwayat, ditambah satu kueri per model
    rujukan yang berubah."""
    catatan = list(
        objek.history.select_related("history_user").order_by("-history_id")[: batas + 1]
    )
    model = type(objek)
    beda_per_baris = []
    rujukan: dict[type, set] = {}
    for i, rekam in enumerate(catatan[:batas]):
        sebelumnya = catatan[i + 1] if i + 1 < len(catatan) else None
        beda = []
        if sebelumnya is not None and rekam.history_type == "~":
            for c in rekam.diff_against(sebelumnya).changes:
                field = model._meta.get_field(c.field)
                beda.append((field, c.old, c.new))
                if field.is_relation:
                    for v in (c.old, c.new):
                        if v not in (None, ""):
                            kunci = v.pk if isinstance(v, models.Model) else v
                            rujukan.setdefault(field.related_model, set()).add(kunci)
        beda_per_baris.append((rekam, beda))
    nama_rujukan = {
        (terkait, o.pk): str(o)
        for terkait, kunci in rujukan.items()
        for o in terkait._default_manager.filter(pk__in=kunci)
    }
    return [
        BarisRiwayat(
            waktu=rekam.history_date,
            oleh=rekam.history_user,
            jenis=JENIS_RIWAYAT.get(rekam.history_type, rekam.history_type),
            alasan=rekam.history_change_reason or "",
            perubahan=[
                Perubahan(
                    str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:],
                    tulis_nilai(field, lama, nama_rujukan),
                    tulis_nilai(field, baru, nama_rujukan),
                )
                for field, lama, baru in beda
            ],
        )
        for rekam, beda in beda_per_baris
    ]
