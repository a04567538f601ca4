"""Rencana tindak lanjut dari evaluasi HKm final atau penilaian kelas KTH yang ditetapkan: aksi
per kriteria/aspek lemah dengan calon mitra, dan satu klik menuju kerja sama yang sudah terisi."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kelompok.models import Kth
from kerjasama import tindak_lanjut
from kerjasama.models import JenisKerjaSama, RencanaTindakLanjut
from penilaian.hkm.akses import ambil_evaluasi
from penilaian.kth.akses import ambil_penilaian


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
    ada = RencanaTindakLanjut.objects.filter(evaluasi=evaluasi).first()
    return _tampilkan(
        request,
        ada,
        kps=evaluasi.kps,
        boleh_ubah=evaluasi.boleh_diubah,
        konteks={
            "evaluasi": evaluasi,
            "dapat_dibuat": evaluasi.final,
            "belum_dapat": "Rencana dibuat setelah evaluasi difinalkan.",
            "penjelasan": tindak_lanjut.penjelasan_per_kriteria(evaluasi),
        },
    )


@login_required
def rencana_kth(request: HttpRequest, penilaian_pk: int) -> HttpResponse:
    penilaian = ambil_penilaian(request.user, penilaian_pk)
    kth = penilaian.kth
    boleh_ubah = Kth.objects.untuk(request.user, ubah=True).filter(pk=kth.pk).exists()
    if request.method == "POST":
        if not boleh_ubah:
            messages.error(
                request, "Rencana dibuat oleh pengguna yang dapat mengubah data KTH ini."
            )
            return redirect("penilaian:kth_detail", pk=penilaian.pk)
        try:
            tindak_lanjut.buat_rencana_kth(penilaian=penilaian, oleh=request.user)
        except tindak_lanjut.RencanaTidakDapatDibuat as e:
            messages.error(request, str(e))
            return redirect("penilaian:kth_detail", pk=penilaian.pk)
        messages.success(request, "Rencana tindak lanjut dibuat dari aspek di bawah garis kelas.")
        return redirect("kerjasama:tindak_lanjut_kth", penilaian_pk=penilaian.pk)
    ada = RencanaTindakLanjut.objects.filter(penilaian_kth=penilaian).first()
    return _tampilkan(
        request,
        ada,
        kps=kth.kps,
        boleh_ubah=boleh_ubah,
        konteks={
            "penilaian_kth": penilaian,
            "kth": kth,
            "dapat_dibuat": penilaian.status == penilaian.Status.DITETAPKAN,
            "belum_dapat": "Rencana dibuat setelah kelasnya ditetapkan Kepala Dinas.",
            "penjelasan": {},
        },
    )


def _tampilkan(request, rencana, *, kps, boleh_ubah: bool, konteks: dict) -> HttpResponse:
    if rencana is not None:
        rencana = (
            RencanaTindakLanjut.objects.filter(pk=rencana.pk)
            .select_related("evaluasi", "penilaian_kth")
            .prefetch_related("aksi__kerjasama")
            .get()
        )
    sesudah = tindak_lanjut.nilai_sesudahnya(rencana) if rencana else {}
    label_jenis = dict(JenisKerjaSama.choices)
    # Kerja sama dicatat atas nama KPS: KTH tanpa KPS terkait mendapat calon mitra, tetapi
    # kerja samanya dimulai setelah KTH dikaitkan dengan KPS.
    boleh_mulai = boleh_ubah and kps is not None
    baris = []
    for aksi in rencana.aksi.all() if rencana else []:
        lanjut = sesudah.get(aksi.kode)
        baris.append(
            {
                "aksi": aksi,
                "jenis": [(j, label_jenis.get(j, j)) for j in aksi.jenis],
                "status": tindak_lanjut.status_aksi(aksi),
                # Kedekatan wilayah dari KPS, atau dari KTH-nya bila belum terkait KPS.
                "calon": tindak_lanjut.calon_mitra(
                    kategori=aksi.kategori_mitra, kps=kps or konteks["kth"]
                )
                if aksi.kerjasama_id is None
                else [],
                "sesudah": lanjut,
                "selisih": lanjut[1] - aksi.nilai if lanjut and lanjut[1] is not None else None,
                "penjelasan": konteks["penjelasan"].get(aksi.kode, []),
            }
        )
    return render(
        request,
        "kerjasama/tindak_lanjut.html",
        {
            **konteks,
            "kps": kps,
            "rencana": rencana,
            "baris": baris,
            "boleh_ubah": boleh_ubah,
            "boleh_mulai": boleh_mulai,
            "menu_aktif": "evaluasi" if "evaluasi" in konteks else "kth_nilai",
        },
    )
