"""Analisis skala usaha ekonomis KUPS: formulir, hasil yang dijelaskan, grafik, PDF dan .xlsx."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from kelompok.models import Kups
from penilaian.inti import grafik
from penilaian.usaha import ekonomi, services
from penilaian.usaha.ekspor import analisis_xlsx
from penilaian.usaha.forms import FormAgroforestri, FormEkowisata, FormsetAtraksi, FormsetProduk
from penilaian.usaha.models import AnalisisUsaha
from perhutanan.akses import ambil, boleh_ubah
from perhutanan.pdf import render_pdf

JENIS = {
    AnalisisUsaha.Jenis.AGROFORESTRI: (FormAgroforestri, FormsetProduk),
    AnalisisUsaha.Jenis.EKOWISATA: (FormEkowisata, FormsetAtraksi),
}


def _boleh_buat(user, kups) -> bool:
    return user.has_perm("penilaian.add_analisisusaha") and boleh_ubah(Kups, user, kups.pk)


@login_required
@require_GET
def daftar(request: HttpRequest, kups_pk: int) -> HttpResponse:
    kups = ambil(Kups, request.user, kups_pk, select_related=("kps",))
    return render(
        request,
        "penilaian/analisis_daftar.html",
        {
            "kups": kups,
            "analisis": kups.analisis_usaha.select_related("penulis"),
            "boleh_buat": _boleh_buat(request.user, kups),
        },
    )


@login_required
def baru(request: HttpRequest, kups_pk: int, jenis: str) -> HttpResponse:
    kups = ambil(Kups, request.user, kups_pk, select_related=("kps",))
    if jenis not in JENIS:
        raise Http404("Jenis analisis tidak dikenal.")
    if not _boleh_buat(request.user, kups):
        raise PermissionDenied("Analisis dibuat oleh pendamping KPS ini atau admin.")
    form_kelas, formset_kelas = JENIS[jenis]
    awal, awal_baris = (
        {"judul": f"Skala usaha {kups.nama}", "periode": 20, "diskonto_persen": "10"},
        None,
    )
    sumber = request.GET.get("dari")
    if sumber and request.method == "GET":
        if not sumber.isdecimal() or len(sumber) > 18:
            raise Http404("Analisis sumber salinan tidak ditemukan.")
        lama = get_object_or_404(
            AnalisisUsaha.objects.untuk(request.user), pk=sumber, kups=kups, jenis=jenis
        )
        awal = {**lama.masukan["umum"], "judul": f"{lama.judul} (salinan)"}
        awal_baris = lama.masukan["baris"]
    form = form_kelas(request.POST or None, initial=awal)
    formset = formset_kelas(request.POST or None, initial=awal_baris, prefix="baris")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            analisis = services.analisis_buat(
                kups=kups,
                jenis=jenis,
                umum=form.cleaned_data,
                baris=formset.baris(),
                oleh=request.user,
            )
        except ekonomi.GalatMasukan as e:
            for kolom, pesan in e.galat.items():
                if kolom in form.fields:
                    form.add_error(kolom, pesan)
                else:
                    form.add_error(None, pesan)
        else:
            messages.success(request, "Analisis tersimpan.")
            return redirect("penilaian:analisis_detail", pk=analisis.pk)
    return render(
        request,
        "penilaian/analisis_form.html",
        {
            "kups": kups,
            "jenis": jenis,
            "form": form,
            "formset": formset,
            "label_jenis": AnalisisUsaha.Jenis(jenis).label,
        },
    )


def _ambil_analisis(user, pk: int) -> AnalisisUsaha:
    return get_object_or_404(
        AnalisisUsaha.objects.untuk(user).select_related("kups__kps", "penulis"), pk=pk
    )


def _konteks(analisis: AnalisisUsaha) -> dict:
    umum, baris, hasil = services.analisis_muat(analisis)
    konteks = {
        "analisis": analisis,
        "kups": analisis.kups,
        "umum": umum,
        "baris": baris,
        "hasil": hasil,
        "agro": analisis.jenis == AnalisisUsaha.Jenis.AGROFORESTRI,
        "grafik": grafik.arus_kas(hasil.arus, judul="Arus kas tahunan dan kumulatif"),
        "luas_minimum": None,
        "periode_arus": umum["periode"] + 1,
    }
    if konteks["agro"]:
        konteks["luas_minimum"] = ekonomi.bulat_ke_atas(hasil.luas_minimum, 2)
        konteks["pendorong"] = sorted(hasil.produk, key=lambda p: p.kontribusi, reverse=True)
    else:
        konteks["pendorong"] = sorted(
            hasil.atraksi, key=lambda a: a.nilai_jual_relatif, reverse=True
        )
    return konteks


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    analisis = _ambil_analisis(request.user, pk)
    konteks = _konteks(analisis)
    unduh = request.GET.get("unduh")
    nama = f"analisis-usaha-{analisis.pk}"
    if unduh == "pdf":
        respons = HttpResponse(
            render_pdf("dokumen/analisis_usaha.html", konteks), content_type="application/pdf"
        )
        respons["Content-Disposition"] = f'attachment; filename="{nama}.pdf"'
        return respons
    if unduh == "xlsx":
        respons = HttpResponse(
            analisis_xlsx(konteks),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        respons["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
        return respons
    konteks["boleh_buat"] = _boleh_buat(request.user, analisis.kups)
    return render(request, "penilaian/analisis_detail.html", konteks)
