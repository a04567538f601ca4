"""Analisis skala usaha ekonomis KUPS: formulir, hasil yang dijelaskan, grafik, PDF dan .xlsx."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from kelompok.models import Kups
from penilaian.inti import grafik
from penilaian.usaha import ekonomi, services
from penilaian.usaha import tahunan as tahunan_mod
from penilaian.usaha.ekspor import analisis_xlsx
from penilaian.usaha.forms import (
    FormAgroforestri,
    FormEkowisata,
    FormsetAtraksi,
    FormsetBiayaTahunan,
    FormsetProduk,
)
from penilaian.usaha.models import AnalisisUsaha
from perhutanan.akses import ambil, boleh_ubah
from perhutanan.angka import format_angka, format_desimal, format_rupiah
from perhutanan.pdf import render_pdf

JENIS = {
    AnalisisUsaha.Jenis.AGROFORESTRI: (FormAgroforestri, FormsetProduk),
    AnalisisUsaha.Jenis.EKOWISATA: (FormEkowisata, FormsetAtraksi),
}


def _boleh_buat(user, kups) -> bool:
    return user.has_perm("penilaian.add_analisisusaha") and boleh_ubah(Kups, user, kups.pk)


@login_required
@require_GET
def daftar(request: HttpRequest, kups_pk: int) -> HttpResponse:
    kups = ambil(Kups, request.user, kups_pk, select_related=("kps",))
    return render(
        request,
        "penilaian/analisis_daftar.html",
        {
            "kups": kups,
            "analisis": kups.analisis_usaha.select_related("penulis"),
            "boleh_buat": _boleh_buat(request.user, kups),
        },
    )


BIAYA_AWAL = [
    {"nama": "Investasi awal (alat, pondok kerja)", "kategori": "investasi", "tahun": "0"},
    {"nama": "Persiapan lahan", "kategori": "persiapan_lahan", "tahun": "0"},
    {"nama": "Bibit dan penanaman", "kategori": "bibit", "tahun": "0"},
    {
        "nama": "Pemeliharaan (tenaga kerja keluarga)",
        "kategori": "pemeliharaan",
        "tahun": "1-20",
        "tenaga_keluarga": True,
    },
    {"nama": "Pupuk dan obat", "kategori": "pemeliharaan", "tahun": "1-20"},
    {"nama": "Panen dan pemasaran", "kategori": "panen", "tahun": "1-20"},
]

# Kolom galat mesin ekonomi ("produk_2_harga") ke nama bidang formulir barisnya.
KOLOM_GALAT = {"tiket": "harga_tiket", "penerimaan": "penerimaan"}


def _pasang_galat(form, formsets: dict, galat: dict[str, str]) -> None:
    """Galat dari mesin ekonomi diletakkan di bidangnya: kolom umum, atau baris ke-n yang terisi
    pada formset `produk`/`atraksi`/`biaya`."""
    for kunci, pesan in galat.items():
        if kunci == "tingkat_diskonto":
            kunci = "diskonto_persen"
        if kunci in form.fields:
            form.add_error(kunci, pesan)
            continue
        jenis, _, sisa = kunci.partition("_")
        nomor, _, kolom = sisa.partition("_")
        formset = formsets.get(jenis)
        if formset is not None and nomor.isdecimal():
            terisi = formset.terisi()
            if 0 < int(nomor) <= len(terisi):
                baris = terisi[int(nomor) - 1]
                kolom = KOLOM_GALAT.get(kolom, kolom)
                baris.add_error(kolom if kolom in baris.fields else None, pesan)
                continue
        form.add_error(None, pesan)


@login_required
def baru(request: HttpRequest, kups_pk: int, jenis: str) -> HttpResponse:
    kups = ambil(Kups, request.user, kups_pk, select_related=("kps",))
    if jenis not in JENIS:
        raise Http404("Jenis analisis tidak dikenal.")
    if not _boleh_buat(request.user, kups):
        raise PermissionDenied("Analisis dibuat oleh pendamping KPS ini atau admin.")
    agro = jenis == AnalisisUsaha.Jenis.AGROFORESTRI
    form_kelas, formset_kelas = JENIS[jenis]
    awal = {
        "judul": f"Skala usaha {kups.nama}",
        "periode": 20,
        "diskonto_persen": "10",
        "luas_analisis": "1",
    }
    awal_baris, awal_biaya, catatan_salinan = None, BIAYA_AWAL if agro else None, ""
    sumber = request.GET.get("dari")
    if sumber and request.method == "GET":
        if not sumber.isdecimal() or len(sumber) > 18:
            raise Http404("Analisis sumber salinan tidak ditemukan.")
        lama = get_object_or_404(
            AnalisisUsaha.objects.untuk(request.user), pk=sumber, kups=kups, jenis=jenis
        )
        awal, awal_baris, awal_biaya, catatan_salinan = services.salinan_awal(lama)
    data = request.POST if request.method == "POST" else None
    form = form_kelas(data, initial=awal)
    formset = formset_kelas(data, initial=awal_baris, prefix="baris")
    formset_biaya = FormsetBiayaTahunan(data, initial=awal_biaya, prefix="biaya") if agro else None
    if data is not None:
        sah = [form.is_valid(), formset.is_valid()]
        if formset_biaya is not None:
            sah.append(formset_biaya.is_valid())
        if all(sah):
            try:
                analisis = services.analisis_buat(
                    kups=kups,
                    jenis=jenis,
                    umum=form.cleaned_data,
                    baris=formset.baris(),
                    biaya=formset_biaya.baris() if formset_biaya is not None else None,
                    oleh=request.user,
                )
            except ekonomi.GalatMasukan as e:
                _pasang_galat(
                    form,
                    {"produk": formset, "atraksi": formset, "biaya": formset_biaya},
                    e.galat,
                )
            else:
                messages.success(request, "Analisis tersimpan.")
                return redirect("penilaian:analisis_detail", pk=analisis.pk)
    awalan = "Produk" if jenis == "agroforestri" else "Atraksi"
    for i, f in enumerate(formset.forms, start=1):
        f.label_baris = f"{awalan} {i}"
    for i, f in enumerate(formset_biaya.forms if formset_biaya is not None else [], start=1):
        f.label_baris = f"Biaya {i}"
    ada_galat = bool(
        form.errors
        or formset.total_error_count()
        or (formset_biaya is not None and formset_biaya.total_error_count())
    )
    return render(
        request,
        "penilaian/analisis_form.html",
        {
            "kups": kups,
            "jenis": jenis,
            "form": form,
            "formset": formset,
            "formset_biaya": formset_biaya,
            "ada_galat": ada_galat,
            "catatan_salinan": catatan_salinan,
            "label_jenis": AnalisisUsaha.Jenis(jenis).label,
        },
    )


def _ambil_analisis(user, pk: int) -> AnalisisUsaha:
    return get_object_or_404(
        AnalisisUsaha.objects.untuk(user).select_related("kups__kps", "penulis"), pk=pk
    )


def _konteks(analisis: AnalisisUsaha) -> dict:
    umum, baris, biaya, hasil = services.analisis_muat(analisis)
    agro = analisis.jenis == AnalisisUsaha.Jenis.AGROFORESTRI
    tahunan = agro and analisis.versi_masukan >= 2
    konteks = {
        "analisis": analisis,
        "kups": analisis.kups,
        "umum": umum,
        "baris": baris,
        "biaya": biaya,
        "hasil": hasil,
        "agro": agro,
        "tahunan": tahunan,
        "model_lama": analisis.versi_masukan < 2,
        "grafik": grafik.arus_kas(
            hasil.arus,
            judul="Arus kas tahunan"
            + (" (kayu dan tenaga kerja keluarga dihitung)" if tahunan else ""),
        ),
        "luas_minimum": None,
        "periode_arus": umum["periode"] + 1,
    }
    if tahunan:
        konteks["luas_minimum"] = (
            ekonomi.bulat_ke_atas(hasil.luas_minimum, 2) if hasil.luas_minimum else None
        )
        konteks["kepekaan"] = _kepekaan_per_peubah(hasil.kepekaan)
        konteks["biaya_per_kategori"] = _biaya_per_kategori(biaya)
    elif agro:
        konteks["luas_minimum"] = ekonomi.bulat_ke_atas(hasil.luas_minimum, 2)
        konteks["pendorong"] = sorted(hasil.produk, key=lambda p: p.kontribusi, reverse=True)
    else:
        konteks["pendorong"] = sorted(
            hasil.atraksi, key=lambda a: a.nilai_jual_relatif, reverse=True
        )
    return konteks


def _kepekaan_per_peubah(baris) -> list[tuple[str, list]]:
    kelompok: dict[str, list] = {}
    for b in baris:
        kelompok.setdefault(b.label, []).append(b)
    return list(kelompok.items())


def _biaya_per_kategori(biaya: list[dict]) -> list[tuple[str, list[dict]]]:
    kelompok: dict[str, list[dict]] = {}
    for b in biaya:
        label = tahunan_mod.KATEGORI_BIAYA.get(b["kategori"], b["kategori"])
        kelompok.setdefault(label, []).append(b)
    return list(kelompok.items())


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    analisis = _ambil_analisis(request.user, pk)
    konteks = _konteks(analisis)
    unduh = request.GET.get("unduh")
    nama = f"analisis-usaha-{analisis.pk}"
    if unduh == "pdf":
        respons = HttpResponse(
            render_pdf("dokumen/analisis_usaha.html", konteks), content_type="application/pdf"
        )
        respons["Content-Disposition"] = f'attachment; filename="{nama}.pdf"'
        return respons
    if unduh == "xlsx":
        respons = HttpResponse(
            analisis_xlsx(konteks),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        respons["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
        return respons
    konteks["boleh_buat"] = _boleh_buat(request.user, analisis.kups)
    return render(request, "penilaian/analisis_detail.html", konteks)


BANDING_MAKS = 6


@dataclass
class KolomBanding:
    analisis: AnalisisUsaha
    hasil: object
    umum: dict
    model: str
    ukuran: str  # apa yang menjadi skala minimum
    minimum: str
    sekarang: str
    npv: object
    bcr: object
    irr: object
    balik_modal: object


def _kolom_banding(analisis: AnalisisUsaha) -> KolomBanding:
    umum, _, _, h = services.analisis_muat(analisis)
    agro = analisis.jenis == AnalisisUsaha.Jenis.AGROFORESTRI
    if agro and analisis.versi_masukan >= 2:
        nilai = h.utama.nilai
        ukuran = "Luas minimum"
        minimum = "tidak ada" if h.luas_minimum is None else f"{_atas(h.luas_minimum, 2)} ha"
        sekarang = f"{format_angka(umum['luas_rencana'])} ha dikelola"
    elif agro:
        nilai = ekonomi.kelayakan(h.arus, umum["diskonto_persen"] / 100)
        ukuran = "Luas minimum"
        minimum = f"{_atas(h.luas_minimum, 2)} ha"
        sekarang = f"{format_angka(umum['luas_rencana'])} ha dikelola"
    else:
        nilai = h.nilai
        if h.masuk is not None:
            ukuran = f"Pengunjung perlu ({h.masuk.nama})"
            minimum = f"{_atas(h.kunjungan_tahunan, 0)} per tahun"
            sekarang = f"{_atas(h.kunjungan_sekarang, 0)} per tahun"
        else:
            ukuran = "Penjualan minimum"
            minimum = f"{format_rupiah(h.bep_rupiah)} per tahun"
            sekarang = f"{format_rupiah(h.penerimaan)} per tahun"
    return KolomBanding(
        analisis=analisis,
        hasil=h,
        umum=umum,
        model="Model tahun konstan" if analisis.versi_masukan < 2 else "Arus kas tahunan",
        ukuran=ukuran,
        minimum=minimum,
        sekarang=sekarang,
        npv=nilai.npv,
        bcr=nilai.bcr,
        irr=nilai.irr,
        balik_modal=nilai.balik_modal,
    )


def _atas(nilai, digit: int) -> str:
    return format_desimal(ekonomi.bulat_ke_atas(nilai, digit), digit)


@login_required
@require_GET
def banding(request: HttpRequest, kups_pk: int) -> HttpResponse:
    """Beberapa analisis (model usaha) satu KUPS berdampingan."""
    kups = ambil(Kups, request.user, kups_pk, select_related=("kps",))
    pilihan = [p for p in request.GET.getlist("id") if p.isdecimal() and len(p) <= 18]
    analisis = list(
        AnalisisUsaha.objects.untuk(request.user)
        .filter(kups=kups, pk__in=pilihan[:BANDING_MAKS])
        .select_related("penulis")
        .order_by("dibuat_pada", "pk")
    )
    if len(analisis) < 2:
        messages.info(request, f"Pilih dua sampai {BANDING_MAKS} analisis untuk dibandingkan.")
        return redirect("penilaian:analisis_daftar", kups_pk=kups.pk)
    return render(
        request,
        "penilaian/analisis_banding.html",
        {"kups": kups, "kolom": [_kolom_banding(a) for a in analisis]},
    )
