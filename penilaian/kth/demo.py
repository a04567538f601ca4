"""Penilaian kelas KTH demo: satu menunggu di antrean Kepala Dinas, satu sudah bersertifikat."""

from django.utils import timezone

from akun.models import Pengguna
from kelompok.models import Kth
from penilaian.inti.services import jawaban_simpan
from penilaian.kth import services
from penilaian.kth.models import PenilaianKth
from penilaian.kth.sertifikat import buat_pdf


def muat_penilaian_kth_demo(laporan: list) -> None:
    penilai = Pengguna.objects.get(username="penilai")
    kadis = Pengguna.objects.get(username="kadis")
    tahun = timezone.localdate().year
    for register, isian, tetapkan in (("KTH-3208102001", 10, True), ("KTH-3205202001", 5, False)):
        kth = Kth.objects.get(nomor_register=register)
        if PenilaianKth.objects.filter(kth=kth, tahun=tahun).exists():
            laporan.append((f"penilaian kelas {kth}", "tetap"))
            continue
        p = services.penilaian_kth_buat(kth=kth, tahun=tahun, oleh=penilai)
        for i in p.kuesioner.versi.mesin.semua_indikator():
            nilai = min(isian, int(i.maks)) if i.isian else i.opsi[0].kode
            jawaban_simpan(kuesioner=p.kuesioner, indikator=i.kode, nilai=str(nilai), oleh=penilai)
        services.penilaian_kth_ajukan(penilaian=p, oleh=penilai)
        if tetapkan:
            sertifikat = services.penilaian_kth_tetapkan(penilaian=p, oleh=kadis)
            # Data demo lengkap seketika, tanpa menunggu pekerja (yang juga akan melewatinya).
            buat_pdf(sertifikat.pk)
        laporan.append((f"penilaian kelas {kth}", "dibuat"))
