"""Berkas pertukaran data untuk sistem nasional: KUPS dengan kelasnya dan KTH dengan kelasnya.

Berbeda dari unduhan Excel daftar (judul kolom untuk dibaca orang, bisa berubah), berkas ini
untuk dimuat mesin: nama kolom berupa kode tetap, nilai pilihan sebagai kode (dengan labelnya
di kolom sendiri), tanggal ISO 8601, dan nomor versi format di nama berkas, di kepala HTTP
`X-Versi-Format` dan di lembar "Keterangan". Kolom hanya ditambah di belakang dalam satu versi;
mengganti arti atau urutan kolom menaikkan versi. Cakupan wilayah sama dengan daftar
(`untuk(user)`), baris dibaca bertahap sehingga memori tetap datar pada skala nasional.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone

from kelompok import selectors
from kelompok.models import Kth, Kups, RiwayatKelasKth, SyaratKupsTerpenuhi
from perhutanan import xlsx

VERSI_FORMAT = "1"


@dataclass(frozen=True)
class KolomData:
    kode: str
    jenis: str
    keterangan: str
    nilai: Callable


@dataclass(frozen=True)
class DataPertukaran:
    kode: str
    judul: str
    keterangan: str
    kolom: list[KolomData]
    baris: Callable  # user -> QuerySet

    def nama_berkas(self, akhiran: str) -> str:
        return f"{self.kode}-v{VERSI_FORMAT}-{timezone.localdate():%Y%m%d}.{akhiran}"


def _tanggal(nilai) -> str:
    return nilai.isoformat() if nilai else ""


def _waktu(nilai) -> str:
    return timezone.localtime(nilai).isoformat(timespec="seconds") if nilai else ""


def _baris_kups(user):
    terpenuhi = SyaratKupsTerpenuhi.objects.filter(terpenuhi=True).only("kups_id", "kode")
    return (
        Kups.objects.untuk(user)
        .select_related("kps__desa", "kps__kabupaten", "kps__provinsi")
        .prefetch_related(Prefetch("syarat", queryset=terpenuhi, to_attr="syarat_terpenuhi"))
        .order_by("pk")
    )


def _baris_kth(user):
    kelas_berlaku = RiwayatKelasKth.objects.filter(
        kth=OuterRef("pk"), dicabut_pada__isnull=True
    ).order_by("-tahun", "-pk")
    return (
        selectors.kth_daftar(Kth.objects.untuk(user))
        .annotate(
            tahun_kelas=Subquery(kelas_berlaku.values("tahun")[:1]),
            kelas_ditetapkan_pada=Subquery(kelas_berlaku.values("ditetapkan_pada")[:1]),
        )
        .order_by("pk")
    )


KOLOM_KUPS = [
    KolomData("id_kups", "bilangan", "Nomor KUPS di aplikasi ini (tetap)", lambda k: k.pk),
    KolomData("nama_kups", "teks", "Nama KUPS", lambda k: k.nama),
    KolomData("komoditas", "teks", "Komoditas atau jasa", lambda k: k.komoditas),
    KolomData(
        "kelas_kups",
        "kode",
        "Kelas KUPS: belum, blue, silver, gold, platinum",
        lambda k: k.kelas,
    ),
    KolomData("kelas_kups_label", "teks", "Label kelas", lambda k: k.get_kelas_display()),
    KolomData(
        "syarat_terpenuhi",
        "daftar kode",
        "Kode syarat kelas yang terpenuhi, dipisah titik koma (SK Dirjen PSKL 32/2022)",
        lambda k: ";".join(sorted(s.kode for s in k.syarat_terpenuhi)),
    ),
    KolomData("id_kps", "bilangan", "Nomor KPS induknya di aplikasi ini", lambda k: k.kps_id),
    KolomData("nama_kps", "teks", "Nama KPS", lambda k: k.kps.nama),
    KolomData("nomor_sk_kps", "teks", "Nomor SK persetujuan KPS", lambda k: k.kps.nomor_sk),
    KolomData("skema", "kode", "Skema KPS: HD, HKm, HTR, HA, KK", lambda k: k.kps.skema),
    KolomData("kode_desa", "kode", "Kode wilayah Kemendagri desa", lambda k: k.kps.desa_id),
    KolomData("kode_kabupaten", "kode", "Kode kabupaten/kota", lambda k: k.kps.kabupaten_id),
    KolomData("nama_kabupaten", "teks", "Nama kabupaten/kota", lambda k: k.kps.kabupaten.nama),
    KolomData("kode_provinsi", "kode", "Kode provinsi", lambda k: k.kps.provinsi_id),
    KolomData("nama_provinsi", "teks", "Nama provinsi", lambda k: k.kps.provinsi.nama),
    KolomData(
        "diarsipkan", "ya/tidak", "Ya bila KUPS diarsipkan", lambda k: _ya(k.diarsipkan_pada)
    ),
    KolomData(
        "diubah_pada", "waktu ISO 8601", "Perubahan terakhir", lambda k: _waktu(k.diubah_pada)
    ),
]

KOLOM_KTH = [
    KolomData("id_kth", "bilangan", "Nomor KTH di aplikasi ini (tetap)", lambda k: k.pk),
    KolomData("nama_kth", "teks", "Nama KTH", lambda k: k.nama),
    KolomData("nomor_register", "teks", "Nomor register KTH", lambda k: k.nomor_register),
    KolomData(
        "kelas_kth",
        "kode",
        "Kelas KTH yang berlaku: pemula, madya, utama; kosong bila belum ditetapkan",
        lambda k: k.kelas or "",
    ),
    KolomData(
        "kelas_kth_label",
        "teks",
        "Label kelas",
        lambda k: k.get_kelas_display() or "Belum ditetapkan",
    ),
    KolomData(
        "tahun_kelas",
        "bilangan",
        "Tahun penilaian kelas yang berlaku",
        lambda k: k.tahun_kelas or "",
    ),
    KolomData(
        "tanggal_penetapan",
        "tanggal ISO 8601",
        "Tanggal penetapan kelas yang berlaku",
        lambda k: _tanggal(k.kelas_ditetapkan_pada),
    ),
    KolomData("jumlah_anggota", "bilangan", "Anggota aktif", lambda k: k.jumlah_anggota),
    KolomData(
        "id_kps", "bilangan", "Nomor KPS terkait (kosong bila tidak ada)", lambda k: k.kps_id or ""
    ),
    KolomData("nama_kps", "teks", "Nama KPS terkait", lambda k: k.kps.nama if k.kps_id else ""),
    KolomData("kode_desa", "kode", "Kode wilayah Kemendagri desa", lambda k: k.desa_id),
    KolomData("kode_kabupaten", "kode", "Kode kabupaten/kota", lambda k: k.kabupaten_id),
    KolomData("nama_kabupaten", "teks", "Nama kabupaten/kota", lambda k: k.kabupaten.nama),
    KolomData("kode_provinsi", "kode", "Kode provinsi", lambda k: k.provinsi_id),
    KolomData("nama_provinsi", "teks", "Nama provinsi", lambda k: k.provinsi.nama),
    KolomData("diarsipkan", "ya/tidak", "Ya bila KTH diarsipkan", lambda k: _ya(k.diarsipkan_pada)),
    KolomData(
        "diubah_pada", "waktu ISO 8601", "Perubahan terakhir", lambda k: _waktu(k.diubah_pada)
    ),
]


def _ya(nilai) -> str:
    return "ya" if nilai else "tidak"


DATA = {
    d.kode: d
    for d in (
        DataPertukaran(
            "kups-kelas",
            "KUPS dengan kelasnya",
            "Setiap KUPS dalam wilayah Anda dengan kelas dan syarat kelas yang terpenuhi.",
            KOLOM_KUPS,
            _baris_kups,
        ),
        DataPertukaran(
            "kth-kelas",
            "KTH dengan kelasnya",
            "Setiap KTH dalam wilayah Anda dengan kelas yang berlaku dan tahun penetapannya.",
            KOLOM_KTH,
            _baris_kth,
        ),
    )
}


def baris_nilai(data: DataPertukaran, user) -> Iterator[list]:
    for objek in data.baris(user).iterator(chunk_size=2000):
        yield [k.nilai(objek) for k in data.kolom]


class _Gema:
    """Penampung palsu untuk csv.writer: setiap baris langsung dikembalikan untuk dialirkan."""

    def write(self, teks: str) -> str:
        return teks


def baris_csv(data: DataPertukaran, user) -> Iterator[str]:
    """CSV RFC 4180 (UTF-8, koma, kepala kode kolom); teks yang terbaca sebagai rumus di
    lembar kerja diberi apostrof seperti di ekspor .xlsx."""
    penulis = csv.writer(_Gema())
    yield penulis.writerow([k.kode for k in data.kolom])
    for nilai in baris_nilai(data, user):
        yield penulis.writerow(xlsx.baris_aman(nilai))


def tulis_xlsx(data: DataPertukaran, user, berkas) -> None:
    """Lembar data (kepala kode kolom) dan lembar Keterangan (versi format dan arti kolom)."""
    from openpyxl import Workbook

    buku = Workbook(write_only=True)
    lembar = buku.create_sheet(title=data.kode)
    lembar.append([k.kode for k in data.kolom])
    for nilai in baris_nilai(data, user):
        lembar.append(xlsx.baris_aman(nilai))
    keterangan = buku.create_sheet(title="Keterangan")
    keterangan.append(["versi_format", VERSI_FORMAT])
    keterangan.append(["data", data.judul])
    keterangan.append(["dibuat", timezone.localtime().isoformat(timespec="seconds")])
    keterangan.append([])
    keterangan.append(["kolom", "jenis", "keterangan"])
    for k in data.kolom:
        keterangan.append([k.kode, k.jenis, k.keterangan])
    buku.save(berkas)
