"""Pengaturan tolok ukur: pengaturan uji + URL lantai + basis data tolok ukur tersendiri."""

import os

import environ

from perhutanan.settings_test import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DATABASES = {
    "default": environ.Env().db_url_config(
        os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/perhutanan_bench")
    )
}
DATABASES["default"]["CONN_MAX_AGE"] = 600
LOGGING = {"version": 1, "disable_existing_loggers": True}
