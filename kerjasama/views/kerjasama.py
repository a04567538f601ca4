"""Kerja sama: daftar, catat baru, detail dengan langkah berikutnya, pindah tahap, notifikasi."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from akun import peran
from akun.forms import FormSurelNotifikasi
from kelompok import ekspor as ekspor_kelompok
from kelompok.models import Kps
from kelompok.selectors import kesiapan_dokumen
from kerjasama import portal, services
from kerjasama.ekspor import KOLOM_KERJASAMA
from kerjasama.filters import PenyaringKerjaSama
from kerjasama.forms import KerjaSamaForm, PermohonanForm, PindahTahapForm
from kerjasama.models import (
    AksiTindakLanjut,
    AlasanAkhir,
    BuktiTahap,
    KerjaSama,
    Mitra,
    StatusPersetujuan,
    Tahap,
)
from kerjasama.uji_tuntas import uji_tuntas_mitra
from kerjasama.views.bersama import ambil_kerjasama, jalankan_formulir
from kerjasama.views.dokumen import boleh_terbitkan_bpskl, daftar_surat_untuk
from perhutanan.akses import ambil
from perhutanan.berkas import respons_berkas
from perhutanan.riwayat import riwayat as riwayat_perubahan


@login_required
@require_GET
def daftar(request: HttpRequest) -> HttpResponse:
    """Daftar kerja sama dalam cakupan pengguna, dengan penyaring, paginasi dan unduhan Excel."""
    dasar = KerjaSama.objects.untuk(request.user)
    penyaring = PenyaringKerjaSama(request.GET or None, queryset=dasar)
    qs = penyaring.qs if penyaring.is_bound and penyaring.is_valid() else dasar
    qs = qs.select_related("kps_utama__provinsi", "naskah_diputuskan").order_by(
        "-dibuat_pada", "-pk"
    )
    if request.GET.get("unduh") == "xlsx":
        return ekspor_kelompok.respons_xlsx(
            qs.prefetch_related("mitra"), kolom=KOLOM_KERJASAMA, judul="Kerja sama"
        )
    halaman = Paginator(qs, 25).get_page(request.GET.get("halaman"))
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    return render(
        request,
        "kerjasama/daftar.html",
        {
            "baris": [(k, services.langkah_berikut(k)) for k in halaman],
            "halaman": halaman,
            "penyaring": penyaring,
            "parameter": parameter.urlencode(),
            "menu_aktif": "kerjasama",
        },
    )


@login_required
def tambah(request: HttpRequest, kps_pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, kps_pk, ubah=True)
    if not request.user.has_perm("kerjasama.add_kerjasama"):
        raise PermissionDenied
    # Dari rencana tindak lanjut: KPS, kebutuhan, jenis dan mitra terisi dari aksinya.
    aksi = _aksi_tindak_lanjut(request, kps)
    awal = {}
    if aksi is not None:
        awal = {
            "judul": f"Tindak lanjut {aksi.kode}: {aksi.nama}"[:200],
            "jenis": aksi.jenis[0] if aksi.jenis else "",
            "kebutuhan": aksi.kebutuhan,
            "mitra": Mitra.objects.filter(pk__in=request.GET.getlist("mitra")[:5]).values_list(
                "pk", flat=True
            )
            if all(v.isdigit() for v in request.GET.getlist("mitra"))
            else [],
        }
    # Dari permohonan mitra lewat portal yang sudah diterima: tanpa mengetik ulang.
    permohonan = None
    if aksi is None:
        nilai = request.POST.get("permohonan") or request.GET.get("permohonan") or ""
        permohonan = portal.permohonan_untuk_kerjasama(request.user, kps, nilai)
        if permohonan is not None:
            awal = portal.awal_kerjasama(permohonan)
    form = KerjaSamaForm(request.POST or None, kps=kps, user=request.user, initial=awal)
    if request.method == "POST" and form.is_valid():
        ks = form.save(commit=False)
        ks.kps_utama = kps
        ks = services.kerjasama_buat(
            kerjasama=ks,
            oleh=request.user,
            mitra=form.cleaned_data["mitra"],
            kups=form.cleaned_data["kups"],
            kps_lain=form.cleaned_data["kps_lain"],
            aksi=aksi,
            permohonan=permohonan,
        )
        messages.success(request, "Kerja sama dicatat pada tahap a (identifikasi kebutuhan).")
        return redirect(ks)
    return render(
        request,
        "kerjasama/form.html",
        {
            "form": form,
            "kps": kps,
            "aksi": aksi,
            "permohonan": permohonan,
            "menu_aktif": "kerjasama",
        },
    )


def _aksi_tindak_lanjut(request, kps) -> AksiTindakLanjut | None:
    """Aksi rencana tindak lanjut KPS ini yang belum punya kerja sama (?aksi= atau isian
    tersembunyi); selain itu diabaikan."""
    nilai = request.POST.get("aksi") or request.GET.get("aksi") or ""
    if not nilai.isdigit():
        return None
    return AksiTindakLanjut.objects.filter(
        pk=int(nilai), rencana__kps=kps, kerjasama__isnull=True
    ).first()


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk)
    dapat_ubah = ks.boleh_diubah
    boleh_putuskan = (
        ks.status_persetujuan == StatusPersetujuan.DIAJUKAN
        and request.user.punya_peran(peran.STAF_BPSKL)
        and request.user.bpskl_id == ks.bpskl_id
    )
    urutan = services.URUTAN
    pembanding, perubahan = (
        services.perubahan_naskah_diajukan(ks)
        if ks.status_persetujuan == StatusPersetujuan.DIAJUKAN
        else (None, [])
    )
    sekarang = urutan.index(ks.tahap)
    pilihan = [(t, label) for t, label in Tahap.choices if services.boleh_pindah(ks.tahap, t)]
    mitra = list(ks.mitra.prefetch_related("pemeriksaan"))
    uji_tuntas = uji_tuntas_mitra(mitra) if ks.usaha else []
    menunggu = ks.status_persetujuan == StatusPersetujuan.DIAJUKAN
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
            "riwayat_data": riwayat_perubahan(ks),
            "mitra": mitra,
            "uji_tuntas": uji_tuntas,
            "uji_tuntas_kurang": [u for u in uji_tuntas if not u.lengkap],
            "kesiapan": kesiapan_dokumen(ks.kps_utama) if menunggu else [],
            "bukti_tahap": BuktiTahap.objects.filter(riwayat__kerjasama=ks)
            .select_related("riwayat")
            .order_by("riwayat__waktu", "pk")
            if menunggu
            else [],
            "kups": ks.kups.all(),
            "peringatan": services.peringatan_kesiapan(ks),
            "langkah_berikut": services.langkah_berikut(ks),
            "naskah_pembanding": pembanding,
            "perubahan_naskah": perubahan,
            "form_pindah": PindahTahapForm(
                initial={"ke": urutan[min(sekarang + 1, len(urutan) - 1)]}
            )
            if dapat_ubah
            else None,
            "pilihan_tahap": pilihan,
            "form_permohonan": PermohonanForm() if dapat_ubah and ks.usaha else None,
            "boleh_ubah": dapat_ubah,
            "boleh_putuskan": boleh_putuskan,
            "tembusan": services.tembusan_untuk(ks) if ks.usaha else [],
            "rencana_aksi": ks.rencana_aksi.all(),
            "monitoring": ks.monitoring.all(),
            "indikator": ks.indikator.all(),
            "evaluasi_ks": ks.evaluasi.select_related("dinilai_oleh"),
            "perpanjangan": ks.perpanjangan.select_related("diajukan_oleh", "diputuskan_oleh"),
            "boleh_putuskan_perpanjangan": request.user.punya_peran(peran.STAF_BPSKL)
            and request.user.bpskl_id == ks.bpskl_id,
            "sisa_hari": (ks.berlaku_sampai - timezone.localdate()).days
            if ks.berlaku_sampai
            else None,
            "alasan_akhir": AlasanAkhir(ks.alasan_akhir).label if ks.alasan_akhir else "",
            "dokumen_resmi": ks.dokumen.select_related("kantor"),
            "pertemuan": ks.pertemuan.prefetch_related("hadir"),
            "surat_tersedia": daftar_surat_untuk(request.user, ks, dapat_ubah),
            "boleh_cabut_bpskl": boleh_terbitkan_bpskl(request.user, ks),
            "kemajuan_kmp": services.kemajuan_kmp(ks)
            if ks.jenis in ("multi_pihak", "lingkungan")
            else [],
            "menu_aktif": "kerjasama",
        },
    )


@login_required
@require_POST
def pindah(request: HttpRequest, pk: int) -> HttpResponse:
    ks = ambil_kerjasama(request.user, pk, ubah=True)
    return jalankan_formulir(
        request,
        ks,
        PindahTahapForm(request.POST, request.FILES),
        lambda d: services.kerjasama_pindah_tahap(
            kerjasama=ks, ke=d["ke"], oleh=request.user, catatan=d["catatan"], berkas=d["berkas"]
        ),
        "Tahap kerja sama diperbarui.",
    )


@login_required
@require_GET
def bukti_tahap_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    bukti = get_object_or_404(
        BuktiTahap.objects.filter(riwayat__kerjasama__in=KerjaSama.objects.untuk(request.user)),
        pk=pk,
    )
    return respons_berkas(request, bukti.berkas)


@login_required
def notifikasi(request: HttpRequest) -> HttpResponse:
    qs = request.user.notifikasi.all()
    form_surel = FormSurelNotifikasi(instance=request.user)
    if request.method == "POST" and "surel_notifikasi" in request.POST:
        form_surel = FormSurelNotifikasi(request.POST, instance=request.user)
        if form_surel.is_valid():
            pilihan = form_surel.cleaned_data["surel_notifikasi"]
            services.surel_notifikasi_atur(pengguna=request.user, pilihan=pilihan)
            label = dict(form_surel.fields["surel_notifikasi"].choices)[pilihan]
            messages.success(request, f"Pilihan surel tersimpan. {label}.")
            return redirect("kerjasama:notifikasi")
    elif request.method == "POST":
        services.notifikasi_tandai_dibaca(request.user)
        return redirect("kerjasama:notifikasi")
    # Halaman ini juga menyamakan lencana menu bila angkanya pernah meleset.
    services.notifikasi_hitung_ulang(request.user)
    return render(
        request,
        "kerjasama/notifikasi.html",
        {
            "halaman": Paginator(qs, 30).get_page(request.GET.get("halaman")),
            "parameter": "",
            "form_surel": form_surel,
        },
    )
