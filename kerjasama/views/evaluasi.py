"""Tahap g: indikator yang disepakati, evaluasi kerja sama, dan perpanjangan jangka waktu."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from akun import peran
from kerjasama import evaluasi as layanan
from kerjasama import services
from kerjasama.forms import EvaluasiKerjaSamaForm, IndikatorForm, PerpanjanganForm
from kerjasama.models import Perpanjangan
from kerjasama.views.bersama import ambil_kerjasama, jalankan, simpan_objek_kerjasama
from kerjasama.views.pelaksanaan import _form_pelaksanaan
from perhutanan.berkas import respons_berkas
from perhutanan.forms import teks_post


@login_required
def indikator(request: HttpRequest, pk: int, indikator_pk: int | None = None) -> HttpResponse:
    """Tambah atau ubah satu indikator yang disepakati para pihak (capaian diperbarui di sini)."""
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    ada = get_object_or_404(ks.indikator, pk=indikator_pk) if indikator_pk else None
    return simpan_objek_kerjasama(
        request,
        ks,
        IndikatorForm(request.POST or None, instance=ada),
        judul="Ubah indikator" if ada else "Indikator keberhasilan",
        peristiwa="indikator diubah" if ada else "indikator",
        keterangan="Indikator yang disepakati para pihak, dengan nilai awal dan target. "
        "Perbarui capaiannya setiap kali diukur; evaluasi kerja sama membekukan angkanya.",
    )


@login_required
def evaluasi(request: HttpRequest, pk: int) -> HttpResponse:
    """Evaluasi baru: angka dari rencana aksi, monitoring, indikator dan kriteria yang disasar
    tampil lebih dulu; evaluator menambah penilaian, rekomendasi dan pelajaran."""
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    form = EvaluasiKerjaSamaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hasil = layanan.evaluasi_simpan(kerjasama=ks, data=form.cleaned_data, oleh=request.user)
        except services.TindakanTidakSah as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, "Evaluasi kerja sama tersimpan.")
            return redirect("kerjasama:evaluasi_detail", pk=ks.pk, evaluasi_pk=hasil.pk)
    return render(
        request,
        "kerjasama/evaluasi.html",
        {
            "ks": ks,
            "form": form,
            "alasan": layanan.boleh_dievaluasi(ks),
            "data": layanan.tampilan(layanan.potret(ks)),
            "menu_aktif": "kerjasama",
        },
    )


@login_required
def evaluasi_detail(request: HttpRequest, pk: int, evaluasi_pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    hasil = get_object_or_404(ks.evaluasi.select_related("dinilai_oleh"), pk=evaluasi_pk)
    return render(
        request,
        "kerjasama/evaluasi.html",
        {
            "ks": ks,
            "hasil": hasil,
            "data": layanan.tampilan(hasil.potret),
            "menu_aktif": "kerjasama",
        },
    )


@login_required
def perpanjangan(request: HttpRequest, pk: int) -> HttpResponse:
    def keterangan(ks) -> str:
        alasan = layanan.syarat_perpanjangan(ks)
        if alasan:
            return f"Belum dapat diajukan: {alasan}"
        if ks.usaha:
            return (
                "Kerja sama usaha diperpanjang setelah disetujui BPSKL, seperti persetujuan "
                "awalnya. Jangka waktu berubah saat BPSKL menyetujui."
            )
        return "Jangka waktu langsung berubah setelah disimpan."

    return _form_pelaksanaan(
        request,
        pk,
        form_kelas=PerpanjanganForm,
        judul="Perpanjangan jangka waktu",
        berkas=True,
        dengan_ks=True,
        tombol="Ajukan perpanjangan",
        keterangan=keterangan,
        simpan=lambda ks, d: layanan.perpanjangan_ajukan(
            kerjasama=ks,
            sampai=d["sampai"],
            alasan=d["alasan"],
            surat=d.get("surat"),
            oleh=request.user,
        ),
    )


@login_required
@require_POST
def perpanjangan_putuskan(request: HttpRequest, pk: int, perpanjangan_pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    if not request.user.punya_peran(peran.STAF_BPSKL):
        raise PermissionDenied("Perpanjangan diputuskan oleh Staf BPSKL.")
    p = get_object_or_404(Perpanjangan, pk=perpanjangan_pk, kerjasama=ks)
    setuju = request.POST.get("keputusan") == "setuju"
    return jalankan(
        request,
        pk,
        lambda: layanan.perpanjangan_putuskan(
            perpanjangan=p, setuju=setuju, catatan=teks_post(request, "catatan"), oleh=request.user
        ),
        "Perpanjangan disetujui; jangka waktu diperbarui." if setuju else "Penolakan tersimpan.",
    )


@login_required
@require_GET
def perpanjangan_surat(request: HttpRequest, pk: int, perpanjangan_pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    p = get_object_or_404(Perpanjangan, pk=perpanjangan_pk, kerjasama=ks)
    return respons_berkas(request, p.surat)
