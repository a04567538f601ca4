import datetime
import sys

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _basis_data() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "tidak terjangkau"
    return "ok"


def _penyimpanan() -> str:
    """Penyimpanan berkas unggahan (disk lokal atau S3) menjawab pertanyaan sederhana."""
    try:
        default_storage.exists("kesehatan.txt")
    except Exception:
        return "tidak terjangkau"
    return "ok"


def _pekerja() -> str:
    """Ada pekerja latar belakang yang berdetak belakangan ini (hanya dengan procrastinate)."""
    from procrastinate.contrib.django.models import ProcrastinateWorker

    batas = timezone.now() - datetime.timedelta(seconds=settings.PEKERJA_MACET_DETIK)
    try:
        aktif = ProcrastinateWorker.objects.filter(last_heartbeat__gte=batas).count()
    except DatabaseError:
        return "tidak terjangkau"
    return f"ok ({aktif} aktif)" if aktif else "tidak ada pekerja aktif"


# Tanpa basis data atau penyimpanan halaman tidak dapat dilayani (503). Tanpa pekerja halaman
# tetap jalan, hanya ekspor dan pengingat yang menunggu: dilaporkan, tetapi tetap 200.
WAJIB = {"basis_data": _basis_data, "penyimpanan": _penyimpanan}


@require_GET
@never_cache
def kesehatan(request: HttpRequest) -> JsonResponse:
    """Pemeriksaan kesehatan untuk penyeimbang beban dan docker compose: tiap ketergantungan
    dengan keadaannya, 503 bila basis data atau penyimpanan tidak terjangkau."""
    hasil = {nama: periksa() for nama, periksa in WAJIB.items()}
    sehat = all(v == "ok" for v in hasil.values())
    status = "ok" if sehat else "gagal"
    if settings.ANTREAN_PEKERJAAN == "procrastinate" and hasil["basis_data"] == "ok":
        hasil["pekerja"] = _pekerja()
        if sehat and not hasil["pekerja"].startswith("ok"):
            status = "terganggu"
    return JsonResponse({"status": status, **hasil}, status=200 if sehat else 503)


# Berapa lama peramban (dan penyeimbang beban) menunggu sebelum mencoba lagi saat basis data putus.
COBA_LAGI_DETIK = 30


def galat_server(request: HttpRequest) -> HttpResponse:
    """Galat 500 yang tertangkap Django. Bila penyebabnya basis data tak terjangkau (mati, sedang
    dipulihkan, koneksi putus), pengguna mendapat halaman 503 "sedang dipulihkan" dengan
    Retry-After, bukan halaman galat umum; galat lain tetap 500."""
    galat = sys.exc_info()[1]
    if not isinstance(galat, OperationalError | InterfaceError):
        return defaults.server_error(request)
    isi = loader.get_template("503.html").render({"detik": COBA_LAGI_DETIK})
    respons = HttpResponse(isi, status=503)
    respons["Retry-After"] = str(COBA_LAGI_DETIK)
    return respons


# ------------------------------------------------------------------ aplikasi lapangan (PWA)

_SW = settings.BASE_DIR / "static" / "pwa" / "sw.js"


def service_worker(request: HttpRequest) -> HttpResponse:
    """Service worker dari akar situs agar cakupannya seluruh aplikasi; selalu diperiksa ulang."""
    respons = HttpResponse(_SW.read_bytes(), content_type="text/javascript; charset=utf-8")
    respons["Cache-Control"] = "no-cache"
    respons["Service-Worker-Allowed"] = "/"
    return respons


def manifest(request: HttpRequest) -> JsonResponse:
    from django.templatetags.static import static

    return JsonResponse(
        {
            "name": "Perhutanan",
            "short_name": "Perhutanan",
            "description": "Pendampingan kerja sama Perhutanan Sosial, juga tanpa sinyal.",
            "lang": "id",
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#1e5a32",
            "icons": [
                {"src": static("pwa/ikon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("pwa/ikon-512.png"), "sizes": "512x512", "type": "image/png"},
            ],
        },
        content_type="application/manifest+json",
    )


@login_required
def draf_luring(request: HttpRequest) -> HttpResponse:
    """Daftar isian yang tersimpan di perangkat (dirender luring.js dari IndexedDB)."""
    return render(request, "draf_luring.html")


def luring(request: HttpRequest) -> HttpResponse:
    """Halaman pengganti bila tidak ada sinyal dan halaman yang diminta belum pernah dibuka.

    Diambil service worker di latar saat dipasang; jawabannya tidak pernah memasang cookie CSRF
    baru, yang bisa menggagalkan formulir masuk yang sedang diisi di depan (perangkat tanpa
    cookie). Salinannya tidak memuat formulir."""
    respons = render(request, "luring.html")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
    return respons
