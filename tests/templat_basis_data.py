"""Basis data uji PostgreSQL dari templat yang sudah dimigrasi, bukan migrasi di tiap pekerja.

Membuat basis data uji dengan menjalankan seluruh migrasi makan sekitar 40 detik per pekerja
pytest-xdist. Di PostgreSQL, basis data uji dapat disalin dari templat (`TEST.TEMPLATE`) dalam
satu-dua detik; migrate Django sesudahnya hanya memeriksa bahwa semuanya sudah diterapkan.

Templat dibuat sekali oleh proses pengendali pytest (sebelum pekerja mulai) dan diberi nama
menurut sidik berkas yang menentukan isinya: semua migrasi, data yang dimuatnya (fixtures/) dan
kode yang diimpornya. Berkas itu berubah, nama templat berubah, templat baru dibuat. Templat
lama (sidik lain) dihapus. Tanpa PostgreSQL, atau bila PERHUTANAN_TANPA_TEMPLAT=1, tidak ada
yang berubah.
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
AWALAN = "perhutanan_templat_uji_"
VARIABEL = "PERHUTANAN_TEMPLAT_UJI"
# Kode yang diimpor migrasi data (lihat `grep import */migrations/*.py`), dan pengaturannya.
KODE_MIGRASI = [
    "akun/peran.py",
    "akun/models.py",
    "dokumen/models.py",
    "kelompok/validators.py",
    "kelompok/peta.py",
    "kerjasama/naskah.py",
    "perhutanan/berkas.py",
    "perhutanan/migrasi.py",
    "perhutanan/settings.py",
    "pyproject.toml",
]


def sidik() -> str:
    h = hashlib.sha256()
    berkas = sorted(AKAR.glob("*/migrations/*.py")) + sorted(
        p for p in (AKAR / "fixtures").rglob("*") if p.is_file()
    )
    berkas += [AKAR / k for k in KODE_MIGRASI]
    for p in berkas:
        h.update(str(p.relative_to(AKAR)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _sql(settings_dict, perintah: str, *, basis="postgres") -> list:
    import psycopg

    sambungan = psycopg.connect(
        dbname=basis,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        autocommit=True,
    )
    with sambungan, sambungan.cursor() as kursor:
        kursor.execute(perintah)
        return kursor.fetchall() if kursor.description else []


def _url(settings_dict, nama: str) -> str:
    pengguna = settings_dict.get("USER") or ""
    sandi = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    masuk = f"{pengguna}{sandi}@" if pengguna else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{masuk}{host}{port}/{nama}"


def siapkan(settings_dict) -> str:
    """Nama templat yang sesuai isi migrasi sekarang; dibuat bila belum ada."""
    nama = AWALAN + sidik()
    ada = {b for (b,) in _sql(settings_dict, "SELECT datname FROM pg_database")}
    if nama in ada:
        return nama
    sementara = f"{nama}_{os.getpid()}"
    _sql(settings_dict, f'CREATE DATABASE "{sementara}"')
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=AKAR,
            env={
                **os.environ,
                "DATABASE_URL": _url(settings_dict, sementara),
                "DJANGO_SETTINGS_MODULE": "perhutanan.settings_test",
            },
            check=True,
        )
        _sql(settings_dict, f'ALTER DATABASE "{sementara}" RENAME TO "{nama}"')
    except Exception:
        _sql(settings_dict, f'DROP DATABASE IF EXISTS "{sementara}"')
        raise
    for lama in ada:
        if lama.startswith(AWALAN) and lama != nama:
            _sql(settings_dict, f'DROP DATABASE IF EXISTS "{lama}"')
    return nama


def pasang(config) -> None:
    """Dipanggil dari pytest_configure: pengendali menyiapkan templat, pekerja memakainya."""
    from django.db import connections

    if os.environ.get("PERHUTANAN_TANPA_TEMPLAT") == "1":
        return
    settings_dict = connections["default"].settings_dict
    if settings_dict["ENGINE"] != "django.db.backends.postgresql":
        return
    if not hasattr(config, "workerinput"):
        os.environ[VARIABEL] = siapkan(settings_dict)
    nama = os.environ.get(VARIABEL)
    if nama:
        settings_dict.setdefault("TEST", {})["TEMPLATE"] = nama
