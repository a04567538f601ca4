# Citra produksi Perhutanan: gunicorn, berkas statis lewat whitenoise, WeasyPrint siap pakai.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
RUN pip install -e . \
    && useradd --system --home /app --uid 1000 perhutanan \
    && mkdir -p /data/media /app/staticfiles \
    && ENV_FILE=/dev/null SECRET_KEY=hanya-untuk-collectstatic ALLOWED_HOSTS=localhost \
       STATIC_ROOT=/app/staticfiles python manage.py collectstatic --noinput \
    && chown -R perhutanan /data/media

USER perhutanan
EXPOSE 8000
# Pengaturan gunicorn (pekerja, batas waktu, log akses): gunicorn.conf.py di folder kerja.
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py muat_instrumen && exec gunicorn perhutanan.wsgi"]
