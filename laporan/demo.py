"""Laporan berkala demo: nasional dan BPSKL Jawa-Bali-Nusa Tenggara untuk bulan lalu, disusun
langsung (tanpa menunggu pekerja) agar halamannya dapat dicoba."""

from django.utils import timezone

from laporan import services
from laporan.models import LaporanBerkala


def muat_laporan_demo() -> list[tuple[str, str]]:
    tahun, bulan = services.bulan_lalu(timezone.localdate())
    laporan = []
    for kode in (None, "JBN"):
        ada, dibuat = LaporanBerkala.objects.get_or_create(bpskl_id=kode, tahun=tahun, bulan=bulan)
        if dibuat or ada.status != LaporanBerkala.Status.SELESAI:
            services.jalankan(ada.pk)
        laporan.append((str(ada), "dibuat" if dibuat else "tetap"))
    return laporan
