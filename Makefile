# Dua perintah untuk mesin baru: `make run` (server demo) dan `make test` (seluruh uji).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup pustaka-sistem lint format clean bench soak

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Dipasang ulang hanya bila pyproject.toml berubah.
$(VENV)/.terpasang: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

# Berkas .env pengembangan: DEBUG menyala untuk manage.py di mesin ini. Tidak pernah dikomit.
.env:
	printf '# Dibuat oleh make untuk pengembangan lokal; lihat .env.example untuk produksi.\nDEBUG=true\n' > .env

pustaka-sistem:
	@scripts/pastikan_pustaka_sistem.sh

setup: $(VENV)/.terpasang .env pustaka-sistem

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py muat_data_demo
	@echo "Perhutanan berjalan di http://$(HOST):$(PORT)/ (hentikan dengan Ctrl+C)"
	@trap 'kill 0' EXIT; $(PY) manage.py pekerja & $(PY) manage.py runserver $(HOST):$(PORT)

# SQLite kecuali DATABASE_URL diisi (CI memakai PostgreSQL). Berjalan paralel di semua inti
# (pytest-xdist; tiap pekerja punya basis data ujinya sendiri, uji peramban satu pekerja);
# PYTEST_WORKERS=0 untuk berurutan.
PYTEST_WORKERS ?= auto
test: setup
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Tolok ukur (PostgreSQL, basis data perhutanan_bench dibuat ulang; ubah dengan
# BENCH_DATABASE_URL): halaman registri dan kuesioner pada 1.000 KPS dan skala nasional dengan
# rasionya terhadap view kosong, lalu mesin penilaian dan rekap HKm, lalu sertifikat KTH
# terhadap PDF satu baris, lalu laju di bawah gunicorn. Hasil: build/bench-*.md. Bukan uji.
bench: setup
	$(PY) bench/registri.py
	$(PY) bench/penilaian.py
	$(PY) bench/sertifikat.py
	$(PY) bench/laju.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles build .pytest_cache .ruff_cache

# Uji tahan (bukan uji): 50 permintaan/detik selama 30 detik ke gunicorn + PostgreSQL, lalu sama
# dengan PostgreSQL dimulai ulang di tengah; mencetak keberhasilan, p50/p95/p99, tulisan hilang.
soak: setup
	$(PY) bench/soak.py

