"""Halaman evaluasi HKm: daftar, evaluasi baru, prasyarat, responden, finalisasi, rekap, riwayat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from kelompok.models import Kps, Skema
from kerjasama.models import RencanaTindakLanjut
from penilaian.hkm import ekspor, selectors, services
from penilaian.hkm.akses import ambil_evaluasi
from penilaian.hkm.forms import FormEvaluasiBaru, FormResponden
from penilaian.hkm.models import EvaluasiHkm
from penilaian.inti import scoring
from penilaian.inti.services import TindakanTidakSah
from perhutanan.akses import ambil
from perhutanan.isian import kembalikan_isian
from perhutanan.templatetags.formulir import ButirGalat


@login_required
@require_GET
def evaluasi_daftar(request: HttpRequest) -> HttpResponse:
    qs = (
        EvaluasiHkm.objects.untuk(request.user)
        .select_related("kps", "penilai")
        .order_by("-tanggal", "-pk")
    )
    halaman = Paginator(qs, 25).get_page(request.GET.get("halaman"))
    return render(
        request,
        "penilaian/evaluasi_daftar.html",
        {"halaman": halaman, "parameter": "", "menu_aktif": "evaluasi"},
    )


@login_required
def evaluasi_baru(request: HttpRequest, kps_pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, kps_pk, ubah=True)
    if not request.user.has_perm("penilaian.add_evaluasihkm"):
        raise PermissionDenied
    form = FormEvaluasiBaru(request.POST or None, initial={"tanggal": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            evaluasi = services.evaluasi_buat(
                kps=kps, oleh=request.user, tanggal=form.cleaned_data["tanggal"]
            )
        except TindakanTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, "Evaluasi dibuat. Isi prasyarat dan tambahkan responden.")
            return redirect("penilaian:evaluasi_detail", pk=evaluasi.pk)
    return render(
        request,
        "penilaian/evaluasi_baru.html",
        {"form": form, "kps": kps, "bukan_hkm": kps.skema != Skema.HKM},
    )


@login_required
@require_GET
def evaluasi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(request.user, pk, dengan_ubah=True)
    boleh = evaluasi.boleh_diubah
    mesin = evaluasi.versi.mesin
    jumlah_indikator = len(mesin.semua_indikator(termasuk_prasyarat=False))
    try:
        scoring.nilai_prasyarat(mesin, evaluasi.prasyarat)
        prasyarat_lengkap = True
    except scoring.GalatJawaban:
        prasyarat_lengkap = False
    return render(
        request,
        "penilaian/evaluasi_detail.html",
        {
            "evaluasi": evaluasi,
            "responden": selectors.responden_dengan_kemajuan(evaluasi),
            "jumlah_indikator": jumlah_indikator,
            "prasyarat_lengkap": prasyarat_lengkap,
            "form_responden": FormResponden(evaluasi=evaluasi)
            if boleh and not evaluasi.final
            else None,
            "boleh_ubah": boleh and not evaluasi.final,
            "menu_aktif": "evaluasi",
        },
    )


@login_required
@require_POST
def responden_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(request.user, pk, ubah=True)
    form = FormResponden(request.POST, evaluasi=evaluasi)
    if form.is_valid():
        anggota = form.cleaned_data["anggota"]
        try:
            responden = services.responden_tambah(
                evaluasi=evaluasi,
                nama=(form.cleaned_data["nama"] or "").strip(),
                peran=form.cleaned_data["peran"],
                anggota=anggota,
                oleh=request.user,
            )
        except TindakanTidakSah as e:
            messages.error(request, str(e))
            kembalikan_isian(request, galat={"__all__": [str(e)]})
        else:
            messages.success(request, f"Responden {responden} ditambahkan.")
            return redirect("penilaian:kuesioner_isi", pk=responden.pk)
    else:
        messages.error(request, "Responden belum ditambahkan: perbaiki isian yang ditandai.")
        kembalikan_isian(request, form)
    return redirect("penilaian:evaluasi_detail", pk=pk)


@login_required
def prasyarat(request: HttpRequest, pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(request.user, pk, ubah=True)
    mesin = evaluasi.versi.mesin
    indikator = [
        i
        for a in mesin.aspek
        if a.jenis == scoring.PRASYARAT
        for k in a.kriteria
        for i in k.indikator
    ]
    galat = {}
    nilai = dict(evaluasi.prasyarat)
    if request.method == "POST":
        nilai = {i.kode: request.POST.get(i.kode, "") for i in indikator}
        try:
            services.prasyarat_simpan(evaluasi=evaluasi, jawaban=nilai, oleh=request.user)
        except scoring.GalatJawaban as e:
            galat = e.galat
        except TindakanTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, "Jawaban prasyarat tersimpan.")
            return redirect("penilaian:evaluasi_detail", pk=pk)
    return render(
        request,
        "penilaian/prasyarat.html",
        {
            "evaluasi": evaluasi,
            "baris": [(i, str(nilai.get(i.kode, "")), galat.get(i.kode)) for i in indikator],
            "ringkasan_galat": [
                ButirGalat(f"{i.kode}. {i.teks}", galat[i.kode], f"indikator-{i.kode}")
                for i in indikator
                if galat.get(i.kode)
            ],
        },
    )


@login_required
@require_POST
def evaluasi_finalkan(request: HttpRequest, pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(request.user, pk, ubah=True)
    try:
        services.evaluasi_finalkan(evaluasi=evaluasi, oleh=request.user)
    except TindakanTidakSah as e:
        messages.error(request, str(e))
        return redirect("penilaian:evaluasi_detail", pk=pk)
    messages.success(request, "Evaluasi difinalkan.")
    return redirect("penilaian:rekap", pk=pk)


@login_required
@require_GET
def rekap(request: HttpRequest, pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(
        request.user,
        pk,
        dengan_ubah=True,
        select_related=("kps__desa", "kps__kabupaten", "kps__provinsi"),
    )
    data = selectors.rekap_evaluasi(evaluasi)
    jenis = request.GET.get("unduh")
    if jenis in ("xlsx", "pdf") and data.rekap is None:
        messages.error(request, "Belum ada kuesioner yang diserahkan untuk direkap.")
        return redirect("penilaian:rekap", pk=pk)
    nama = f"rekap-hkm-{evaluasi.kps_id}-{evaluasi.tanggal:%Y%m%d}"
    if jenis == "xlsx":
        respons = HttpResponse(
            ekspor.rekap_xlsx(data),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        respons["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
        return respons
    if jenis == "pdf":
        respons = HttpResponse(ekspor.rekap_pdf(data), content_type="application/pdf")
        respons["Content-Disposition"] = f'inline; filename="{nama}.pdf"'
        return respons
    return render(
        request,
        "penilaian/rekap.html",
        {
            "data": data,
            "evaluasi": evaluasi,
            "rencana": RencanaTindakLanjut.objects.filter(evaluasi=evaluasi).first()
            if evaluasi.final
            else None,
            "boleh_buat_rencana": evaluasi.boleh_diubah
            and request.user.has_perm("kerjasama.add_kerjasama"),
            "menu_aktif": "evaluasi",
        },
    )


@login_required
@require_GET
def riwayat_kps(request: HttpRequest, kps_pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, kps_pk)
    kriteria, kolom = selectors.riwayat_hkm(kps)
    baris = []
    for kode, nama in kriteria:
        nilai = [k.rata_rata.get(kode) for k in kolom]
        sel = []
        for n, v in enumerate(nilai):
            lalu = nilai[n - 1] if n else None
            arah = (
                "" if v is None or lalu is None or v == lalu else ("naik" if v > lalu else "turun")
            )
            sel.append((v, arah))
        baris.append((kode, nama, sel))
    return render(
        request,
        "penilaian/riwayat.html",
        {"kps": kps, "kolom": kolom, "baris": baris, "menu_aktif": "evaluasi"},
    )
