import sys

from django.core.files.storage import default_storage
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
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


PEMERIKSAAN = {"basis_data": _basis_data, "penyimpanan": _penyimpanan}


@require_GET
@never_cache
def kesehatan(request: HttpRequest) -> JsonResponse:
    """Pemeriksaan kesehatan untuk penyeimbang beban dan docker compose: tiap ketergantungan
    dengan keadaannya, 503 bila salah satunya tidak terjangkau."""
    hasil = {nama: periksa() for nama, periksa in PEMERIKSAAN.items()}
    sehat = all(v == "ok" for v in hasil.values())
    return JsonResponse(
        {"status": "ok" if sehat else "gagal", **hasil}, status=200 if sehat else 503
    )


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
