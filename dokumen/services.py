"""Penomoran dokumen: nomor urut tahunan per kantor dan jenis dokumen, tidak pernah berulang."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import logging
import secrets
from collections.abc import Callable

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from dokumen.models import (
    BULAN_ROMAWI,
    Dokumen,
    JenisDokumen,
    JenisKantor,
    Kantor,
    Penandatangan,
    PolaNomor,
    StatusDokumen,
    UrutanNomor,
)

log = logging.getLogger(__name__)


class DokumenTidakDapatDiterbitkan(Exception):
    """Alasan (dalam bahasa Indonesia) dokumen tidak dapat diterbitkan atau dicabut."""


# Bila kantor belum mengatur pola untuk jenis dokumen itu.
POLA_BAWAAN = "{urut:03d}/{jenis}/{bulan_romawi}/{tahun}"
SINGKATAN = {
    "sertifikat_kth": "SERT-KTH",
    "naskah_kerjasama": "PKS",
    "surat_permohonan": "PMH",
    "surat_keputusan": "SK",
    "surat_pengantar": "PGT",
    "berita_acara": "BA",
    "surat_pengakhiran": "PKH",
    "laporan_pelaksanaan": "LAP",
}


def urut_berikut(model, **kunci) -> int:
    """Nomor urut berikutnya di baris `model` (kolom `terakhir`) yang dikenali `kunci`.

    Baris dikunci sampai transaksi penerbitan commit: dua penerbitan serentak mendapat nomor
    berurutan, tidak pernah sama. Dipanggil paling akhir dalam transaksi penerbitan."""
    if not model.objects.filter(**kunci).exists():
        try:
            with transaction.atomic():
                model.objects.create(**kunci)
        except IntegrityError:
            pass  # dibuat bersamaan oleh penerbitan lain; baris itu yang dipakai
    urutan = model.objects.select_for_update().get(**kunci)
    urutan.terakhir += 1
    urutan.save(update_fields=["terakhir"])
    return urutan.terakhir


@transaction.atomic
def beri_nomor(*, kantor: Kantor, jenis: str, tanggal: datetime.date) -> tuple[int, str]:
    """(nomor urut, nomor dokumen) untuk dokumen yang diterbitkan sekarang. Panggil di dalam
    transaksi penerbitannya, sesudah semua pemeriksaan: nomor yang sudah diberikan tidak
    diambil kembali kecuali transaksinya batal."""
    pola = (
        PolaNomor.objects.filter(kantor=kantor, jenis_dokumen=jenis)
        .values_list("pola", flat=True)
        .first()
        or POLA_BAWAAN
    )
    urut = urut_berikut(UrutanNomor, kantor=kantor, jenis_dokumen=jenis, tahun=tanggal.year)
    nomor = pola.format(
        urut=urut,
        tahun=tanggal.year,
        bulan=tanggal.month,
        bulan_romawi=BULAN_ROMAWI[tanggal.month - 1],
        jenis=SINGKATAN.get(jenis, jenis.upper()),
    )
    return urut, nomor


def potret_kop(kantor: Kantor | None) -> dict | None:
    """Isi kop yang dipotret ke dokumen saat diterbitkan (dokumen tidak berubah bila kop diubah
    kemudian); logo disimpan sebagai nama berkasnya dan dibaca saat PDF dibuat."""
    if kantor is None:
        return None
    kontak = " · ".join(
        bagian
        for bagian in (
            f"Telepon {kantor.telepon}" if kantor.telepon else "",
            kantor.surel,
            kantor.laman,
        )
        if bagian
    )
    return {
        "induk": kantor.induk,
        "nama": kantor.nama,
        "alamat": kantor.alamat,
        "kota": kantor.kota,
        "kontak": kontak,
        "logo": kantor.logo.name if kantor.logo else "",
    }


def logo_data_uri(nama: str) -> str:
    """Logo kop sebagai data URI untuk WeasyPrint (penyimpanan disk maupun S3); kosong bila
    berkasnya hilang, sehingga dokumen tetap terbit tanpa logo."""
    import base64

    from django.core.files.storage import default_storage

    from perhutanan.berkas import deteksi_jenis

    if not nama:
        return ""
    try:
        with default_storage.open(nama, "rb") as berkas:
            isi = berkas.read()
            jenis = deteksi_jenis(berkas)
    except OSError:
        return ""
    if jenis is None:
        return ""
    return f"data:{jenis.mime};base64,{base64.b64encode(isi).decode()}"


# ------------------------------------------------------------------ kantor penerbit


def _tanpa_awalan(nama: str) -> str:
    """'Kabupaten Kuningan' -> 'Kuningan' (tempat penandatanganan)."""
    return nama.removeprefix("Kabupaten ").removeprefix("Kota ")


def _buat_kantor(kunci: dict, isi: dict, penandatangan: dict | None, simpan: bool) -> Kantor:
    """Kantor yang belum diatur admin dibuat dari data acuan, sekali (aman bila serentak).
    `simpan=False`: hanya dibaca (draf, pratinjau): kantor yang belum ada tidak disimpan."""
    kantor = Kantor.objects.filter(**kunci).first()
    if kantor is not None:
        return kantor
    if not simpan:
        return Kantor(**kunci, **isi)
    try:
        with transaction.atomic():
            kantor = Kantor.objects.create(**kunci, **isi)
            if penandatangan:
                Penandatangan.objects.create(kantor=kantor, utama=True, **penandatangan)
            return kantor
    except IntegrityError:
        return Kantor.objects.get(**kunci)


def kantor_kps(kps, *, simpan: bool = True) -> Kantor:
    """Kop KPS: yang diatur admin, atau dibuat dari data KPS dengan ketuanya sebagai
    penandatangan (admin provinsi dapat melengkapinya di Kelola, Kop dan penomoran)."""
    return _buat_kantor(
        {"jenis": JenisKantor.KPS, "kps": kps},
        {
            "nama": kps.nama,
            "alamat": f"Desa {kps.desa.nama}, {kps.kabupaten.nama}, Provinsi {kps.provinsi.nama}",
            "kota": _tanpa_awalan(kps.kabupaten.nama),
            "telepon": kps.kontak or "",
        },
        {"nama": kps.ketua, "jabatan": f"Ketua {kps.nama}"},
        simpan,
    )


def kantor_bpskl(bpskl, *, simpan: bool = True) -> Kantor:
    return _buat_kantor(
        {"jenis": JenisKantor.BPSKL, "bpskl": bpskl},
        {
            "induk": "Kementerian Kehutanan",
            "nama": f"Balai Perhutanan Sosial dan Kemitraan Lingkungan Wilayah {bpskl.nama}",
            "alamat": "",
            "kota": "",
        },
        None,
        simpan,
    )


def nama_dinas(provinsi) -> dict:
    """Nama dan penandatangan Dinas kehutanan provinsi (untuk alamat surat dan blok
    'Mengetahui'), dari kop Dinas bila sudah diatur."""
    kantor = (
        Kantor.objects.filter(jenis=JenisKantor.DINAS, provinsi=provinsi)
        .prefetch_related("penandatangan")
        .first()
    )
    nama = kantor.nama if kantor else f"Dinas Kehutanan Provinsi {provinsi.nama}"
    return {
        "nama": nama,
        "kota": kantor.kota if kantor else "",
        "penandatangan": potret_penandatangan(kantor) if kantor else _kosong(nama),
    }


def _kosong(nama_kantor: str) -> dict:
    return {"nama": "", "nip": "", "jabatan": f"Kepala {nama_kantor}"}


def potret_penandatangan(kantor: Kantor) -> dict:
    """Penandatangan utama saat dokumen terbit; bila belum ada, jabatannya saja dan garis nama
    diisi tangan (tidak ada nama yang dikarang)."""
    utama = kantor.penandatangan_utama if kantor.pk else None
    if utama is None:
        return _kosong(kantor.nama)
    return {"nama": utama.nama, "nip": utama.nip, "jabatan": utama.jabatan}


# ------------------------------------------------------------------ dokumen terbit


def url_verifikasi(kode: str) -> str:
    return settings.SITUS_URL.rstrip("/") + reverse("verifikasi", args=[kode])


def qr_data_uri(url: str) -> str:
    """QR sebagai PNG kecil (satu piksel per modul, ~300 bita); CSS memperbesarnya tanpa
    penghalusan (image-rendering: pixelated), jadi tepi modul tetap tajam saat dicetak. Jauh
    lebih murah bagi WeasyPrint daripada SVG dengan ribuan ruas jalur."""
    return segno.make(url, error="m").png_data_uri(scale=1, border=2)


def kode_verifikasi() -> str:
    return secrets.token_urlsafe(18)


def terbitkan(
    *,
    jenis: str,
    kantor: Kantor,
    tanggal: datetime.date,
    perihal: str,
    pihak: str,
    data: dict,
    oleh,
    kerjasama=None,
    kunci: str = "",
) -> Dokumen:
    """Beri nomor, potret isi (dengan kop dan penandatangan) dan daftarkan dokumen; PDF dibuat
    pekerja tepat setelah commit (dan saat diunduh bila belum ada).

    Satu dokumen berlaku per (kerja sama, jenis, kunci), juga bila diterbitkan serentak."""
    if kerjasama is not None:
        lama = Dokumen.objects.filter(
            kerjasama=kerjasama, jenis=jenis, kunci=kunci, status=StatusDokumen.BERLAKU
        ).first()
        if lama is not None:
            raise DokumenTidakDapatDiterbitkan(
                f"{lama.get_jenis_display()} sudah diterbitkan dengan nomor {lama.nomor}. "
                "Cabut dulu dokumen itu dengan alasannya bila perlu diterbitkan ulang."
            )
    try:
        with transaction.atomic():
            kode = kode_verifikasi()
            isi = {
                **data,
                "jenis": jenis,
                "jenis_label": JenisDokumen(jenis).label,
                "tanggal": tanggal.isoformat(),
                "kode": kode,
                "url_verifikasi": url_verifikasi(kode),
                "kop": potret_kop(kantor),
                "penandatangan": data.get("penandatangan") or potret_penandatangan(kantor),
            }
            dokumen = Dokumen(
                jenis=jenis,
                kantor=kantor,
                tanggal=tanggal,
                tahun=tanggal.year,
                kode=kode,
                perihal=perihal[:300],
                pihak=pihak[:500],
                kerjasama=kerjasama,
                kunci=kunci,
                diterbitkan_oleh=oleh,
            )
            # Nomor paling akhir: baris urutan terkunci sesingkat mungkin.
            dokumen.urut, dokumen.nomor = beri_nomor(kantor=kantor, jenis=jenis, tanggal=tanggal)
            isi["nomor"] = dokumen.nomor
            dokumen.data = isi
            dokumen._change_reason = "diterbitkan"
            dokumen.save()
    except IntegrityError as galat:
        raise DokumenTidakDapatDiterbitkan(
            "Dokumen ini baru saja diterbitkan oleh pengguna lain; muat ulang halaman."
        ) from galat
    from dokumen.pekerjaan import buat_pdf_dokumen
    from perhutanan.pekerjaan import antrekan

    antrekan(buat_pdf_dokumen, dokumen_id=dokumen.pk)
    return dokumen


def simpan_pdf_sekali(
    model,
    pk: int,
    *,
    render: Callable[[object], bytes],
    nama: Callable[[object], str],
    alasan: str = "PDF dibuat",
    tunggu: bool = False,
) -> bool:
    """Buat dan simpan PDF dokumen terdaftar yang belum punya berkas; True bila dibuat sekarang.

    Dipakai sertifikat KTH dan dokumen terbit. Aman diulang dan dijalankan bersamaan: baris
    dikunci, yang sudah punya berkas dilewati, dan (kecuali `tunggu`) baris yang sedang
    dikerjakan pekerja lain juga dilewati. Kegagalan dicatat di `pdf_galat` lalu diteruskan
    agar antrean mencobanya lagi."""
    try:
        with transaction.atomic():
            obj = model.objects.select_for_update(skip_locked=not tunggu).filter(pk=pk).first()
            if obj is None or obj.berkas:
                return False
            isi = render(obj)
            obj.sha256 = hashlib.sha256(isi).hexdigest()
            obj.pdf_galat = ""
            obj.berkas.save(nama(obj), ContentFile(isi), save=False)
            obj._change_reason = alasan
            obj.save(update_fields=["berkas", "sha256", "pdf_galat"])
        return True
    except Exception as e:
        log.exception("PDF %s %s gagal dibuat", model.__name__, pk)
        model.objects.filter(pk=pk).update(pdf_galat=f"{type(e).__name__}: {e}"[:500])
        raise


def susul_pdf(model, buat: Callable[[int], bool], *, sebelum: datetime.datetime) -> int:
    """Buat PDF dokumen terdaftar (sertifikat, dokumen terbit) yang masih tanpa berkas sejak
    `sebelum`: semua percobaan gagal, atau pekerjaannya hilang. Galat sudah dicatat di
    `pdf_galat` dan log oleh `buat`; lanjut ke dokumen berikutnya. Paling banyak 200 per jalan."""
    dibuat = 0
    tertinggal = model.objects.filter(berkas="", diterbitkan_pada__lt=sebelum)
    for pk in tertinggal.values_list("pk", flat=True)[:200]:
        with contextlib.suppress(Exception):
            dibuat += buat(pk)
    return dibuat


def pdf_dokumen(data: dict, *, draf: bool = False) -> bytes:
    """PDF satu dokumen dari potret isinya (juga draf naskah yang belum bernomor)."""
    from perhutanan.pdf import render_pdf

    kop = data.get("kop") or {}
    konteks = {
        "d": data,
        "kop": kop,
        "logo": logo_data_uri(kop.get("logo", "")),
        "tanggal": datetime.date.fromisoformat(data["tanggal"]) if data.get("tanggal") else None,
        "qr": qr_data_uri(data["url_verifikasi"]) if data.get("url_verifikasi") else "",
        "draf": draf,
        "isi": f"dokumen/isi/{data['jenis']}.html",
    }
    return render_pdf("dokumen/surat.html", konteks)


def buat_pdf(dokumen_id: int, *, tunggu: bool = False) -> bool:
    return simpan_pdf_sekali(
        Dokumen,
        dokumen_id,
        render=lambda d: pdf_dokumen(d.data),
        nama=lambda d: f"{d.jenis}-{d.kantor_id}-{d.tahun}-{d.urut}.pdf",
        tunggu=tunggu,
    )


def pastikan_pdf(dokumen: Dokumen) -> Dokumen:
    """Dokumen dengan PDF-nya: dibuat sekarang bila pekerja belum sempat (unduhan tidak pernah
    menunggu antrean)."""
    if not dokumen.berkas:
        buat_pdf(dokumen.pk, tunggu=True)
        dokumen.refresh_from_db()
    return dokumen


@transaction.atomic
def cabut(*, dokumen: Dokumen, alasan: str, oleh) -> Dokumen:
    alasan = alasan.strip()
    if not alasan:
        raise DokumenTidakDapatDiterbitkan("Tuliskan alasan pencabutan.")
    dokumen = Dokumen.objects.select_for_update().get(pk=dokumen.pk)
    if dokumen.status == StatusDokumen.DICABUT:
        raise DokumenTidakDapatDiterbitkan("Dokumen ini sudah dicabut.")
    dokumen.status = StatusDokumen.DICABUT
    dokumen.alasan_cabut = alasan
    dokumen.dicabut_oleh = oleh
    dokumen.dicabut_pada = timezone.now()
    dokumen._change_reason = f"dicabut: {alasan}"[:100]
    dokumen.save(update_fields=["status", "alasan_cabut", "dicabut_oleh", "dicabut_pada"])
    return dokumen
