"""Konfigurasi gunicorn produksi (dipakai citra Docker dan tolok ukur bench/).

Pekerja sinkron, (2 x inti) + 1 proses: halaman Django di sini terikat CPU (templat, ORM) dengan
jeda basis data yang pendek, jadi proses terpisah memakai semua inti tanpa berebut GIL seperti
utas. Ubah lewat GUNICORN_PEKERJA / GUNICORN_UTAS bila mesinnya berbeda.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_ALAMAT", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_PEKERJA", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_UTAS", 1))
timeout = 120
graceful_timeout = 30
# Proses didaur ulang sesekali (dengan acak agar tidak serentak) supaya kebocoran memori kecil
# dari pustaka pihak ketiga tidak menumpuk.
max_requests = 2000
max_requests_jitter = 200
# Aplikasi dimuat sekali sebelum fork: proses anak berbagi kode (hemat memori, mulai cepat).
preload_app = True
# Log akses ke stdout; GUNICORN_LOG_AKSES="" mematikannya (tolok ukur).
accesslog = os.environ.get("GUNICORN_LOG_AKSES", "-") or None
