"""Cakupan penilaian tahunan per provinsi: KTH yang belum dinilai dan jumlah KTH per kelas."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from penilaian.kth import akses, selectors


@login_required
@require_GET
def cakupan(request: HttpRequest) -> HttpResponse:
    """KTH yang belum dinilai tahun ini (tenggat akhir November) dan jumlah KTH per kelas."""
    if not request.user.has_perm("penilaian.view_penilaiankth"):
        raise PermissionDenied
    pilihan = akses.provinsi_terbaca(request.user)
    provinsi = (
        pilihan.filter(kode=request.GET.get("provinsi") or request.user.provinsi_id).first()
        or pilihan.first()
    )
    tahun_ini = timezone.localdate().year
    tahun = tahun_ini
    diminta = request.GET.get("tahun", "").strip()
    if diminta:
        if diminta.isdecimal() and len(diminta) == 4 and 2000 <= int(diminta) <= tahun_ini + 1:
            tahun = int(diminta)
        else:
            messages.warning(
                request,
                f"Tahun harus antara 2000 dan {tahun_ini + 1}; yang ditampilkan tahun {tahun_ini}.",
            )
    jumlah_kth, belum, per_kelas = selectors.cakupan_tahun(request.user, provinsi, tahun)
    tenggat = datetime.date(tahun, 11, 30)
    return render(
        request,
        "penilaian/cakupan.html",
        {
            "pilihan": pilihan,
            "provinsi": provinsi,
            "tahun": tahun,
            "jumlah_kth": jumlah_kth,
            "halaman": Paginator(belum, 50).get_page(request.GET.get("halaman")),
            "parameter": f"provinsi={provinsi.kode if provinsi else ''}&tahun={tahun}",
            "per_kelas": per_kelas,
            "tenggat": tenggat,
            "sisa_hari": (tenggat - timezone.localdate()).days,
            "menu_aktif": "cakupan",
        },
    )
