"""Halaman KPS: daftar, tambah, detail, ubah, dan penugasan pendampingnya."""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from kelompok import ekspor, selectors, services
from kelompok.filters import PenyaringKps
from kelompok.forms import PenugasanForm
from kelompok.models import Kps, Penugasan
from kelompok.views.bersama import daftar_kelompok, simpan_kelompok
from kelompok.views.peta import konteks_peta
from perhutanan.akses import ambil


@login_required
@require_GET
def kps_daftar(request: HttpRequest) -> HttpResponse:
    return daftar_kelompok(
        request,
        model=Kps,
        penyaring_kelas=PenyaringKps,
        selector=selectors.kps_daftar,
        templat="kelompok/kps_daftar.html",
        judul_ekspor="KPS",
        kolom_ekspor=ekspor.KOLOM_KPS,
    )


@login_required
@permission_required("kelompok.add_kps", raise_exception=True)
def kps_tambah(request: HttpRequest) -> HttpResponse:
    return simpan_kelompok(request, jenis="kps")


def ringkasan_tindak_lanjut(kps) -> dict | None:
    """Kemajuan rencana tindak lanjut terbaru KPS ini: jumlah aksi per status (2 kueri)."""
    from kerjasama.models import RencanaTindakLanjut
    from kerjasama.tindak_lanjut import status_aksi

    rencana = (
        RencanaTindakLanjut.objects.filter(kps=kps)
        .select_related("evaluasi", "penilaian_kth")
        .prefetch_related("aksi__kerjasama")
        .order_by("-dibuat_pada", "-pk")
        .first()
    )
    if rencana is None:
        return None
    jumlah = Counter(status_aksi(aksi) for aksi in rencana.aksi.all())
    return {"rencana": rencana, "jumlah": sorted(jumlah.items()), "total": sum(jumlah.values())}


@login_required
@require_GET
def kps_detail(request: HttpRequest, pk: int) -> HttpResponse:
    kps = ambil(
        Kps,
        request.user,
        pk,
        dengan_ubah=True,
        select_related=("desa__kecamatan", "kabupaten", "provinsi__bpskl"),
    )
    dapat_ubah = kps.boleh_diubah
    return render(
        request,
        "kelompok/kps_detail.html",
        {
            "kps": kps,
            "kups_daftar": kps.kups.filter(diarsipkan_pada__isnull=True).order_by("nama"),
            "anggota": selectors.ringkasan_anggota(kps.anggota.all()),
            "kesiapan": selectors.kesiapan_dokumen(kps),
            "penugasan": kps.penugasan.filter(selesai__isnull=True).select_related("pendamping"),
            "riwayat": selectors.riwayat(kps),
            "tindak_lanjut": ringkasan_tindak_lanjut(kps),
            "boleh_ubah": dapat_ubah,
            "boleh_tugaskan": dapat_ubah and request.user.has_perm("kelompok.add_penugasan"),
            "menu_aktif": "kps",
            **konteks_peta(),
        },
    )


@login_required
def kps_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, pk, ubah=True, select_related=("desa",))
    return simpan_kelompok(request, jenis="kps", objek=kps)


@login_required
@permission_required("kelompok.add_penugasan", raise_exception=True)
def penugasan_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, pk, ubah=True)
    form = PenugasanForm(request.POST or None, kps=kps)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.penugasan_tambah(
                    kps=kps, pendamping=form.cleaned_data["pendamping"], oleh=request.user
                )
        except (services.TindakanTidakSah, IntegrityError) as galat:
            form.add_error("pendamping", str(galat))
        else:
            messages.success(request, f"{form.cleaned_data['pendamping']} ditugaskan ke {kps}.")
            return redirect("kelompok:kps_detail", pk=kps.pk)
    return render(
        request,
        "kelompok/form_sederhana.html",
        {"form": form, "judul": "Tugaskan pendamping", "induk": kps},
    )


@login_required
@require_POST
@permission_required("kelompok.change_penugasan", raise_exception=True)
def penugasan_akhiri(request: HttpRequest, pk: int) -> HttpResponse:
    penugasan = get_object_or_404(
        Penugasan.objects.select_related("pendamping", "kps"),
        pk=pk,
        kps__in=Kps.objects.untuk(request.user, ubah=True),
    )
    try:
        services.penugasan_akhiri(penugasan=penugasan, oleh=request.user)
    except services.TindakanTidakSah as galat:
        messages.error(request, str(galat))
    else:
        messages.success(request, f"Penugasan {penugasan.pendamping} di {penugasan.kps} diakhiri.")
    return redirect("kelompok:kps_detail", pk=penugasan.kps_id)
