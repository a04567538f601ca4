"""Halaman KUPS: tambah, detail, ubah, daftar periksa kelas dan buktinya."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from kelompok import selectors, services
from kelompok.forms import KupsForm, formset_syarat
from kelompok.kelas_kups import SYARAT_KUPS, kekurangan_kelas_berikut
from kelompok.models import Kps, Kups, SyaratKupsTerpenuhi
from perhutanan.akses import ambil
from perhutanan.berkas import respons_berkas


@login_required
def kups_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, pk, ubah=True)
    if not request.user.has_perm("kelompok.add_kups"):
        raise PermissionDenied
    form = KupsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kups = form.save(commit=False)
        kups.kps = kps
        kups.save()
        messages.success(request, f"KUPS {kups} tersimpan. Lengkapi daftar periksa kelasnya.")
        return redirect("kelompok:kups_syarat", pk=kups.pk)
    return render(
        request,
        "kelompok/form_sederhana.html",
        {"form": form, "judul": "Tambah KUPS", "induk": kps},
    )


@login_required
@require_GET
def kups_detail(request: HttpRequest, pk: int) -> HttpResponse:
    kups = ambil(Kups, request.user, pk, dengan_ubah=True, select_related=("kps",))
    per_kode = {s.kode: s for s in kups.syarat.all()}
    terpenuhi = [kode for kode, s in per_kode.items() if s.terpenuhi]
    kelas_berikut, kurang = kekurangan_kelas_berikut(terpenuhi)
    return render(
        request,
        "kelompok/kups_detail.html",
        {
            "kups": kups,
            "baris_syarat": [(s, per_kode.get(s.kode)) for s in SYARAT_KUPS],
            "kelas_berikut": kelas_berikut,
            "kurang": kurang,
            "dokumen": kups.dokumen.order_by("jenis", "-tanggal_dokumen"),
            "riwayat": selectors.riwayat(kups),
            "boleh_ubah": kups.boleh_diubah,
            "menu_aktif": "kps",
        },
    )


@login_required
def kups_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    kups = ambil(Kups, request.user, pk, ubah=True, select_related=("kps",))
    form = KupsForm(request.POST or None, instance=kups)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Perubahan KUPS {kups} tersimpan.")
        return redirect("kelompok:kups_detail", pk=kups.pk)
    return render(
        request,
        "kelompok/form_sederhana.html",
        {"form": form, "judul": f"Ubah KUPS {kups}", "induk": kups.kps},
    )


@login_required
def kups_syarat(request: HttpRequest, pk: int) -> HttpResponse:
    kups = ambil(Kups, request.user, pk, ubah=True, select_related=("kps",))
    formset = formset_syarat(kups, request.POST or None, request.FILES or None)
    if request.method == "POST" and formset.is_valid():
        kelas_lama = kups.get_kelas_display()
        services.kups_simpan_syarat(kups=kups, formset=formset, oleh=request.user)
        pesan = f"Daftar periksa tersimpan. Kelas KUPS: {kups.get_kelas_display()}"
        if kelas_lama != kups.get_kelas_display():
            pesan += f" (sebelumnya {kelas_lama})"
        messages.success(request, pesan + ".")
        return redirect("kelompok:kups_detail", pk=kups.pk)
    teks = {s.kode: s for s in SYARAT_KUPS}
    baris = [
        (teks[kode], f)
        for f in formset.forms
        if (kode := f.initial.get("kode") or f.instance.kode) in teks
    ]
    for syarat, f in baris:
        f.label_baris = f"Syarat {syarat.kode}"
    return render(
        request,
        "kelompok/kups_syarat.html",
        {
            "kups": kups,
            "formset": formset,
            "baris": baris,
            "dicentang": sum(1 for _, f in baris if f["terpenuhi"].value()),
        },
    )


@login_required
@require_GET
def syarat_bukti_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """Bukti satu syarat kelas KUPS, bagi siapa pun yang boleh membaca KUPS-nya."""
    syarat = get_object_or_404(
        SyaratKupsTerpenuhi.objects.filter(kups__in=Kups.objects.untuk(request.user)), pk=pk
    )
    return respons_berkas(request, syarat.berkas_bukti)
