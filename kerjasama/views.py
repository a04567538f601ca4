from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from akun import peran
from kelompok.models import Kps, Provinsi
from kelompok.views import ambil
from kerjasama import services
from kerjasama.forms import (
    AkhiriForm,
    JangkaWaktuForm,
    KerjaSamaForm,
    MitraForm,
    MonitoringForm,
    NaskahForm,
    PemeriksaanMitraForm,
    PermohonanForm,
    PindahTahapForm,
    RencanaAksiForm,
    TandaTanganForm,
)
from kerjasama.models import (
    AlasanAkhir,
    BuktiTahap,
    KategoriMitra,
    KerjaSama,
    Mitra,
    PemeriksaanMitra,
    StatusPersetujuan,
    Tahap,
)
from kerjasama.naskah import SEMUA_BUTIR
from kerjasama.pelaksanaan import tahap_kmp
from kerjasama.uji_tuntas import butir_untuk
from perhutanan.berkas import respons_berkas
from perhutanan.forms import MasukanTidakSah, teks_post
from perhutanan.pdf import render_pdf

LANGKAH_BERIKUT = {
    Tahap.A: "Inventarisasi calon mitra",
    Tahap.B: "Hubungi calon mitra",
    Tahap.C: "Susun draf naskah kerja sama",
    Tahap.D: "Adakan pertemuan dan sepakati naskah",
    Tahap.E: "Tanda tangani dan laksanakan kerja sama",
    Tahap.F: "Lakukan monitoring dan evaluasi",
    Tahap.G: "Teruskan monitoring; beri umpan balik ke KPS-KUPS",
}


# ------------------------------------------------------------------ mitra


@login_required
@permission_required("kerjasama.view_mitra", raise_exception=True)
@require_GET
def mitra_daftar(request: HttpRequest) -> HttpResponse:
    qs = Mitra.objects.select_related("provinsi").order_by("nama", "pk")
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nomor_registrasi__icontains=q))
    kategori = request.GET.get("kategori", "")
    if kategori in KategoriMitra.values:
        qs = qs.filter(kategori=kategori)
    provinsi = request.GET.get("provinsi", "")
    if provinsi:
        qs = qs.filter(provinsi_id=provinsi)
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    return render(
        request,
        "kerjasama/mitra_daftar.html",
        {
            "halaman": Paginator(qs, 25).get_page(request.GET.get("halaman")),
            "parameter": parameter.urlencode(),
            "q": q,
            "kategori": kategori,
            "provinsi": provinsi,
            "pilihan_kategori": KategoriMitra.choices,
            "pilihan_provinsi": Provinsi.objects.all(),
            "menu_aktif": "mitra",
        },
    )


@login_required
@permission_required("kerjasama.add_mitra", raise_exception=True)
def mitra_tambah(request: HttpRequest) -> HttpResponse:
    form = MitraForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        mitra = form.save(commit=False)
        mitra.dibuat_oleh = request.user
        mitra.save()
        messages.success(request, f"Mitra {mitra} tersimpan. Lengkapi uji tuntasnya.")
        return redirect(mitra)
    return render(request, "kerjasama/mitra_form.html", {"form": form, "menu_aktif": "mitra"})


@login_required
@permission_required("kerjasama.view_mitra", raise_exception=True)
def mitra_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mitra = get_object_or_404(Mitra.objects.select_related("provinsi"), pk=pk)
    butir = butir_untuk(mitra.kategori)
    ada = {p.kode: p for p in mitra.pemeriksaan.all()}
    boleh = Mitra.objects.boleh_diubah(request.user).filter(pk=pk).exists()
    if request.method == "POST" and not boleh:
        raise PermissionDenied(
            "Uji tuntas mitra ini diubah oleh pengguna di wilayahnya, pendamping kerja samanya, "
            "atau admin nasional."
        )
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    formulir = {
        b.kode: PemeriksaanMitraForm(
            *data, prefix=b.kode, initial=PemeriksaanMitraForm.awal(ada.get(b.kode))
        )
        for b in butir
    }
    if request.method == "POST":
        if all(f.is_valid() for f in formulir.values()):
            for b in butir:
                pemeriksaan = ada.get(b.kode) or PemeriksaanMitra(mitra=mitra, kode=b.kode)
                formulir[b.kode].terapkan(pemeriksaan)
            messages.success(request, "Uji tuntas dan penapisan gender tersimpan.")
            return redirect(mitra)
        messages.error(
            request,
            "Ada isian yang perlu diperbaiki (ditandai di bawah). Isian lain tetap di formulir; "
            "pilih ulang berkas yang ditolak.",
        )
    kerjasama = (
        KerjaSama.objects.untuk(request.user).filter(mitra=mitra).select_related("kps_utama")
    )
    return render(
        request,
        "kerjasama/mitra_detail.html",
        {
            "mitra": mitra,
            "butir": [(b, ada.get(b.kode), formulir[b.kode]) for b in butir],
            "lengkap": all(ada.get(b.kode) and ada[b.kode].terpenuhi for b in butir),
            "kerjasama": kerjasama,
            "boleh": boleh,
            "menu_aktif": "mitra",
        },
    )


# ------------------------------------------------------------------ kerja sama


def ambil_kerjasama(user, pk: int, *, ubah: bool = False) -> KerjaSama:
    ks = get_object_or_404(
        KerjaSama.objects.untuk(user).select_related("kps_utama__provinsi", "bpskl", "dibuat_oleh"),
        pk=pk,
    )
    if ubah and not (
        user.has_perm("kerjasama.change_kerjasama")
        and KerjaSama.objects.untuk(user, ubah=True).filter(pk=pk).exists()
    ):
        raise PermissionDenied("Anda hanya dapat membaca kerja sama ini.")
    return ks


@login_required
@require_GET
def daftar(request: HttpRequest) -> HttpResponse:
    qs = (
        KerjaSama.objects.untuk(request.user)
        .select_related("kps_utama")
        .order_by("-dibuat_pada", "-pk")
    )
    baris = [
        (k, LANGKAH_BERIKUT[k.tahap])
        for k in Paginator(qs, 25).get_page(request.GET.get("halaman"))
    ]
    return render(request, "kerjasama/daftar.html", {"baris": baris, "menu_aktif": "kerjasama"})


@login_required
def tambah(request: HttpRequest, kps_pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, kps_pk, ubah=True)
    if not request.user.has_perm("kerjasama.add_kerjasama"):
        raise PermissionDenied
    form = KerjaSamaForm(request.POST or None, kps=kps, user=request.user)
    if request.method == "POST" and form.is_valid():
        ks = form.save(commit=False)
        ks.kps_utama = kps
        ks = services.kerjasama_buat(
            kerjasama=ks,
            oleh=request.user,
            mitra=form.cleaned_data["mitra"],
            kups=form.cleaned_data["kups"],
            kps_lain=form.cleaned_data["kps_lain"],
        )
        messages.success(request, "Kerja sama dicatat pada tahap a (identifikasi kebutuhan).")
        return redirect(ks)
    return render(
        request, "kerjasama/form.html", {"form": form, "kps": kps, "menu_aktif": "kerjasama"}
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    boleh_ubah = (
        request.user.has_perm("kerjasama.change_kerjasama")
        and KerjaSama.objects.untuk(request.user, ubah=True).filter(pk=pk).exists()
    )
    boleh_putuskan = (
        ks.status_persetujuan == StatusPersetujuan.DIAJUKAN
        and request.user.punya_peran(peran.STAF_BPSKL)
        and request.user.bpskl_id == ks.bpskl_id
    )
    urutan = services.URUTAN
    sekarang = urutan.index(ks.tahap)
    pilihan = [(t, label) for t, label in Tahap.choices if services.boleh_pindah(ks.tahap, t)]
    return render(
        request,
        "kerjasama/detail.html",
        {
            "ks": ks,
            "tahap": [
                (t, label, n < sekarang, n == sekarang)
                for n, (t, label) in enumerate(Tahap.choices)
            ],
            "riwayat": ks.riwayat.select_related("oleh").prefetch_related("bukti"),
            "mitra": ks.mitra.all(),
            "kups": ks.kups.all(),
            "peringatan": services.peringatan_kesiapan(ks),
            "langkah_berikut": LANGKAH_BERIKUT[ks.tahap],
            "form_pindah": PindahTahapForm(
                initial={"ke": urutan[min(sekarang + 1, len(urutan) - 1)]}
            )
            if boleh_ubah
            else None,
            "pilihan_tahap": pilihan,
            "form_permohonan": PermohonanForm() if boleh_ubah and ks.usaha else None,
            "boleh_ubah": boleh_ubah,
            "boleh_putuskan": boleh_putuskan,
            "tembusan": services.tembusan_untuk(ks) if ks.usaha else [],
            "rencana_aksi": ks.rencana_aksi.all(),
            "monitoring": ks.monitoring.all(),
            "sisa_hari": (ks.berlaku_sampai - timezone.localdate()).days
            if ks.berlaku_sampai
            else None,
            "alasan_akhir": AlasanAkhir(ks.alasan_akhir).label if ks.alasan_akhir else "",
            "kemajuan_kmp": services.kemajuan_kmp(ks)
            if ks.jenis in ("multi_pihak", "lingkungan")
            else [],
            "menu_aktif": "kerjasama",
        },
    )


def _jalankan(request, pk: int, fungsi, sukses: str) -> HttpResponse:
    try:
        fungsi()
    except (services.TindakanTidakSah, MasukanTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, sukses)
    return redirect("kerjasama:detail", pk=pk)


@login_required
@require_POST
def pindah(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    form = PindahTahapForm(request.POST, request.FILES)
    if not form.is_valid():
        for pesan in form.errors.values():
            messages.error(request, " ".join(pesan))
        return redirect(ks)
    return _jalankan(
        request,
        pk,
        lambda: services.kerjasama_pindah_tahap(
            kerjasama=ks,
            ke=form.cleaned_data["ke"],
            oleh=request.user,
            catatan=form.cleaned_data["catatan"],
            berkas=form.cleaned_data["berkas"],
        ),
        "Tahap kerja sama diperbarui.",
    )


@login_required
@require_POST
def permohonan(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    form = PermohonanForm(request.POST, request.FILES)
    if not form.is_valid():
        for pesan in form.errors.values():
            messages.error(request, " ".join(pesan))
        return redirect(ks)
    return _jalankan(
        request,
        pk,
        lambda: services.permohonan_simpan(
            kerjasama=ks,
            surat=form.cleaned_data["surat"],
            tanggal=form.cleaned_data["tanggal"],
            oleh=request.user,
        ),
        "Permohonan mitra tersimpan.",
    )


@login_required
@require_POST
def ajukan(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    return _jalankan(
        request,
        pk,
        lambda: services.kerjasama_ajukan(kerjasama=ks, oleh=request.user),
        "Diajukan ke BPSKL untuk persetujuan.",
    )


@login_required
@require_POST
def putuskan(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    if not request.user.punya_peran(peran.STAF_BPSKL):
        raise PermissionDenied("Persetujuan oleh Staf BPSKL.")
    setuju = request.POST.get("keputusan") == "setuju"
    return _jalankan(
        request,
        pk,
        lambda: services.kerjasama_putuskan(
            kerjasama=ks, oleh=request.user, setuju=setuju, catatan=teks_post(request, "catatan")
        ),
        "Keputusan tersimpan." if setuju else "Penolakan tersimpan.",
    )


@login_required
@require_POST
def kirim_opd(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    return _jalankan(
        request,
        pk,
        lambda: services.kerjasama_kirim_opd(kerjasama=ks, oleh=request.user),
        "Naskah dicatat terkirim ke OPD kehutanan provinsi dengan tembusannya.",
    )


@login_required
@require_GET
def antrean_bpskl(request: HttpRequest) -> HttpResponse:
    if not request.user.punya_peran(peran.STAF_BPSKL):
        raise PermissionDenied("Antrean persetujuan untuk Staf BPSKL.")
    qs = (
        KerjaSama.objects.filter(
            status_persetujuan=StatusPersetujuan.DIAJUKAN, bpskl_id=request.user.bpskl_id
        )
        .select_related("kps_utama__provinsi")
        .prefetch_related("mitra")
        .order_by("diajukan_pada")
    )
    return render(request, "kerjasama/antrean.html", {"antrean": qs, "menu_aktif": "antrean_bpskl"})


@login_required
def notifikasi(request: HttpRequest) -> HttpResponse:
    qs = request.user.notifikasi.all()
    if request.method == "POST":
        qs.filter(dibaca=False).update(dibaca=True)
        return redirect("kerjasama:notifikasi")
    return render(
        request,
        "kerjasama/notifikasi.html",
        {"halaman": Paginator(qs, 30).get_page(request.GET.get("halaman")), "parameter": ""},
    )


# ------------------------------------------------------------------ naskah


@login_required
def naskah(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    terakhir = ks.naskah.order_by("-versi").first()
    boleh = (
        request.user.has_perm("kerjasama.change_kerjasama")
        and KerjaSama.objects.untuk(request.user, ubah=True).filter(pk=pk).exists()
    )
    awal = {}
    if terakhir:
        awal = {f"butir_{k}": v for k, v in terakhir.isi.items()}
        awal |= {"pola": terakhir.pola, "persen_modal_mitra": terakhir.persen_modal_mitra}
    form = NaskahForm(request.POST or None, initial=awal)
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied
        if form.is_valid():
            try:
                versi, baru = services.naskah_simpan(
                    kerjasama=ks,
                    isi=form.isi(),
                    pola=form.cleaned_data["pola"],
                    persen_modal=form.cleaned_data["persen_modal_mitra"],
                    oleh=request.user,
                )
            except services.TindakanTidakSah as e:
                messages.error(request, str(e))
            else:
                messages.success(
                    request,
                    f"Draf versi {versi.versi} tersimpan." if baru else "Tidak ada perubahan.",
                )
                return redirect("kerjasama:naskah", pk=pk)
    return render(
        request,
        "kerjasama/naskah.html",
        {
            "ks": ks,
            "form": form,
            "terakhir": terakhir,
            "versi": ks.naskah.select_related("dibuat_oleh"),
            "kekurangan": terakhir.kekurangan()
            if terakhir
            else [f"Butir {b.judul} belum diisi." for b in SEMUA_BUTIR],
            "boleh": boleh and not (terakhir and terakhir.scan_ditandatangani),
            "form_ttd": TandaTanganForm()
            if boleh and terakhir and not terakhir.scan_ditandatangani
            else None,
            "menu_aktif": "kerjasama",
        },
    )


@login_required
@require_GET
def naskah_pdf(request: HttpRequest, pk: int, versi: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    naskah = get_object_or_404(ks.naskah, versi=versi)
    pasal = [(n, b, naskah.isi.get(b.kode, "")) for n, b in enumerate(SEMUA_BUTIR, start=1)]
    pdf = render_pdf(
        "dokumen/naskah_kerjasama.html",
        {"ks": ks, "naskah": naskah, "pasal": pasal, "p": naskah.para_pihak},
    )
    respons = HttpResponse(pdf, content_type="application/pdf")
    respons["Content-Disposition"] = (
        f'attachment; filename="naskah-kerjasama-{ks.pk}-v{naskah.versi}.pdf"'
    )
    return respons


@login_required
@require_POST
def naskah_tandatangani(request: HttpRequest, pk: int, versi: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    naskah = get_object_or_404(ks.naskah, versi=versi)
    form = TandaTanganForm(request.POST, request.FILES)
    if not form.is_valid():
        for pesan in form.errors.values():
            messages.error(request, " ".join(pesan))
        return redirect("kerjasama:naskah", pk=pk)
    try:
        services.naskah_tandatangani(
            naskah=naskah,
            berkas=form.cleaned_data["berkas"],
            tanggal=form.cleaned_data["tanggal"],
            oleh=request.user,
        )
    except services.TindakanTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Naskah yang ditandatangani tersimpan.")
    return redirect("kerjasama:naskah", pk=pk)


@login_required
@require_GET
def naskah_scan(request: HttpRequest, pk: int, versi: int):
    ks = ambil_kerjasama(request.user, pk)
    naskah = get_object_or_404(ks.naskah.exclude(scan_ditandatangani=""), versi=versi)
    return respons_berkas(request, naskah.scan_ditandatangani)


@login_required
@require_GET
def surat_unduh(request: HttpRequest, pk: int, jenis: str) -> HttpResponse:
    """Surat permohonan mitra atau surat pengakhiran, bagi yang boleh membaca kerja samanya
    (termasuk Staf BPSKL yang memutuskan permohonan itu)."""
    kolom = {"permohonan": "surat_permohonan", "pengakhiran": "surat_akhir"}.get(jenis)
    if kolom is None:
        raise Http404("Jenis surat tidak dikenal.")
    ks = ambil_kerjasama(request.user, pk)
    return respons_berkas(request, getattr(ks, kolom))


@login_required
@require_GET
def bukti_tahap_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    bukti = get_object_or_404(
        BuktiTahap.objects.filter(riwayat__kerjasama__in=KerjaSama.objects.untuk(request.user)),
        pk=pk,
    )
    return respons_berkas(request, bukti.berkas)


@login_required
@permission_required("kerjasama.view_mitra", raise_exception=True)
@require_GET
def mitra_bukti_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """Bukti uji tuntas: registri mitra nasional untuk dibaca, seperti halaman mitranya."""
    pemeriksaan = get_object_or_404(PemeriksaanMitra, pk=pk)
    return respons_berkas(request, pemeriksaan.berkas_bukti)


# ------------------------------------------------------------------ pelaksanaan


def _form_pelaksanaan(request, pk: int, *, form_kelas, judul: str, simpan, berkas: bool = False):
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    form = (
        form_kelas(request.POST or None, request.FILES or None)
        if berkas
        else form_kelas(request.POST or None)
    )
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
        {"ks": ks, "form": form, "judul": judul, "berkas": berkas, "menu_aktif": "kerjasama"},
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

        return _jalankan(
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
