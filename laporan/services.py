"""Laporan berkala: diminta (bulanan oleh pekerja, atau kapan saja oleh pengguna), dihitung dan
ditulis sebagai .xlsx dan PDF di latar belakang. Setiap laporan menampilkan hasilnya: selesai
dengan berkasnya, atau gagal dengan alasan dan tombol coba lagi."""

from __future__ import annotations

import datetime
import io
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from kelompok.models import Bpskl
from laporan import hitung
from laporan.models import BULAN, LaporanBerkala
from perhutanan import xlsx
from perhutanan.pdf import render_pdf

log = logging.getLogger(__name__)


class PermintaanTidakSah(Exception):
    pass


def bulan_lalu(hari_ini: datetime.date) -> tuple[int, int]:
    pertama = hari_ini.replace(day=1) - datetime.timedelta(days=1)
    return pertama.year, pertama.month


def periksa_periode(tahun: int, bulan: int, hari_ini: datetime.date) -> None:
    if not 1 <= bulan <= 12:
        raise PermintaanTidakSah("Pilih bulan 1 sampai 12.")
    if (tahun, bulan) > (hari_ini.year, hari_ini.month):
        raise PermintaanTidakSah("Laporan tidak dapat dibuat untuk bulan yang belum berjalan.")
    if tahun < 2020:
        raise PermintaanTidakSah("Laporan tersedia mulai tahun 2020.")


def minta(*, bpskl_id: str | None, tahun: int, bulan: int, oleh=None) -> LaporanBerkala:
    """Buat atau segarkan laporan satu cakupan dan bulan, lalu antrekan penyusunannya.
    Permintaan ulang atas laporan yang sedang disusun tidak mengantrekan pekerjaan kedua."""
    from laporan.pekerjaan import buat_laporan_berkala
    from perhutanan.pekerjaan import antrekan

    periksa_periode(tahun, bulan, timezone.localdate())
    with transaction.atomic():
        try:
            with transaction.atomic():
                laporan, dibuat = LaporanBerkala.objects.get_or_create(
                    bpskl_id=bpskl_id or None,
                    tahun=tahun,
                    bulan=bulan,
                    defaults={"diminta_oleh": oleh},
                )
        except IntegrityError:
            laporan, dibuat = (
                LaporanBerkala.objects.get(bpskl_id=bpskl_id or None, tahun=tahun, bulan=bulan),
                False,
            )
        laporan = LaporanBerkala.objects.select_for_update().get(pk=laporan.pk)
        if not dibuat and laporan.status in (
            LaporanBerkala.Status.ANTRI,
            LaporanBerkala.Status.BERJALAN,
        ):
            return laporan
        laporan.status, laporan.galat, laporan.diminta_oleh = LaporanBerkala.Status.ANTRI, "", oleh
        laporan.save(update_fields=["status", "galat", "diminta_oleh"])
        antrekan(buat_laporan_berkala, kunci=f"laporan-{laporan.pk}", laporan_id=laporan.pk)
    return laporan


def minta_semua_bulan_lalu(hari_ini: datetime.date) -> int:
    """Pekerjaan bulanan: laporan nasional dan setiap BPSKL untuk bulan yang baru berakhir."""
    tahun, bulan = bulan_lalu(hari_ini)
    cakupan = [None, *Bpskl.objects.order_by("kode").values_list("kode", flat=True)]
    for kode in cakupan:
        minta(bpskl_id=kode, tahun=tahun, bulan=bulan)
    return len(cakupan)


def jalankan(laporan_id: int) -> LaporanBerkala:
    """Hitung angka dan tulis kedua berkas. Aman diulang setelah pekerja mati."""
    laporan = LaporanBerkala.objects.select_related("bpskl").get(pk=laporan_id)
    LaporanBerkala.objects.filter(pk=laporan.pk).update(status=LaporanBerkala.Status.BERJALAN)
    try:
        laporan.data = hitung.hitung(
            bpskl_id=laporan.bpskl_id, tahun=laporan.tahun, bulan=laporan.bulan
        )
        nama = f"laporan-{laporan.bpskl_id or 'nasional'}-{laporan.tahun}-{laporan.bulan:02d}"
        laporan.berkas_xlsx.save(f"{nama}.xlsx", ContentFile(tulis_xlsx(laporan)), save=False)
        laporan.berkas_pdf.save(f"{nama}.pdf", ContentFile(tulis_pdf(laporan)), save=False)
        laporan.status, laporan.galat = LaporanBerkala.Status.SELESAI, ""
    except Exception:  # dicatat di halaman dan log; pekerja tidak boleh mati karena satu laporan
        log.exception("Laporan berkala %s gagal", laporan.pk)
        laporan.status = LaporanBerkala.Status.GAGAL
        laporan.galat = (
            "Laporan tidak dapat disusun (misalnya penyimpanan penuh). Kesalahan sudah tercatat "
            "untuk admin; coba lagi."
        )
    laporan.selesai_pada = timezone.now()
    laporan.save()
    return laporan


def tandai_gagal(laporan_id: int, pesan: str) -> None:
    LaporanBerkala.objects.filter(
        pk=laporan_id,
        status__in=[LaporanBerkala.Status.ANTRI, LaporanBerkala.Status.BERJALAN],
    ).update(status=LaporanBerkala.Status.GAGAL, galat=pesan, selesai_pada=timezone.now())


# ------------------------------------------------------------------ tampilan dan berkas


def tabel(laporan: LaporanBerkala) -> list[dict]:
    """Potret angka sebagai tabel berjudul (judul, kepala, baris), sama untuk halaman, .xlsx
    dan PDF."""
    d = laporan.data
    if not d:
        return []
    nama_provinsi = dict(d["provinsi"])
    tahap = list(hitung.LABEL_TAHAP)
    ks = d["kerjasama"]
    hasil = [
        {
            "judul": "Kerja sama per jenis dan tahap (yang belum diakhiri; tahap saat laporan "
            "dibuat)",
            "kepala": ["Jenis", *[t.upper() for t in tahap], "Diakhiri", "Jumlah"],
            "baris": [
                [
                    hitung.LABEL_JENIS[j],
                    *[ks["jenis_tahap"].get(j, {}).get(t, 0) for t in tahap],
                    ks["diakhiri"].get(j, 0),
                    sum(ks["jenis_tahap"].get(j, {}).values()) + ks["diakhiri"].get(j, 0),
                ]
                for j in hitung.LABEL_JENIS
            ],
        },
        {
            "judul": "Kerja sama per provinsi dan jenis",
            "kepala": ["Provinsi", *hitung.LABEL_JENIS.values(), "Jumlah"],
            "baris": [
                [
                    nama_provinsi[p],
                    *[ks["provinsi_jenis"].get(p, {}).get(j, 0) for j in hitung.LABEL_JENIS],
                    sum(ks["provinsi_jenis"].get(p, {}).values()),
                ]
                for p in nama_provinsi
                if ks["provinsi_jenis"].get(p)
            ],
        },
    ]
    s = d["persetujuan"]
    hasil.append(
        {
            "judul": "Persetujuan kerja sama usaha (BPSKL)",
            "kepala": ["Ukuran", "Nilai"],
            "baris": [
                ["Diajukan bulan ini", s["diajukan"]],
                ["Disetujui bulan ini", s["disetujui"]],
                ["Ditolak bulan ini", s["ditolak"]],
                ["Lama menunggu rata-rata (hari)", _angka(s["lama_rata"])],
                ["Lama menunggu median (hari)", _angka(s["lama_median"])],
                ["Lama menunggu terlama (hari)", _angka(s["lama_terlama"])],
                ["Masih menunggu saat laporan dibuat", s["menunggu"]],
                ["Menunggu paling lama (hari)", _angka(s["menunggu_terlama"])],
                ["Perpanjangan diputuskan bulan ini", s["perpanjangan_diputuskan"]],
            ],
        }
    )
    tahun = d["periode"]["tahun"]
    hasil.append(
        {
            "judul": f"Kelas KTH yang ditetapkan per provinsi, {tahun} (perubahan dari "
            f"{tahun - 1})",
            "kepala": ["Provinsi", *hitung.KELAS_KTH, "Jumlah"],
            "baris": [
                [
                    nama_provinsi[p],
                    *[_perubahan(*d["kth"][p][k]) for k in hitung.KELAS_KTH],
                    _perubahan(
                        sum(d["kth"][p][k][0] for k in hitung.KELAS_KTH),
                        sum(d["kth"][p][k][1] for k in hitung.KELAS_KTH),
                    ),
                ]
                for p in nama_provinsi
                if any(any(v) for v in d["kth"][p].values())
            ],
        }
    )
    h = d["hkm"]
    kategori = ["Baik", "Sedang", "Tidak Baik"]
    hasil.append(
        {
            "judul": f"Evaluasi HKm final tahun {tahun} sampai akhir bulan: {h['jumlah']} "
            "evaluasi; jumlah evaluasi per kategori rata-rata kriteria",
            "kepala": ["Kriteria", *kategori],
            "baris": [
                [f"{kode} {b['nama']}", *[b["kategori"].get(k, 0) for k in kategori]]
                for kode, b in h["kriteria"].items()
            ],
        }
    )
    hasil.append(
        {
            "judul": "Evaluasi HKm final per provinsi",
            "kepala": ["Provinsi", "Evaluasi"],
            "baris": [[nama_provinsi[p], n] for p, n in sorted(h["per_provinsi"].items())],
        }
    )
    hasil.append(
        {
            "judul": "Aksi rencana tindak lanjut menurut status",
            "kepala": ["Status", "Aksi"],
            "baris": [[s, n] for s, n in d["tindak_lanjut"].items()],
        }
    )
    return hasil


def _angka(nilai) -> str:
    from perhutanan.angka import format_desimal

    if nilai is None:
        return "-"
    return format_desimal(nilai, 1) if "." in str(nilai) else str(nilai)


def _perubahan(kini: int, lalu: int) -> str:
    selisih = kini - lalu
    return f"{kini} ({'+' if selisih > 0 else ''}{selisih})" if selisih else str(kini)


def judul(laporan: LaporanBerkala) -> str:
    return f"Laporan berkala Perhutanan Sosial {laporan.cakupan}, {laporan.periode}"


def keterangan(laporan: LaporanBerkala) -> str:
    """'Periode 1-30 November 2026 · disusun 1 Desember 2026 pukul 08.00'."""
    akhir = datetime.date.fromisoformat(laporan.data["periode"]["akhir"])
    dibuat = datetime.datetime.fromisoformat(laporan.data["dibuat"])
    return (
        f"Periode 1-{akhir.day} {BULAN[akhir.month - 1]} {akhir.year} · disusun "
        f"{dibuat.day} {BULAN[dibuat.month - 1]} {dibuat.year} pukul {dibuat:%H.%M}"
    )


def tulis_xlsx(laporan: LaporanBerkala) -> bytes:
    buku = Workbook()
    lembar = buku.active
    lembar.title = "Laporan"
    lembar.append([judul(laporan)])
    lembar["A1"].font = Font(bold=True, size=13)
    lembar.append([keterangan(laporan)])
    for t in tabel(laporan):
        lembar.append([])
        lembar.append([t["judul"]])
        lembar.cell(row=lembar.max_row, column=1).font = Font(bold=True)
        lembar.append(t["kepala"])
        for sel in lembar[lembar.max_row]:
            sel.font = Font(bold=True)
        for baris in t["baris"]:
            lembar.append(xlsx.baris_aman(list(baris)))
    lembar.column_dimensions["A"].width = 48
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def tulis_pdf(laporan: LaporanBerkala) -> bytes:
    return render_pdf(
        "laporan/laporan_pdf.html",
        {
            "laporan": laporan,
            "judul": judul(laporan),
            "keterangan": keterangan(laporan),
            "tabel": tabel(laporan),
        },
    )
