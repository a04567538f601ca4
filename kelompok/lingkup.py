"""Cakupan wilayah: siapa membaca dan mengubah kelompok mana. Satu aturan untuk semua model.

Setiap queryset kelompok (`Kps.objects.untuk(user)`, `Kups...`, `Kth...`, `Anggota...`,
`DokumenPendukung...`) memanggil fungsi ini dengan jalur ke provinsi dan ke KPS-nya, sehingga
daftar, detail, formulir, ekspor, impor dan pencarian memakai cakupan yang sama.

- Admin tanpa provinsi (atau superuser): semua. Admin provinsi: provinsinya (baca dan ubah).
- Pendamping: KPS yang ditugaskan kepadanya (penugasan belum selesai), baca dan ubah.
- Staf BPSKL: provinsi wilayah kerja balainya, hanya baca.
- Kepala Dinas dan Penilai KTH: provinsinya, hanya baca.
"""

from django.db.models import Q

from akun import peran

KOSONG = Q(pk__in=[])


def q_lingkup(user, *, jalur_provinsi: str, jalur_kps: str | None, ubah: bool) -> Q:
    if user is None or not user.is_authenticated or not user.is_active:
        return KOSONG
    if user.is_superuser:
        return Q()
    daftar = user.daftar_peran
    q = KOSONG
    if peran.ADMIN in daftar:
        if not user.provinsi_id:
            return Q()
        q |= Q(**{jalur_provinsi: user.provinsi_id})
    if peran.PENDAMPING in daftar and jalur_kps is not None:
        from kelompok.models import Penugasan

        kps_dampingan = Penugasan.objects.filter(
            pendamping_id=user.pk, selesai__isnull=True
        ).values("kps_id")
        q |= Q(**{f"{jalur_kps}__in": kps_dampingan})
    if ubah:
        return q
    if peran.STAF_BPSKL in daftar and user.bpskl_id:
        awalan = jalur_provinsi.removesuffix("_id")
        q |= Q(**{f"{awalan}__bpskl_id": user.bpskl_id})
    if (peran.KEPALA_DINAS in daftar or peran.PENILAI_KTH in daftar) and user.provinsi_id:
        q |= Q(**{jalur_provinsi: user.provinsi_id})
    return q
