"""Pengaturan Perhutanan, dibaca dari lingkungan (lihat .env.example).

Bawaan aman untuk produksi: DEBUG mati, cookie aman, HSTS. Pengembangan lokal menyalakan
DEBUG lewat variabel lingkungan (make run melakukannya). Tanpa DEBUG, aplikasi menolak
berjalan bila SECRET_KEY atau ALLOWED_HOSTS tidak diisi: lebih baik gagal keras daripada
berjalan dengan kunci contoh.
"""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Berkas .env opsional untuk pengembangan; variabel lingkungan yang sudah ada selalu menang.
env.read_env(env.str("ENV_FILE", default=str(BASE_DIR / ".env")))

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if DEBUG:
    SECRET_KEY = SECRET_KEY or "kunci-pengembangan-lokal-jangan-dipakai-di-produksi"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY wajib diisi saat DEBUG mati. Buat dengan: "
            'python -c "import secrets; print(secrets.token_urlsafe(50))"'
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS wajib diisi saat DEBUG mati, contoh: ALLOWED_HOSTS=perhutanan.go.id"
        )
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Alamat publik situs, untuk tautan yang keluar dari aplikasi (kode QR sertifikat).
SITUS_URL = env.str("SITUS_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "perhutanan.apps.AdminPerhutananConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_filters",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "perhutanan",
    "akun",
    "kelompok",
    "kerjasama",
    "penilaian",
    "dokumen",
    "laporan",
    "api",
]

MIDDLEWARE = [
    "perhutanan.middleware.ProxyTepercayaMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "perhutanan.middleware.TolakNulMiddleware",
    "perhutanan.middleware.CacheHalamanPribadiMiddleware",
    "perhutanan.middleware.SesiDiamMiddleware",
    "perhutanan.middleware.WajibGantiSandiMiddleware",
    "perhutanan.middleware.HalamanMitraMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "perhutanan.isian.SesiHabisMiddleware",
    "perhutanan.luring.LuringMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Terakhir, seperti yang diminta django-axes: menerjemahkan penguncian menjadi respons.
    "axes.middleware.AxesMiddleware",
]

# Sama dengan bawaan Django, ditambah catatan pesan galat per permintaan (perhutanan.luring).
MESSAGE_STORAGE = "perhutanan.luring.PenyimpananPesan"
CSRF_FAILURE_VIEW = "perhutanan.luring.csrf_gagal"

ROOT_URLCONF = "perhutanan.urls"
WSGI_APPLICATION = "perhutanan.wsgi.application"
ASGI_APPLICATION = "perhutanan.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "akun.context_processors.navigasi",
                "perhutanan.isian.isian_tertunda",
            ],
        },
    },
]

# SQLite tertanam secara bawaan; DATABASE_URL=postgres://... beralih ke PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Demo tertanam: penulis mengantre (sampai 20 detik) alih-alih langsung gagal "database is
    # locked"; transaksi menulis mengambil kuncinya di awal; pembaca tidak menghalangi penulis.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "akun.Pengguna"
AUTHENTICATION_BACKENDS = [
    # Pertama: menolak masuk selama akun dan alamat itu terkunci karena gagal berulang.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "akun.backends.BackendIzin",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Penguncian setelah gagal masuk berulang (django-axes), di /akun/masuk/ dan /admin/login/:
# kombinasi akun + alamat terkunci AXES_GAGAL_MAKS kali gagal, selama AXES_KUNCI_MENIT menit.
# Alamat klien dari X-Forwarded-For hanya bila datang dari proxy tepercaya.
AXES_FAILURE_LIMIT = env.int("AXES_GAGAL_MAKS", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_KUNCI_MENIT", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "akun/terkunci.html"
AXES_CLIENT_IP_CALLABLE = "perhutanan.middleware.alamat_klien"
AXES_VERBOSE = False

# Sesi berakhir setelah tidak aktif selama SESI_DIAM_MENIT (bawaan satu hari kerja, 8 jam);
# masa berlaku diperbarui oleh perhutanan.middleware.SesiDiamMiddleware.
SESSION_COOKIE_AGE = env.int("SESI_DIAM_MENIT", default=8 * 60) * 60

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "login"

# Bahasa Indonesia satu-satunya bahasa antarmuka; format angka dan tanggal Indonesia
# (1.234,5 dan 22 November 2026) dari perhutanan/formats/id.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["perhutanan.formats"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Berkas unggahan di penyimpanan objek S3 (MinIO di docker-compose) bila S3_BUCKET diisi, sehingga
# beberapa server aplikasi di belakang penyeimbang beban berbagi berkas yang sama. Tanpa itu:
# disk lokal MEDIA_ROOT (make run). Berkas selalu diunduh lewat view yang memeriksa cakupan,
# tidak pernah lewat alamat publik bucket.
S3_BUCKET = env.str("S3_BUCKET", default="")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY", default="") or None,
            "secret_key": env.str("S3_SECRET_KEY", default="") or None,
            "region_name": env.str("S3_REGION", default="us-east-1"),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "addressing_style": "path",
            "signature_version": "s3v4",
        },
    }

# Batas unggahan berkas pendukung (PDF, JPEG, PNG); validasi jenis ada di formulirnya.
UNGGAHAN_MAKS_MB = env.int("UNGGAHAN_MAKS_MB", default=10)
DATA_UPLOAD_MAX_MEMORY_SIZE = (UNGGAHAN_MAKS_MB + 1) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# Pekerjaan latar belakang (ekspor sertifikat, pengingat harian) lewat procrastinate di PostgreSQL:
# pekerja `manage.py procrastinate worker` berdetak ke basis data; pekerjaan dari pekerja yang
# mati diambil ulang (perhutanan/pekerjaan.py), pekerjaan berkala berjalan di dalam pekerja.
# Dengan SQLite (make run) tidak ada pekerja: pekerjaan dijalankan setelah commit di proses web.
ADALAH_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if ADALAH_POSTGRESQL:
    INSTALLED_APPS.append("procrastinate.contrib.django")
ANTREAN_PEKERJAAN = env.str(
    "ANTREAN_PEKERJAAN", default="procrastinate" if ADALAH_POSTGRESQL else "langsung"
)
PROCRASTINATE_IMPORT_PATHS = [
    "perhutanan.pekerjaan",
    "kerjasama.pekerjaan",
    "penilaian.kth.pekerjaan",
    "dokumen.pekerjaan",
    "laporan.pekerjaan",
]
# Pekerja berdetak tiap PEKERJA_DETAK_DETIK; yang diam lebih dari PEKERJA_MACET_DETIK dianggap
# mati dan pekerjaannya diantrekan ulang oleh pemeriksaan berkala (cron dengan detik).
PEKERJA_DETAK_DETIK = env.float("PEKERJA_DETAK_DETIK", default=10.0)
PEKERJA_MACET_DETIK = env.float("PEKERJA_MACET_DETIK", default=30.0)
PEKERJA_PERIKSA_CRON = env.str("PEKERJA_PERIKSA_CRON", default="*/10 * * * * *")
PEKERJAAN_COBA_MAKS = env.int("PEKERJAAN_COBA_MAKS", default=3)
PROCRASTINATE_WORKER_DEFAULTS = {
    "update_heartbeat_interval": PEKERJA_DETAK_DETIK,
    "stalled_worker_timeout": PEKERJA_MACET_DETIK,
}
# Jeda buatan per berkas di ekspor ZIP; hanya untuk uji kematian pekerja dan tolok ukur.
EKSPOR_JEDA_DETIK = env.float("EKSPOR_JEDA_DETIK", default=0.0)

# Widget input dan select dirender di Python (perhutanan/penyaji.py), templat lain seperti biasa.
FORM_RENDERER = "perhutanan.penyaji.PenyajiCepat"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default=(
        "django.core.mail.backends.console.EmailBackend"
        if DEBUG
        else "django.core.mail.backends.smtp.EmailBackend"
    ),
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Perhutanan <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Keamanan. Di produksi aplikasi berada di belakang proxy yang mengakhiri TLS dan
# meneruskan X-Forwarded-Proto; pemeriksaan kesehatan boleh lewat HTTP biasa. Tajuk itu hanya
# dipercaya dari alamat PROXY_TEPERCAYA (alamat atau jaringan CIDR); dari alamat lain dibuang
# oleh perhutanan.middleware.ProxyTepercayaMiddleware.
PROXY_TEPERCAYA = env.list("PROXY_TEPERCAYA", default=[])
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^kesehatan/$"]
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Peta (Leaflet, dipasok di static/vendor): server ubin adalah pengaturan. Kosongkan PETA_UBIN
# untuk jaringan tanpa internet: batas dan titik tetap digambar di latar polos. Selisih luas
# batas terhadap luas SK di atas PETA_SELISIH_LUAS_PERSEN diberi peringatan.
PETA_UBIN = env.str("PETA_UBIN", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
PETA_ATRIBUSI = env.str(
    "PETA_ATRIBUSI",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)
PETA_SELISIH_LUAS_PERSEN = env.int("PETA_SELISIH_LUAS_PERSEN", default=10)


def _asal_ubin(url: str) -> list[str]:
    if not url.startswith(("https://", "http://")):
        return []
    asal = urlsplit(url.replace("{s}", "x"))
    host = asal.netloc.replace("x.", "*.", 1) if "{s}." in url else asal.netloc
    return [f"{asal.scheme}://{host}"]


# Content-Security-Policy di setiap respons (django-csp): tanpa skrip atau gaya sebaris, tanpa
# objek, tanpa dibingkai. Skrip halaman ada di static/js. Berkas unggahan memakai kebijakan
# yang lebih ketat lagi (perhutanan.berkas.respons_berkas).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_asal_ubin(PETA_UBIN)],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "baris": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "baris",
        },
    },
    "root": {"handlers": ["stdout"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # Pendaftaran tugas berkala tercatat di setiap perintah manage.py; cukup peringatannya.
        "procrastinate.periodic": {"level": "WARNING"},
        "procrastinate.blueprints": {"level": "WARNING"},
        # Unggahan rusak diuraikan untuk ditolak; peringatan pengurai bukan kejadian server.
        "pypdf": {"level": "ERROR"},
    },
}


# API v1 (/api/v1/): token pribadi (profil pengguna) atau sesi halaman; izin dan cakupan wilayah
# sama dengan halaman (api.views). Pembatas laju memakai cache proses.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.autentikasi.TokenApiAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "api.paginasi.Halaman",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_LAJU_TAMU", default="60/hour"),
        "user": env.str("API_LAJU_PENGGUNA", default="3000/hour"),
    },
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Perhutanan API",
    "DESCRIPTION": (
        "API v1 Perhutanan: registri KPS, KUPS, KTH dan anggota (tanpa NIK), mitra, kerja sama, "
        "evaluasi HKm, penilaian kelas KTH dan sertifikat, serta masukan lapangan (jawaban "
        "kuesioner, monitoring, bukti fisik). Autentikasi: token API pribadi dari halaman Token "
        "API, dikirim sebagai kepala Authorization: Bearer TOKEN. Cakupan wilayah dan izin sama "
        "dengan halaman."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.skema.tambah_respons_galat",
    ],
    "ENUM_NAME_OVERRIDES": {
        "StatusEvaluasiHkmEnum": "penilaian.hkm.models.EvaluasiHkm.Status",
        "StatusPenilaianKthEnum": "penilaian.kth.models.PenilaianKth.Status",
        "StatusSertifikatEnum": "penilaian.kth.models.Sertifikat.Status",
    },
}
