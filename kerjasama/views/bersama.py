"""Bagian bersama halaman kerja sama: ambil dalam cakupan, jalankan tindakan dengan pesan."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

from kerjasama import services
from kerjasama.models import KerjaSama
from perhutanan.akses import ambil
from perhutanan.forms import MasukanTidakSah


def ambil_kerjasama(user, pk: int, *, ubah: bool = False) -> KerjaSama:
    return ambil(
        KerjaSama,
        user,
        pk,
        ubah=ubah,
        select_related=("kps_utama__provinsi", "bpskl", "dibuat_oleh"),
        pesan="Anda hanya dapat membaca kerja sama ini.",
    )


def jalankan(request, pk: int, fungsi, sukses: str) -> HttpResponse:
    try:
        fungsi()
    except (services.TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, sukses)
    return redirect("kerjasama:detail", pk=pk)
