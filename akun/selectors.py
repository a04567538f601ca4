"""Bacaan halaman pengelolaan pengguna."""

from dataclasses import dataclass

from django.contrib.auth.models import Group

from akun.models import Pengguna
from kelompok.models import Bpskl, Provinsi

JENIS = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}
KOLOM = {
    "username": "nama pengguna",
    "nama": "nama",
    "email": "surel",
    "nip": "NIP",
    "telepon": "telepon",
    "provinsi": "provinsi kerja",
    "bpskl": "wilayah BPSKL",
    "is_active": "aktif",
    "is_staff": "akses administrasi",
    "is_superuser": "superuser",
    "wajib_ganti_sandi": "wajib ganti kata sandi",
    "groups": "peran",
}


@dataclass(frozen=True)
class Perubahan:
    kolom: str
    dari: str
    ke: str


@dataclass(frozen=True)
class BarisRiwayatPengguna:
    waktu: object
    oleh: object
    jenis: str
    perubahan: list[Perubahan]


def _teks(kolom: str, nilai, nama: dict) -> str:
    if kolom == "groups":
        return ", ".join(sorted(nama["grup"].get(b["group"], "?") for b in nilai)) or "-"
    if kolom in ("provinsi", "bpskl"):
        return nama[kolom].get(nilai, "-") if nilai else "-"
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    return str(nilai) if nilai not in (None, "") else "-"


def riwayat_pengguna(pengguna: Pengguna, batas: int = 30) -> list[BarisRiwayatPengguna]:
    """Siapa mengubah apa, dari apa menjadi apa (termasuk peran dan wilayah kerja)."""
    catatan = list(
        pengguna.history.select_related("history_user").order_by("-history_id")[: batas + 1]
    )
    nama = {
        "grup": dict(Group.objects.values_list("pk", "name")),
        "provinsi": dict(Provinsi.objects.values_list("kode", "nama")),
        "bpskl": dict(Bpskl.objects.values_list("kode", "nama")),
    }
    baris = []
    for i, rekam in enumerate(catatan[:batas]):
        sebelumnya = catatan[i + 1] if i + 1 < len(catatan) else None
        perubahan = []
        if sebelumnya is not None:
            for c in rekam.diff_against(sebelumnya).changes:
                perubahan.append(
                    Perubahan(
                        KOLOM.get(c.field, c.field),
                        _teks(c.field, c.old, nama),
                        _teks(c.field, c.new, nama),
                    )
                )
            if not perubahan:
                continue
        baris.append(
            BarisRiwayatPengguna(
                waktu=rekam.history_date,
                oleh=rekam.history_user,
                jenis=JENIS.get(rekam.history_type, rekam.history_type),
                perubahan=perubahan,
            )
        )
    return baris
