"""Penomoran dokumen: nomor urut tahunan per kantor dan jenis dokumen, tidak pernah berulang."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction

from dokumen.models import BULAN_ROMAWI, Kantor, PolaNomor, UrutanNomor

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
