"""Siapa membaca dan mengubah evaluasi HKm: cakupan KPS-nya (lihat EvaluasiQuerySet.untuk)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from penilaian.hkm.models import EvaluasiHkm, Responden
from perhutanan.akses import ambil, boleh_ubah


def ambil_evaluasi(user, pk: int, *, ubah: bool = False) -> EvaluasiHkm:
    """Evaluasi dalam cakupan KPS pengguna (404 di luar); 403 bila hanya boleh membaca."""
    return ambil(
        EvaluasiHkm,
        user,
        pk,
        ubah=ubah,
        select_related=(
            "kps__desa",
            "kps__kabupaten",
            "kps__provinsi",
            "versi__instrumen",
            "penilai",
        ),
        pesan="Anda hanya dapat membaca evaluasi ini.",
    )


def boleh_ubah_evaluasi(user, pk: int) -> bool:
    return boleh_ubah(EvaluasiHkm, user, pk)


def ambil_responden(user, pk: int, *, ubah: bool = False) -> Responden:
    responden = get_object_or_404(
        Responden.objects.select_related("kuesioner__versi", "evaluasi__kps"), pk=pk
    )
    ambil_evaluasi(user, responden.evaluasi_id, ubah=ubah)
    return responden


def boleh_isi(user, responden: Responden) -> bool:
    """Kuesioner masih bisa diisi pengguna ini: belum diserahkan, evaluasi belum final."""
    if responden.kuesioner.selesai or responden.evaluasi.final:
        return False
    try:
        ambil_evaluasi(user, responden.evaluasi_id, ubah=True)
    except PermissionDenied:
        return False
    return True
