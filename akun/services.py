"""Pengelolaan pengguna oleh admin: satu penulis per tindakan, dengan penjaga eskalasi.

Admin provinsi hanya mengelola pengguna provinsinya dan hanya memberi peran provinsi; admin
nasional mengelola semuanya. Pemeriksaan ada di sini (bukan hanya di formulir) sehingga
formulir yang dimanipulasi pun tidak bisa menaikkan hak siapa pun.
"""

import secrets

from axes.utils import reset as axes_reset
from django.contrib.auth.models import Group
from django.db import transaction

from akun import peran as peran_mod
from akun.models import Pengguna
from akun.peran import Peran

PERAN_ADMIN_PROVINSI = (
    peran_mod.PENDAMPING,
    peran_mod.PENILAI_KTH,
    peran_mod.KEPALA_DINAS,
    peran_mod.ADMIN,
)


class TindakanTidakSah(Exception):
    """Tindakan pengelolaan pengguna yang tidak diizinkan; pesannya untuk pengguna."""


def peran_yang_boleh_diberikan(oleh: Pengguna) -> tuple[Peran, ...]:
    if oleh.adalah_admin_nasional:
        return peran_mod.PERAN_PEGAWAI
    if oleh.punya_peran(peran_mod.ADMIN) and oleh.provinsi_id:
        return PERAN_ADMIN_PROVINSI
    return ()


def _sandi_sementara() -> str:
    # Mudah didikte lewat telepon: tiga kelompok huruf kecil dan angka tanpa karakter mirip.
    huruf = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(huruf) for _ in range(4)) for _ in range(3))


def _periksa(*, pengguna: Pengguna, peran: list[Peran], oleh: Pengguna) -> None:
    boleh = peran_yang_boleh_diberikan(oleh)
    if not boleh:
        raise TindakanTidakSah("Hanya admin yang mengelola pengguna.")
    if pengguna.pk and not Pengguna.objects.untuk(oleh).filter(pk=pengguna.pk).exists():
        raise TindakanTidakSah("Pengguna ini di luar wilayah yang Anda kelola.")
    terlarang = [str(p) for p in peran if p not in boleh]
    if terlarang:
        raise TindakanTidakSah(f"Anda tidak dapat memberi peran {', '.join(terlarang)}.")
    if oleh.adalah_admin_nasional:
        return
    # Admin provinsi: provinsinya sendiri, tanpa wilayah BPSKL, tanpa akses situs admin.
    if pengguna.provinsi_id != oleh.provinsi_id:
        raise TindakanTidakSah("Pengguna harus berada di provinsi Anda.")
    if pengguna.bpskl_id or pengguna.is_staff or pengguna.is_superuser:
        raise TindakanTidakSah("Wilayah BPSKL dan akses administrasi diatur admin nasional.")


@transaction.atomic
def pengguna_simpan(
    *, pengguna: Pengguna, peran: list[Peran], oleh: Pengguna
) -> tuple[Pengguna, str | None]:
    """Buat atau ubah pengguna beserta perannya. Pengguna baru mendapat kata sandi sementara
    (dikembalikan sekali untuk disampaikan admin) yang wajib diganti saat pertama masuk."""
    baru = pengguna.pk is None
    if baru and not oleh.adalah_admin_nasional:
        pengguna.provinsi_id = oleh.provinsi_id
    if pengguna.pk == oleh.pk:
        if not pengguna.is_active:
            raise TindakanTidakSah("Anda tidak dapat menonaktifkan akun Anda sendiri.")
        if oleh.punya_peran(peran_mod.ADMIN) and peran_mod.ADMIN not in peran:
            raise TindakanTidakSah("Anda tidak dapat mencabut peran Admin dari akun Anda sendiri.")
    # Hanya admin nasional yang membuka /admin/: tanda staf mengikuti peran dan wilayah.
    pengguna.is_staff = peran_mod.ADMIN in peran and not pengguna.provinsi_id
    _periksa(pengguna=pengguna, peran=peran, oleh=oleh)
    sandi = None
    if baru:
        sandi = _sandi_sementara()
        pengguna.set_password(sandi)
        pengguna.wajib_ganti_sandi = True
    pengguna._history_user = oleh
    pengguna.save()
    grup_baru = set(Group.objects.filter(name__in=[p.nama_grup for p in peran]))
    # Hanya peran yang berubah yang ditulis, agar riwayat tidak mencatat perubahan kosong.
    grup_lama = set(pengguna.groups.all())
    if grup_baru != grup_lama:
        pengguna.groups.set(grup_baru)
    return pengguna, sandi


@transaction.atomic
def pengguna_atur_ulang_sandi(*, pengguna: Pengguna, oleh: Pengguna) -> str:
    """Kata sandi sementara baru (wajib diganti saat masuk); kunci gagal-masuk dibuka."""
    if not Pengguna.objects.untuk(oleh).filter(pk=pengguna.pk).exists():
        raise TindakanTidakSah("Pengguna ini di luar wilayah yang Anda kelola.")
    sandi = _sandi_sementara()
    pengguna.set_password(sandi)
    pengguna.wajib_ganti_sandi = True
    pengguna._history_user = oleh
    pengguna.save(update_fields=["password", "wajib_ganti_sandi"])
    axes_reset(username=pengguna.username)
    return sandi


def pengguna_buka_kunci(*, pengguna: Pengguna, oleh: Pengguna) -> int:
    """Hapus catatan gagal masuk pengguna ini (penguncian berakhir seketika)."""
    if not Pengguna.objects.untuk(oleh).filter(pk=pengguna.pk).exists():
        raise TindakanTidakSah("Pengguna ini di luar wilayah yang Anda kelola.")
    return axes_reset(username=pengguna.username)
