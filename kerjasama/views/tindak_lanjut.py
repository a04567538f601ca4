"""Rencana tindak lanjut dari evaluasi HKm final: aksi per kriteria lemah dengan calon mitra,
dan satu klik menuju kerja sama yang sudah terisi."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kerjasama import tindak_lanjut
from kerjasama.models import JenisKerjaSama, RencanaTindakLanjut
from penilaian.hkm.akses import ambil_evaluasi


@login_required
def rencana(request: HttpRequest, evaluasi_pk: int) -> HttpResponse:
    evaluasi = ambil_evaluasi(
        request.user,
        evaluasi_pk,
        ubah=request.method == "POST",
        dengan_ubah=True,
        select_related=("kps__provinsi",),
    )
    if request.method == "POST":
        try:
            tindak_lanjut.buat_rencana(evaluasi=evaluasi, oleh=request.user)
        except tindak_lanjut.RencanaTidakDapatDibuat as e:
            messages.error(request, str(e))
            return redirect("penilaian:rekap", pk=evaluasi.pk)
        messages.success(request, "Rencana tindak lanjut dibuat dari kriteria di bawah Sedang.")
        return redirect("kerjasama:tindak_lanjut", evaluasi_pk=evaluasi.pk)
    rencana = (
        RencanaTindakLanjut.objects.filter(evaluasi=evaluasi)
        .prefetch_related("aksi__kerjasama")
        .first()
    )
    sesudah = tindak_lanjut.nilai_sesudahnya(rencana) if rencana else {}
    label_jenis = dict(JenisKerjaSama.choices)
    baris = []
    for aksi in rencana.aksi.all() if rencana else []:
        lanjut = sesudah.get(aksi.kode)
        baris.append(
            {
                "aksi": aksi,
                "jenis": [(j, label_jenis.get(j, j)) for j in aksi.jenis],
                "status": tindak_lanjut.status_aksi(aksi),
                "calon": tindak_lanjut.calon_mitra(kategori=aksi.kategori_mitra, kps=evaluasi.kps)
                if aksi.kerjasama_id is None
                else [],
                "sesudah": lanjut,
                "selisih": lanjut[1] - aksi.nilai if lanjut and lanjut[1] is not None else None,
            }
        )
    return render(
        request,
        "kerjasama/tindak_lanjut.html",
        {
            "evaluasi": evaluasi,
            "kps": evaluasi.kps,
            "rencana": rencana,
            "baris": baris,
            "boleh_ubah": evaluasi.boleh_diubah,
            "menu_aktif": "evaluasi",
        },
    )
