"""Halaman penilaian kelas KTH, penetapan oleh Kepala Dinas, sertifikat dan verifikasinya."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from akun import peran
from kelompok.models import Kth
from kelompok.views import ambil
from penilaian import hari_kerja, scoring, services
from penilaian.models import BuktiFisik, PenilaianKth, Sertifikat
from perhutanan.berkas import respons_berkas, validasi_berkas_pendukung
from perhutanan.forms import MasukanTidakSah, teks_post

S = PenilaianKth.Status


def ambil_penilaian(user, pk: int, *, ubah: bool = False) -> PenilaianKth:
    qs = PenilaianKth.objects.untuk(user) | PenilaianKth.objects.untuk_penetapan(user)
    penilaian = get_object_or_404(
        qs.select_related(
            "kth__desa__kecamatan", "kth__kabupaten", "kth__provinsi", "kuesioner__versi", "penilai"
        ),
        pk=pk,
    )
    if ubah and not (
        user.has_perm("penilaian.change_penilaiankth")
        and PenilaianKth.objects.untuk(user, ubah=True).filter(pk=pk).exists()
    ):
        raise PermissionDenied("Hanya Penilai KTH provinsi ini yang dapat mengubah penilaian.")
    return penilaian


def _boleh_tetapkan(user, penilaian: PenilaianKth) -> bool:
    return (
        user.has_perm("penilaian.change_penilaiankth")
        and PenilaianKth.objects.untuk_penetapan(user).filter(pk=penilaian.pk).exists()
    )


def _ringkas(penilaian: PenilaianKth) -> dict:
    """Nilai berjalan: subtotal aspek, total dan kelas dari jawaban yang sudah ada."""
    mesin = penilaian.kuesioner.versi.mesin
    jawaban = services.jawaban_kuesioner(penilaian.kuesioner)
    hasil = scoring.nilai(mesin, jawaban, lengkap=False)
    return {
        "hasil": hasil,
        "kelas_berjalan": mesin.golongkan(hasil.total),
        "jawaban": jawaban,
        "mesin": mesin,
    }


@login_required
@require_GET
def daftar(request: HttpRequest) -> HttpResponse:
    qs = PenilaianKth.objects.untuk(request.user) | PenilaianKth.objects.untuk_penetapan(
        request.user
    )
    tahun = request.GET.get("tahun", "")
    if tahun.isdigit():
        qs = qs.filter(tahun=int(tahun))
    halaman = Paginator(
        qs.select_related("kth", "penilai").order_by("-tahun", "kth__nama", "pk"), 25
    ).get_page(request.GET.get("halaman"))
    return render(
        request,
        "penilaian/kth_daftar.html",
        {
            "halaman": halaman,
            "tahun": tahun,
            "parameter": f"tahun={tahun}",
            "menu_aktif": "kth_nilai",
        },
    )


class FormPenilaianBaru(forms.Form):
    tahun = forms.IntegerField(
        label="Tahun penilaian", min_value=2000, error_messages={"required": "Wajib diisi."}
    )

    def clean_tahun(self):
        tahun = self.cleaned_data["tahun"]
        if tahun > timezone.localdate().year:
            raise forms.ValidationError("Tahun penilaian tidak boleh di masa depan.")
        return tahun


@login_required
def baru(request: HttpRequest, kth_pk: int) -> HttpResponse:
    kth = ambil(Kth, request.user, kth_pk)
    boleh = request.user.has_perm("penilaian.add_penilaiankth") and (
        request.user.is_superuser
        or (request.user.punya_peran(peran.ADMIN) and not request.user.provinsi_id)
        or (
            request.user.punya_peran(peran.PENILAI_KTH)
            and request.user.provinsi_id == kth.provinsi_id
        )
    )
    if not boleh:
        raise PermissionDenied("Penilaian kelas dilakukan Penilai KTH provinsi KTH ini.")
    form = FormPenilaianBaru(request.POST or None, initial={"tahun": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            penilaian = services.penilaian_kth_buat(
                kth=kth, tahun=form.cleaned_data["tahun"], oleh=request.user
            )
        except (services.TindakanTidakSah, MasukanTidakSah) as e:
            form.add_error("tahun", str(e))
        else:
            return redirect("penilaian:kth_detail", pk=penilaian.pk)
    return render(request, "penilaian/kth_baru.html", {"form": form, "kth": kth})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = ambil_penilaian(request.user, pk)
    boleh_isi = penilaian.status in (S.DRAF, S.DIKEMBALIKAN) and (
        PenilaianKth.objects.untuk(request.user, ubah=True).filter(pk=pk).exists()
        and request.user.has_perm("penilaian.change_penilaiankth")
    )
    ringkas = _ringkas(penilaian)
    bukti: dict[str, list] = {}
    for b in penilaian.kuesioner.bukti.all():
        bukti.setdefault(b.indikator, []).append(b)
    lalu = (
        PenilaianKth.objects.filter(
            kth=penilaian.kth, tahun=penilaian.tahun - 1, status=S.DITETAPKAN
        )
        .only("total", "kelas", "tahun")
        .first()
    )
    aspek = []
    for a, ha in zip(ringkas["mesin"].aspek, ringkas["hasil"].aspek, strict=True):
        baris = [
            (
                i,
                "" if ringkas["jawaban"].get(i.kode) is None else str(ringkas["jawaban"][i.kode]),
                bukti.get(i.kode, []),
            )
            for k in a.kriteria
            for i in k.indikator
        ]
        aspek.append((a, ha, baris))
    return render(
        request,
        "penilaian/kth_detail.html",
        {
            "penilaian": penilaian,
            "kth": penilaian.kth,
            "aspek": aspek,
            "ringkas": ringkas,
            "lalu": lalu,
            "boleh_isi": boleh_isi,
            "boleh_tetapkan": penilaian.status == S.DIAJUKAN
            and _boleh_tetapkan(request.user, penilaian),
            "boleh_tarik": penilaian.status != S.DITARIK
            and (
                boleh_isi
                or PenilaianKth.objects.untuk(request.user, ubah=True).filter(pk=pk).exists()
            ),
            "riwayat": penilaian.riwayat_status.select_related("oleh"),
            "sertifikat": getattr(penilaian, "sertifikat", None)
            if penilaian.status != S.DRAF
            else None,
            "menu_aktif": "kth_nilai",
        },
    )


@login_required
@require_POST
def jawab(request: HttpRequest, pk: int) -> HttpResponse:
    """Simpan satu jawaban (htmx) dan kembalikan status serta nilai berjalan (out-of-band)."""
    penilaian = ambil_penilaian(request.user, pk, ubah=True)
    indikator = request.POST.get("indikator", "")
    galat = ""
    try:
        services.jawaban_simpan(
            kuesioner=penilaian.kuesioner,
            indikator=indikator,
            nilai=request.POST.get(indikator, "").strip(),
            oleh=request.user,
        )
    except (services.TindakanTidakSah, MasukanTidakSah) as e:
        galat = str(e)
    return render(
        request,
        "penilaian/_kth_jawab.html",
        {
            "galat": galat,
            "kode": indikator,
            "waktu": timezone.localtime(),
            "ringkas": _ringkas(penilaian),
        },
        status=422 if galat else 200,
    )


@login_required
@require_POST
def bukti(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = ambil_penilaian(request.user, pk, ubah=True)
    indikator = request.POST.get("indikator", "")
    berkas = request.FILES.get("berkas")
    kode_sah = {i.kode for i in penilaian.kuesioner.versi.mesin.semua_indikator()}
    if indikator not in kode_sah or berkas is None:
        messages.error(request, "Pilih berkas bukti untuk indikator yang dinilai.")
    elif penilaian.status not in (S.DRAF, S.DIKEMBALIKAN):
        messages.error(request, "Penilaian ini sudah diajukan.")
    else:
        try:
            validasi_berkas_pendukung(berkas)
        except forms.ValidationError as e:
            messages.error(request, f"Bukti {indikator}: {' '.join(e.messages)}")
        else:
            BuktiFisik.objects.create(
                kuesioner=penilaian.kuesioner, indikator=indikator, berkas=berkas
            )
            messages.success(request, f"Bukti fisik {indikator} tersimpan.")
    return redirect(reverse("penilaian:kth_detail", args=[pk]) + f"#indikator-{indikator}")


@login_required
@require_GET
def bukti_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    bukti = get_object_or_404(BuktiFisik.objects.select_related("kuesioner"), pk=pk)
    penilaian = get_object_or_404(PenilaianKth, kuesioner=bukti.kuesioner)
    ambil_penilaian(request.user, penilaian.pk)
    return respons_berkas(request, bukti.berkas)


@login_required
@require_POST
def ajukan(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = ambil_penilaian(request.user, pk, ubah=True)
    try:
        penilaian = services.penilaian_kth_ajukan(penilaian=penilaian, oleh=request.user)
    except scoring.GalatJawaban as e:
        messages.error(
            request,
            f"Belum lengkap: {len(e.galat)} indikator belum dinilai "
            f"({', '.join(list(e.galat)[:5])}…).",
        )
    except (services.TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            f"Diajukan ke Kepala Dinas. Tenggat penetapan {penilaian.tenggat:%d-%m-%Y} "
            "(10 hari kerja).",
        )
    return redirect("penilaian:kth_detail", pk=pk)


def _alasan(request) -> str:
    return teks_post(request, "alasan", label="Alasan")


@login_required
@require_POST
def tarik(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = ambil_penilaian(request.user, pk, ubah=True)
    try:
        services.penilaian_kth_tarik(
            penilaian=penilaian, oleh=request.user, alasan=_alasan(request)
        )
    except (services.TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Penilaian ditarik. KTH ini dapat dinilai ulang untuk tahun itu.")
    return redirect("penilaian:kth_detail", pk=pk)


@login_required
@require_GET
def antrean(request: HttpRequest) -> HttpResponse:
    """Antrean Kepala Dinas: yang diajukan, tenggat 10 hari kerja; yang terlambat ditandai."""
    if not request.user.punya_peran(peran.KEPALA_DINAS):
        raise PermissionDenied("Antrean penetapan untuk Kepala Dinas.")
    libur = services.hari_libur()
    hari_ini = timezone.localdate()
    baris = [
        (p, sisa, -sisa)
        for p in PenilaianKth.objects.untuk_penetapan(request.user)
        .filter(status=S.DIAJUKAN)
        .select_related("kth__kabupaten", "penilai")
        .order_by("tenggat", "pk")
        for sisa in [hari_kerja.sisa_hari_kerja(hari_ini, p.tenggat, libur)]
    ]
    return render(request, "penilaian/kth_antrean.html", {"baris": baris, "menu_aktif": "antrean"})


def _ambil_untuk_penetapan(request, pk: int) -> PenilaianKth:
    penilaian = ambil_penilaian(request.user, pk)
    if not _boleh_tetapkan(request.user, penilaian):
        raise PermissionDenied("Penetapan kelas oleh Kepala Dinas provinsi KTH ini.")
    return penilaian


@login_required
@require_POST
def tetapkan(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = _ambil_untuk_penetapan(request, pk)
    try:
        sertifikat = services.penilaian_kth_tetapkan(penilaian=penilaian, oleh=request.user)
    except (services.TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Kelas ditetapkan. Sertifikat {sertifikat.nomor} terbit.")
    return redirect("penilaian:kth_detail", pk=pk)


@login_required
@require_POST
def kembalikan(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = _ambil_untuk_penetapan(request, pk)
    try:
        services.penilaian_kth_kembalikan(
            penilaian=penilaian, oleh=request.user, alasan=_alasan(request)
        )
    except (services.TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Penilaian dikembalikan ke penilai dengan catatan Anda.")
    return redirect("penilaian:kth_antrean")


@login_required
@require_GET
def sertifikat_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    sertifikat = get_object_or_404(Sertifikat, pk=pk)
    ambil_penilaian(request.user, sertifikat.penilaian_id)
    return respons_berkas(
        request,
        sertifikat.berkas,
        nama=f"sertifikat-{sertifikat.nomor.replace('/', '-')}.pdf",
        lampiran=True,
    )


@login_required
@require_POST
def sertifikat_cabut(request: HttpRequest, pk: int) -> HttpResponse:
    sertifikat = get_object_or_404(Sertifikat.objects.select_related("penilaian"), pk=pk)
    penilaian = ambil_penilaian(request.user, sertifikat.penilaian_id)
    admin = request.user.is_superuser or (
        request.user.punya_peran(peran.ADMIN)
        and request.user.provinsi_id in (None, sertifikat.provinsi_id)
    )
    if not (
        request.user.has_perm("penilaian.change_sertifikat")
        and (admin or _boleh_tetapkan(request.user, penilaian))
    ):
        raise PermissionDenied("Pencabutan oleh Kepala Dinas atau Admin.")
    try:
        services.sertifikat_cabut(sertifikat=sertifikat, oleh=request.user, alasan=_alasan(request))
    except (services.TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Sertifikat {sertifikat.nomor} dicabut.")
    return redirect("penilaian:kth_detail", pk=sertifikat.penilaian_id)


@require_GET
def verifikasi(request: HttpRequest, kode: str) -> HttpResponse:
    """Halaman publik dari kode QR. Kode tak dikenal: 404 tanpa data apa pun."""
    sertifikat = Sertifikat.objects.filter(kode=kode).first()
    if sertifikat is None:
        raise Http404("Sertifikat tidak ditemukan.")
    return render(request, "penilaian/verifikasi.html", {"s": sertifikat, "d": sertifikat.data})
