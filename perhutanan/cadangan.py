"""Cadangan dan pemulihan: basis data dan setiap berkas unggahan dalam satu arsip .tar.gz.

Isi arsip:
- `manifest.json`: versi format, waktu, mesin basis data, jumlah baris per model, dan daftar
  berkas dengan ukuran serta SHA-256;
- `basis_data.json`: semua baris (dumpdata, kunci alami untuk jenis konten dan izin), dibaca
  dalam satu transaksi REPEATABLE READ di PostgreSQL sehingga isinya konsisten;
- `berkas/<jalur>`: setiap berkas di penyimpanan (disk lokal atau S3).

Pemulihan menolak basis data yang sudah berisi data (kecuali diminta menimpa), memuat baris,
menulis berkas, lalu memeriksa ulang jumlah baris dan SHA-256 setiap berkas terhadap manifest.

Juga di sini: berkas yatim (tertulis oleh transaksi yang kemudian dibatalkan, atau sisa
pengganti) dicari dengan membandingkan penyimpanan dengan semua kolom berkas, termasuk tabel
riwayat, lalu dihapus bila sudah cukup lama.
"""

import datetime
import hashlib
import io
import json
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, models, transaction
from django.utils import timezone

VERSI = 1
# Tidak dicadangkan: sesi dan catatan upaya masuk (sementara), jenis konten dan izin (dibuat
# ulang oleh migrate; dirujuk dengan kunci alami), antrean pekerjaan (sementara).
DIKECUALIKAN = {
    "sessions",
    "contenttypes",
    "auth.permission",
    "axes",
    "admin.logentry",
    "procrastinate",
}


class GalatCadangan(Exception):
    """Arsip tidak dapat dibuat atau dipulihkan; pesannya untuk pengguna."""


def _model_dicadangkan() -> list[type[models.Model]]:
    hasil = []
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in DIKECUALIKAN or meta.label_lower in DIKECUALIKAN:
            continue
        if meta.proxy or not meta.managed:
            continue
        hasil.append(model)
    return hasil


def jumlah_baris() -> dict[str, int]:
    return {m._meta.label_lower: m._default_manager.count() for m in _model_dicadangkan()}


def semua_berkas(folder: str = "") -> Iterator[str]:
    """Semua jalur berkas di penyimpanan bawaan (bekerja untuk disk lokal maupun S3)."""
    try:
        subfolder, berkas = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for nama in berkas:
        yield f"{folder}/{nama}" if folder else nama
    for sub in subfolder:
        yield from semua_berkas(f"{folder}/{sub}" if folder else sub)


def _sha256(jalur: str) -> tuple[int, str]:
    h = hashlib.sha256()
    ukuran = 0
    with default_storage.open(jalur, "rb") as f:
        for potongan in iter(lambda: f.read(1024 * 1024), b""):
            h.update(potongan)
            ukuran += len(potongan)
    return ukuran, h.hexdigest()


def cadangkan(tujuan: str | Path) -> dict:
    """Tulis arsip .tar.gz ke jalur `tujuan`; kembalikan manifest-nya."""
    with tempfile.TemporaryDirectory() as kerja:
        data = Path(kerja) / "basis_data.json"
        transaksi_baru = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and transaksi_baru:
                # Satu potret untuk semua tabel; harus perintah pertama transaksinya.
                with connection.cursor() as kursor:
                    kursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            jumlah = jumlah_baris()
            with data.open("w", encoding="utf-8") as keluar:
                call_command(
                    "dumpdata",
                    *[m._meta.label for m in _model_dicadangkan()],
                    natural_foreign=True,
                    use_base_manager=True,
                    stdout=keluar,
                    verbosity=0,
                )
        daftar_berkas = {}
        for jalur in sorted(semua_berkas()):
            ukuran, sidik = _sha256(jalur)
            daftar_berkas[jalur] = {"ukuran": ukuran, "sha256": sidik}
        manifest = {
            "versi": VERSI,
            "dibuat_pada": timezone.now().isoformat(),
            "basis_data": connection.vendor,
            "baris": jumlah,
            "berkas": daftar_berkas,
            # Dirujuk baris (termasuk riwayat) tetapi tidak ada di penyimpanan: dilaporkan.
            "berkas_hilang": sorted(berkas_dirujuk() - set(daftar_berkas)),
        }
        with tarfile.open(tujuan, "w:gz") as arsip:
            isi = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(isi)
            arsip.addfile(info, io.BytesIO(isi))
            arsip.add(data, arcname="basis_data.json")
            for jalur, rincian in daftar_berkas.items():
                info = tarfile.TarInfo(f"berkas/{jalur}")
                info.size = rincian["ukuran"]
                with default_storage.open(jalur, "rb") as f:
                    arsip.addfile(info, f)
    return manifest


def _basis_data_kosong() -> bool:
    """Tidak ada data milik pengguna (data acuan dari migrasi boleh ada)."""
    from akun.models import Pengguna
    from kelompok.models import Kps, Kth

    return not (Pengguna.objects.exists() or Kps.objects.exists() or Kth.objects.exists())


def pulihkan(sumber: str | Path, *, timpa: bool = False) -> dict:
    """Pulihkan arsip ke basis data (sudah dimigrasi) dan penyimpanan; kembalikan laporan."""
    if not timpa and not _basis_data_kosong():
        raise GalatCadangan(
            "Basis data tujuan sudah berisi data. Pulihkan ke basis data kosong yang sudah "
            "dimigrasi, atau pakai --timpa bila memang ingin menimpa."
        )
    with tarfile.open(sumber, "r:gz") as arsip, tempfile.TemporaryDirectory() as kerja:
        try:
            manifest = json.load(arsip.extractfile("manifest.json"))
        except KeyError as e:
            raise GalatCadangan(
                "Arsip tidak memuat manifest.json; bukan cadangan Perhutanan."
            ) from e
        if manifest.get("versi") != VERSI:
            raise GalatCadangan(f"Versi arsip {manifest.get('versi')} tidak dikenal.")
        data = Path(kerja) / "basis_data.json"
        with data.open("wb") as keluar:
            keluar.write(arsip.extractfile("basis_data.json").read())
        with transaction.atomic():
            _muat(data)
        ditulis = 0
        for jalur, rincian in manifest["berkas"].items():
            anggota = arsip.extractfile(f"berkas/{jalur}")
            isi = anggota.read()
            if hashlib.sha256(isi).hexdigest() != rincian["sha256"]:
                raise GalatCadangan(f"Berkas {jalur} di arsip rusak (SHA-256 tidak cocok).")
            if default_storage.exists(jalur):
                default_storage.delete(jalur)
            tersimpan = default_storage.save(jalur, File(io.BytesIO(isi)))
            if tersimpan != jalur:
                raise GalatCadangan(f"Penyimpanan menamai ulang {jalur} menjadi {tersimpan}.")
            ditulis += 1
    return periksa(manifest) | {"berkas_ditulis": ditulis}


def _muat(data: Path) -> None:
    """Kosongkan tabel (data acuan dari migrasi ikut diganti isi arsip; jenis konten dan izin
    dibuat ulang oleh sinyal post_migrate dari flush), lalu muat semua baris arsip."""
    if connection.vendor == "postgresql":
        # Di dalam transaksi yang lebih besar, periksa kunci asing yang tertunda dulu: TRUNCATE
        # menolak tabel yang masih punya pemeriksaan tertunda.
        with connection.cursor() as kursor:
            kursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as kursor:
            kursor.execute("SET CONSTRAINTS ALL DEFERRED")  # urutan muat antartabel bebas
    # Riwayat dipulihkan apa adanya dari arsip: memuat relasi banyak-ke-banyak (grup pengguna)
    # tidak boleh menambah baris riwayat baru. Perintah pulihkan berjalan di prosesnya sendiri.
    semula = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        call_command("loaddata", str(data), verbosity=0)
    finally:
        settings.SIMPLE_HISTORY_ENABLED = semula


def periksa(manifest: dict) -> dict:
    """Bandingkan basis data dan penyimpanan saat ini dengan manifest sebuah arsip."""
    sekarang = jumlah_baris()
    beda_baris = {
        label: (jumlah, sekarang.get(label))
        for label, jumlah in manifest["baris"].items()
        if sekarang.get(label) != jumlah
    }
    beda_berkas = []
    for jalur, rincian in manifest["berkas"].items():
        if not default_storage.exists(jalur) or _sha256(jalur)[1] != rincian["sha256"]:
            beda_berkas.append(jalur)
    return {
        "baris": sum(manifest["baris"].values()),
        "berkas": len(manifest["berkas"]),
        "beda_baris": beda_baris,
        "beda_berkas": beda_berkas,
    }


# ------------------------------------------------------------------ berkas yatim


def berkas_dirujuk() -> set[str]:
    """Nama berkas yang dirujuk kolom berkas mana pun, termasuk tabel riwayat (simple-history):
    berkas lama yang masih tercatat di riwayat tidak dianggap yatim."""
    nama = set()
    for model in apps.get_models():
        # simple-history menyimpan kolom berkas sebagai teks biasa di model riwayatnya.
        asal = getattr(model, "instance_type", model)
        berkas = {f.name for f in asal._meta.concrete_fields if isinstance(f, models.FileField)}
        kolom = [f.attname for f in model._meta.concrete_fields if f.name in berkas]
        for k in kolom:
            nama.update(
                model._base_manager.exclude(**{k: ""})
                .exclude(**{f"{k}__isnull": True})
                .values_list(k, flat=True)
                .iterator()
            )
    return nama


# Berkas sementara yang sengaja tidak dirujuk baris mana pun (pratinjau impor Excel).
FOLDER_SEMENTARA = ("impor/sementara/",)


def berkas_yatim(lebih_tua_dari: datetime.timedelta) -> list[str]:
    """Berkas yang tidak dirujuk dan sudah lebih tua dari batasnya (unggahan yang sedang
    berlangsung tidak tersentuh)."""
    batas = timezone.now() - lebih_tua_dari
    dirujuk = berkas_dirujuk()
    hasil = []
    for jalur in semua_berkas():
        if jalur in dirujuk:
            continue
        if jalur.startswith(FOLDER_SEMENTARA) and lebih_tua_dari < datetime.timedelta(days=1):
            continue
        try:
            diubah = default_storage.get_modified_time(jalur)
        except (NotImplementedError, OSError):
            continue
        if diubah <= batas:
            hasil.append(jalur)
    return hasil


def hapus_berkas_yatim(lebih_tua_dari: datetime.timedelta, *, uji: bool = False) -> list[str]:
    yatim = berkas_yatim(lebih_tua_dari)
    if not uji:
        for jalur in yatim:
            default_storage.delete(jalur)
    return yatim
