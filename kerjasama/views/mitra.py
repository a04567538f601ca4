"""Registri mitra nasional: daftar, tambah, detail dengan uji tuntas per butir, bukti."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from kelompok.models import Provinsi
from kerjasama.evaluasi import rekam_jejak
from kerjasama.forms import MitraForm, PemeriksaanMitraForm
from kerjasama.models import KategoriMitra, Mitra, PemeriksaanMitra
from kerjasama.uji_tuntas import butir_untuk
from perhutanan.berkas import respons_berkas
from perhutanan.riwayat import riwayat
from perhutanan.templatetags.formulir import ButirGalat


@login_required
@permission_required("kerjasama.view_mitra", raise_exception=True)
@require_GET
def mitra_daftar(request: HttpRequest) -> HttpResponse:
    qs = Mitra.objects.select_related("provinsi").order_by("nama", "pk")
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nomor_registrasi__icontains=q))
    kategori = request.GET.get("kategori", "")
    if kategori in KategoriMitra.values:
        qs = qs.filter(kategori=kategori)
    provinsi = request.GET.get("provinsi", "")
    if provinsi:
        qs = qs.filter(provinsi_id=provinsi)
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    return render(
        request,
        "kerjasama/mitra_daftar.html",
        {
            "halaman": Paginator(qs, 25).get_page(request.GET.get("halaman")),
            "parameter": parameter.urlencode(),
            "q": q,
            "kategori": kategori,
            "provinsi": provinsi,
            "pilihan_kategori": KategoriMitra.choices,
            "pilihan_provinsi": Provinsi.objects.all(),
            "menu_aktif": "mitra",
        },
    )


@login_required
@permission_required("kerjasama.add_mitra", raise_exception=True)
def mitra_tambah(request: HttpRequest) -> HttpResponse:
    """Halaman biasa, atau (htmx, ?dialog=1) formulir di dalam dialog formulir kerja sama: mitra
    baru langsung terpilih di formulir itu tanpa meninggalkan isiannya."""
    dialog = bool(request.htmx) and request.GET.get("dialog") == "1"
    form = MitraForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        mitra = form.save(commit=False)
        mitra.dibuat_oleh = request.user
        mitra.save()
        if dialog:
            respons = render(request, "kerjasama/_mitra_terdaftar.html", {"mitra": mitra})
            respons["HX-Trigger"] = "mitraTerdaftar"
            return respons
        messages.success(request, f"Mitra {mitra} tersimpan. Lengkapi uji tuntasnya.")
        return redirect(mitra)
    if dialog:
        return render(request, "kerjasama/_mitra_dialog.html", {"form": form})
    return render(request, "kerjasama/mitra_form.html", {"form": form, "menu_aktif": "mitra"})


@login_required
@permission_required("kerjasama.view_mitra", raise_exception=True)
def mitra_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mitra = get_object_or_404(Mitra.objects.select_related("provinsi"), pk=pk)
    butir = butir_untuk(mitra.kategori)
    ada = {p.kode: p for p in mitra.pemeriksaan.all()}
    boleh = Mitra.objects.boleh_diubah(request.user).filter(pk=pk).exists()
    if request.method == "POST" and not boleh:
        raise PermissionDenied(
            "Uji tuntas mitra ini diubah oleh pengguna di wilayahnya, pendamping kerja samanya, "
            "atau admin nasional."
        )
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    formulir = {
        b.kode: PemeriksaanMitraForm(
            *data, prefix=b.kode, initial=PemeriksaanMitraForm.awal(ada.get(b.kode))
        )
        for b in butir
    }
    if request.method == "POST" and all(f.is_valid() for f in formulir.values()):
        for b in butir:
            pemeriksaan = ada.get(b.kode) or PemeriksaanMitra(mitra=mitra, kode=b.kode)
            formulir[b.kode].terapkan(pemeriksaan)
        messages.success(request, "Uji tuntas dan penapisan gender tersimpan.")
        return redirect(mitra)
    # Id bidang di templat ini: <kode>-ya, <kode>-catatan, <kode>-berkas.
    id_bidang = {"terpenuhi": "ya", "catatan": "catatan", "berkas": "berkas"}
    ringkasan = [
        ButirGalat(f"{b.teks}", pesan, f"{b.kode}-{id_bidang.get(nama, 'ya')}")
        for b in butir
        for nama, daftar in formulir[b.kode].errors.items()
        for pesan in daftar
    ]
    return render(
        request,
        "kerjasama/mitra_detail.html",
        {
            "mitra": mitra,
            "butir": [(b, ada.get(b.kode), formulir[b.kode]) for b in butir],
            "lengkap": all(ada.get(b.kode) and ada[b.kode].terpenuhi for b in butir),
            "jejak": rekam_jejak(mitra, request.user),
            "boleh": boleh,
            "ringkasan_galat": ringkasan,
            "dijawab": sum(1 for b in butir if ada.get(b.kode) is not None),
            "riwayat": riwayat(mitra),
            "akun_portal": mitra.akun.select_related("pengguna")
            if Mitra.objects.boleh_diundang(request.user).filter(pk=pk).exists()
            else None,
            "menu_aktif": "mitra",
        },
    )


@login_required
@permission_required("kerjasama.view_mitra", raise_exception=True)
@require_GET
def mitra_bukti_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """Bukti uji tuntas: registri mitra nasional untuk dibaca, seperti halaman mitranya."""
    pemeriksaan = get_object_or_404(PemeriksaanMitra, pk=pk)
    return respons_berkas(request, pemeriksaan.berkas_bukti)
