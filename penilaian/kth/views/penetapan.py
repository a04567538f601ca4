"""Kepala Dinas: antrean penetapan dengan tenggat hari kerja, penetapan kelas, pengembalian."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from akun import peran
from penilaian.inti.services import TindakanTidakSah, hari_libur
from penilaian.kth import akses, selectors, services
from perhutanan.forms import MasukanTidakSah, teks_post


@login_required
@require_GET
def antrean(request: HttpRequest) -> HttpResponse:
    """Antrean Kepala Dinas: yang diajukan, tenggat 10 hari kerja; yang terlambat ditandai."""
    if not request.user.punya_peran(peran.KEPALA_DINAS):
        raise PermissionDenied("Antrean penetapan untuk Kepala Dinas.")
    libur = hari_libur()
    return render(
        request,
        "penilaian/kth_antrean.html",
        {
            "baris": selectors.antrean_penetapan(request.user, libur),
            "cuti_bersama_kerja": libur.cuti_bersama_hari_kerja,
            "menu_aktif": "antrean",
        },
    )


@login_required
@require_POST
def tetapkan(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = akses.ambil_untuk_penetapan(request.user, pk)
    try:
        sertifikat = services.penilaian_kth_tetapkan(penilaian=penilaian, oleh=request.user)
    except (TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            f"Kelas ditetapkan. Sertifikat {sertifikat.nomor} terbit; PDF-nya sedang disiapkan.",
        )
    return redirect("penilaian:kth_detail", pk=pk)


@login_required
@require_POST
def kembalikan(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = akses.ambil_untuk_penetapan(request.user, pk)
    try:
        services.penilaian_kth_kembalikan(
            penilaian=penilaian,
            oleh=request.user,
            alasan=teks_post(request, "alasan", label="Alasan"),
        )
    except (TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Penilaian dikembalikan ke penilai dengan catatan Anda.")
    return redirect("penilaian:kth_antrean")
