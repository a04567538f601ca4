"""Siapa membaca, mengisi, menetapkan dan mencabut penilaian kelas KTH.

Baca: cakupan KTH pengguna, ditambah antrean Kepala Dinas provinsinya. Isi dan ajukan: Penilai
KTH provinsi KTH itu. Tetapkan dan kembalikan: Kepala Dinas provinsinya. Cabut sertifikat:
Kepala Dinas itu atau admin (nasional, atau provinsi sertifikatnya).
"""

from django.core.exceptions import PermissionDenied

from akun import peran
from akun.predikat import admin_nasional
from kelompok.forms import provinsi_dalam_cakupan
from kelompok.models import Provinsi
from penilaian.kth.models import PenilaianKth, Sertifikat
from perhutanan.akses import ambil_dari


def terbaca(user):
    """Penilaian yang boleh dibaca pengguna: daftar dan setiap halaman penilaian."""
    return PenilaianKth.objects.untuk(user) | PenilaianKth.objects.untuk_penetapan(user)


def ambil_penilaian(user, pk: int, *, ubah: bool = False) -> PenilaianKth:
    """Penilaian yang terbaca pengguna, dengan `boleh_diubah` (Penilai KTH provinsinya dengan
    izin ubah, cakupan ubah PenilaianKthQuerySet) dari kueri yang sama."""
    qs = terbaca(user).select_related(
        "kth__desa__kecamatan", "kth__kabupaten", "kth__provinsi", "kuesioner__versi", "penilai"
    )
    return ambil_dari(
        qs,
        PenilaianKth,
        user,
        pk,
        ubah=ubah,
        pesan="Hanya Penilai KTH provinsi ini yang dapat mengubah penilaian.",
    )


def boleh_nilai(user, kth) -> bool:
    """Membuat penilaian baru untuk KTH ini: Penilai KTH provinsinya, atau admin nasional."""
    return user.has_perm("penilaian.add_penilaiankth") and (
        user.is_superuser
        or (user.punya_peran(peran.ADMIN) and not user.provinsi_id)
        or (user.punya_peran(peran.PENILAI_KTH) and user.provinsi_id == kth.provinsi_id)
    )


def boleh_tetapkan(user, penilaian: PenilaianKth) -> bool:
    return (
        user.has_perm("penilaian.change_penilaiankth")
        and PenilaianKth.objects.untuk_penetapan(user).filter(pk=penilaian.pk).exists()
    )


def ambil_untuk_penetapan(user, pk: int) -> PenilaianKth:
    penilaian = ambil_penilaian(user, pk)
    if not boleh_tetapkan(user, penilaian):
        raise PermissionDenied("Penetapan kelas oleh Kepala Dinas provinsi KTH ini.")
    return penilaian


def boleh_cabut(user, sertifikat: Sertifikat, penilaian: PenilaianKth) -> bool:
    admin = user.is_superuser or (
        user.punya_peran(peran.ADMIN) and user.provinsi_id in (None, sertifikat.provinsi_id)
    )
    return user.has_perm("penilaian.change_sertifikat") and (
        admin or boleh_tetapkan(user, penilaian)
    )


def provinsi_terbaca(user):
    """Provinsi yang boleh dipilih di laporan: sesuai cakupan baca pengguna."""
    if admin_nasional(user):
        return Provinsi.objects.all()
    if user.bpskl_id:
        return Provinsi.objects.filter(bpskl_id=user.bpskl_id)
    return provinsi_dalam_cakupan(user)
