"""Halaman penilaian kelas KTH oleh Penilai KTH: daftar, baru, isi, bukti fisik, ajukan, tarik."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from kelompok.models import Kth
from kerjasama.models import RencanaTindakLanjut
from penilaian.inti import scoring
from penilaian.inti.services import TindakanTidakSah, jawaban_simpan
from penilaian.kth import akses, selectors, services
from penilaian.kth.forms import FormPenilaianBaru
from penilaian.kth.models import BuktiFisik, PenilaianKth
from perhutanan.akses import ambil
from perhutanan.berkas import respons_berkas
from perhutanan.forms import MasukanTidakSah, teks_post
from perhutanan.isian import kembalikan_isian
from perhutanan.templatetags.formulir import ButirGalat

S = PenilaianKth.Status


SARING_SERTIFIKAT = {
    "terbit": ("diterbitkan_pada", "Sertifikat terbit tahun"),
    "dicabut": ("dicabut_pada", "Sertifikat dicabut tahun"),
}


@login_required
@require_GET
def daftar(request: HttpRequest) -> HttpResponse:
    qs = akses.terbaca(request.user)
    tahun = request.GET.get("tahun", "")
    if tahun.isdigit():
        qs = qs.filter(tahun=int(tahun))
    # Dari beranda Kepala Dinas: sertifikat yang terbit atau dicabut pada satu tahun.
    sertifikat = request.GET.get("sertifikat", "")
    tahun_sertifikat = request.GET.get("tahun_sertifikat", "")
    if sertifikat in SARING_SERTIFIKAT and tahun_sertifikat.isdigit():
        kolom = SARING_SERTIFIKAT[sertifikat][0]
        qs = qs.filter(**{f"sertifikat__{kolom}__year": int(tahun_sertifikat)})
        keterangan = f"{SARING_SERTIFIKAT[sertifikat][1]} {tahun_sertifikat}"
    else:
        sertifikat = tahun_sertifikat = keterangan = ""
    halaman = Paginator(
        qs.select_related("kth", "penilai").order_by("-tahun", "kth__nama", "pk"), 25
    ).get_page(request.GET.get("halaman"))
    return render(
        request,
        "penilaian/kth_daftar.html",
        {
            "halaman": halaman,
            "tahun": tahun,
            "saring_sertifikat": keterangan,
            "parameter": urlencode(
                {"tahun": tahun, "sertifikat": sertifikat, "tahun_sertifikat": tahun_sertifikat}
            ),
            "menu_aktif": "kth_nilai",
        },
    )


@login_required
def baru(request: HttpRequest, kth_pk: int) -> HttpResponse:
    kth = ambil(Kth, request.user, kth_pk)
    if not akses.boleh_nilai(request.user, kth):
        raise PermissionDenied("Penilaian kelas dilakukan Penilai KTH provinsi KTH ini.")
    form = FormPenilaianBaru(request.POST or None, initial={"tahun": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            penilaian = services.penilaian_kth_buat(
                kth=kth, tahun=form.cleaned_data["tahun"], oleh=request.user
            )
        except (TindakanTidakSah, MasukanTidakSah) as e:
            form.add_error("tahun", str(e))
        else:
            return redirect("penilaian:kth_detail", pk=penilaian.pk)
    return render(request, "penilaian/kth_baru.html", {"form": form, "kth": kth})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = akses.ambil_penilaian(request.user, pk)
    # Satu pemeriksaan untuk isi dan tarik: tombolnya sesuai dengan yang diizinkan view-nya.
    dapat_ubah = penilaian.boleh_diubah
    boleh_isi = penilaian.status in (S.DRAF, S.DIKEMBALIKAN) and dapat_ubah
    ringkas = selectors.ringkasan_berjalan(penilaian)
    bukti: dict[str, list] = {}
    for b in penilaian.kuesioner.bukti.all():
        bukti.setdefault(b.indikator, []).append(b)
    lalu = selectors.penetapan_tahun_lalu(penilaian)
    skor_kini = selectors.skor_indikator(ringkas["mesin"], ringkas["jawaban"])
    skor_lalu = selectors.skor_tahun_lalu(lalu)
    aspek = []
    for a, ha in zip(ringkas["mesin"].aspek, ringkas["hasil"].aspek, strict=True):
        baris = [
            (
                i,
                "" if ringkas["jawaban"].get(i.kode) is None else str(ringkas["jawaban"][i.kode]),
                bukti.get(i.kode, []),
                skor_kini.get(i.kode),
                skor_lalu.get(i.kode),
            )
            for k in a.kriteria
            for i in k.indikator
        ]
        aspek.append((a, ha, baris))
    # Setelah "Ajukan" ditolak karena belum lengkap: setiap indikator yang belum dinilai
    # disebut di ringkasan galat dan bertaut ke isiannya.
    belum_dinilai = (
        [
            ButirGalat(f"{i.kode}. {i.teks}", "belum dinilai", f"indikator-{i.kode}")
            for _, _, baris in aspek
            for i, terpilih, *_ in baris
            if terpilih == ""
        ]
        if boleh_isi and request.GET.get("ajukan") == "belum-lengkap"
        else []
    )
    return render(
        request,
        "penilaian/kth_detail.html",
        {
            "penilaian": penilaian,
            "kth": penilaian.kth,
            "aspek": aspek,
            "belum_dinilai": belum_dinilai,
            "jumlah_indikator": sum(len(baris) for _, _, baris in aspek),
            # Lompatan ke setiap aspek dengan kemajuannya: formulir ini belasan layar di ponsel.
            "bagian": [
                (a.kode, a.nama, sum(1 for _, t, *_ in baris if t != ""), len(baris))
                for a, _, baris in aspek
            ],
            "dinilai": sum(1 for _, _, baris in aspek for _, t, *_ in baris if t != ""),
            "ringkas": ringkas,
            "lalu": lalu,
            "catatan_tenggat": selectors.catatan_tenggat(penilaian)
            if penilaian.status == S.DIAJUKAN
            else "",
            "boleh_isi": boleh_isi,
            "rencana_tindak_lanjut": RencanaTindakLanjut.objects.filter(
                penilaian_kth=penilaian
            ).first()
            if penilaian.status == S.DITETAPKAN
            else None,
            "boleh_buat_rencana": penilaian.status == S.DITETAPKAN
            and Kth.objects.untuk(request.user, ubah=True).filter(pk=penilaian.kth_id).exists(),
            "boleh_tetapkan": penilaian.status == S.DIAJUKAN
            and akses.boleh_tetapkan(request.user, penilaian),
            "boleh_tarik": penilaian.status != S.DITARIK and dapat_ubah,
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
    penilaian = akses.ambil_penilaian(request.user, pk, ubah=True)
    indikator = request.POST.get("indikator", "")
    galat = ""
    try:
        jawaban_simpan(
            kuesioner=penilaian.kuesioner,
            indikator=indikator,
            nilai=request.POST.get(indikator, "").strip(),
            oleh=request.user,
        )
    except (TindakanTidakSah, MasukanTidakSah) as e:
        galat = str(e)
    ringkas = selectors.ringkasan_berjalan(penilaian)
    return render(
        request,
        "penilaian/_kth_jawab.html",
        {
            "galat": galat,
            "kode": indikator,
            "tersimpan": ringkas["jawaban"].get(indikator),
            "waktu": timezone.localtime(),
            "ringkas": ringkas,
        },
        status=422 if galat else 200,
    )


@login_required
@require_POST
def bukti(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = akses.ambil_penilaian(request.user, pk, ubah=True)
    indikator = request.POST.get("indikator", "")
    try:
        services.bukti_fisik_simpan(
            penilaian=penilaian,
            indikator=indikator,
            berkas=request.FILES.get("berkas"),
            oleh=request.user,
        )
    except TindakanTidakSah as e:
        messages.error(request, str(e))
        kembalikan_isian(request, galat={"berkas": [str(e)]})
    else:
        messages.success(request, f"Bukti fisik {indikator} tersimpan.")
    return redirect(reverse("penilaian:kth_detail", args=[pk]) + f"#indikator-{indikator}")


@login_required
@require_GET
def bukti_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    bukti = get_object_or_404(BuktiFisik.objects.select_related("kuesioner"), pk=pk)
    penilaian = get_object_or_404(PenilaianKth, kuesioner=bukti.kuesioner)
    akses.ambil_penilaian(request.user, penilaian.pk)
    return respons_berkas(request, bukti.berkas)


@login_required
@require_POST
def ajukan(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = akses.ambil_penilaian(request.user, pk, ubah=True)
    try:
        penilaian = services.penilaian_kth_ajukan(penilaian=penilaian, oleh=request.user)
    except scoring.GalatJawaban:
        return redirect(reverse("penilaian:kth_detail", args=[pk]) + "?ajukan=belum-lengkap")
    except (TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            f"Diajukan ke Kepala Dinas. Tenggat penetapan {penilaian.tenggat:%d-%m-%Y} "
            f"({services.HARI_KERJA_PENETAPAN} hari kerja).",
        )
    return redirect("penilaian:kth_detail", pk=pk)


@login_required
@require_POST
def tarik(request: HttpRequest, pk: int) -> HttpResponse:
    penilaian = akses.ambil_penilaian(request.user, pk, ubah=True)
    try:
        services.penilaian_kth_tarik(
            penilaian=penilaian,
            oleh=request.user,
            alasan=teks_post(request, "alasan", label="Alasan"),
        )
    except (TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Penilaian ditarik. KTH ini dapat dinilai ulang untuk tahun itu.")
    return redirect("penilaian:kth_detail", pk=pk)
