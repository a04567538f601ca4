"""Evaluasi kerja sama di tahap g, rekam jejak mitra, dan perpanjangan jangka waktu.

Angka evaluasi diambil dari yang sudah dicatat (rencana aksi, monitoring, indikator yang
disepakati, kriteria penilaian yang disasar lewat rencana tindak lanjut); evaluator menambah
penilaian, pelajaran dan rekomendasi. Semua angka dibekukan di `EvaluasiKerjaSama.potret`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from akun import peran
from kerjasama import services
from kerjasama.models import (
    AlasanAkhir,
    EvaluasiKerjaSama,
    KerjaSama,
    Monitoring,
    PenilaianEvaluasi,
    Perpanjangan,
    RencanaAksi,
    Tahap,
)
from kerjasama.pelaksanaan import KEWAJIBAN
from kerjasama.services import TindakanTidakSah
from kerjasama.tindak_lanjut import BERAKHIR_DINI, gerak_kriteria

# Kolom tanggal monitoring yang ditampilkan di tabel kewajiban (yang terbaru); persentase tetap
# dihitung dari semua catatan.
KOLOM_KEWAJIBAN_MAKS = 12


@dataclass
class BarisIndikator:
    nama: str
    satuan: str
    awal: Decimal | None
    target: Decimal | None
    capaian: Decimal | None
    sumber: str
    otomatis: bool

    @property
    def persen_capaian(self) -> Decimal | None:
        """Capaian terhadap jarak awal-target, dalam persen (dibulatkan ke satu desimal)."""
        if None in (self.awal, self.target, self.capaian) or self.target == self.awal:
            return None
        return ((self.capaian - self.awal) * 100 / (self.target - self.awal)).quantize(
            Decimal("0.1")
        )

    def sebagai_json(self) -> dict:
        def teks(x):
            return None if x is None else str(x)

        return {
            "nama": self.nama,
            "satuan": self.satuan,
            "awal": teks(self.awal),
            "target": teks(self.target),
            "capaian": teks(self.capaian),
            "sumber": self.sumber,
            "otomatis": self.otomatis,
        }


def indikator(ks: KerjaSama) -> list[BarisIndikator]:
    """Indikator dari rencana aksi dan monitoring, lalu indikator yang disepakati para pihak."""
    aksi = ks.rencana_aksi.exclude(status=RencanaAksi.Status.BATAL).aggregate(
        jumlah=Count("pk"),
        selesai=Count("pk", filter=Q(status=RencanaAksi.Status.SELESAI)),
        anggaran_rencana=Sum("anggaran"),
        anggaran_selesai=Sum("anggaran", filter=Q(status=RencanaAksi.Status.SELESAI)),
    )
    peserta = ks.monitoring.aggregate(
        total=Sum("peserta"), perempuan=Sum("peserta_perempuan"), muda=Sum("peserta_muda")
    )
    baris = [
        BarisIndikator(
            "Kegiatan rencana aksi yang selesai",
            "kegiatan",
            Decimal(0),
            Decimal(aksi["jumlah"]),
            Decimal(aksi["selesai"]),
            "rencana aksi (yang dibatalkan tidak dihitung)",
            True,
        ),
        BarisIndikator(
            "Anggaran kegiatan yang terlaksana",
            "Rp",
            Decimal(0),
            aksi["anggaran_rencana"] or Decimal(0),
            aksi["anggaran_selesai"] or Decimal(0),
            "anggaran rencana aksi berstatus selesai",
            True,
        ),
    ]
    total = peserta["total"] or 0
    if total:
        for kunci, nama in (("perempuan", "perempuan"), ("muda", "muda (30 tahun ke bawah)")):
            baris.append(
                BarisIndikator(
                    f"Keterlibatan peserta {nama}",
                    "% peserta",
                    None,
                    None,
                    (Decimal(peserta[kunci] or 0) * 100 / total).quantize(Decimal("0.1")),
                    f"catatan monitoring ({total} kehadiran peserta)",
                    True,
                )
            )
    baris += [
        BarisIndikator(i.nama, i.satuan, i.awal, i.target, i.capaian, i.sumber, False)
        for i in ks.indikator.all()
    ]
    return baris


def catatan_kewajiban(ks: KerjaSama) -> dict:
    """Sembilan kewajiban dari waktu ke waktu: dipenuhi atau tidak pada tiap catatan
    monitoring (kolom terbaru dibatasi), dan berapa kali dipenuhi dari semua catatan."""
    semua = list(ks.monitoring.order_by("tanggal", "pk").values_list("tanggal", "kewajiban"))
    tampil = semua[-KOLOM_KEWAJIBAN_MAKS:]
    return {
        "monitoring": len(semua),
        "tanggal": [t.isoformat() for t, _ in tampil],
        "baris": [
            {
                "kode": kode,
                "nama": nama,
                "dipenuhi": [kode in k for _, k in tampil],
                "jumlah": sum(kode in k for _, k in semua),
            }
            for kode, nama in KEWAJIBAN
        ],
    }


def potret(ks: KerjaSama) -> dict:
    return {
        "indikator": [b.sebagai_json() for b in indikator(ks)],
        "kewajiban": catatan_kewajiban(ks),
        "kriteria": [g.sebagai_json() for g in gerak_kriteria(ks)],
    }


def boleh_dievaluasi(ks: KerjaSama) -> str:
    """'' bila boleh dievaluasi; selain itu alasannya."""
    if ks.tahap != Tahap.G and not ks.diakhiri_pada:
        return "Evaluasi kerja sama dilakukan di tahap g (monitoring dan evaluasi)."
    return ""


@transaction.atomic
def evaluasi_simpan(*, kerjasama: KerjaSama, data: dict, oleh) -> EvaluasiKerjaSama:
    ks = KerjaSama.objects.select_for_update().get(pk=kerjasama.pk)
    alasan = boleh_dievaluasi(ks)
    if alasan:
        raise TindakanTidakSah(alasan)
    if data["tanggal"] > timezone.localdate():
        raise TindakanTidakSah("Tanggal evaluasi tidak boleh di masa depan.")
    evaluasi = EvaluasiKerjaSama.objects.create(
        kerjasama=ks,
        tanggal=data["tanggal"],
        penilaian=data["penilaian"],
        pelajaran=data["pelajaran"].strip(),
        rekomendasi=data["rekomendasi"],
        potret=potret(ks),
        dinilai_oleh=oleh,
    )
    services.catat_peristiwa(
        ks,
        "evaluasi",
        oleh,
        catatan=f"{evaluasi.get_penilaian_display()}. {evaluasi.get_rekomendasi_display()}",
    )
    return evaluasi


# ------------------------------------------------------------------ rekam jejak mitra


@dataclass
class JejakKerjaSama:
    ks: KerjaSama
    terlihat: bool  # dalam cakupan wilayah pengguna: judul, tautan dan catatan ditampilkan
    status: str
    evaluasi: EvaluasiKerjaSama | None
    dini: bool


def rekam_jejak(mitra, user) -> dict:
    """Kerja sama mitra di seluruh wilayah (untuk memilih mitra): status, evaluasi terakhir,
    pengakhiran dini dan alasannya. Judul dan catatan hanya untuk yang dalam cakupan pengguna.
    Jumlah kueri tetap."""
    from django.db.models import Prefetch

    terlihat = set(KerjaSama.objects.untuk(user).filter(mitra=mitra).values_list("pk", flat=True))
    daftar = list(
        KerjaSama.objects.filter(mitra=mitra)
        .select_related("kps_utama__provinsi")
        .prefetch_related(
            Prefetch(
                "evaluasi",
                queryset=EvaluasiKerjaSama.objects.order_by("-tanggal", "-pk"),
                to_attr="evaluasi_urut",
            )
        )
        .order_by("-dibuat_pada", "-pk")
    )
    jejak = []
    for ks in daftar:
        if ks.diakhiri_pada:
            status = AlasanAkhir(ks.alasan_akhir).label if ks.alasan_akhir else "Diakhiri"
        elif ks.tahap in (Tahap.F, Tahap.G):
            status = "Berjalan"
        else:
            status = f"Persiapan ({ks.get_tahap_display()})"
        jejak.append(
            JejakKerjaSama(
                ks,
                ks.pk in terlihat,
                status,
                ks.evaluasi_urut[0] if ks.evaluasi_urut else None,
                ks.alasan_akhir in BERAKHIR_DINI,
            )
        )
    penilaian = [j.evaluasi.penilaian for j in jejak if j.evaluasi]
    return {
        "jejak": jejak,
        "jumlah": len(jejak),
        "berjalan": sum(j.status == "Berjalan" for j in jejak),
        "selesai": sum(j.ks.alasan_akhir == AlasanAkhir.JANGKA_WAKTU for j in jejak),
        "dini": sum(j.dini for j in jejak),
        "penilaian": [
            (label, penilaian.count(nilai))
            for nilai, label in PenilaianEvaluasi.choices
            if penilaian.count(nilai)
        ],
    }


# ------------------------------------------------------------------ perpanjangan


def syarat_perpanjangan(ks: KerjaSama) -> str:
    """'' bila perpanjangan boleh diajukan; selain itu alasannya."""
    if ks.diakhiri_pada:
        return "Kerja sama ini sudah diakhiri."
    if not ks.berlaku_sampai:
        return "Atur dulu jangka waktu kerja sama."
    if ks.berlaku_sampai < timezone.localdate():
        return (
            "Jangka waktu sudah berakhir; perpanjangan diajukan sebelum tanggal berakhir. "
            "Buat kerja sama baru bila para pihak ingin melanjutkan."
        )
    if ks.tahap != Tahap.G:
        return "Perpanjangan diajukan dari tahap g, berdasarkan evaluasi kerja sama."
    if not ks.evaluasi.exists():
        return "Lakukan evaluasi kerja sama dulu: perpanjangan didasarkan pada hasil evaluasi."
    if ks.perpanjangan.filter(status=Perpanjangan.Status.DIAJUKAN).exists():
        return "Masih ada perpanjangan yang menunggu keputusan BPSKL."
    return ""


@transaction.atomic
def perpanjangan_ajukan(
    *, kerjasama: KerjaSama, sampai: datetime.date, alasan: str, surat, oleh
) -> Perpanjangan:
    ks = KerjaSama.objects.select_for_update().get(pk=kerjasama.pk)
    galat = syarat_perpanjangan(ks)
    if galat:
        raise TindakanTidakSah(galat)
    if sampai <= ks.berlaku_sampai:
        raise TindakanTidakSah("Tanggal baru harus sesudah tanggal berakhir sekarang.")
    perlu_persetujuan = ks.usaha
    if perlu_persetujuan and not ks.bpskl_id:
        raise TindakanTidakSah("Kerja sama usaha ini belum tercatat BPSKL-nya.")
    try:
        with transaction.atomic():
            p = Perpanjangan.objects.create(
                kerjasama=ks,
                sampai_lama=ks.berlaku_sampai,
                sampai_baru=sampai,
                alasan=alasan.strip(),
                evaluasi=ks.evaluasi.order_by("-tanggal", "-pk").first(),
                surat=surat or "",
                status=Perpanjangan.Status.DIAJUKAN
                if perlu_persetujuan
                else Perpanjangan.Status.BERLAKU,
                diajukan_oleh=oleh,
            )
    except IntegrityError as e:
        raise TindakanTidakSah("Masih ada perpanjangan yang menunggu keputusan BPSKL.") from e
    if perlu_persetujuan:
        services.catat_peristiwa(
            ks, "perpanjangan diajukan", oleh, catatan=f"sampai {sampai:%d-%m-%Y}. {p.alasan}"
        )
        services.beritahu_setelah_commit(
            penerima=services.staf_bpskl(ks.bpskl_id),
            judul=f"Perpanjangan kerja sama {ks.judul} menunggu keputusan",
            pesan=f"Diperpanjang sampai {sampai:%d-%m-%Y}. {p.alasan}",
            tautan=ks.get_absolute_url(),
        )
    else:
        _terapkan(ks, p, oleh)
    return p


def _terapkan(ks: KerjaSama, p: Perpanjangan, oleh) -> None:
    ks.berlaku_sampai, ks.peringatan_terkirim = p.sampai_baru, []
    ks.save(update_fields=["berlaku_sampai", "peringatan_terkirim"])
    services.catat_peristiwa(
        ks,
        "diperpanjang",
        oleh,
        catatan=f"{p.sampai_lama:%d-%m-%Y} menjadi {p.sampai_baru:%d-%m-%Y}. {p.alasan}",
    )


@transaction.atomic
def perpanjangan_putuskan(*, perpanjangan: Perpanjangan, setuju: bool, catatan: str, oleh):
    p = Perpanjangan.objects.select_for_update().get(pk=perpanjangan.pk)
    if p.status != Perpanjangan.Status.DIAJUKAN:
        raise TindakanTidakSah("Perpanjangan ini sudah diputuskan.")
    ks = KerjaSama.objects.select_for_update().get(pk=p.kerjasama_id)
    if not (oleh.punya_peran(peran.STAF_BPSKL) and oleh.bpskl_id == ks.bpskl_id):
        raise TindakanTidakSah("Perpanjangan diputuskan oleh staf BPSKL wilayah kerja sama ini.")
    if not setuju and not catatan.strip():
        raise TindakanTidakSah("Tulis alasan penolakan.")
    p.status = Perpanjangan.Status.BERLAKU if setuju else Perpanjangan.Status.DITOLAK
    p.diputuskan_oleh, p.diputuskan_pada = oleh, timezone.now()
    p.catatan_keputusan = catatan.strip()
    p.save(update_fields=["status", "diputuskan_oleh", "diputuskan_pada", "catatan_keputusan"])
    if setuju:
        _terapkan(ks, p, oleh)
    else:
        services.catat_peristiwa(ks, "perpanjangan ditolak", oleh, catatan=p.catatan_keputusan)
    services.beritahu_setelah_commit(
        penerima=[*services.pendamping_kps(ks.kps_utama_id), p.diajukan_oleh],
        judul=f"Perpanjangan {ks.judul} {'disetujui' if setuju else 'ditolak'} BPSKL",
        pesan=p.catatan_keputusan,
        tautan=ks.get_absolute_url(),
    )
    return p


def antrean_perpanjangan(user):
    """Perpanjangan yang menunggu keputusan staf BPSKL ini (cakupan sama dengan antrean
    persetujuan kerja sama)."""
    if not user.punya_peran(peran.STAF_BPSKL):
        return Perpanjangan.objects.none()
    return (
        Perpanjangan.objects.filter(
            status=Perpanjangan.Status.DIAJUKAN, kerjasama__bpskl_id=user.bpskl_id
        )
        .select_related("kerjasama__kps_utama", "evaluasi")
        .order_by("diajukan_pada")
    )


def monitoring_terakhir(ks: KerjaSama) -> Monitoring | None:
    return ks.monitoring.order_by("-tanggal", "-pk").first()


def tampilan(data: dict) -> dict:
    """Potret evaluasi (JSON) sebagai nilai untuk templat: Decimal, tanggal, persen capaian."""

    def desimal(x):
        return None if x is None else Decimal(x)

    kewajiban = data.get("kewajiban", {})
    return {
        "indikator": [
            BarisIndikator(
                b["nama"],
                b["satuan"],
                desimal(b["awal"]),
                desimal(b["target"]),
                desimal(b["capaian"]),
                b.get("sumber", ""),
                b.get("otomatis", False),
            )
            for b in data.get("indikator", [])
        ],
        "kewajiban": {
            **kewajiban,
            "tanggal": [datetime.date.fromisoformat(t) for t in kewajiban.get("tanggal", [])],
        },
        "kriteria": [
            {
                **k,
                "awal": desimal(k["awal"]),
                "target": desimal(k["target"]),
                "sesudah": desimal(k["sesudah"]),
            }
            for k in data.get("kriteria", [])
        ],
    }
