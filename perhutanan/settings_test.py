"""Pengaturan untuk pytest: pengaturan produksi dengan nilai yang aman untuk uji.

Rahasia diisi dengan nilai khusus uji hanya bila belum ada, jadi DATABASE_URL dari lingkungan
(PostgreSQL di CI) tetap dipakai. Pengalihan HTTPS dan cookie aman dimatikan karena server uji
dan Chromium berbicara HTTP biasa.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "kunci-khusus-pengujian-yang-tidak-pernah-dipakai-di-produksi")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault("ENV_FILE", os.devnull)

from perhutanan.settings import *  # noqa: F403
from perhutanan.settings import STORAGES

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="perhutanan-media-uji-")
STATIC_ROOT = tempfile.mkdtemp(prefix="perhutanan-statis-uji-")
# Berkas statis dilayani dari folder sumber; manifest hanya dibuat oleh collectstatic.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Pekerjaan latar belakang dijalankan setelah commit di proses uji; uji pekerja sungguhan
# (tests/perhutanan/test_pekerjaan.py) memakai procrastinate dengan pekerja terpisah.
ANTREAN_PEKERJAAN = "langsung"
