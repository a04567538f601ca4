"""Pelaksanaan kerja sama: jangka waktu, rencana aksi, monitoring, pengakhiran, KMP."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kerjasama import services
from kerjasama.forms import AkhiriForm, JangkaWaktuForm, MonitoringForm, RencanaAksiForm
from kerjasama.pelaksanaan import tahap_kmp
from kerjasama.views.bersama import ambil_kerjasama, jalankan
from perhutanan.forms import teks_post


def _form_pelaksanaan(
    request,
    pk: int,
    *,
    form_kelas,
    judul: str,
    simpan,
    berkas: bool = False,
    tombol: str = "Simpan",
    konfirmasi: str = "",
    keterangan=None,
    dengan_ks: bool = False,
):
    """Formulir satu tindakan pelaksanaan. `keterangan(ks)` memberi teks pengantar (atau alasan
    tindakan belum dapat dilakukan); `dengan_ks` meneruskan kerja samanya ke formulir."""
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    argumen = (request.POST or None, request.FILES or None) if berkas else (request.POST or None,)
    form = form_kelas(*argumen, kerjasama=ks) if dengan_ks else form_kelas(*argumen)
    if request.method == "POST" and form.is_valid():
        try:
            simpan(ks, form.cleaned_data)
        except services.TindakanTidakSah as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, f"{judul} tersimpan.")
            return redirect(ks)
    return render(
        request,
        "kerjasama/form_pelaksanaan.html",
        {
            "ks": ks,
            "form": form,
            "judul": judul,
            "berkas": berkas,
            "tombol": tombol,
            "konfirmasi": konfirmasi,
            "keterangan": keterangan(ks) if keterangan else "",
            "menu_aktif": "kerjasama",
        },
    )


@login_required
def jangka_waktu(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_pelaksanaan(
        request,
        pk,
        form_kelas=JangkaWaktuForm,
        judul="Jangka waktu",
        simpan=lambda ks, d: services.jangka_waktu_atur(
            kerjasama=ks, mulai=d["mulai"], sampai=d["sampai"], oleh=request.user
        ),
    )


@login_required
def rencana_aksi(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_pelaksanaan(
        request,
        pk,
        form_kelas=RencanaAksiForm,
        judul="Rencana aksi",
        simpan=lambda ks, d: services.rencana_aksi_tambah(kerjasama=ks, data=d, oleh=request.user),
    )


@login_required
def rencana_aksi_ubah(request: HttpRequest, pk: int, aksi_pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    aksi = get_object_or_404(ks.rencana_aksi, pk=aksi_pk)
    form = RencanaAksiForm(request.POST or None, instance=aksi)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Rencana aksi {aksi} diperbarui.")
        return redirect(ks)
    return render(
        request,
        "kerjasama/form_pelaksanaan.html",
        {
            "ks": ks,
            "form": form,
            "judul": "Ubah rencana aksi",
            "berkas": False,
            "menu_aktif": "kerjasama",
        },
    )


@login_required
def monitoring(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_pelaksanaan(
        request,
        pk,
        form_kelas=MonitoringForm,
        judul="Catatan monitoring",
        simpan=lambda ks, d: services.monitoring_tambah(kerjasama=ks, data=d, oleh=request.user),
    )


@login_required
def akhiri(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_pelaksanaan(
        request,
        pk,
        form_kelas=AkhiriForm,
        judul="Pengakhiran kerja sama",
        berkas=True,
        tombol="Akhiri kerja sama",
        konfirmasi="Akhiri kerja sama ini? Pengakhiran tidak dapat dibatalkan; kerja sama "
        "tidak lagi dapat dimonitor atau diubah.",
        simpan=lambda ks, d: services.kerjasama_akhiri(
            kerjasama=ks,
            alasan=d["alasan"],
            catatan=d["catatan"],
            tanggal=d["tanggal"],
            surat=d.get("surat"),
            oleh=request.user,
        ),
    )


@login_required
def kmp(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    if request.method == "POST":
        ks = ambil_kerjasama(request.user, pk, ubah=True)

        def simpan():
            jawaban = {
                kode: (
                    request.POST.get(f"{kode}-ya") == "ya",
                    teks_post(request, f"{kode}-catatan"),
                )
                for t in tahap_kmp()
                for kode, _ in t["pertanyaan"]
            }
            services.kmp_simpan(kerjasama=ks, jawaban=jawaban, oleh=request.user)

        return jalankan(
            request,
            pk,
            simpan,
            "Daftar periksa KMP tersimpan.",
        )
    tersimpan = {j.kode: j for j in ks.kmp.all()}
    return render(
        request,
        "kerjasama/kmp.html",
        {
            "ks": ks,
            "tahap": services.kemajuan_kmp(ks),
            "tersimpan": tersimpan,
            "menu_aktif": "kerjasama",
        },
    )
