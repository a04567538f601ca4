"""Siapa membaca dan mengubah evaluasi HKm: cakupan KPS-nya (lihat EvaluasiQuerySet.untuk)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from penilaian.hkm.models import EvaluasiHkm, Responden
from perhutanan.akses import ambil, anotasi_boleh_ubah, boleh_ubah


def ambil_evaluasi(
    user, pk: int, *, ubah: bool = False, dengan_ubah: bool = False, select_related=()
) -> EvaluasiHkm:
    """Evaluasi dalam cakupan KPS pengguna (404 di luar); 403 bila hanya boleh membaca.
    `evaluasi.boleh_diubah` tersedia bila `ubah` atau `dengan_ubah`."""
    return ambil(
        EvaluasiHkm,
        user,
        pk,
        ubah=ubah,
        dengan_ubah=dengan_ubah,
        select_related=("kps", "versi__instrumen", "penilai", *select_related),
        # Isi instrumen (JSON besar) tidak diurai tiap permintaan: mesinnya disimpan per proses
        # menurut sidiknya (VersiInstrumen.mesin).
        tunda=("versi__isi",),
        pesan="Anda hanya dapat membaca evaluasi ini.",
    )


def boleh_ubah_evaluasi(user, pk: int) -> bool:
    return boleh_ubah(EvaluasiHkm, user, pk)


def ambil_responden(user, pk: int, *, ubah: bool = False) -> Responden:
    """Responden dari evaluasi dalam cakupan pengguna, dengan hak ubahnya, dalam satu kueri:
    404 di luar cakupan baca, 403 bila `ubah` tetapi evaluasinya hanya boleh dibaca."""
    qs = (
        Responden.objects.select_related("kuesioner__versi", "evaluasi__kps")
        .defer("kuesioner__versi__isi")
        .filter(evaluasi__in=EvaluasiHkm.objects.untuk(user))
    )
    responden = get_object_or_404(
        anotasi_boleh_ubah(EvaluasiHkm, user, qs, jalur="evaluasi_id"), pk=pk
    )
    responden.boleh_diubah = bool(responden._boleh_ubah)
    if ubah and not responden.boleh_diubah:
        raise PermissionDenied("Anda hanya dapat membaca evaluasi ini.")
    return responden


def boleh_isi(user, responden: Responden) -> bool:
    """Kuesioner masih bisa diisi pengguna ini: belum diserahkan, evaluasi belum final."""
    if responden.kuesioner.selesai or responden.evaluasi.final:
        return False
    if hasattr(responden, "boleh_diubah"):
        return responden.boleh_diubah
    return boleh_ubah_evaluasi(user, responden.evaluasi_id)
