"""Naskah kerja sama: draf berversi per butir, PDF, naskah bertanda tangan dan pindaiannya."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from dokumen.services import pdf_dokumen
from kerjasama import services
from kerjasama.forms import NaskahForm, TandaTanganForm
from kerjasama.models import StatusPersetujuan
from kerjasama.naskah import SEMUA_BUTIR
from kerjasama.surat import isi_draf_naskah
from kerjasama.views.bersama import ambil_kerjasama
from perhutanan.berkas import CSP_PDF, izinkan_dalam_halaman, pratinjau_diminta, respons_berkas
from perhutanan.isian import kembalikan_isian


@login_required
def naskah(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    terakhir = ks.naskah.order_by("-versi").first()
    boleh = ks.boleh_diubah
    disetujui = services.naskah_disetujui(ks) if ks.usaha else None
    ditinjau = ks.status_persetujuan == StatusPersetujuan.DIAJUKAN
    awal = {}
    if terakhir:
        awal = {f"butir_{k}": v for k, v in terakhir.isi.items()}
        awal |= {"pola": terakhir.pola, "persen_modal_mitra": terakhir.persen_modal_mitra}
    form = NaskahForm(request.POST or None, initial=awal, versi_disetujui=disetujui)
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied
        if form.is_valid():
            try:
                versi, baru = services.naskah_simpan(
                    kerjasama=ks,
                    isi=form.isi(),
                    pola=form.cleaned_data["pola"],
                    persen_modal=form.cleaned_data["persen_modal_mitra"],
                    oleh=request.user,
                    batalkan_persetujuan=form.cleaned_data.get("batalkan_persetujuan", False),
                )
            except services.TindakanTidakSah as e:
                form.add_error(None, str(e))
            else:
                messages.success(
                    request,
                    f"Draf versi {versi.versi} tersimpan." if baru else "Tidak ada perubahan.",
                )
                return redirect("kerjasama:naskah", pk=pk)
    kekurangan = terakhir.kekurangan() if terakhir else []
    dapat_tanda_tangan = (
        boleh
        and terakhir is not None
        and not terakhir.scan_ditandatangani
        and (not ks.usaha or disetujui == terakhir)
    )
    return render(
        request,
        "kerjasama/naskah.html",
        {
            "ks": ks,
            "form": form,
            "terakhir": terakhir,
            "disetujui": disetujui,
            "ditinjau": ditinjau,
            "versi": ks.naskah.select_related("dibuat_oleh"),
            "kekurangan": kekurangan,
            "jumlah_butir": len(SEMUA_BUTIR),
            "terisi_formulir": sum(
                1 for b in SEMUA_BUTIR if (form[f"butir_{b.kode}"].value() or "").strip()
            ),
            "terisi": sum(
                1 for b in SEMUA_BUTIR if terakhir and (terakhir.isi.get(b.kode) or "").strip()
            ),
            # Selama ditinjau formulir disembunyikan, kecuali untuk mengembalikan isian yang
            # baru saja ditolak (tab lama): teks yang diketik tidak hilang.
            "boleh": boleh
            and (not ditinjau or form.is_bound)
            and not (terakhir and terakhir.scan_ditandatangani),
            "form_ttd": TandaTanganForm() if dapat_tanda_tangan else None,
            "menu_aktif": "kerjasama",
        },
    )


@login_required
@require_GET
def naskah_pdf(request: HttpRequest, pk: int, versi: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    naskah = get_object_or_404(ks.naskah, versi=versi)
    # Draf: isi dan tata letak sama dengan naskah bernomor, bertanda DRAF, tanpa nomor dan QR.
    pdf = pdf_dokumen(isi_draf_naskah(ks, naskah), draf=True)
    respons = HttpResponse(pdf, content_type="application/pdf")
    respons["Content-Disposition"] = (
        f'attachment; filename="naskah-kerjasama-{ks.pk}-v{naskah.versi}.pdf"'
    )
    if pratinjau_diminta(request):
        respons["Content-Security-Policy"] = CSP_PDF
        izinkan_dalam_halaman(respons)
    return respons


@login_required
@require_POST
def naskah_tandatangani(request: HttpRequest, pk: int, versi: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    naskah = get_object_or_404(ks.naskah, versi=versi)
    form = TandaTanganForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Pindaian belum tersimpan: perbaiki isian yang ditandai.")
        kembalikan_isian(request, form)
        return redirect("kerjasama:naskah", pk=pk)
    try:
        services.naskah_tandatangani(
            naskah=naskah,
            berkas=form.cleaned_data["berkas"],
            tanggal=form.cleaned_data["tanggal"],
            oleh=request.user,
        )
    except services.TindakanTidakSah as e:
        messages.error(request, str(e))
        kembalikan_isian(request, galat={"__all__": [str(e)]})
    else:
        messages.success(request, "Naskah yang ditandatangani tersimpan.")
    return redirect("kerjasama:naskah", pk=pk)


@login_required
@require_GET
def naskah_scan(request: HttpRequest, pk: int, versi: int):
    ks = ambil_kerjasama(request.user, pk)
    naskah = get_object_or_404(ks.naskah.exclude(scan_ditandatangani=""), versi=versi)
    return respons_berkas(request, naskah.scan_ditandatangani)
