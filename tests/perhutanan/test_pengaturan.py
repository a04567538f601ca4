"""Pengaturan dibaca di proses terpisah agar lingkungan tiap kasus benar-benar bersih."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]

CETAK_PENGATURAN = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({"engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST", ""),
                  "debug": settings.DEBUG, "bahasa": settings.LANGUAGE_CODE,
                  "zona": settings.TIME_ZONE, "bahasa_tersedia": settings.LANGUAGES}))
"""


def jalankan(kode: str, **lingkungan: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(AKAR)),
        "DJANGO_SETTINGS_MODULE": "perhutanan.settings",
        "ENV_FILE": os.devnull,
        **lingkungan,
    }
    return subprocess.run(
        [sys.executable, "-c", kode], cwd=AKAR, env=env, capture_output=True, text=True, timeout=60
    )


def baca_pengaturan(**lingkungan: str) -> dict:
    hasil = jalankan(CETAK_PENGATURAN, **lingkungan)
    assert hasil.returncode == 0, hasil.stderr
    return json.loads(hasil.stdout.strip().splitlines()[-1])


def variabel_env_example() -> dict[str, str]:
    nilai = {}
    for baris in (AKAR / ".env.example").read_text().splitlines():
        baris = baris.strip()
        if not baris or baris.startswith("#"):
            continue
        kunci, _, isi = baris.partition("=")
        nilai[kunci] = isi.strip().strip('"')
    return nilai


def test_it_uses_an_embedded_sqlite_database_by_default():
    pengaturan = baca_pengaturan(DEBUG="true")
    assert pengaturan["engine"] == "django.db.backends.sqlite3"
    assert pengaturan["name"] == str(AKAR / "db.sqlite3")


def test_it_switches_to_postgresql_when_database_url_is_set():
    pengaturan = baca_pengaturan(
        DEBUG="true", DATABASE_URL="postgres://pengguna:rahasia@db.example:5433/hutan"
    )
    assert pengaturan["engine"] == "django.db.backends.postgresql"
    assert pengaturan["name"] == "hutan"
    assert pengaturan["host"] == "db.example"


def test_it_speaks_only_indonesian_in_the_jakarta_time_zone():
    pengaturan = baca_pengaturan(DEBUG="true")
    assert pengaturan["bahasa"] == "id"
    assert pengaturan["bahasa_tersedia"] == [["id", "Bahasa Indonesia"]]
    assert pengaturan["zona"] == "Asia/Jakarta"


def test_production_refuses_to_start_without_a_secret_key():
    hasil = jalankan(CETAK_PENGATURAN, DEBUG="false", ALLOWED_HOSTS="perhutanan.example.id")
    assert hasil.returncode != 0
    assert "SECRET_KEY wajib diisi" in hasil.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    hasil = jalankan(CETAK_PENGATURAN, DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50))
    assert hasil.returncode != 0
    assert "ALLOWED_HOSTS wajib diisi" in hasil.stderr


def test_debug_is_off_unless_asked_for():
    pengaturan = baca_pengaturan(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="x.id")
    assert pengaturan["debug"] is False


def test_check_deploy_with_the_production_variables_of_env_example_prints_no_warning():
    env = {**variabel_env_example(), "SECRET_KEY": secrets.token_urlsafe(50)}
    hasil = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=AKAR,
        env={"PATH": os.environ["PATH"], "ENV_FILE": os.devnull, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "System check identified no issues" in hasil.stdout
    assert "WARNING" not in hasil.stdout + hasil.stderr
