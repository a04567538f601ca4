"""Perubahan registri yang menyentuh beberapa baris atau punya efek samping.

Riwayat (siapa dan kapan) dicatat django-simple-history; alasan perubahan disimpan sebagai
`history_change_reason` pada pengarsipan dan pemulihan.
"""

from django.db import transaction
from django.utils import timezone

from akun import peran
from akun.models import Pengguna
from kelompok.kelas_kups import kelas_dari
from kelompok.models import Anggota, Kps, Kth, Kups, Penugasan


class TindakanTidakSah(Exception):
    """Tindakan yang ditolak aturan domain; pesannya untuk pengguna."""


@transaction.atomic
def kps_buat(*, kps: Kps, oleh: Pengguna) -> Kps:
    """Simpan KPS baru; pendamping yang membuatnya otomatis ditugaskan ke KPS itu."""
    kps.save()
    if oleh.punya_peran(peran.PENDAMPING):
        Penugasan.objects.create(kps=kps, pendamping=oleh, ditugaskan_oleh=oleh)
    return kps


@transaction.atomic
def kelompok_arsipkan(*, objek: Kps | Kth | Kups, oleh: Pengguna, alasan: str) -> None:
    """Arsipkan (bukan hapus) sebuah kelompok; riwayat mencatat alasannya."""
    if objek.diarsipkan_pada is not None:
        raise TindakanTidakSah(f"{objek} sudah diarsipkan.")
    if not alasan.strip():
        raise TindakanTidakSah("Alasan pengarsipan wajib diisi.")
    objek.diarsipkan_pada = timezone.now()
    objek.alasan_arsip = alasan.strip()
    objek._change_reason = f"Diarsipkan: {alasan.strip()}"
    objek.save(update_fields=["diarsipkan_pada", "alasan_arsip", "diubah_pada"])


@transaction.atomic
def kelompok_pulihkan(*, objek: Kps | Kth | Kups, oleh: Pengguna) -> None:
    if objek.diarsipkan_pada is None:
        raise TindakanTidakSah(f"{objek} tidak sedang diarsipkan.")
    objek.diarsipkan_pada = None
    objek._change_reason = "Dipulihkan dari arsip"
    objek.save(update_fields=["diarsipkan_pada", "diubah_pada"])


@transaction.atomic
def anggota_arsipkan(*, anggota: Anggota, oleh: Pengguna) -> None:
    if anggota.diarsipkan_pada is not None:
        raise TindakanTidakSah("Anggota ini sudah diarsipkan.")
    anggota.diarsipkan_pada = timezone.now()
    anggota._change_reason = "Diarsipkan"
    anggota.save(update_fields=["diarsipkan_pada"])


@transaction.atomic
def kups_simpan_syarat(*, kups: Kups, formset, oleh: Pengguna) -> Kups:
    """Simpan daftar periksa kelas KUPS dan turunkan kelasnya. Formset harus sudah valid."""
    formset.save()
    terpenuhi = kups.syarat.filter(terpenuhi=True).values_list("kode", flat=True)
    kelas_baru = kelas_dari(terpenuhi)
    if kelas_baru != kups.kelas:
        kups.kelas = kelas_baru
        kups._change_reason = f"Kelas diturunkan dari daftar periksa: {kups.get_kelas_display()}"
        kups.save(update_fields=["kelas", "diubah_pada"])
    return kups


@transaction.atomic
def penugasan_tambah(*, kps: Kps, pendamping: Pengguna, oleh: Pengguna) -> Penugasan:
    if not pendamping.punya_peran(peran.PENDAMPING):
        raise TindakanTidakSah(f"{pendamping} bukan pendamping.")
    if kps.penugasan.filter(pendamping=pendamping, selesai__isnull=True).exists():
        raise TindakanTidakSah(f"{pendamping} sudah ditugaskan ke KPS ini.")
    return Penugasan.objects.create(kps=kps, pendamping=pendamping, ditugaskan_oleh=oleh)


@transaction.atomic
def penugasan_akhiri(*, penugasan: Penugasan, oleh: Pengguna) -> None:
    if penugasan.selesai is not None:
        raise TindakanTidakSah("Penugasan ini sudah berakhir.")
    penugasan.selesai = timezone.localdate()
    penugasan.save(update_fields=["selesai"])
