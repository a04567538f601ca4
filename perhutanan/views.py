from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def kesehatan(request: HttpRequest) -> JsonResponse:
    """Pemeriksaan kesehatan untuk penyeimbang beban dan docker compose: aplikasi dan basis data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "gagal", "basis_data": "tidak terjangkau"}, status=503)
    return JsonResponse({"status": "ok", "basis_data": "ok"})
