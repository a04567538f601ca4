"""Ruang kerja kemitraan multi pihak (seed 002): dua belas langkah sebagai tugas, peta para
pihak, komitmen dan pemenuhannya, indikator bersama, dan laporan akuntabilitas PDF.

Hanya untuk kerja sama multi pihak dan kemitraan lingkungan. Pertanyaan panduan per tahap
(daftar periksa KMP) tetap di halamannya dan diringkas di tiap tahap ruang kerja ini."""

from __future__ import annotations

from collections import Counter

from django.utils import timezone

from kerjasama.models import JenisKerjaSama, KerjaSama, Komitmen, StatusKerja
from kerjasama.pelaksanaan import tahap_kmp
from kerjasama.services import kemajuan_kmp

JENIS_KMP = (JenisKerjaSama.MULTI_PIHAK, JenisKerjaSama.LINGKUNGAN)


def berlaku(ks: KerjaSama) -> bool:
    return ks.jenis in JENIS_KMP


def ruang_kerja(ks: KerjaSama) -> dict:
    """Semua bagian ruang kerja dengan jumlah kueri tetap."""
    tersimpan = {lgk.nomor: lgk for lgk in ks.langkah_kmp.all()}
    kemajuan = {t["kode"]: t for t in kemajuan_kmp(ks)}
    hari_ini = timezone.localdate()
    tahap = []
    for t in tahap_kmp():
        langkah = []
        for rinci in t["langkah_rinci"]:
            isi = tersimpan.get(rinci["no"])
            langkah.append(
                {
                    **rinci,
                    "isi": isi,
                    "terlambat": bool(
                        isi
                        and isi.tenggat
                        and isi.tenggat < hari_ini
                        and isi.status != StatusKerja.SELESAI
                    ),
                }
            )
        tahap.append({**t, "langkah_kerja": langkah, "panduan": kemajuan[t["kode"]]})
    komitmen = list(ks.komitmen.all())
    status_komitmen = Counter(k.status for k in komitmen)
    return {
        "tahap": tahap,
        "langkah_selesai": sum(1 for lgk in tersimpan.values() if lgk.status == "selesai"),
        "pemangku": list(ks.pemangku.all()),
        "komitmen": komitmen,
        "komitmen_ringkas": [
            (label, status_komitmen.get(kode, 0)) for kode, label in Komitmen.Status.choices
        ],
        "indikator": list(ks.indikator.all()),
    }
