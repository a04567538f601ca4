"""Dokumen resmi kerja sama: menerbitkan surat juknis bernomor, dan mencatat pertemuan dengan
daftar hadirnya (bahan berita acara)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from akun import peran
from dokumen import services as dokumen_services
from dokumen.models import JenisDokumen, StatusDokumen
from kerjasama import services, surat
from kerjasama.forms import FormsetHadir, PertemuanForm, TerbitkanSuratForm
from kerjasama.models import KerjaSama, Pertemuan
from kerjasama.views.bersama import ambil_kerjasama


def boleh_terbitkan_bpskl(user, ks: KerjaSama) -> bool:
    return (
        user.punya_peran(peran.STAF_BPSKL) and bool(ks.bpskl_id) and (user.bpskl_id == ks.bpskl_id)
    )


def _awal(ks: KerjaSama) -> dict:
    hari_ini = timezone.localdate()
    pertama = ks.monitoring.order_by("tanggal").values_list("tanggal", flat=True).first()
    return {
        "tanggal": hari_ini,
        "tempat": dokumen_services.kantor_kps(ks.kps_utama, simpan=False).kota,
        "dari": ks.berlaku_mulai or pertama or hari_ini,
        "sampai": hari_ini,
        "tanggal_akhir": hari_ini,
    }


@login_required
def terbitkan(request: HttpRequest, pk: int, jenis: str) -> HttpResponse:
    jenis_surat = surat.DAFTAR_SURAT.get(jenis)
    if jenis_surat is None:
        raise Http404("Jenis dokumen tidak dikenal.")
    if jenis_surat.penerbit == "bpskl":
        ks = ambil_kerjasama(request.user, pk)
        if not boleh_terbitkan_bpskl(request.user, ks):
            raise PermissionDenied("Surat keputusan diterbitkan Staf BPSKL wilayah kerja sama ini.")
    else:
        ks = ambil_kerjasama(request.user, pk, ubah=True)
    alasan = jenis_surat.syarat(ks)
    sudah = jenis_surat.sudah_terbit(ks)
    if sudah is not None:
        alasan.append(
            f"Sudah terbit dengan nomor {sudah.nomor}; cabut dulu dokumen itu (bagian Dokumen "
            "resmi) bila perlu diterbitkan ulang."
        )
    form = TerbitkanSuratForm(
        request.POST or None, bidang=jenis_surat.bidang, kerjasama=ks, initial=_awal(ks)
    )
    if request.method == "POST" and not alasan and form.is_valid():
        try:
            dokumen = surat.terbitkan_surat(
                ks=ks, jenis=jenis, isian=form.cleaned_data, oleh=request.user
            )
        except services.TindakanTidakSah as e:
            form.add_error(None, str(e))
        else:
            messages.success(
                request,
                f"{jenis_surat.label} terbit dengan nomor {dokumen.nomor}. Unduh PDF-nya di "
                "bagian Dokumen resmi.",
            )
            return redirect(reverse("kerjasama:detail", args=[ks.pk]) + "#dokumen")
    return render(
        request,
        "kerjasama/dokumen_terbitkan.html",
        {
            "ks": ks,
            "surat": jenis_surat,
            "form": form,
            "alasan": alasan,
            "terbit": ks.dokumen.filter(jenis=jenis).select_related("kantor"),
            "menu_aktif": "kerjasama",
        },
    )


def daftar_surat_untuk(user, ks: KerjaSama, boleh_ubah: bool) -> list[surat.JenisSurat]:
    """Jenis dokumen yang dapat diterbitkan pengguna ini untuk kerja sama ini (tanpa kueri)."""
    hasil = []
    for s in surat.DAFTAR_SURAT.values():
        if s.hanya_usaha and not ks.usaha:
            continue
        boleh = boleh_terbitkan_bpskl(user, ks) if s.penerbit == "bpskl" else boleh_ubah
        if boleh:
            hasil.append(s)
    return hasil


@login_required
def pertemuan_simpan(request: HttpRequest, pk: int, pertemuan_pk: int | None = None):
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    pertemuan = (
        get_object_or_404(ks.pertemuan, pk=pertemuan_pk) if pertemuan_pk is not None else None
    )
    if pertemuan is not None:
        terkunci = ks.dokumen.filter(
            jenis=JenisDokumen.BERITA_ACARA,
            kunci=f"pertemuan-{pertemuan.pk}",
            status=StatusDokumen.BERLAKU,
        ).first()
        if terkunci is not None:
            messages.error(
                request,
                f"Berita acara pertemuan ini sudah terbit (nomor {terkunci.nomor}); cabut dulu "
                "berita acaranya bila catatannya perlu diperbaiki.",
            )
            return redirect(reverse("kerjasama:detail", args=[ks.pk]) + "#dokumen")
    data = request.POST if request.method == "POST" else None
    form = PertemuanForm(data, instance=pertemuan)
    hadir = FormsetHadir(data, instance=pertemuan or Pertemuan(kerjasama=ks), prefix="hadir")
    for i, f in enumerate(hadir.forms, start=1):
        f.label_baris = f"Peserta {i}"
    if request.method == "POST" and form.is_valid() and hadir.is_valid():
        with transaction.atomic():
            baru = form.save(commit=False)
            baru.kerjasama = ks
            if pertemuan is None:
                baru.dicatat_oleh = request.user
            baru.save()
            hadir.instance = baru
            hadir.save()
            services.catat_peristiwa(
                ks,
                "pertemuan",
                request.user,
                catatan=f"{baru}; {baru.hadir.count()} orang hadir",
            )
        messages.success(request, "Pertemuan dan daftar hadirnya tersimpan.")
        return redirect(reverse("kerjasama:detail", args=[ks.pk]) + "#dokumen")
    return render(
        request,
        "kerjasama/pertemuan_form.html",
        {"ks": ks, "form": form, "hadir": hadir, "pertemuan": pertemuan, "menu_aktif": "kerjasama"},
    )
