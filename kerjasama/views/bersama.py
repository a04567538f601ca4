"""Bagian bersama halaman kerja sama: ambil dalam cakupan, jalankan tindakan dengan pesan."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

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
