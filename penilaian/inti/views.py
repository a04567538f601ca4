"""Rubrik instrumen: admin nasional memuat versi baru (YAML/.xlsx) dan mengunduh rubrik bernilai."""

import csv
import io

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from akun.predikat import admin_nasional
from penilaian.inti import definisi, impor_rubrik, kalender, services
from penilaian.inti.forms import FormKalender, FormPengaturanKalender, FormRubrik
from penilaian.inti.models import PengaturanKalender, VersiInstrumen


@login_required
@permission_required("penilaian.add_versiinstrumen", raise_exception=True)
def rubrik_unggah(request: HttpRequest) -> HttpResponse:
    """Admin nasional memuat rubrik yang dikoreksi sebagai versi baru, tanpa mengubah kode.

    Instrumen berlaku nasional, jadi admin provinsi tidak memuatnya."""
    if not admin_nasional(request.user):
        raise PermissionDenied("Rubrik penilaian berlaku nasional; dimuat oleh admin nasional.")
    form = FormRubrik(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        try:
            if berkas.name.lower().endswith(".xlsx"):
                kanonik = definisi.dari_data(impor_rubrik.dari_xlsx(berkas))
            else:
                kanonik = definisi.dari_yaml(berkas.read().decode("utf-8"))
        except (definisi.GalatInstrumen, UnicodeDecodeError, impor_rubrik.GalatRubrik) as e:
            pesan = getattr(e, "pesan", None) or [str(e)]
            for p in pesan:
                form.add_error("berkas", p)
        else:
            versi, dibuat = services.instrumen_muat(
                kanonik=kanonik,
                sumber=berkas.name,
                oleh=request.user,
                catatan=form.cleaned_data["catatan"],
            )
            if dibuat:
                messages.success(request, f"{versi} dimuat. Penilaian baru memakai versi ini.")
            else:
                messages.info(request, f"Isinya sama dengan {versi}; tidak ada versi baru.")
            return redirect("penilaian:rubrik_unggah")

    return render(
        request,
        "penilaian/rubrik_unggah.html",
        {
            "form": form,
            "versi": VersiInstrumen.objects.select_related("instrumen", "dimuat_oleh")[:20],
        },
    )


@login_required
@permission_required("penilaian.view_versiinstrumen", raise_exception=True)
@require_GET
def rubrik_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    versi = get_object_or_404(VersiInstrumen.objects.select_related("instrumen"), pk=pk)
    if versi.isi["metode"] != "jumlah":
        raise PermissionDenied("Unduhan .xlsx tersedia untuk rubrik bernilai (KTH).")
    respons = HttpResponse(
        impor_rubrik.ke_xlsx(versi.isi),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    respons["Content-Disposition"] = (
        f'attachment; filename="rubrik-{versi.instrumen.kode.lower()}-v{versi.nomor}.xlsx"'
    )
    return respons


# ------------------------------------------------------------------ kalender libur


def _boleh_lihat_kalender(user) -> bool:
    return user.has_perm("penilaian.view_kalenderlibur")


def _tahun_ditampilkan(resmi: dict[int, str]) -> list[int]:
    ini = timezone.localdate().year
    return sorted(set(resmi) | {ini - 1, ini, ini + 1, ini + 2}, reverse=True)


@login_required
def kalender_libur(request: HttpRequest) -> HttpResponse:
    """Kalender libur per tahun: resmi (SKB) atau perkiraan; admin nasional memuat SKB baru dan
    menentukan apakah cuti bersama dihitung sebagai hari kerja."""
    if not _boleh_lihat_kalender(request.user):
        raise PermissionDenied("Kalender libur dikelola admin.")
    boleh_ubah = admin_nasional(request.user) and request.user.has_perm(
        "penilaian.add_kalenderlibur"
    )
    form = FormKalender(prefix="muat")
    form_atur = FormPengaturanKalender(
        prefix="atur",
        initial={"cuti_bersama_hari_kerja": PengaturanKalender.aktif().cuti_bersama_hari_kerja},
    )
    if request.method == "POST":
        if not boleh_ubah:
            raise PermissionDenied("Kalender libur berlaku nasional; dimuat oleh admin nasional.")
        if "atur" in request.POST:
            form_atur = FormPengaturanKalender(request.POST, prefix="atur")
            if form_atur.is_valid():
                services.kalender_atur(
                    cuti_bersama_hari_kerja=form_atur.cleaned_data["cuti_bersama_hari_kerja"],
                    oleh=request.user,
                )
                messages.success(
                    request,
                    "Pengaturan hari kerja tersimpan; tenggat yang berjalan dihitung ulang.",
                )
                return redirect("penilaian:kalender_libur")
        else:
            form = FormKalender(request.POST, request.FILES, prefix="muat")
            if form.is_valid():
                tahun = form.cleaned_data["tahun"]
                try:
                    hari = kalender.baca_daftar(form.baris(), tahun)
                except forms.ValidationError as e:
                    form.add_error("berkas", e)
                except kalender.GalatDaftarLibur as e:
                    for pesan in e.pesan:
                        form.add_error("berkas", pesan)
                else:
                    services.kalender_muat(
                        tahun=tahun,
                        sumber=form.cleaned_data["sumber"],
                        hari=hari,
                        oleh=request.user,
                    )
                    libur = sum(1 for h in hari if h.jenis == kalender.LIBUR)
                    messages.success(
                        request,
                        f"Kalender {tahun} dimuat sebagai resmi: {libur} libur nasional dan "
                        f"{len(hari) - libur} cuti bersama. Tenggat yang berjalan dihitung ulang.",
                    )
                    return redirect("penilaian:kalender_tahun", tahun=tahun)
    kal = services.hari_libur()
    tahun = [
        {
            "tahun": t,
            "resmi": not kal.adalah_perkiraan(t),
            "sumber": kal.resmi.get(t, ""),
            "libur": sum(1 for h in kal.hari_tahun(t).values() if h.jenis == kalender.LIBUR),
            "cuti": sum(1 for h in kal.hari_tahun(t).values() if h.jenis == kalender.CUTI_BERSAMA),
        }
        for t in _tahun_ditampilkan(kal.resmi)
    ]
    return render(
        request,
        "penilaian/kalender_libur.html",
        {
            "tahun": tahun,
            "form": form,
            "form_atur": form_atur,
            "boleh_ubah": boleh_ubah,
            "cuti_bersama_kerja": kal.cuti_bersama_hari_kerja,
            "menu_aktif": "kalender",
        },
    )


@login_required
@require_GET
def kalender_tahun(request: HttpRequest, tahun: int) -> HttpResponse:
    if not _boleh_lihat_kalender(request.user):
        raise PermissionDenied("Kalender libur dikelola admin.")
    if not 2000 <= tahun <= 2100:
        raise Http404("Tahun di luar 2000-2100.")
    kal = services.hari_libur()
    hari = list(kal.hari_tahun(tahun).values())
    if request.GET.get("unduh") == "csv":
        keluaran = io.StringIO()
        tulis = csv.writer(keluaran)
        tulis.writerow(kalender.KOLOM)
        for h in hari:
            tulis.writerow([h.tanggal.isoformat(), h.nama, h.label_jenis.lower()])
        respons = HttpResponse(keluaran.getvalue(), content_type="text/csv; charset=utf-8")
        respons["Content-Disposition"] = f'attachment; filename="libur-{tahun}.csv"'
        return respons
    return render(
        request,
        "penilaian/kalender_tahun.html",
        {
            "tahun": tahun,
            "hari": hari,
            "resmi": not kal.adalah_perkiraan(tahun),
            "sumber": kal.resmi.get(tahun, ""),
            "cuti_bersama_kerja": kal.cuti_bersama_hari_kerja,
            "menu_aktif": "kalender",
        },
    )
