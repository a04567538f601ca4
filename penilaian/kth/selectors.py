"""Kueri baca kelas KTH: nilai berjalan, penilaian tahun lalu, antrean penetapan, cakupan."""

from fractions import Fraction

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from kelompok.models import KelasKth, Kth
from penilaian.inti import hari_kerja, kalender, scoring
from penilaian.inti.services import hari_libur, jawaban_kuesioner
from penilaian.kth.models import PenilaianKth

S = PenilaianKth.Status


def ringkasan_berjalan(penilaian: PenilaianKth) -> dict:
    """Nilai berjalan: subtotal aspek, total dan kelas dari jawaban yang sudah ada."""
    mesin = penilaian.kuesioner.versi.mesin
    jawaban = jawaban_kuesioner(penilaian.kuesioner)
    hasil = scoring.nilai(mesin, jawaban, lengkap=False)
    return {
        "hasil": hasil,
        "kelas_berjalan": mesin.golongkan(hasil.total),
        "jawaban": jawaban,
        "mesin": mesin,
    }


def penetapan_tahun_lalu(penilaian: PenilaianKth) -> PenilaianKth | None:
    return (
        PenilaianKth.objects.filter(
            kth=penilaian.kth, tahun=penilaian.tahun - 1, status=S.DITETAPKAN
        )
        .only("total", "kelas", "tahun", "kuesioner")
        .first()
    )


def skor_indikator(mesin, jawaban: dict) -> dict[str, Fraction]:
    """Nilai setiap indikator yang dijawab: angka isian, atau skor pilihan yang dipilih."""
    skor = {}
    for i in mesin.semua_indikator(termasuk_prasyarat=False):
        nilai = jawaban.get(i.kode)
        if nilai is None or nilai == "":
            continue
        if i.isian:
            skor[i.kode] = Fraction(str(nilai))
        else:
            opsi = next((o for o in i.opsi if o.kode == nilai), None)
            if opsi is not None and opsi.skor is not None:
                skor[i.kode] = opsi.skor
    return skor


def skor_tahun_lalu(lalu: PenilaianKth | None) -> dict[str, Fraction]:
    """Nilai per indikator penetapan tahun lalu, dihitung dengan rubrik versinya sendiri."""
    if lalu is None:
        return {}
    kuesioner = lalu.kuesioner
    return skor_indikator(kuesioner.versi.mesin, jawaban_kuesioner(kuesioner))


def catatan_tenggat(penilaian: PenilaianKth, libur=None) -> str:
    """Penanda tenggat yang dihitung dengan daftar libur perkiraan (kosong bila semua resmi)."""
    if not (penilaian.tenggat and penilaian.diajukan_pada):
        return ""
    libur = libur if libur is not None else hari_libur()
    mulai = timezone.localdate(penilaian.diajukan_pada)
    return kalender.catatan_perkiraan(libur.tahun_perkiraan(mulai, penilaian.tenggat))


def antrean_penetapan(user, libur=None) -> list[tuple[PenilaianKth, int, int, str]]:
    """(penilaian, sisa hari kerja, hari kerja terlambat, penanda perkiraan) urut tenggat."""
    libur = libur if libur is not None else hari_libur()
    hari_ini = timezone.localdate()
    return [
        (p, sisa, -sisa, catatan_tenggat(p, libur))
        for p in PenilaianKth.objects.untuk_penetapan(user)
        .filter(status=S.DIAJUKAN)
        .select_related("kth__kabupaten", "penilai")
        .order_by("tenggat", "pk")
        for sisa in [hari_kerja.sisa_hari_kerja(hari_ini, p.tenggat, libur)]
    ]


def cakupan_tahun(user, provinsi, tahun: int):
    """(jumlah KTH aktif, KTH yang belum dinilai tahun itu, [(kelas, jumlah KTH)])."""
    kth = Kth.objects.untuk(user).aktif().filter(provinsi=provinsi)
    dinilai = PenilaianKth.objects.menilai(OuterRef("pk"), tahun)
    belum = (
        kth.filter(~Exists(dinilai))
        .select_related("kabupaten", "desa")
        .order_by("kabupaten__nama", "nama")
    )
    per_kelas = dict(kth.values_list("kelas").annotate(n=Count("pk")).values_list("kelas", "n"))
    ringkas = [(k.label, per_kelas.get(k.value, 0)) for k in KelasKth] + [
        ("Belum ditetapkan", per_kelas.get("", 0))
    ]
    return kth.count(), belum, ringkas
