"""Beranda per peran: antrean kerja dan angka, masing-masing bertaut ke daftar yang tersaring.

Setiap angka dihitung dalam cakupan pengguna (queryset `untuk` tiap model) dengan agregat
bersyarat, sehingga jumlah kueri tetap, berapa pun banyaknya data; daftar antrean dibatasi
beberapa baris teratas dengan tautan "lihat semua" ke daftar lengkapnya.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Exists, F, Max, OuterRef, Q
from django.urls import reverse
from django.utils import formats, timezone

from akun import peran

BARIS_ANTREAN = 8


@dataclass(frozen=True)
class Angka:
    label: str
    nilai: int | str
    tautan: str = ""
    catatan: str = ""
    penting: bool = False  # ditonjolkan (perlu tindakan)


@dataclass(frozen=True)
class Baris:
    teks: str
    tautan: str = ""
    rincian: str = ""
    penanda: str = ""  # teks lencana, mis. "Terlambat 2 hari kerja"
    gawat: bool = False


@dataclass
class Bagian:
    judul: str
    baris: list[Baris]
    kosong: str = "Tidak ada."
    semua: str = ""  # tautan ke daftar lengkap


@dataclass
class Sebaran:
    """Grafik batang sederhana yang sekaligus tabel (alternatif pembaca layar)."""

    judul: str
    baris: list[tuple[str, int, str]]  # label, nilai, tautan
    satuan: str = ""

    @property
    def puncak(self) -> int:
        return max((n for _, n, _ in self.baris), default=0) or 1


@dataclass
class Tabel:
    """Tabel silang kecil (mis. kabupaten x kelas); setiap sel bertaut ke daftarnya."""

    judul: str
    kolom: list[str]
    baris: list[tuple[str, list[tuple[int, str]]]]  # label baris, [(nilai, tautan)]


@dataclass
class Beranda:
    angka: list[Angka] = field(default_factory=list)
    bagian: list[Bagian] = field(default_factory=list)
    sebaran: list[Sebaran] = field(default_factory=list)
    tabel: list[Tabel] = field(default_factory=list)
    pintasan: list[tuple[str, str]] = field(default_factory=list)  # label, tautan


def tautan(nama: str, *args, **saring) -> str:
    alamat = reverse(nama, args=args)
    saring = {k: v for k, v in saring.items() if v not in (None, "")}
    return f"{alamat}?{urlencode(saring)}" if saring else alamat


def _hari_sejak(waktu, hari_ini: datetime.date) -> int:
    return (hari_ini - timezone.localdate(waktu)).days if waktu else 0


# ------------------------------------------------------------------ pendamping


def beranda_pendamping(user) -> Beranda:
    from kelompok.models import Anggota, DokumenPendukung, JenisDokumen, Kps, Kth, Kups, Penugasan
    from kerjasama.models import KerjaSama, PermohonanMitra, StatusPersetujuan
    from kerjasama.services import langkah_berikut
    from penilaian.hkm.models import EvaluasiHkm
    from penilaian.kth.models import PenilaianKth

    hari_ini = timezone.localdate()
    tahun = hari_ini.year
    dampingan = Penugasan.objects.filter(pendamping=user, selesai__isnull=True).values("kps_id")
    kps = Kps.objects.filter(pk__in=dampingan, diarsipkan_pada__isnull=True)
    jenis_wajib = len(JenisDokumen.choices)
    kps_kurang = (
        kps.annotate(
            jenis_dokumen=Count("dokumen__jenis", distinct=True),
            kups_belum=Count(
                "kups",
                filter=Q(kups__kelas="belum", kups__diarsipkan_pada__isnull=True),
                distinct=True,
            ),
            ada_anggota=Exists(Anggota.objects.filter(kps=OuterRef("pk"))),
        )
        .filter(Q(jenis_dokumen__lt=jenis_wajib) | Q(kups_belum__gt=0) | Q(ada_anggota=False))
        .order_by("nama", "pk")
    )
    angka_kps = kps.aggregate(
        semua=Count("pk"),
        tanpa_dokumen=Count(
            "pk", filter=~Exists(DokumenPendukung.objects.filter(kps=OuterRef("pk")))
        ),
    )
    kups_belum = Kups.objects.filter(
        kps__in=kps, kelas="belum", diarsipkan_pada__isnull=True
    ).count()
    ks = KerjaSama.objects.filter(
        Q(kps_utama__in=kps) | Q(kps_lain__in=kps), diakhiri_pada__isnull=True
    ).distinct()
    angka_ks = KerjaSama.objects.filter(pk__in=ks.values("pk")).aggregate(
        berjalan=Count("pk"),
        menunggu=Count("pk", filter=Q(status_persetujuan=StatusPersetujuan.DIAJUKAN)),
        ditolak=Count("pk", filter=Q(status_persetujuan=StatusPersetujuan.DITOLAK)),
    )
    evaluasi_draf = EvaluasiHkm.objects.filter(kps__in=kps, status=EvaluasiHkm.Status.DRAF)
    kth = Kth.objects.filter(kps__in=kps, diarsipkan_pada__isnull=True)
    dinilai = PenilaianKth.objects.menilai(OuterRef("pk"), tahun)
    angka_kth = kth.aggregate(semua=Count("pk"), belum=Count("pk", filter=~Exists(dinilai)))
    kerja = list(
        KerjaSama.objects.filter(pk__in=ks.values("pk"))
        .select_related("kps_utama", "naskah_diputuskan")
        .annotate(terakhir=Max("riwayat__waktu"))
        .order_by(F("terakhir").asc(nulls_first=True), "pk")[:BARIS_ANTREAN]
    )
    permohonan_menunggu = (
        PermohonanMitra.objects.untuk(user, ubah=True)
        .filter(status=PermohonanMitra.Status.DIAJUKAN)
        .count()
    )
    return Beranda(
        angka=[
            Angka(
                "KPS dampingan",
                angka_kps["semua"],
                tautan("kelompok:kps_daftar", pendamping=user.username),
            ),
            Angka(
                "KPS tanpa dokumen pendukung",
                angka_kps["tanpa_dokumen"],
                tautan("kelompok:kps_daftar", pendamping=user.username, masalah="tanpa_dokumen"),
                penting=angka_kps["tanpa_dokumen"] > 0,
            ),
            Angka(
                "KUPS belum berkelas",
                kups_belum,
                tautan("kelompok:kps_daftar", pendamping=user.username, kelas_kups="belum"),
            ),
            Angka("Kerja sama berjalan", angka_ks["berjalan"], tautan("kerjasama:daftar")),
            Angka(
                "Menunggu keputusan BPSKL",
                angka_ks["menunggu"],
                tautan("kerjasama:daftar", status_persetujuan="diajukan"),
            ),
            Angka(
                "Ditolak BPSKL, perlu perbaikan",
                angka_ks["ditolak"],
                tautan("kerjasama:daftar", status_persetujuan="ditolak"),
                penting=angka_ks["ditolak"] > 0,
            ),
            Angka(
                "Permohonan mitra menunggu tanggapan",
                permohonan_menunggu,
                tautan("kerjasama:permohonan_mitra_daftar", status="diajukan"),
                penting=permohonan_menunggu > 0,
            ),
            Angka(
                "Evaluasi HKm sedang diisi",
                evaluasi_draf.count(),
                tautan("penilaian:evaluasi_daftar"),
            ),
            Angka(
                f"KTH belum dinilai {tahun}",
                angka_kth["belum"],
                tautan("kelompok:kth_daftar", pendamping=user.username, masalah="belum_dinilai"),
                catatan=f"dari {angka_kth['semua']} KTH; paling lambat 30 November",
                penting=angka_kth["belum"] > 0,
            ),
        ],
        bagian=[
            Bagian(
                "Kerja sama: langkah berikutnya",
                [
                    Baris(
                        k.judul,
                        k.get_absolute_url(),
                        f"{k.kps_utama.nama} · {k.get_tahap_display()} · {langkah_berikut(k)}",
                        penanda=f"{_hari_sejak(k.terakhir or k.dibuat_pada, hari_ini)} hari "
                        "sejak langkah terakhir",
                    )
                    for k in kerja
                ],
                kosong="Belum ada kerja sama berjalan.",
                semua=tautan("kerjasama:daftar"),
            ),
            Bagian(
                "KPS dengan kekurangan",
                [
                    Baris(
                        k.nama,
                        k.get_absolute_url(),
                        " · ".join(
                            bagian
                            for bagian in (
                                f"{jenis_wajib - k.jenis_dokumen} jenis dokumen belum ada"
                                if k.jenis_dokumen < jenis_wajib
                                else "",
                                "belum ada anggota" if not k.ada_anggota else "",
                                f"{k.kups_belum} KUPS belum berkelas" if k.kups_belum else "",
                            )
                            if bagian
                        ),
                    )
                    for k in kps_kurang[:BARIS_ANTREAN]
                ],
                kosong="Semua KPS dampingan lengkap.",
                semua=tautan("kelompok:kps_daftar", pendamping=user.username),
            ),
        ],
    )


# ------------------------------------------------------------------ staf BPSKL


def beranda_staf_bpskl(user) -> Beranda:
    from kelompok.models import Provinsi
    from kerjasama.models import AkunMitra, JenisKerjaSama, KerjaSama, StatusPersetujuan, Tahap

    hari_ini = timezone.localdate()
    awal_tahun = datetime.date(hari_ini.year, 1, 1)
    ks = KerjaSama.objects.untuk(user)
    SP = StatusPersetujuan
    angka = ks.aggregate(
        menunggu=Count("pk", filter=Q(status_persetujuan=SP.DIAJUKAN)),
        disetujui=Count(
            "pk", filter=Q(status_persetujuan=SP.DISETUJUI, diputuskan_pada__date__gte=awal_tahun)
        ),
        ditolak=Count(
            "pk", filter=Q(status_persetujuan=SP.DITOLAK, diputuskan_pada__date__gte=awal_tahun)
        ),
        berakhir=Count(
            "pk",
            filter=Q(
                diakhiri_pada__isnull=True,
                berlaku_sampai__gte=hari_ini,
                berlaku_sampai__lte=hari_ini + datetime.timedelta(days=90),
            ),
        ),
    )
    antrean = list(
        ks.filter(status_persetujuan=SP.DIAJUKAN)
        .select_related("kps_utama__provinsi")
        .order_by("diajukan_pada", "pk")[:BARIS_ANTREAN]
    )
    berakhir = list(
        ks.filter(
            diakhiri_pada__isnull=True,
            berlaku_sampai__gte=hari_ini,
            berlaku_sampai__lte=hari_ini + datetime.timedelta(days=90),
        )
        .select_related("kps_utama")
        .order_by("berlaku_sampai", "pk")[:BARIS_ANTREAN]
    )
    per_jenis = dict(ks.values_list("jenis").annotate(n=Count("pk")).values_list("jenis", "n"))
    per_tahap = dict(ks.values_list("tahap").annotate(n=Count("pk")).values_list("tahap", "n"))
    per_provinsi = dict(
        ks.values_list("kps_utama__provinsi_id")
        .annotate(n=Count("pk"))
        .values_list("kps_utama__provinsi_id", "n")
    )
    nama_provinsi = dict(Provinsi.objects.filter(pk__in=per_provinsi).values_list("pk", "nama"))
    terlama = _hari_sejak(antrean[0].diajukan_pada, hari_ini) if antrean else 0
    akun_menunggu = AkunMitra.objects.untuk(user).filter(status=AkunMitra.Status.MENUNGGU).count()
    return Beranda(
        angka=[
            Angka(
                "Menunggu persetujuan",
                angka["menunggu"],
                tautan("kerjasama:antrean"),
                catatan=f"terlama {terlama} hari" if antrean else "",
                penting=angka["menunggu"] > 0,
            ),
            Angka(
                f"Disetujui {hari_ini.year}",
                angka["disetujui"],
                tautan(
                    "kerjasama:daftar",
                    status_persetujuan="disetujui",
                    diputuskan_tahun=hari_ini.year,
                ),
            ),
            Angka(
                f"Ditolak {hari_ini.year}",
                angka["ditolak"],
                tautan(
                    "kerjasama:daftar", status_persetujuan="ditolak", diputuskan_tahun=hari_ini.year
                ),
            ),
            Angka(
                "Berakhir dalam 90 hari",
                angka["berakhir"],
                tautan("kerjasama:daftar", berakhir="90"),
            ),
            Angka(
                "Akun mitra menunggu persetujuan",
                akun_menunggu,
                tautan("kerjasama:permohonan_mitra_daftar"),
                penting=akun_menunggu > 0,
            ),
        ],
        bagian=[
            Bagian(
                "Antrean persetujuan",
                [
                    Baris(
                        k.judul,
                        k.get_absolute_url(),
                        f"{k.kps_utama.nama} · {k.kps_utama.provinsi.nama}",
                        penanda=f"menunggu {_hari_sejak(k.diajukan_pada, hari_ini)} hari",
                        gawat=_hari_sejak(k.diajukan_pada, hari_ini) > 14,
                    )
                    for k in antrean
                ],
                kosong="Tidak ada yang menunggu persetujuan.",
                semua=tautan("kerjasama:antrean"),
            ),
            Bagian(
                "Jangka waktu segera berakhir",
                [
                    Baris(
                        k.judul,
                        k.get_absolute_url(),
                        k.kps_utama.nama,
                        penanda=f"berakhir {k.berlaku_sampai:%d-%m-%Y}",
                    )
                    for k in berakhir
                ],
                kosong="Tidak ada yang berakhir dalam 90 hari.",
            ),
        ],
        sebaran=[
            Sebaran(
                "Kerja sama per jenis",
                [
                    (label, per_jenis.get(kode, 0), tautan("kerjasama:daftar", jenis=kode))
                    for kode, label in JenisKerjaSama.choices
                ],
            ),
            Sebaran(
                "Kerja sama per tahap",
                [
                    (label, per_tahap.get(kode, 0), tautan("kerjasama:daftar", tahap=kode))
                    for kode, label in Tahap.choices
                ],
            ),
            Sebaran(
                "Kerja sama per provinsi",
                [
                    (nama_provinsi.get(kode, kode), n, tautan("kerjasama:daftar", provinsi=kode))
                    for kode, n in sorted(per_provinsi.items())
                ],
            ),
        ],
    )


# ------------------------------------------------------------------ penilai KTH


def beranda_penilai_kth(user) -> Beranda:
    from kelompok.models import Kth
    from penilaian.kth.models import PenilaianKth

    hari_ini = timezone.localdate()
    tahun = hari_ini.year
    S = PenilaianKth.Status
    kth = Kth.objects.untuk(user).filter(diarsipkan_pada__isnull=True)
    dinilai = PenilaianKth.objects.menilai(OuterRef("pk"), tahun)
    angka = kth.aggregate(semua=Count("pk"), belum=Count("pk", filter=~Exists(dinilai)))
    milik = PenilaianKth.objects.untuk(user).filter(tahun=tahun)
    per_status = dict(
        milik.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    cakupan = (angka["semua"] - angka["belum"]) * 100 // angka["semua"] if angka["semua"] else 0
    batas = datetime.date(tahun, 11, 30)
    draf = list(
        milik.filter(status=S.DRAF, penilai=user)
        .select_related("kth")
        .order_by("kth__nama")[:BARIS_ANTREAN]
    )
    kembali = list(
        milik.filter(status=S.DIKEMBALIKAN)
        .select_related("kth")
        .order_by("kth__nama")[:BARIS_ANTREAN]
    )
    belum = list(
        kth.filter(~Exists(dinilai))
        .select_related("kabupaten")
        .order_by("kabupaten__nama", "nama")[:BARIS_ANTREAN]
    )
    return Beranda(
        angka=[
            Angka(
                f"KTH belum dinilai {tahun}",
                angka["belum"],
                tautan("penilaian:cakupan"),
                catatan=f"dari {angka['semua']} KTH aktif",
                penting=angka["belum"] > 0,
            ),
            Angka(
                "Cakupan penilaian",
                f"{cakupan}%",
                tautan("penilaian:cakupan"),
                catatan=(
                    f"{(batas - hari_ini).days} hari menuju 30 November"
                    if hari_ini <= batas
                    else "batas 30 November sudah lewat"
                ),
            ),
            Angka("Draf", per_status.get(S.DRAF, 0), tautan("penilaian:kth_daftar")),
            Angka(
                "Dikembalikan Kepala Dinas",
                per_status.get(S.DIKEMBALIKAN, 0),
                tautan("penilaian:kth_daftar"),
                penting=per_status.get(S.DIKEMBALIKAN, 0) > 0,
            ),
            Angka(
                "Menunggu penetapan", per_status.get(S.DIAJUKAN, 0), tautan("penilaian:kth_daftar")
            ),
            Angka(
                f"Ditetapkan {tahun}",
                per_status.get(S.DITETAPKAN, 0),
                tautan("penilaian:kth_daftar"),
            ),
        ],
        bagian=[
            Bagian(
                "Dikembalikan untuk diperbaiki",
                [
                    Baris(
                        p.kth.nama,
                        reverse("penilaian:kth_detail", args=[p.pk]),
                        p.catatan,
                        gawat=True,
                    )
                    for p in kembali
                ],
                kosong="Tidak ada penilaian yang dikembalikan.",
            ),
            Bagian(
                "Draf saya",
                [Baris(p.kth.nama, reverse("penilaian:kth_detail", args=[p.pk])) for p in draf],
                kosong="Tidak ada draf.",
                semua=tautan("penilaian:kth_daftar"),
            ),
            Bagian(
                f"Belum dinilai {tahun}",
                [Baris(k.nama, k.get_absolute_url(), k.kabupaten.nama) for k in belum],
                kosong="Semua KTH aktif sudah dinilai tahun ini.",
                semua=tautan("penilaian:cakupan"),
            ),
        ],
    )


# ------------------------------------------------------------------ Kepala Dinas


def beranda_kepala_dinas(user) -> Beranda:
    from kelompok.models import KelasKth, Kth
    from kerjasama.models import KerjaSama
    from penilaian.inti.services import hari_libur
    from penilaian.kth.models import Sertifikat
    from penilaian.kth.selectors import antrean_penetapan

    hari_ini = timezone.localdate()
    awal_tahun = datetime.date(hari_ini.year, 1, 1)
    antrean = antrean_penetapan(user, hari_libur())
    sertifikat = Sertifikat.objects.filter(penilaian__kth__in=Kth.objects.untuk(user)).aggregate(
        terbit=Count("pk", filter=Q(diterbitkan_pada__date__gte=awal_tahun)),
        dicabut=Count("pk", filter=Q(dicabut_pada__date__gte=awal_tahun)),
    )
    tembusan = KerjaSama.objects.untuk(user).filter(dikirim_ke_opd_pada__isnull=False)
    jumlah_tembusan = tembusan.filter(dikirim_ke_opd_pada__date__gte=awal_tahun).count()
    tembusan_terbaru = list(
        tembusan.select_related("kps_utama").order_by("-dikirim_ke_opd_pada", "-pk")[:5]
    )
    kelas = list(
        Kth.objects.untuk(user)
        .filter(diarsipkan_pada__isnull=True)
        .values_list("kabupaten_id", "kabupaten__nama", "kelas")
        .annotate(n=Count("pk"))
        .order_by("kabupaten__nama")
    )
    per_kabupaten: dict[tuple[str, str], dict[str, int]] = {}
    for kab_id, kab_nama, k, n in kelas:
        per_kabupaten.setdefault((kab_id, kab_nama), {})[k or ""] = n
    terlambat = sum(1 for _, sisa, _, _ in antrean if sisa < 0)
    return Beranda(
        angka=[
            Angka(
                "Menunggu penetapan",
                len(antrean),
                tautan("penilaian:kth_antrean"),
                catatan=f"{terlambat} lewat tenggat" if terlambat else "",
                penting=bool(antrean),
            ),
            Angka(
                f"Sertifikat terbit {hari_ini.year}",
                sertifikat["terbit"],
                tautan("penilaian:kth_daftar", sertifikat="terbit", tahun_sertifikat=hari_ini.year),
            ),
            Angka(
                f"Sertifikat dicabut {hari_ini.year}",
                sertifikat["dicabut"],
                tautan(
                    "penilaian:kth_daftar", sertifikat="dicabut", tahun_sertifikat=hari_ini.year
                ),
            ),
            Angka(
                f"Tembusan kerja sama {hari_ini.year}",
                jumlah_tembusan,
                tautan("kerjasama:daftar", dikirim_tahun=hari_ini.year, provinsi=user.provinsi_id),
            ),
        ],
        bagian=[
            Bagian(
                "Keputusan kelas yang menunggu",
                [
                    Baris(
                        p.kth.nama,
                        reverse("penilaian:kth_detail", args=[p.pk]),
                        f"{p.kth.kabupaten.nama} · {p.kelas} · tenggat {p.tenggat:%d-%m-%Y}"
                        + (" (perkiraan)" if perkiraan else ""),
                        penanda=(
                            f"terlambat {-sisa} hari kerja"
                            if sisa < 0
                            else f"sisa {sisa} hari kerja"
                        ),
                        gawat=sisa <= 2,
                    )
                    for p, sisa, _, perkiraan in antrean[:BARIS_ANTREAN]
                ],
                kosong="Tidak ada penilaian yang menunggu penetapan.",
                semua=tautan("penilaian:kth_antrean"),
            ),
            Bagian(
                "Tembusan kerja sama yang diterima",
                [
                    Baris(
                        k.judul,
                        k.get_absolute_url(),
                        k.kps_utama.nama,
                        penanda=f"{timezone.localdate(k.dikirim_ke_opd_pada):%d-%m-%Y}",
                    )
                    for k in tembusan_terbaru
                ],
                kosong="Belum ada tembusan.",
            ),
        ],
        tabel=[
            Tabel(
                "KTH aktif per kabupaten/kota dan kelas",
                [label for _, label in KelasKth.choices] + ["Belum ditetapkan"],
                [
                    (
                        nama,
                        [
                            (
                                isi.get(kode, 0),
                                tautan(
                                    "kelompok:kth_daftar",
                                    provinsi=user.provinsi_id,
                                    kabupaten=kab_id,
                                    kelas=kode,
                                ),
                            )
                            for kode, _ in KelasKth.choices
                        ]
                        + [(isi.get("", 0), "")],
                    )
                    for (kab_id, nama), isi in per_kabupaten.items()
                ],
            )
        ]
        if per_kabupaten
        else [],
    )


# ------------------------------------------------------------------ admin

# Angka mutu data admin memindai seluruh KPS dan KTH dalam cakupannya (skala nasional: 100.000
# KTH); disimpan sebentar per pengguna dan diberi keterangan jam hitungnya.
MUTU_DETIK = 600


def _mutu_data(user, tahun: int) -> dict:
    from django.core.cache import cache

    from kelompok.models import DokumenPendukung, Kps, Kth, Penugasan, kth_beranggota_cukup
    from penilaian.kth.models import PenilaianKth

    kunci = f"beranda:mutu:2:{user.pk}:{tahun}"
    mutu = cache.get(kunci)
    if mutu is not None:
        return mutu
    kps = Kps.objects.untuk(user).filter(diarsipkan_pada__isnull=True)
    kth = Kth.objects.untuk(user).filter(diarsipkan_pada__isnull=True)
    dinilai = PenilaianKth.objects.menilai(OuterRef("pk"), tahun)
    selisih = Decimal(settings.PETA_SELISIH_LUAS_PERSEN) / 100
    mutu = {
        "kps": kps.aggregate(
            tanpa_pendamping=Count(
                "pk",
                filter=~Exists(Penugasan.objects.filter(kps=OuterRef("pk"), selesai__isnull=True)),
            ),
            tanpa_dokumen=Count(
                "pk", filter=~Exists(DokumenPendukung.objects.filter(kps=OuterRef("pk")))
            ),
            tanpa_lokasi=Count("pk", filter=Q(lintang__isnull=True, batas_barat__isnull=True)),
            selisih_luas=Count(
                "pk",
                filter=Q(luas_batas_ha__gt=F("luas_ha") * (1 + selisih))
                | Q(luas_batas_ha__lt=F("luas_ha") * (1 - selisih)),
            ),
        ),
        "kth": kth.aggregate(
            semua=Count("pk"),
            dinilai=Count("pk", filter=Exists(dinilai)),
            kurang=Count("pk", filter=~kth_beranggota_cukup()),
        ),
        "dihitung": timezone.now(),
    }
    cache.set(kunci, mutu, MUTU_DETIK)
    return mutu


def beranda_admin(user) -> Beranda:
    from akun.models import Pengguna
    from penilaian.inti.models import VersiInstrumen
    from penilaian.inti.services import hari_libur
    from penilaian.kth.models import EksporSertifikat

    hari_ini = timezone.localdate()
    tahun = hari_ini.year
    mutu = _mutu_data(user, tahun)
    mutu_kps, mutu_kth = mutu["kps"], mutu["kth"]
    dihitung = f"dihitung pukul {timezone.localtime(mutu['dihitung']):%H.%M}"
    pengguna = dict(
        Pengguna.objects.untuk(user)
        .filter(is_active=True)
        .values_list("groups__name")
        .annotate(n=Count("pk", distinct=True))
        .values_list("groups__name", "n")
    )
    versi = list(
        VersiInstrumen.objects.select_related("instrumen").order_by("instrumen__kode", "-nomor")
    )
    terbaru: dict[str, VersiInstrumen] = {}
    for v in versi:
        terbaru.setdefault(v.instrumen.kode, v)
    ekspor = list(EksporSertifikat.objects.filter(diminta_oleh=user).select_related("provinsi")[:5])
    kalender = hari_libur()
    cakupan = mutu_kth["dinilai"] * 100 // mutu_kth["semua"] if mutu_kth["semua"] else 0
    return Beranda(
        angka=[
            Angka(
                "KPS tanpa pendamping",
                mutu_kps["tanpa_pendamping"],
                tautan("kelompok:kps_daftar", masalah="tanpa_pendamping"),
                catatan=dihitung,
                penting=mutu_kps["tanpa_pendamping"] > 0,
            ),
            Angka(
                "KPS tanpa dokumen pendukung",
                mutu_kps["tanpa_dokumen"],
                tautan("kelompok:kps_daftar", masalah="tanpa_dokumen"),
                catatan=dihitung,
            ),
            Angka(
                "KPS tanpa titik atau batas di peta",
                mutu_kps["tanpa_lokasi"],
                tautan("kelompok:kps_daftar", masalah="tanpa_lokasi"),
                catatan=dihitung,
            ),
            Angka(
                f"Luas batas berbeda > {settings.PETA_SELISIH_LUAS_PERSEN}% dari SK",
                mutu_kps["selisih_luas"],
                tautan("kelompok:kps_daftar", masalah="selisih_luas"),
                catatan=dihitung,
                penting=mutu_kps["selisih_luas"] > 0,
            ),
            Angka(
                "KTH beranggota kurang dari 15",
                mutu_kth["kurang"],
                tautan("kelompok:kth_daftar", masalah="anggota_kurang"),
                catatan=dihitung,
            ),
            Angka(
                f"Cakupan penilaian KTH {tahun}",
                f"{cakupan}%",
                tautan("penilaian:cakupan"),
                catatan=f"{mutu_kth['dinilai']} dari {mutu_kth['semua']} KTH",
            ),
            Angka(
                f"Kalender libur {tahun + 1}",
                "perkiraan" if kalender.adalah_perkiraan(tahun + 1) else "resmi",
                tautan("penilaian:kalender_libur"),
                penting=kalender.adalah_perkiraan(tahun + 1),
            ),
        ],
        bagian=[
            Bagian(
                "Versi instrumen yang berlaku",
                [
                    Baris(
                        str(v),
                        tautan("penilaian:rubrik_unggah"),
                        f"dimuat {timezone.localdate(v.dimuat_pada):%d-%m-%Y}",
                        penanda="nilai sementara" if v.ada_sementara else "",
                    )
                    for v in terbaru.values()
                ],
                kosong="Belum ada instrumen.",
            ),
            Bagian(
                "Ekspor sertifikat terakhir",
                [
                    Baris(
                        f"{e.provinsi.nama} {e.tahun}",
                        reverse("penilaian:ekspor_status", args=[e.pk]),
                        penanda=e.get_status_display(),
                    )
                    for e in ekspor
                ],
                kosong="Belum ada ekspor.",
                semua=tautan("penilaian:ekspor_baru"),
            ),
        ],
        sebaran=[
            Sebaran(
                "Pengguna aktif per peran",
                [
                    (
                        p.nama_grup,
                        pengguna.get(p.nama_grup, 0),
                        tautan("pengguna_daftar", peran=p.kode),
                    )
                    for p in peran.SEMUA_PERAN
                ],
                satuan="orang",
            )
        ],
    )


# ------------------------------------------------------------------ mitra


def beranda_mitra(user) -> Beranda:
    """Beranda wakil mitra: permohonan lembaganya dan statusnya, tidak ada data lain."""
    from kerjasama.models import PermohonanMitra, akun_mitra_aktif

    akun = akun_mitra_aktif(user)
    if akun is None:
        return Beranda(
            bagian=[
                Bagian(
                    "Akun mitra belum aktif",
                    [],
                    kosong="Akun ini belum tertaut ke mitra di registri. Hubungi pendamping "
                    "atau staf BPSKL yang mengundang Anda.",
                )
            ]
        )
    qs = PermohonanMitra.objects.untuk(user)
    S = PermohonanMitra.Status
    angka = qs.aggregate(
        diajukan=Count("pk", filter=Q(status=S.DIAJUKAN)),
        diterima=Count("pk", filter=Q(status=S.DITERIMA)),
        ditolak=Count("pk", filter=Q(status=S.DITOLAK)),
        kerjasama=Count("pk", filter=Q(kerjasama__isnull=False)),
    )
    terbaru = list(
        qs.select_related("kps", "kerjasama").order_by("-diajukan_pada", "-pk")[:BARIS_ANTREAN]
    )
    daftar = "kerjasama:permohonan_mitra_daftar"
    return Beranda(
        angka=[
            Angka("Menunggu tanggapan", angka["diajukan"], tautan(daftar, status="diajukan")),
            Angka("Diterima", angka["diterima"], tautan(daftar, status="diterima")),
            Angka("Ditolak", angka["ditolak"], tautan(daftar, status="ditolak")),
            Angka("Menjadi kerja sama", angka["kerjasama"], tautan(daftar)),
        ],
        bagian=[
            Bagian(
                f"Permohonan {akun.mitra}",
                [
                    Baris(
                        p.judul,
                        p.get_absolute_url(),
                        f"Kepada {p.kps.nama} · diajukan "
                        + formats.date_format(timezone.localtime(p.diajukan_pada), "j F Y")
                        + (f" · {p.kerjasama.get_tahap_display()}" if p.kerjasama_id else ""),
                        penanda=p.get_status_display(),
                        gawat=p.status == S.DITOLAK,
                    )
                    for p in terbaru
                ],
                kosong="Belum ada permohonan.",
                semua=tautan(daftar),
            )
        ],
        pintasan=[("Ajukan permohonan baru", tautan("kerjasama:permohonan_mitra_baru"))],
    )


BERANDA = {
    peran.MITRA: beranda_mitra,
    peran.PENDAMPING: beranda_pendamping,
    peran.STAF_BPSKL: beranda_staf_bpskl,
    peran.PENILAI_KTH: beranda_penilai_kth,
    peran.KEPALA_DINAS: beranda_kepala_dinas,
    peran.ADMIN: beranda_admin,
}


def beranda(user, p: peran.Peran) -> Beranda:
    isi = BERANDA[p](user)
    if p == peran.PENDAMPING:
        isi.pintasan.append(
            ("Peta KPS dampingan", tautan("kelompok:kps_peta", pendamping=user.username))
        )
    elif p in (peran.STAF_BPSKL, peran.KEPALA_DINAS, peran.ADMIN):
        isi.pintasan.append(("Peta KPS di wilayah Anda", tautan("kelompok:kps_peta")))
        isi.pintasan.append(("Pertukaran data KUPS dan KTH", tautan("kelompok:pertukaran")))
    if p == peran.STAF_BPSKL:
        isi.pintasan.append(("Laporan berkala BPSKL", tautan("laporan:daftar")))
    return isi
