"""Siapa membaca dan mengubah evaluasi HKm: cakupan KPS-nya (lihat EvaluasiQuerySet.untuk)."""

from penilaian.hkm.models import EvaluasiHkm, Responden
from perhutanan.akses import ambil, ambil_dari


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


def ambil_responden(user, pk: int, *, ubah: bool = False) -> Responden:
    """Responden dari evaluasi dalam cakupan pengguna, dengan hak ubahnya, dalam satu kueri:
    404 di luar cakupan baca, 403 bila `ubah` tetapi evaluasinya hanya boleh dibaca."""
    qs = (
        Responden.objects.select_related("kuesioner__versi", "evaluasi__kps")
        .defer("kuesioner__versi__isi")
        .filter(evaluasi__in=EvaluasiHkm.objects.untuk(user))
    )
    return ambil_dari(
        qs,
        EvaluasiHkm,
        user,
        pk,
        ubah=ubah,
        jalur="evaluasi_id",
        pesan="Anda hanya dapat membaca evaluasi ini.",
    )


def boleh_isi(user, responden: Responden) -> bool:
    """Kuesioner masih bisa diisi pengguna ini: belum diserahkan, evaluasi belum final."""
    if responden.kuesioner.selesai or responden.evaluasi.final:
        return False
    return responden.boleh_diubah  # dihitung ambil_responden di kueri yang sama
