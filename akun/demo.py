"""Pengguna demo, satu per peran, dengan kata sandi yang didokumentasikan di README."""

from dataclasses import dataclass

from django.contrib.auth.models import Group

from akun import peran
from akun.models import Pengguna

KATA_SANDI_DEMO = "hutan-lestari-2026"


@dataclass(frozen=True)
class PenggunaDemo:
    username: str
    nama: str
    peran: peran.Peran
    provinsi: str | None = None
    bpskl: str | None = None
    nip: str = ""
    admin_situs: bool = False


PENGGUNA_DEMO = (
    PenggunaDemo("pendamping", "Siti Rahmawati", peran.PENDAMPING, provinsi="32"),
    PenggunaDemo("pendamping2", "Yohanes Lado", peran.PENDAMPING, provinsi="61"),
    PenggunaDemo("bpskl", "Made Wirawan", peran.STAF_BPSKL, bpskl="JBN"),
    PenggunaDemo("penilai", "Agus Setiawan", peran.PENILAI_KTH, provinsi="32"),
    PenggunaDemo(
        "kadis",
        "Ir. Dewi Kartika, M.Si.",
        peran.KEPALA_DINAS,
        provinsi="32",
        nip="197005121995032001",
    ),
    PenggunaDemo("admin_jabar", "Admin Jawa Barat", peran.ADMIN, provinsi="32"),
    PenggunaDemo("admin", "Admin Nasional", peran.ADMIN, admin_situs=True),
    # Wakil PT Kopi Ciremai Lestari di portal mitra (ditautkan oleh kerjasama.demo).
    PenggunaDemo("mitra", "Budi Hartono", peran.MITRA),
)


def muat_pengguna_demo() -> list[tuple[str, str]]:
    """Buat atau selaraskan pengguna demo. Mengembalikan (username, 'dibuat'/'diperbarui'/'tetap').

    Pengguna yang sudah ada tidak diganti kata sandinya, dan hanya disimpan bila datanya
    berbeda, sehingga menjalankan perintah dua kali tidak menambah riwayat.
    """
    hasil = []
    for demo in PENGGUNA_DEMO:
        data = {
            "nama": demo.nama,
            "email": f"{demo.username}@demo.perhutanan.id",
            "provinsi_id": demo.provinsi,
            "bpskl_id": demo.bpskl,
            "nip": demo.nip,
            "is_staff": demo.admin_situs,
        }
        pengguna = Pengguna.objects.filter(username=demo.username).first()
        if pengguna is None:
            pengguna = Pengguna(username=demo.username, **data)
            pengguna.set_password(KATA_SANDI_DEMO)
            pengguna.save()
            status = "dibuat"
        elif any(getattr(pengguna, kolom) != nilai for kolom, nilai in data.items()):
            for kolom, nilai in data.items():
                setattr(pengguna, kolom, nilai)
            pengguna.save()
            status = "diperbarui"
        else:
            status = "tetap"
        grup = Group.objects.get(name=demo.peran.nama_grup)
        if not pengguna.groups.filter(pk=grup.pk).exists():
            pengguna.groups.add(grup)
            status = "diperbarui" if status == "tetap" else status
        hasil.append((demo.username, status))
    return hasil
