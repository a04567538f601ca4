from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from kelompok.models import Kps, Skema
from kelompok.views import ambil
from penilaian import ekspor, scoring, selectors, services
from penilaian.models import EvaluasiHkm, Responden


def ambil_evaluasi(user, pk: int, *, ubah: bool = False) -> EvaluasiHkm:
    """Evaluasi dalam cakupan KPS pengguna (404 di luar); 403 bila hanya boleh membaca."""
    evaluasi = get_object_or_404(
        EvaluasiHkm.objects.untuk(user).select_related(
            "kps__desa", "kps__kabupaten", "kps__provinsi", "versi__instrumen", "penilai"
        ),
        pk=pk,
    )
    if ubah and not (
        user.has_perm("penilaian.change_evaluasihkm")
        and EvaluasiHkm.objects.untuk(user, ubah=True).filter(pk=pk).exists()
    ):
        raise PermissionDenied("Anda hanya dapat membaca evaluasi ini.")
    return evaluasi


def ambil_responden(user, pk: int, *, ubah: bool = False) -> Responden:
    responden = get_object_or_404(
        Responden.objects.select_related("kuesioner__versi", "evaluasi__kps"), pk=pk
    )
    ambil_evaluasi(user, responden.evaluasi_id, ubah=ubah)
    return responden


class FormEvaluasiBaru(forms.Form):
    tanggal = forms.DateField(
        label="Tanggal evaluasi",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Wajib diisi.", "invalid": "Masukkan tanggal yang benar."},
    )

    def clean_tanggal(self):
        tanggal = self.cleaned_data["tanggal"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError("Tanggal evaluasi tidak boleh di masa depan.")
        return tanggal


class FormResponden(forms.Form):
    anggota = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Anggota/pengurus KPS",
        empty_label="(tulis nama di bawah)",
    )
    nama = forms.CharField(
        label="Nama (bila belum terdaftar sebagai anggota)", required=False, max_length=150
    )
    peran = forms.ChoiceField(label="Peran", choices=Responden.Peran.choices)

    def __init__(self, *args, evaluasi: EvaluasiHkm, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anggota"].queryset = (
            evaluasi.kps.anggota.filter(diarsipkan_pada__isnull=True)
            .exclude(pk__in=evaluasi.responden.exclude(anggota=None).values("anggota"))
            .order_by("nama")
        )
        self.fields["anggota"].error_messages["invalid_choice"] = "Pilih anggota dari daftar."

    def clean(self):
        data = super().clean()
        if not data.get("anggota") and not (data.get("nama") or "").strip():
            self.add_error("nama", "Pilih anggota atau tulis nama responden.")
        return data


@login_required
@require_GET
def evaluasi_daftar(request: HttpRequest) -> HttpResponse:
    qs = (
        EvaluasiHkm.objects.untuk(request.user)
        .select_related("kps", "penilai")
        .order_by("-tanggal", "-pk")
    )
    halaman = Paginator(qs, 25).get_page(request.GET.get("halaman"))
    return render(
        request,
        "penilaian/evaluasi_daftar.html",
        {"halaman": halaman, "parameter": "", "menu_aktif": "evaluasi"},
    )


@login_required
def evaluasi_baru(request: HttpRequest, kps_pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, kps_pk, ubah=True)
    if not request.user.has_perm("penilaian.add_evaluasihkm"):
        raise PermissionDenied
    form = FormEvaluasiBaru(request.POST or None, initial={"tanggal": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            evaluasi = services.evaluasi_buat(
                kps=kps, oleh=request.user, tanggal=form.cleaned_data["tanggal"]
            )
        except services.TindakanTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, "Evaluasi dibuat. Isi prasyarat dan tambahkan responden.")
            return redirect("penilaian:evaluasi_detail", pk=evaluasi.pk)
    return render(
        request,
        "penilaian/evaluasi_baru.html",
        {"form": form, "kps": kps, "bukan_hkm": kps.skema != Skema.HKM},
    )


@login_required
@require_GET
def evaluasi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(request.user, pk)
    boleh = (
        request.user.has_perm("penilaian.change_evaluasihkm")
        and EvaluasiHkm.objects.untuk(request.user, ubah=True).filter(pk=pk).exists()
    )
    mesin = evaluasi.versi.mesin
    jumlah_indikator = len(mesin.semua_indikator(termasuk_prasyarat=False))
    try:
        scoring.nilai_prasyarat(mesin, evaluasi.prasyarat)
        prasyarat_lengkap = True
    except scoring.GalatJawaban:
        prasyarat_lengkap = False
    return render(
        request,
        "penilaian/evaluasi_detail.html",
        {
            "evaluasi": evaluasi,
            "responden": selectors.responden_dengan_kemajuan(evaluasi),
            "jumlah_indikator": jumlah_indikator,
            "prasyarat_lengkap": prasyarat_lengkap,
            "form_responden": FormResponden(evaluasi=evaluasi)
            if boleh and not evaluasi.final
            else None,
            "boleh_ubah": boleh and not evaluasi.final,
            "menu_aktif": "evaluasi",
        },
    )


@login_required
@require_POST
def responden_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(request.user, pk, ubah=True)
    form = FormResponden(request.POST, evaluasi=evaluasi)
    if form.is_valid():
        anggota = form.cleaned_data["anggota"]
        try:
            responden = services.responden_tambah(
                evaluasi=evaluasi,
                nama=(form.cleaned_data["nama"] or "").strip(),
                peran=form.cleaned_data["peran"],
                anggota=anggota,
                oleh=request.user,
            )
        except services.TindakanTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, f"Responden {responden} ditambahkan.")
            return redirect("penilaian:kuesioner_isi", pk=responden.pk)
    else:
        for pesan in form.errors.values():
            messages.error(request, " ".join(pesan))
    return redirect("penilaian:evaluasi_detail", pk=pk)


@login_required
def prasyarat(request: HttpRequest, pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(request.user, pk, ubah=True)
    mesin = evaluasi.versi.mesin
    indikator = [
        i
        for a in mesin.aspek
        if a.jenis == scoring.PRASYARAT
        for k in a.kriteria
        for i in k.indikator
    ]
    galat = {}
    nilai = dict(evaluasi.prasyarat)
    if request.method == "POST":
        nilai = {i.kode: request.POST.get(i.kode, "") for i in indikator}
        try:
            services.prasyarat_simpan(evaluasi=evaluasi, jawaban=nilai, oleh=request.user)
        except scoring.GalatJawaban as e:
            galat = e.galat
        except services.TindakanTidakSah as e:
            messages.error(request, str(e))
        else:
            messages.success(request, "Jawaban prasyarat tersimpan.")
            return redirect("penilaian:evaluasi_detail", pk=pk)
    return render(
        request,
        "penilaian/prasyarat.html",
        {
            "evaluasi": evaluasi,
            "baris": [(i, str(nilai.get(i.kode, "")), galat.get(i.kode)) for i in indikator],
        },
    )


@login_required
def kuesioner_isi(request: HttpRequest, pk: int, kriteria: str | None = None) -> HttpResponse:
    """Kuesioner satu responden, satu halaman per kriteria; tiap pilihan langsung tersimpan."""
    responden = ambil_responden(request.user, pk)
    kuesioner = responden.kuesioner
    mesin = kuesioner.versi.mesin
    daftar = mesin.kriteria_dinilai()
    jawaban = services.jawaban_kuesioner(kuesioner)
    if kriteria is None:
        belum = next(
            (k for k in daftar if any(i.kode not in jawaban for i in k.indikator)), daftar[0]
        )
        return redirect("penilaian:kuesioner_kriteria", pk=pk, kriteria=belum.kode)
    posisi = next((n for n, k in enumerate(daftar) if k.kode == kriteria), None)
    if posisi is None:
        raise Http404("Kriteria tidak ada di instrumen ini.")
    sekarang = daftar[posisi]
    galat = {}
    if request.method == "POST":
        # Cadangan tanpa JavaScript: simpan semua pilihan di halaman ini sekaligus.
        ambil_responden(request.user, pk, ubah=True)
        for i in sekarang.indikator:
            if i.kode in request.POST:
                try:
                    services.jawaban_simpan(
                        kuesioner=kuesioner,
                        indikator=i.kode,
                        nilai=request.POST[i.kode],
                        oleh=request.user,
                    )
                except services.TindakanTidakSah as e:
                    galat[i.kode] = str(e)
        if not galat:
            if posisi + 1 < len(daftar):
                return redirect(
                    "penilaian:kuesioner_kriteria", pk=pk, kriteria=daftar[posisi + 1].kode
                )
            return redirect("penilaian:kuesioner_ringkas", pk=pk)
        jawaban = services.jawaban_kuesioner(kuesioner) | {
            k: request.POST[k] for k in galat if k in request.POST
        }
    boleh = _boleh_isi(request.user, responden)
    return render(
        request,
        "penilaian/kuesioner.html",
        {
            "responden": responden,
            "kriteria": sekarang,
            "daftar": [(k, all(i.kode in jawaban for i in k.indikator)) for k in daftar],
            "sebelumnya": daftar[posisi - 1] if posisi else None,
            "berikutnya": daftar[posisi + 1] if posisi + 1 < len(daftar) else None,
            "baris": [
                (i, "" if jawaban.get(i.kode) is None else str(jawaban[i.kode]), galat.get(i.kode))
                for i in sekarang.indikator
            ],
            "terjawab": sum(
                1 for i in mesin.semua_indikator(termasuk_prasyarat=False) if i.kode in jawaban
            ),
            "jumlah": len(mesin.semua_indikator(termasuk_prasyarat=False)),
            "boleh_isi": boleh,
        },
    )


def _boleh_isi(user, responden: Responden) -> bool:
    if responden.kuesioner.selesai or responden.evaluasi.final:
        return False
    try:
        ambil_evaluasi(user, responden.evaluasi_id, ubah=True)
    except PermissionDenied:
        return False
    return True


@login_required
@require_POST
def kuesioner_jawab(request: HttpRequest, pk: int) -> HttpResponse:
    """Simpan satu jawaban (htmx, saat pilihan diklik). Menjawab potongan status kecil."""
    responden = ambil_responden(request.user, pk, ubah=True)
    indikator = request.POST.get("indikator", "")
    nilai = request.POST.get(indikator, "")
    try:
        services.jawaban_simpan(
            kuesioner=responden.kuesioner, indikator=indikator, nilai=nilai, oleh=request.user
        )
    except services.TindakanTidakSah as e:
        return render(
            request,
            "penilaian/_status_jawaban.html",
            {"galat": str(e), "kode": indikator},
            status=422,
        )
    return render(
        request,
        "penilaian/_status_jawaban.html",
        {"kode": indikator, "waktu": timezone.localtime()},
    )


@login_required
def kuesioner_ringkas(request: HttpRequest, pk: int) -> HttpResponse:
    responden = ambil_responden(request.user, pk)
    kuesioner = responden.kuesioner
    mesin = kuesioner.versi.mesin
    hasil = scoring.nilai(
        mesin, services.jawaban_kuesioner(kuesioner), lengkap=False, termasuk_prasyarat=False
    )
    return render(
        request,
        "penilaian/kuesioner_ringkas.html",
        {
            "responden": responden,
            "hasil": hasil,
            "kurang": [
                i for i in mesin.semua_indikator(termasuk_prasyarat=False) if i.kode in hasil.kurang
            ],
            "boleh_isi": _boleh_isi(request.user, responden),
            "boleh_buka": responden.kuesioner.selesai
            and not responden.evaluasi.final
            and request.user.has_perm("penilaian.change_kuesioner"),
        },
    )


@login_required
@require_POST
def kuesioner_serahkan(request: HttpRequest, pk: int) -> HttpResponse:
    responden = ambil_responden(request.user, pk, ubah=True)
    try:
        services.kuesioner_serahkan(kuesioner=responden.kuesioner, oleh=request.user)
    except scoring.GalatJawaban as e:
        messages.error(request, f"Belum lengkap: {len(e.galat)} indikator belum dijawab.")
        return redirect("penilaian:kuesioner_ringkas", pk=pk)
    except services.TindakanTidakSah as e:
        messages.error(request, str(e))
        return redirect("penilaian:kuesioner_ringkas", pk=pk)
    messages.success(request, f"Kuesioner {responden} diserahkan.")
    return redirect("penilaian:evaluasi_detail", pk=responden.evaluasi_id)


@login_required
@require_POST
def kuesioner_buka(request: HttpRequest, pk: int) -> HttpResponse:
    responden = ambil_responden(request.user, pk, ubah=True)
    try:
        services.kuesioner_buka_kembali(kuesioner=responden.kuesioner, oleh=request.user)
    except services.TindakanTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Kuesioner {responden} dibuka kembali.")
    return redirect("penilaian:kuesioner_ringkas", pk=pk)


@login_required
@require_POST
def evaluasi_finalkan(request: HttpRequest, pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(request.user, pk, ubah=True)
    try:
        services.evaluasi_finalkan(evaluasi=evaluasi, oleh=request.user)
    except services.TindakanTidakSah as e:
        messages.error(request, str(e))
        return redirect("penilaian:evaluasi_detail", pk=pk)
    messages.success(request, "Evaluasi difinalkan.")
    return redirect("penilaian:rekap", pk=pk)


@login_required
@require_GET
def rekap(request: HttpRequest, pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(request.user, pk)
    data = selectors.rekap_evaluasi(evaluasi)
    jenis = request.GET.get("unduh")
    if jenis in ("xlsx", "pdf") and data.rekap is None:
        messages.error(request, "Belum ada kuesioner yang diserahkan untuk direkap.")
        return redirect("penilaian:rekap", pk=pk)
    nama = f"rekap-hkm-{evaluasi.kps_id}-{evaluasi.tanggal:%Y%m%d}"
    if jenis == "xlsx":
        respons = HttpResponse(
            ekspor.rekap_xlsx(data),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        respons["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
        return respons
    if jenis == "pdf":
        respons = HttpResponse(ekspor.rekap_pdf(data), content_type="application/pdf")
        respons["Content-Disposition"] = f'inline; filename="{nama}.pdf"'
        return respons
    return render(
        request,
        "penilaian/rekap.html",
        {"data": data, "evaluasi": evaluasi, "menu_aktif": "evaluasi"},
    )


@login_required
@require_GET
def riwayat_kps(request: HttpRequest, kps_pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, kps_pk)
    kriteria, kolom = selectors.riwayat_hkm(kps)
    baris = []
    for kode, nama in kriteria:
        nilai = [k.rata_rata.get(kode) for k in kolom]
        sel = []
        for n, v in enumerate(nilai):
            lalu = nilai[n - 1] if n else None
            arah = (
                "" if v is None or lalu is None or v == lalu else ("naik" if v > lalu else "turun")
            )
            sel.append((v, arah))
        baris.append((kode, nama, sel))
    return render(
        request,
        "penilaian/riwayat.html",
        {"kps": kps, "kolom": kolom, "baris": baris, "menu_aktif": "evaluasi"},
    )
