"""Bagian bersama halaman kerja sama: ambil dalam cakupan, jalankan tindakan dengan pesan."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from kerjasama import services
from kerjasama.models import KerjaSama
from perhutanan.akses import ambil
from perhutanan.forms import MasukanTidakSah
from perhutanan.isian import kembalikan_isian


def ambil_kerjasama(user, pk: int, *, ubah: bool = False) -> KerjaSama:
    """Kerja sama dalam cakupan pengguna; `ks.boleh_diubah` dihitung di kueri yang sama."""
    return ambil(
        KerjaSama,
        user,
        pk,
        ubah=ubah,
        dengan_ubah=True,
        select_related=(
            "kps_utama__provinsi",
            "bpskl",
            "dibuat_oleh",
            "naskah_diajukan",
            "naskah_diputuskan",
        ),
        pesan="Anda hanya dapat membaca kerja sama ini.",
    )


def jalankan(request, pk: int, fungsi, sukses: str) -> HttpResponse:
    """Jalankan tindakan dari formulir kecil di halaman detail. Bila ditolak, pesannya tampil dan
    isian formulirnya dikembalikan ke halaman detail (perhutanan.isian)."""
    try:
        fungsi()
    except (services.TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
        kembalikan_isian(request, galat={"__all__": [str(e)]})
    else:
        messages.success(request, sukses)
    return redirect("kerjasama:detail", pk=pk)


def jalankan_formulir(request, ks: KerjaSama, form, fungsi, sukses: str) -> HttpResponse:
    """Formulir kecil di halaman detail kerja sama: galatnya menjadi pesan di halaman itu, atau
    `fungsi(isian_bersih)` dijalankan seperti `jalankan`."""
    if not form.is_valid():
        messages.error(request, "Belum tersimpan: perbaiki isian yang ditandai di formulirnya.")
        kembalikan_isian(request, form)
        return redirect(ks)
    return jalankan(request, ks.pk, lambda: fungsi(form.cleaned_data), sukses)


def simpan_objek_kerjasama(
    request, ks: KerjaSama, form, *, judul: str, peristiwa: str, keterangan: str = "", kembali=""
) -> HttpResponse:
    """Formulir satu objek milik kerja sama (indikator, langkah KMP, para pihak, komitmen):
    disimpan dengan kerja samanya dan dicatat di linimasa, atau dirender ulang dengan galat dan
    isiannya. Kerja sama yang sudah diakhiri tidak diubah lagi."""
    kembali = kembali or ks.get_absolute_url()
    if request.method == "POST" and form.is_valid():
        if ks.diakhiri_pada:
            form.add_error(None, "Kerja sama ini sudah diakhiri.")
        else:
            objek = form.save(commit=False)
            objek.kerjasama = ks
            objek.save()
            services.catat_peristiwa(ks, peristiwa, request.user, catatan=str(objek)[:200])
            messages.success(request, f"{judul} tersimpan.")
            return redirect(kembali)
    return render(
        request,
        "kerjasama/form_pelaksanaan.html",
        {
            "ks": ks,
            "form": form,
            "judul": judul,
            "keterangan": keterangan,
            "batal": kembali,
            "menu_aktif": "kerjasama",
        },
    )
