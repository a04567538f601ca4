"""Halaman admin/provinsi: ekspor sertifikat massal, cakupan penilaian tahunan, rubrik baru."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from akun.predikat import admin_nasional
from kelompok.forms import provinsi_dalam_cakupan
from kelompok.models import KelasKth, Kth, Provinsi
from penilaian import definisi, ekspor_sertifikat, impor_rubrik, services
from penilaian.models import EksporSertifikat, PenilaianKth, VersiInstrumen
from perhutanan.berkas import batas_ukuran, respons_berkas

# Rubrik KTH lengkap sebagai YAML atau .xlsx sekitar 20-40 KB.
RUBRIK_MAKS_KB = 512


def _provinsi_terbaca(user):
    """Provinsi yang boleh dipilih di laporan: sesuai cakupan baca pengguna."""
    if admin_nasional(user):
        return Provinsi.objects.all()
    if user.bpskl_id:
        return Provinsi.objects.filter(bpskl_id=user.bpskl_id)
    return provinsi_dalam_cakupan(user)


class FormEkspor(forms.Form):
    provinsi = forms.ModelChoiceField(Provinsi.objects.none(), label="Provinsi")
    tahun = forms.IntegerField(label="Tahun", min_value=2000)
    kelas = forms.ChoiceField(
        label="Kelas",
        required=False,
        choices=[("", "Semua kelas"), *[(k.label, k.label) for k in KelasKth]],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provinsi"].queryset = provinsi_dalam_cakupan(user)
        for f in self.fields.values():
            f.error_messages["required"] = "Wajib diisi."
            f.error_messages["invalid_choice"] = "Pilihan tidak sah."

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        ada = ekspor_sertifikat.sertifikat_ekspor(
            provinsi_id=data["provinsi"].pk, tahun=data["tahun"], kelas=data["kelas"]
        ).exists()
        if not ada:
            raise forms.ValidationError(
                "Belum ada sertifikat berlaku untuk provinsi, tahun dan kelas ini; "
                "tidak ada yang bisa dimasukkan ke ZIP."
            )
        return data


@login_required
@permission_required("penilaian.add_eksporsertifikat", raise_exception=True)
def ekspor_baru(request: HttpRequest) -> HttpResponse:
    form = FormEkspor(
        request.POST or None, user=request.user, initial={"tahun": timezone.localdate().year}
    )
    if request.method == "POST" and form.is_valid():
        ekspor = ekspor_sertifikat.ekspor_minta(
            provinsi=form.cleaned_data["provinsi"],
            tahun=form.cleaned_data["tahun"],
            kelas=form.cleaned_data["kelas"],
            oleh=request.user,
        )
        return redirect("penilaian:ekspor_status", pk=ekspor.pk)
    terakhir = EksporSertifikat.objects.filter(diminta_oleh=request.user).select_related(
        "provinsi"
    )[:10]
    return render(
        request,
        "penilaian/ekspor_baru.html",
        {"form": form, "terakhir": terakhir, "menu_aktif": "ekspor"},
    )


def _ambil_ekspor(request, pk: int) -> EksporSertifikat:
    ekspor = get_object_or_404(EksporSertifikat.objects.select_related("provinsi"), pk=pk)
    if ekspor.diminta_oleh_id != request.user.pk and not admin_nasional(request.user):
        raise PermissionDenied("Ekspor ini milik pengguna lain.")
    return ekspor


@login_required
@require_GET
def ekspor_status(request: HttpRequest, pk: int) -> HttpResponse:
    ekspor = _ambil_ekspor(request, pk)
    templat = "penilaian/_ekspor_kemajuan.html" if request.htmx else "penilaian/ekspor_status.html"
    return render(request, templat, {"ekspor": ekspor, "menu_aktif": "ekspor"})


@login_required
@require_GET
def ekspor_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    ekspor = _ambil_ekspor(request, pk)
    if ekspor.status != EksporSertifikat.Status.SELESAI:
        raise PermissionDenied("Ekspor belum selesai.")
    return respons_berkas(request, ekspor.berkas, lampiran=True, jenis_konten="application/zip")


@login_required
@require_GET
def cakupan(request: HttpRequest) -> HttpResponse:
    """KTH yang belum dinilai tahun ini (tenggat akhir November) dan jumlah KTH per kelas."""
    if not request.user.has_perm("penilaian.view_penilaiankth"):
        raise PermissionDenied
    pilihan = _provinsi_terbaca(request.user)
    provinsi = (
        pilihan.filter(kode=request.GET.get("provinsi") or request.user.provinsi_id).first()
        or pilihan.first()
    )
    tahun_ini = timezone.localdate().year
    tahun = tahun_ini
    diminta = request.GET.get("tahun", "").strip()
    if diminta:
        if diminta.isdecimal() and len(diminta) == 4 and 2000 <= int(diminta) <= tahun_ini + 1:
            tahun = int(diminta)
        else:
            messages.warning(
                request,
                f"Tahun harus antara 2000 dan {tahun_ini + 1}; yang ditampilkan tahun {tahun_ini}.",
            )
    kth = Kth.objects.untuk(request.user).aktif().filter(provinsi=provinsi)
    dinilai = PenilaianKth.objects.filter(kth=OuterRef("pk"), tahun=tahun).exclude(status="ditarik")
    belum = (
        kth.filter(~Exists(dinilai))
        .select_related("kabupaten", "desa")
        .order_by("kabupaten__nama", "nama")
    )
    per_kelas = dict(kth.values_list("kelas").annotate(n=Count("pk")).values_list("kelas", "n"))
    tenggat = datetime.date(tahun, 11, 30)
    halaman = Paginator(belum, 50).get_page(request.GET.get("halaman"))
    return render(
        request,
        "penilaian/cakupan.html",
        {
            "pilihan": pilihan,
            "provinsi": provinsi,
            "tahun": tahun,
            "jumlah_kth": kth.count(),
            "halaman": halaman,
            "parameter": f"provinsi={provinsi.kode if provinsi else ''}&tahun={tahun}",
            "per_kelas": [(k.label, per_kelas.get(k.value, 0)) for k in KelasKth]
            + [("Belum ditetapkan", per_kelas.get("", 0))],
            "tenggat": tenggat,
            "sisa_hari": (tenggat - timezone.localdate()).days,
            "menu_aktif": "cakupan",
        },
    )


class FormRubrik(forms.Form):
    berkas = forms.FileField(
        label="Berkas rubrik (.yaml atau .xlsx)",
        error_messages={"required": "Pilih berkas rubrik."},
        validators=[batas_ukuran(RUBRIK_MAKS_KB * 1024)],
        help_text=f"Paling besar {RUBRIK_MAKS_KB} KB.",
    )
    catatan = forms.CharField(
        label="Catatan perubahan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


@login_required
@permission_required("penilaian.add_versiinstrumen", raise_exception=True)
def rubrik_unggah(request: HttpRequest) -> HttpResponse:
    """Admin nasional memuat rubrik yang dikoreksi sebagai versi baru, tanpa mengubah kode.

    Instrumen berlaku nasional, jadi admin provinsi tidak memuatnya."""
    if not admin_nasional(request.user):
        raise PermissionDenied("Rubrik penilaian berlaku nasional; dimuat oleh admin nasional.")
    form = FormRubrik(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        try:
            if berkas.name.lower().endswith(".xlsx"):
                kanonik = definisi.dari_data(impor_rubrik.dari_xlsx(berkas))
            else:
                kanonik = definisi.dari_yaml(berkas.read().decode("utf-8"))
        except (definisi.GalatInstrumen, UnicodeDecodeError, impor_rubrik.GalatRubrik) as e:
            pesan = getattr(e, "pesan", None) or [str(e)]
            for p in pesan:
                form.add_error("berkas", p)
        else:
            versi, dibuat = services.instrumen_muat(
                kanonik=kanonik,
                sumber=berkas.name,
                oleh=request.user,
                catatan=form.cleaned_data["catatan"],
            )
            if dibuat:
                messages.success(request, f"{versi} dimuat. Penilaian baru memakai versi ini.")
            else:
                messages.info(request, f"Isinya sama dengan {versi}; tidak ada versi baru.")
            return redirect("penilaian:rubrik_unggah")

    return render(
        request,
        "penilaian/rubrik_unggah.html",
        {
            "form": form,
            "versi": VersiInstrumen.objects.select_related("instrumen", "dimuat_oleh")[:20],
        },
    )


@login_required
@permission_required("penilaian.view_versiinstrumen", raise_exception=True)
@require_GET
def rubrik_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    versi = get_object_or_404(VersiInstrumen.objects.select_related("instrumen"), pk=pk)
    if versi.isi["metode"] != "jumlah":
        raise PermissionDenied("Unduhan .xlsx tersedia untuk rubrik bernilai (KTH).")
    respons = HttpResponse(
        impor_rubrik.ke_xlsx(versi.isi),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    respons["Content-Disposition"] = (
        f'attachment; filename="rubrik-{versi.instrumen.kode.lower()}-v{versi.nomor}.xlsx"'
    )
    return respons
