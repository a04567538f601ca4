"""Kelola kantor penerbit: kop, penandatangan dan pola nomor, oleh admin wilayahnya."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from akun import peran
from dokumen import services
from dokumen.forms import FormsetPenandatangan, FormsetPolaNomor, KantorForm
from dokumen.models import Dokumen, JenisKantor, Kantor
from kerjasama.models import KerjaSama
from penilaian.kth.models import Sertifikat
from perhutanan.berkas import respons_berkas
from perhutanan.forms import MasukanTidakSah, teks_post
from perhutanan.isian import kembalikan_isian


def _wajib_admin(user) -> None:
    if not user.punya_peran(peran.ADMIN):
        raise PermissionDenied("Kop dan penomoran kantor dikelola admin wilayahnya.")


@login_required
@require_GET
def kantor_daftar(request: HttpRequest) -> HttpResponse:
    _wajib_admin(request.user)
    kantor = Kantor.objects.untuk(request.user).select_related("provinsi", "bpskl", "kps")
    return render(request, "dokumen_kantor/daftar.html", {"kantor": kantor, "menu_aktif": "kantor"})


@login_required
def kantor_simpan(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _wajib_admin(request.user)
    kantor = (
        get_object_or_404(Kantor.objects.untuk(request.user), pk=pk) if pk is not None else None
    )
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = KantorForm(*data, instance=kantor, user=request.user)
    penandatangan = FormsetPenandatangan(*data, instance=kantor or Kantor(), prefix="ttd")
    pola = FormsetPolaNomor(*data, instance=kantor or Kantor(), prefix="pola")
    for i, f in enumerate(penandatangan.forms, start=1):
        f.label_baris = f"Penandatangan {i}"
    for i, f in enumerate(pola.forms, start=1):
        f.label_baris = f"Pola nomor {i}"
    if request.method == "POST" and all(
        [form.is_valid(), penandatangan.is_valid(), pola.is_valid()]
    ):
        with transaction.atomic():
            baru = form.save()
            penandatangan.instance = pola.instance = baru
            penandatangan.save()
            pola.save()
        messages.success(request, f"Kop {baru} tersimpan.")
        return redirect("dokumen:kantor_daftar")
    return render(
        request,
        "dokumen_kantor/form.html",
        {
            "form": form,
            "penandatangan": penandatangan,
            "pola": pola,
            "kantor": kantor,
            "menu_aktif": "kantor",
        },
    )


@login_required
@require_GET
def kantor_logo(request: HttpRequest, pk: int) -> HttpResponse:
    kantor = get_object_or_404(Kantor.objects.untuk(request.user), pk=pk)
    return respons_berkas(request, kantor.logo)


# ------------------------------------------------------------------ dokumen terbit


def _boleh_cabut(user, dokumen: Dokumen) -> bool:
    """Penerbit mencabut: Staf BPSKL wilayahnya untuk surat Balai, pengubah kerja samanya
    (pendamping, admin wilayah) untuk dokumen KPS; admin nasional selalu."""
    if user.adalah_admin_nasional:
        return True
    if dokumen.kantor.jenis == JenisKantor.BPSKL:
        return user.punya_peran(peran.STAF_BPSKL) and user.bpskl_id == dokumen.kantor.bpskl_id
    if dokumen.kerjasama_id is None:
        return False
    return KerjaSama.objects.untuk(user, ubah=True).filter(pk=dokumen.kerjasama_id).exists()


def _ambil_dokumen(user, kode: str) -> Dokumen:
    """Dokumen dalam cakupan pengguna (lewat kerja samanya); di luar cakupan: 404."""
    dokumen = get_object_or_404(Dokumen.objects.select_related("kantor"), kode=kode)
    if dokumen.kerjasama_id is None or not (
        KerjaSama.objects.untuk(user).filter(pk=dokumen.kerjasama_id).exists()
    ):
        raise Http404("Dokumen tidak ditemukan.")
    return dokumen


@login_required
@require_GET
def dokumen_unduh(request: HttpRequest, kode: str) -> HttpResponse:
    dokumen = _ambil_dokumen(request.user, kode)
    try:
        dokumen = services.pastikan_pdf(dokumen)
    except Exception:
        # Galatnya tercatat di pdf_galat dan log; pengguna melihat apa yang terjadi.
        messages.error(
            request,
            f"PDF {dokumen.get_jenis_display().lower()} nomor {dokumen.nomor} belum dapat dibuat. "
            "Dokumennya tetap terdaftar; coba unduh lagi sebentar lagi atau hubungi admin.",
        )
        return redirect(reverse("kerjasama:detail", args=[dokumen.kerjasama_id]) + "#dokumen")
    nama = f"{dokumen.jenis.replace('_', '-')}-{dokumen.nomor}.pdf"
    return respons_berkas(
        request, dokumen.berkas, nama=re.sub(r"[^\w.-]+", "-", nama), lampiran=True
    )


@login_required
@require_POST
def dokumen_cabut(request: HttpRequest, kode: str) -> HttpResponse:
    dokumen = _ambil_dokumen(request.user, kode)
    if not _boleh_cabut(request.user, dokumen):
        raise PermissionDenied("Dokumen ini dicabut oleh penerbitnya.")
    try:
        services.cabut(
            dokumen=dokumen,
            alasan=teks_post(request, "alasan", label="Alasan pencabutan"),
            oleh=request.user,
        )
    except (services.DokumenTidakDapatDiterbitkan, MasukanTidakSah) as e:
        messages.error(request, str(e))
        kembalikan_isian(request, galat={"__all__": [str(e)]})
    else:
        messages.success(
            request,
            f"{dokumen.get_jenis_display()} nomor {dokumen.nomor} dicabut. Halaman verifikasinya "
            "kini menyebut dicabut beserta alasannya.",
        )
    return redirect(reverse("kerjasama:detail", args=[dokumen.kerjasama_id]) + "#dokumen")


def _ringkasan_sertifikat(s: Sertifikat) -> dict:
    d = s.data
    return {
        "jenis": "Sertifikat Penetapan Kelas Kelompok Tani Hutan",
        "nomor": s.nomor,
        "tanggal": s.diterbitkan_pada.date(),
        "pokok": f"{d['kth']} (nomor register {d['nomor_register']}), Desa {d['desa']}, "
        f"Kec. {d['kecamatan']}, {d['kabupaten']}, {d['provinsi']}: kelas {d['kelas']}, "
        f"nilai {d['total']}, tahun penilaian {d['tahun']}",
        "penerbit": (d.get("kop") or {}).get("nama") or d.get("kantor", ""),
        "penandatangan": d.get("penandatangan", ""),
        "nip": d.get("nip", ""),
        "tempat": d.get("tempat", ""),
        "berlaku": s.status == Sertifikat.Status.BERLAKU,
        "dicabut_pada": s.dicabut_pada,
        "alasan_cabut": s.alasan_cabut,
        "sha256": s.sha256,
    }


def _ringkasan_dokumen(dokumen: Dokumen) -> dict:
    d = dokumen.data
    penandatangan = d.get("penandatangan") or {}
    return {
        "jenis": dokumen.get_jenis_display(),
        "nomor": dokumen.nomor,
        "tanggal": dokumen.tanggal,
        "perihal": dokumen.perihal,
        "pokok": dokumen.pihak,
        "penerbit": (d.get("kop") or {}).get("nama", ""),
        "penandatangan": " ".join(
            filter(None, [penandatangan.get("nama"), f"({penandatangan.get('jabatan')})"])
        ),
        "nip": penandatangan.get("nip", ""),
        "berlaku": dokumen.berlaku,
        "dicabut_pada": dokumen.dicabut_pada,
        "alasan_cabut": dokumen.alasan_cabut,
        "sha256": dokumen.sha256,
    }


@require_GET
def verifikasi(request: HttpRequest, kode: str) -> HttpResponse:
    """Satu halaman publik untuk setiap dokumen terdaftar (sertifikat KTH, surat, naskah),
    dibuka dari kode QR. Kode tak dikenal: halaman 'dokumen tidak terdaftar' (404) tanpa data."""
    dokumen = Dokumen.objects.filter(kode=kode).first()
    if dokumen is not None:
        ringkasan = _ringkasan_dokumen(dokumen)
    else:
        sertifikat = Sertifikat.objects.filter(kode=kode).first()
        if sertifikat is None:
            return render(request, "verifikasi/tidak_terdaftar.html", status=404)
        ringkasan = _ringkasan_sertifikat(sertifikat)
    return render(request, "verifikasi/terdaftar.html", {"r": ringkasan, "kode": kode})
