"""Ekspor sertifikat kelas KTH massal ke ZIP, dikerjakan di latar belakang.

Berkas PDF yang tersimpan disalin satu per satu ke ZIP di disk (tanpa dibaca seluruhnya ke
memori) dan ringkasannya ditulis dengan buku kerja write-only, sehingga memori tetap datar
berapa pun jumlah sertifikatnya. Kemajuan disimpan di baris EksporSertifikat untuk halaman.
"""

import logging
import shutil
import tempfile
import time
import zipfile

from django.conf import settings
from django.core.files import File
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from penilaian.kth.models import EksporSertifikat, Sertifikat
from penilaian.kth.sertifikat import buat_pdf
from perhutanan import xlsx

LANGKAH_KEMAJUAN = 25
log = logging.getLogger(__name__)


def sertifikat_ekspor(*, provinsi_id: int, tahun: int, kelas: str):
    """Sertifikat berlaku yang masuk ZIP: dipakai formulir (cek kosong) dan pekerja."""
    qs = Sertifikat.objects.filter(
        provinsi_id=provinsi_id, tahun=tahun, status=Sertifikat.Status.BERLAKU
    )
    if kelas:
        qs = qs.filter(penilaian__kelas=kelas)
    return qs.order_by("urut")


def jalankan(ekspor_id: int) -> EksporSertifikat:
    """Buat ZIP dari awal. Aman diulang: pekerjaan yang diambil ulang setelah pekerjanya mati
    mulai lagi dari nol dan menimpa kemajuan lama."""
    ekspor = EksporSertifikat.objects.get(pk=ekspor_id)
    if ekspor.status == EksporSertifikat.Status.SELESAI:
        return ekspor  # sudah selesai oleh percobaan sebelumnya
    qs = sertifikat_ekspor(provinsi_id=ekspor.provinsi_id, tahun=ekspor.tahun, kelas=ekspor.kelas)
    ekspor.jumlah = qs.count()
    ekspor.selesai_n = 0
    ekspor.galat = ""
    ekspor.status = EksporSertifikat.Status.BERJALAN
    ekspor.dimulai_pada = timezone.now()
    ekspor.save(update_fields=["jumlah", "selesai_n", "galat", "status", "dimulai_pada"])
    jeda = settings.EKSPOR_JEDA_DETIK
    try:
        with tempfile.TemporaryFile() as sementara:
            with zipfile.ZipFile(
                sementara, "w", compression=zipfile.ZIP_STORED, allowZip64=True
            ) as z:
                buku = Workbook(write_only=True)
                lembar = buku.create_sheet("Sertifikat")
                kepala = []
                for judul in (
                    "Nomor",
                    "KTH",
                    "Nomor register",
                    "Kabupaten/kota",
                    "Kelas",
                    "Nilai",
                    "Tahun",
                    "Tanggal",
                    "SHA-256",
                    "Berkas",
                ):
                    sel = WriteOnlyCell(lembar, value=judul)
                    sel.font = Font(bold=True)
                    kepala.append(sel)
                lembar.append(kepala)
                for n, s in enumerate(
                    qs.only("nomor", "data", "sha256", "berkas", "diterbitkan_pada").iterator(
                        chunk_size=200
                    ),
                    start=1,
                ):
                    nama = f"{s.nomor.replace('/', '-')}.pdf"
                    if not s.berkas:
                        # PDF yang belum sempat dibuat pekerja dibuat di sini: ZIP tetap lengkap.
                        buat_pdf(s.pk, tunggu=True)
                        s.refresh_from_db(fields=["berkas", "sha256"])
                    with s.berkas.open("rb") as sumber, z.open(nama, "w") as tujuan:
                        shutil.copyfileobj(sumber, tujuan, 64 * 1024)
                    d = s.data
                    lembar.append(
                        xlsx.baris_aman(
                            [
                                s.nomor,
                                d["kth"],
                                d["nomor_register"],
                                d["kabupaten"],
                                d["kelas"],
                                float(d["total"]),
                                d["tahun"],
                                d["tanggal"],
                                s.sha256,
                                nama,
                            ]
                        )
                    )
                    if jeda:
                        time.sleep(jeda)
                    if n % LANGKAH_KEMAJUAN == 0:
                        EksporSertifikat.objects.filter(pk=ekspor.pk).update(selesai_n=n)
                with z.open("ringkasan.xlsx", "w") as tujuan:
                    buku.save(tujuan)
            sementara.seek(0)
            ekspor.berkas.save(
                f"sertifikat-kth-{ekspor.provinsi_id}-{ekspor.tahun}-{ekspor.pk}.zip",
                File(sementara),
                save=False,
            )
        ekspor.selesai_n = ekspor.jumlah
        ekspor.status = EksporSertifikat.Status.SELESAI
    except Exception:  # dicatat di halaman dan log; pekerja tidak boleh mati karena satu ekspor
        log.exception("Ekspor sertifikat %s gagal", ekspor.pk)
        ekspor.status = EksporSertifikat.Status.GAGAL
        ekspor.galat = (
            "Berkas ZIP tidak dapat dibuat (misalnya berkas sertifikat tidak terbaca atau "
            "penyimpanan penuh). Kesalahan sudah tercatat untuk admin."
        )
    ekspor.selesai_pada = timezone.now()
    ekspor.save()
    return ekspor


def tandai_gagal(ekspor_id: int, pesan: str) -> None:
    """Dipanggil pemulihan pekerjaan bila pekerjanya mati berulang kali: halaman berhenti
    menunggu dan menawarkan tombol coba lagi."""
    EksporSertifikat.objects.filter(
        pk=ekspor_id, status__in=[EksporSertifikat.Status.ANTRI, EksporSertifikat.Status.BERJALAN]
    ).update(status=EksporSertifikat.Status.GAGAL, galat=pesan, selesai_pada=timezone.now())
