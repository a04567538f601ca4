"""Impor hierarki wilayah dari CSV berformat kode Kemendagri (kode,nama).

Tingkat dibaca dari bentuk kode: 32 provinsi, 32.01 kabupaten/kota, 32.01.01 kecamatan,
32.01.01.2001 desa/kelurahan. Urutan baris bebas; induk boleh ada di berkas yang sama atau
sudah di basis data. Satu baris salah membatalkan seluruh impor.
"""

import csv
import re
from dataclasses import dataclass, field

from django.db import transaction

from kelompok.models import Desa, Kabupaten, Kecamatan, Provinsi
from kelompok.pilihan import lupakan_pilihan_provinsi

POLA = [
    re.compile(r"^\d{2}$"),
    re.compile(r"^\d{2}\.\d{2}$"),
    re.compile(r"^\d{2}\.\d{2}\.\d{2}$"),
    re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$"),
]
MODEL = [Provinsi, Kabupaten, Kecamatan, Desa]
INDUK = [None, "provinsi_id", "kabupaten_id", "kecamatan_id"]
NAMA_TINGKAT = ["provinsi", "kabupaten/kota", "kecamatan", "desa/kelurahan"]
UKURAN_BATCH = 2000


@dataclass
class HasilImporWilayah:
    jumlah: dict[str, int] = field(default_factory=dict)
    galat: list[str] = field(default_factory=list)


def _tingkat(kode: str) -> int | None:
    return next((i for i, pola in enumerate(POLA) if pola.match(kode)), None)


def baca_csv(teks: str) -> tuple[list[list[tuple[str, str]]], list[str]]:
    """Kelompokkan baris per tingkat; kembalikan juga galat per baris."""
    per_tingkat: list[list[tuple[str, str]]] = [[], [], [], []]
    galat = []
    for nomor, baris in enumerate(teks.splitlines(), start=1):
        if not baris.strip() or baris.lstrip().startswith("#"):
            continue
        kolom = next(csv.reader([baris]))
        if [k.strip().lower() for k in kolom[:2]] == ["kode", "nama"]:
            continue
        if len(kolom) < 2:
            galat.append(f"Baris {nomor}: harus berisi dua kolom, kode dan nama.")
            continue
        kode, nama = kolom[0].strip(), kolom[1].strip()
        tingkat = _tingkat(kode)
        if tingkat is None:
            galat.append(f"Baris {nomor}: kode '{kode}' bukan format kode wilayah Kemendagri.")
        elif not nama:
            galat.append(f"Baris {nomor}: nama wilayah {kode} kosong.")
        else:
            per_tingkat[tingkat].append((kode, nama))
    return per_tingkat, galat


def impor_wilayah(teks: str, *, simpan: bool = True) -> HasilImporWilayah:
    per_tingkat, galat = baca_csv(teks)
    hasil = HasilImporWilayah(galat=galat)
    provinsi_dalam_berkas = {kode for kode, _ in per_tingkat[0]}
    dikenal = [set(Provinsi.objects.values_list("kode", flat=True)), set(), set(), set()]
    for kode in provinsi_dalam_berkas - dikenal[0]:
        hasil.galat.append(f"Provinsi {kode} tidak dikenal: daftar provinsi tetap (38 provinsi).")
    for tingkat in (1, 2, 3):
        induk_dalam_berkas = {kode for kode, _ in per_tingkat[tingkat - 1]}
        kode_induk_dicari = {kode.rsplit(".", 1)[0] for kode, _ in per_tingkat[tingkat]}
        sudah_ada = set(
            MODEL[tingkat - 1]
            .objects.filter(kode__in=kode_induk_dicari - induk_dalam_berkas)
            .values_list("kode", flat=True)
        )
        dikenal_induk = induk_dalam_berkas | sudah_ada | (dikenal[0] if tingkat == 1 else set())
        for kode, _ in per_tingkat[tingkat]:
            if kode.rsplit(".", 1)[0] not in dikenal_induk:
                hasil.galat.append(
                    f"{NAMA_TINGKAT[tingkat].capitalize()} {kode}: induknya "
                    f"{kode.rsplit('.', 1)[0]} tidak ada di berkas maupun basis data."
                )
    hasil.jumlah = {NAMA_TINGKAT[i]: len(per_tingkat[i]) for i in range(4)}
    if hasil.galat or not simpan:
        return hasil
    with transaction.atomic():
        for kode, nama in per_tingkat[0]:
            Provinsi.objects.filter(kode=kode).exclude(nama=nama).update(nama=nama)
        for tingkat in (1, 2, 3):
            objek = [
                MODEL[tingkat](kode=kode, nama=nama, **{INDUK[tingkat]: kode.rsplit(".", 1)[0]})
                for kode, nama in per_tingkat[tingkat]
            ]
            MODEL[tingkat].objects.bulk_create(
                objek,
                batch_size=UKURAN_BATCH,
                update_conflicts=True,
                unique_fields=["kode"],
                update_fields=["nama", INDUK[tingkat]],
            )
        lupakan_pilihan_provinsi()
    return hasil
