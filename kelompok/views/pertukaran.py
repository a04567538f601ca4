"""Berkas pertukaran data (KUPS dan KTH dengan kelasnya) untuk dimuat sistem nasional."""

import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kelompok import pertukaran


@login_required
@require_GET
def pertukaran_daftar(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "kelompok/pertukaran.html",
        {"data": pertukaran.DATA.values(), "versi": pertukaran.VERSI_FORMAT},
    )


@login_required
@require_GET
def pertukaran_unduh(request: HttpRequest, kode: str, format: str) -> HttpResponse:
    data = pertukaran.DATA.get(kode)
    if data is None or format not in ("csv", "xlsx"):
        raise Http404("Data pertukaran tidak dikenal.")
    if format == "csv":
        respons = StreamingHttpResponse(
            pertukaran.baris_csv(data, request.user), content_type="text/csv; charset=utf-8"
        )
        respons["Content-Disposition"] = f'attachment; filename="{data.nama_berkas("csv")}"'
    else:
        # Berkas sementara dibuka di sini dan ditutup oleh FileResponse setelah terkirim.
        sementara = tempfile.TemporaryFile()  # noqa: SIM115
        pertukaran.tulis_xlsx(data, request.user, sementara)
        sementara.seek(0)
        respons = FileResponse(
            sementara,
            as_attachment=True,
            filename=data.nama_berkas("xlsx"),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    respons["X-Versi-Format"] = pertukaran.VERSI_FORMAT
    return respons
