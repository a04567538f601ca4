"""Kuesioner satu responden HKm: satu halaman per kriteria, tiap pilihan langsung tersimpan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from penilaian.hkm.akses import ambil_responden, boleh_isi
from penilaian.inti import scoring, services
from penilaian.inti.services import TindakanTidakSah
from perhutanan.forms import MasukanTidakSah, teks_post


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
    penjelasan = services.penjelasan_kuesioner(kuesioner)
    if request.method == "POST":
        # Cadangan tanpa JavaScript: simpan semua pilihan di halaman ini sekaligus.
        ambil_responden(request.user, pk, ubah=True)
        for i in sekarang.indikator:
            try:
                if i.kode in request.POST:
                    services.jawaban_simpan(
                        kuesioner=kuesioner,
                        indikator=i.kode,
                        nilai=request.POST[i.kode],
                        oleh=request.user,
                    )
                if f"penjelasan-{i.kode}" in request.POST:
                    services.penjelasan_simpan(
                        kuesioner=kuesioner,
                        indikator=i.kode,
                        teks=teks_post(request, f"penjelasan-{i.kode}"),
                        oleh=request.user,
                    )
            except (TindakanTidakSah, MasukanTidakSah) as e:
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
        penjelasan = services.penjelasan_kuesioner(kuesioner) | {
            k: request.POST[f"penjelasan-{k}"].replace("\x00", "")
            for k in galat
            if f"penjelasan-{k}" in request.POST
        }
    boleh = boleh_isi(request.user, responden)
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
                (
                    i,
                    "" if jawaban.get(i.kode) is None else str(jawaban[i.kode]),
                    galat.get(i.kode),
                    penjelasan.get(i.kode, ""),
                )
                for i in sekarang.indikator
            ],
            "terjawab": sum(
                1 for i in mesin.semua_indikator(termasuk_prasyarat=False) if i.kode in jawaban
            ),
            "jumlah": len(mesin.semua_indikator(termasuk_prasyarat=False)),
            "boleh_isi": boleh,
        },
    )


@login_required
@require_POST
def kuesioner_jawab(request: HttpRequest, pk: int) -> HttpResponse:
    """Simpan satu jawaban (htmx, saat pilihan diklik). Menjawab potongan status kecil."""
    responden = ambil_responden(request.user, pk, ubah=True)
    indikator = request.POST.get("indikator", "")
    nilai = request.POST.get(indikator, "")
    try:
        if request.POST.get("jenis") == "penjelasan":
            services.penjelasan_simpan(
                kuesioner=responden.kuesioner,
                indikator=indikator,
                teks=teks_post(request, f"penjelasan-{indikator}"),
                oleh=request.user,
            )
        else:
            services.jawaban_simpan(
                kuesioner=responden.kuesioner, indikator=indikator, nilai=nilai, oleh=request.user
            )
    except (TindakanTidakSah, MasukanTidakSah) as e:
        tersimpan = (
            services.penjelasan_kuesioner(responden.kuesioner)
            if request.POST.get("jenis") == "penjelasan"
            else services.jawaban_kuesioner(responden.kuesioner)
        )
        return render(
            request,
            "penilaian/_status_jawaban.html",
            {"galat": str(e), "kode": indikator, "tersimpan": tersimpan.get(indikator)},
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
            "boleh_isi": boleh_isi(request.user, responden),
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
    except TindakanTidakSah as e:
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
    except TindakanTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Kuesioner {responden} dibuka kembali.")
    return redirect("penilaian:kuesioner_ringkas", pk=pk)
