"""Predikat `rules` untuk izin peran dan objek.

Predikat peran berlaku untuk superuser juga melalui `adalah_admin`. Predikat wilayah menerima
objek apa pun yang punya `provinsi_id` (atau `provinsi`) sehingga model kelompok, kerja sama
dan penilaian bisa memakai aturan yang sama.
"""

import rules

from akun import peran
from kelompok.models import Provinsi


def _punya(p: peran.Peran):
    @rules.predicate(name=f"adalah_{p.kode}")
    def cek(user) -> bool:
        return bool(user and user.is_authenticated and user.punya_peran(p))

    return cek


adalah_pendamping = _punya(peran.PENDAMPING)
adalah_staf_bpskl = _punya(peran.STAF_BPSKL)
adalah_penilai_kth = _punya(peran.PENILAI_KTH)
adalah_kepala_dinas = _punya(peran.KEPALA_DINAS)
adalah_admin = rules.is_superuser | _punya(peran.ADMIN)


def _provinsi_id(obj) -> str | None:
    return getattr(obj, "provinsi_id", None)


@rules.predicate
def admin_nasional(user) -> bool:
    """Admin tanpa provinsi (atau superuser) mencakup seluruh Indonesia."""
    return bool(user and user.is_authenticated and user.adalah_admin_nasional)


@rules.predicate
def di_provinsi_pengguna(user, obj) -> bool:
    provinsi_pengguna = getattr(user, "provinsi_id", None)
    return (
        obj is not None and provinsi_pengguna is not None and _provinsi_id(obj) == provinsi_pengguna
    )


@rules.predicate
def di_wilayah_bpskl_pengguna(user, obj) -> bool:
    bpskl_pengguna = getattr(user, "bpskl_id", None)
    if obj is None or bpskl_pengguna is None or _provinsi_id(obj) is None:
        return False
    return Provinsi.objects.filter(kode=_provinsi_id(obj), bpskl_id=bpskl_pengguna).exists()


# Membaca data sebuah wilayah: admin nasional, atau pengguna yang wilayah kerjanya mencakupnya.
boleh_membaca_wilayah = admin_nasional | di_provinsi_pengguna | di_wilayah_bpskl_pengguna
