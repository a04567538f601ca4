import tempfile
import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from kelompok import ekspor, impor, selectors, services
from kelompok.filters import PenyaringKps, PenyaringKth
from kelompok.forms import (
    AnggotaForm,
    ArsipForm,
    DokumenForm,
    KpsForm,
    KthForm,
    KupsForm,
    PenugasanForm,
    formset_syarat,
)
from kelompok.kelas_kups import SYARAT_KUPS, kekurangan_kelas_berikut
from kelompok.models import (
    Anggota,
    Desa,
    DokumenPendukung,
    Kabupaten,
    Kecamatan,
    Kps,
    Kth,
    Kups,
    Penugasan,
    SyaratKupsTerpenuhi,
)
from perhutanan.berkas import batas_ukuran, respons_berkas

PER_HALAMAN = 25
IMPOR_MAKS_MB = 5
JENIS_KELOMPOK = {"kps": Kps, "kth": Kth, "kups": Kups}


def ambil(model, user, pk, *, ubah: bool = False, select_related=()):
    """Objek dalam cakupan pengguna (404 bila di luar); 403 bila terbaca tetapi tidak boleh diubah.

    Satu-satunya cara view mendapatkan objek registri: cakupan wilayah dari `untuk(user)`.
    """
    qs = model.objects.untuk(user)
    if select_related:
        qs = qs.select_related(*select_related)
    objek = get_object_or_404(qs, pk=pk)
    if ubah:
        izin = f"{model._meta.app_label}.change_{model._meta.model_name}"
        if (
            not user.has_perm(izin)
            or not model.objects.untuk(user, ubah=True).filter(pk=pk).exists()
        ):
            raise PermissionDenied("Anda hanya dapat membaca data ini.")
    return objek


def boleh_ubah(model, user, pk) -> bool:
    izin = f"{model._meta.app_label}.change_{model._meta.model_name}"
    return user.has_perm(izin) and model.objects.untuk(user, ubah=True).filter(pk=pk).exists()


def _halaman(request: HttpRequest, qs):
    return Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))


def _halaman_beranotasi(request: HttpRequest, qs, selector):
    """Halaman daftar: kunci baris dipotong dulu, baru 25 baris itu dibaca lengkap.

    Anotasi jumlah (subkueri per baris) hanya dihitung untuk baris yang tampil, bukan untuk
    semua baris yang dilewati OFFSET di halaman belakang.
    """
    halaman = _halaman(request, qs.values_list("pk", flat=True))
    kunci = list(halaman.object_list)
    urutan = {pk: i for i, pk in enumerate(kunci)}
    baris = selector(qs.model.objects.filter(pk__in=kunci))
    halaman.object_list = sorted(baris, key=lambda o: urutan[o.pk])
    return halaman


def _daftar(request, *, model, penyaring_kelas, selector, templat, judul_ekspor, kolom_ekspor):
    dasar = model.objects.untuk(request.user)
    penyaring = penyaring_kelas(request.GET or None, queryset=dasar)
    qs = penyaring.qs if penyaring.is_bound and penyaring.is_valid() else dasar.aktif()
    if request.GET.get("unduh") == "xlsx":
        return ekspor.respons_xlsx(selector(qs), kolom=kolom_ekspor, judul=judul_ekspor)
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    return render(
        request,
        templat,
        {
            "penyaring": penyaring,
            "halaman": _halaman_beranotasi(request, qs, selector),
            "parameter": parameter.urlencode(),
            "boleh_tambah": request.user.has_perm(f"kelompok.add_{model._meta.model_name}"),
            "menu_aktif": model._meta.model_name,
        },
    )


# ---------------------------------------------------------------- KPS


@login_required
@require_GET
def kps_daftar(request: HttpRequest) -> HttpResponse:
    return _daftar(
        request,
        model=Kps,
        penyaring_kelas=PenyaringKps,
        selector=selectors.kps_daftar,
        templat="kelompok/kps_daftar.html",
        judul_ekspor="KPS",
        kolom_ekspor=ekspor.KOLOM_KPS,
    )


def _simpan_kelompok(request, *, jenis: str, objek=None) -> HttpResponse:
    """Formulir tambah/ubah KPS atau KTH: simpan lalu ke halaman detail, atau tampilkan galat."""
    model, form_kelas = {"kps": (Kps, KpsForm), "kth": (Kth, KthForm)}[jenis]
    label = model._meta.verbose_name
    form = form_kelas(request.POST or None, instance=objek, user=request.user)
    if request.method == "POST" and form.is_valid():
        if objek is None and jenis == "kps":
            baru = services.kps_buat(kps=form.save(commit=False), oleh=request.user)
        else:
            baru = form.save()
        kata = "Perubahan" if objek else "Data"
        messages.success(request, f"{kata} {label} {baru} tersimpan.")
        return redirect(baru)
    return render(
        request, "kelompok/form_kelompok.html", {"form": form, "jenis": label, "objek": objek}
    )


@login_required
@permission_required("kelompok.add_kps", raise_exception=True)
def kps_tambah(request: HttpRequest) -> HttpResponse:
    return _simpan_kelompok(request, jenis="kps")


@login_required
@require_GET
def kps_detail(request: HttpRequest, pk: int) -> HttpResponse:
    kps = ambil(
        Kps, request.user, pk, select_related=("desa__kecamatan", "kabupaten", "provinsi__bpskl")
    )
    dapat_ubah = boleh_ubah(Kps, request.user, pk)
    return render(
        request,
        "kelompok/kps_detail.html",
        {
            "kps": kps,
            "kups_daftar": kps.kups.filter(diarsipkan_pada__isnull=True).order_by("nama"),
            "anggota": selectors.ringkasan_anggota(kps.anggota.all()),
            "kesiapan": selectors.kesiapan_dokumen(kps),
            "penugasan": kps.penugasan.filter(selesai__isnull=True).select_related("pendamping"),
            "riwayat": selectors.riwayat(kps),
            "boleh_ubah": dapat_ubah,
            "boleh_tugaskan": dapat_ubah and request.user.has_perm("kelompok.add_penugasan"),
            "menu_aktif": "kps",
        },
    )


@login_required
def kps_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, pk, ubah=True, select_related=("desa",))
    return _simpan_kelompok(request, jenis="kps", objek=kps)


# ---------------------------------------------------------------- arsip (KPS, KTH, KUPS)


@login_required
def kelompok_arsipkan(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    model = JENIS_KELOMPOK[jenis]
    objek = ambil(model, request.user, pk, ubah=True)
    form = ArsipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kelompok_arsipkan(
                objek=objek, oleh=request.user, alasan=form.cleaned_data["alasan"]
            )
        except services.TindakanTidakSah as galat:
            messages.error(request, str(galat))
        else:
            messages.success(
                request, f"{objek} diarsipkan. Datanya tetap tersimpan dan bisa dipulihkan."
            )
        return redirect(f"kelompok:{jenis}_detail", pk=pk)
    return render(request, "kelompok/arsipkan.html", {"form": form, "objek": objek, "jenis": jenis})


@login_required
@require_POST
def kelompok_pulihkan(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    model = JENIS_KELOMPOK[jenis]
    objek = ambil(model, request.user, pk, ubah=True)
    try:
        services.kelompok_pulihkan(objek=objek, oleh=request.user)
    except services.TindakanTidakSah as galat:
        messages.error(request, str(galat))
    else:
        messages.success(request, f"{objek} dipulihkan dari arsip.")
    return redirect(f"kelompok:{jenis}_detail", pk=pk)


# ---------------------------------------------------------------- KUPS


@login_required
def kups_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, pk, ubah=True)
    if not request.user.has_perm("kelompok.add_kups"):
        raise PermissionDenied
    form = KupsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kups = form.save(commit=False)
        kups.kps = kps
        kups.save()
        messages.success(request, f"KUPS {kups} tersimpan. Lengkapi daftar periksa kelasnya.")
        return redirect("kelompok:kups_syarat", pk=kups.pk)
    return render(
        request,
        "kelompok/form_sederhana.html",
        {"form": form, "judul": "Tambah KUPS", "induk": kps},
    )


@login_required
@require_GET
def kups_detail(request: HttpRequest, pk: int) -> HttpResponse:
    kups = ambil(Kups, request.user, pk, select_related=("kps",))
    per_kode = {s.kode: s for s in kups.syarat.all()}
    terpenuhi = [kode for kode, s in per_kode.items() if s.terpenuhi]
    kelas_berikut, kurang = kekurangan_kelas_berikut(terpenuhi)
    return render(
        request,
        "kelompok/kups_detail.html",
        {
            "kups": kups,
            "baris_syarat": [(s, per_kode.get(s.kode)) for s in SYARAT_KUPS],
            "kelas_berikut": kelas_berikut,
            "kurang": kurang,
            "dokumen": kups.dokumen.order_by("jenis", "-tanggal_dokumen"),
            "riwayat": selectors.riwayat(kups),
            "boleh_ubah": boleh_ubah(Kups, request.user, pk),
            "menu_aktif": "kps",
        },
    )


@login_required
def kups_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    kups = ambil(Kups, request.user, pk, ubah=True, select_related=("kps",))
    form = KupsForm(request.POST or None, instance=kups)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Perubahan KUPS {kups} tersimpan.")
        return redirect("kelompok:kups_detail", pk=kups.pk)
    return render(
        request,
        "kelompok/form_sederhana.html",
        {"form": form, "judul": f"Ubah KUPS {kups}", "induk": kups.kps},
    )


@login_required
def kups_syarat(request: HttpRequest, pk: int) -> HttpResponse:
    kups = ambil(Kups, request.user, pk, ubah=True, select_related=("kps",))
    formset = formset_syarat(kups, request.POST or None, request.FILES or None)
    if request.method == "POST" and formset.is_valid():
        kelas_lama = kups.get_kelas_display()
        services.kups_simpan_syarat(kups=kups, formset=formset, oleh=request.user)
        pesan = f"Daftar periksa tersimpan. Kelas KUPS: {kups.get_kelas_display()}"
        if kelas_lama != kups.get_kelas_display():
            pesan += f" (sebelumnya {kelas_lama})"
        messages.success(request, pesan + ".")
        return redirect("kelompok:kups_detail", pk=kups.pk)
    teks = {s.kode: s for s in SYARAT_KUPS}
    baris = [
        (teks[kode], f)
        for f in formset.forms
        if (kode := f.initial.get("kode") or f.instance.kode) in teks
    ]
    return render(
        request, "kelompok/kups_syarat.html", {"kups": kups, "formset": formset, "baris": baris}
    )


# ---------------------------------------------------------------- KTH


@login_required
@require_GET
def kth_daftar(request: HttpRequest) -> HttpResponse:
    return _daftar(
        request,
        model=Kth,
        penyaring_kelas=PenyaringKth,
        selector=selectors.kth_daftar,
        templat="kelompok/kth_daftar.html",
        judul_ekspor="KTH",
        kolom_ekspor=ekspor.KOLOM_KTH,
    )


@login_required
@permission_required("kelompok.add_kth", raise_exception=True)
def kth_tambah(request: HttpRequest) -> HttpResponse:
    return _simpan_kelompok(request, jenis="kth")


@login_required
@require_GET
def kth_detail(request: HttpRequest, pk: int) -> HttpResponse:
    kth = ambil(
        Kth, request.user, pk, select_related=("desa__kecamatan", "kabupaten", "provinsi", "kps")
    )
    return render(
        request,
        "kelompok/kth_detail.html",
        {
            "kth": kth,
            "anggota": selectors.ringkasan_anggota(kth.anggota.all()),
            "riwayat_kelas": kth.riwayat_kelas.all(),
            "riwayat": selectors.riwayat(kth),
            "boleh_ubah": boleh_ubah(Kth, request.user, pk),
            "menu_aktif": "kth",
        },
    )


@login_required
def kth_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    kth = ambil(Kth, request.user, pk, ubah=True, select_related=("desa",))
    return _simpan_kelompok(request, jenis="kth", objek=kth)


# ---------------------------------------------------------------- anggota


@login_required
@require_GET
def anggota_daftar(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    model = JENIS_KELOMPOK[jenis]
    kelompok = ambil(model, request.user, pk)
    qs = kelompok.anggota.filter(diarsipkan_pada__isnull=True).order_by("nama", "pk")
    cari = request.GET.get("q", "").strip()
    if cari:
        qs = qs.filter(nama__icontains=cari)
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    return render(
        request,
        "kelompok/anggota_daftar.html",
        {
            "kelompok": kelompok,
            "jenis": jenis,
            "halaman": _halaman(request, qs),
            "parameter": parameter.urlencode(),
            "q": cari,
            "boleh_ubah": boleh_ubah(model, request.user, pk),
            "menu_aktif": jenis,
        },
    )


@login_required
def anggota_tambah(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    model = JENIS_KELOMPOK[jenis]
    kelompok = ambil(model, request.user, pk, ubah=True)
    form = AnggotaForm(request.POST or None, kelompok=kelompok)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Anggota {form.instance} tersimpan.")
        if "simpan_tambah" in request.POST:
            return redirect("kelompok:anggota_tambah", jenis=jenis, pk=pk)
        return redirect("kelompok:anggota_daftar", jenis=jenis, pk=pk)
    return render(
        request,
        "kelompok/anggota_form.html",
        {"form": form, "kelompok": kelompok, "jenis": jenis},
    )


def _ambil_anggota(user, pk, *, ubah: bool) -> Anggota:
    anggota = get_object_or_404(Anggota.objects.untuk(user).select_related("kps", "kth"), pk=pk)
    if ubah and not (
        user.has_perm("kelompok.change_anggota")
        and Anggota.objects.untuk(user, ubah=True).filter(pk=pk).exists()
    ):
        raise PermissionDenied("Anda hanya dapat membaca data ini.")
    return anggota


@login_required
def anggota_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    anggota = _ambil_anggota(request.user, pk, ubah=True)
    kelompok = anggota.kps or anggota.kth
    jenis = "kps" if anggota.kps_id else "kth"
    form = AnggotaForm(request.POST or None, instance=anggota, kelompok=kelompok)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Data anggota {anggota} tersimpan.")
        return redirect("kelompok:anggota_daftar", jenis=jenis, pk=kelompok.pk)
    return render(
        request,
        "kelompok/anggota_form.html",
        {"form": form, "kelompok": kelompok, "jenis": jenis, "objek": anggota},
    )


@login_required
@require_POST
def anggota_arsipkan(request: HttpRequest, pk: int) -> HttpResponse:
    anggota = _ambil_anggota(request.user, pk, ubah=True)
    kelompok = anggota.kps or anggota.kth
    try:
        services.anggota_arsipkan(anggota=anggota, oleh=request.user)
    except services.TindakanTidakSah as galat:
        messages.error(request, str(galat))
    else:
        messages.success(request, f"Anggota {anggota} diarsipkan.")
    jenis = "kps" if anggota.kps_id else "kth"
    return redirect("kelompok:anggota_daftar", jenis=jenis, pk=kelompok.pk)


# ---------------------------------------------------------------- dokumen


@login_required
def dokumen_unggah(request: HttpRequest, pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, pk, ubah=True)
    if not request.user.has_perm("kelompok.add_dokumenpendukung"):
        raise PermissionDenied
    form = DokumenForm(
        request.POST or None,
        request.FILES or None,
        kps=kps,
        initial={"kups": request.GET.get("kups")},
    )
    if request.method == "POST" and form.is_valid():
        dokumen = form.save(commit=False)
        dokumen.diunggah_oleh = request.user
        dokumen.save()
        messages.success(request, f"{dokumen.get_jenis_display()} tersimpan.")
        return redirect("kelompok:kps_detail", pk=kps.pk)
    return render(
        request,
        "kelompok/form_sederhana.html",
        {"form": form, "judul": "Unggah dokumen pendukung", "induk": kps, "unggah": True},
    )


@login_required
@require_GET
def dokumen_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """Berkas unggahan hanya lewat view ini (bukan URL media publik): cakupan diperiksa."""
    dokumen = get_object_or_404(DokumenPendukung.objects.untuk(request.user), pk=pk)
    return respons_berkas(request, dokumen.berkas)


@login_required
@require_GET
def syarat_bukti_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """Bukti satu syarat kelas KUPS, bagi siapa pun yang boleh membaca KUPS-nya."""
    syarat = get_object_or_404(
        SyaratKupsTerpenuhi.objects.filter(kups__in=Kups.objects.untuk(request.user)), pk=pk
    )
    return respons_berkas(request, syarat.berkas_bukti)


# ---------------------------------------------------------------- penugasan


@login_required
@permission_required("kelompok.add_penugasan", raise_exception=True)
def penugasan_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    kps = ambil(Kps, request.user, pk, ubah=True)
    form = PenugasanForm(request.POST or None, kps=kps)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.penugasan_tambah(
                    kps=kps, pendamping=form.cleaned_data["pendamping"], oleh=request.user
                )
        except (services.TindakanTidakSah, IntegrityError) as galat:
            form.add_error("pendamping", str(galat))
        else:
            messages.success(request, f"{form.cleaned_data['pendamping']} ditugaskan ke {kps}.")
            return redirect("kelompok:kps_detail", pk=kps.pk)
    return render(
        request,
        "kelompok/form_sederhana.html",
        {"form": form, "judul": "Tugaskan pendamping", "induk": kps},
    )


@login_required
@require_POST
@permission_required("kelompok.change_penugasan", raise_exception=True)
def penugasan_akhiri(request: HttpRequest, pk: int) -> HttpResponse:
    penugasan = get_object_or_404(
        Penugasan.objects.select_related("pendamping", "kps"),
        pk=pk,
        kps__in=Kps.objects.untuk(request.user, ubah=True),
    )
    try:
        services.penugasan_akhiri(penugasan=penugasan, oleh=request.user)
    except services.TindakanTidakSah as galat:
        messages.error(request, str(galat))
    else:
        messages.success(request, f"Penugasan {penugasan.pendamping} di {penugasan.kps} diakhiri.")
    return redirect("kelompok:kps_detail", pk=penugasan.kps_id)


# ---------------------------------------------------------------- wilayah (htmx)

TINGKAT_WILAYAH = {
    "kabupaten": (Kabupaten, "provinsi", "provinsi_id", ("kecamatan", "desa")),
    "kecamatan": (Kecamatan, "kabupaten", "kabupaten_id", ("desa",)),
    "desa": (Desa, "kecamatan", "kecamatan_id", ()),
}


@login_required
@require_GET
def pilihan_wilayah(request: HttpRequest) -> HttpResponse:
    """Opsi <select> tingkat wilayah berikutnya; tingkat di bawahnya dikosongkan (out-of-band)."""
    try:
        model, nama_induk, kolom_induk, dikosongkan = TINGKAT_WILAYAH[request.GET.get("tingkat")]
    except KeyError as galat:
        raise Http404("Tingkat wilayah tidak dikenal.") from galat
    induk = request.GET.get(nama_induk, "")
    pilihan = model.objects.filter(**{kolom_induk: induk}).only("kode", "nama") if induk else []
    return render(
        request,
        "kelompok/_pilihan_wilayah.html",
        {"pilihan": pilihan, "dikosongkan": dikosongkan},
    )


# ---------------------------------------------------------------- impor Excel


class FormUnggahImpor(forms.Form):
    berkas = forms.FileField(
        label="Berkas Excel (.xlsx)",
        error_messages={"required": "Pilih berkas .xlsx yang akan diimpor."},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        validators=[batas_ukuran(IMPOR_MAKS_MB * 1024 * 1024)],
        help_text=f"Paling besar {IMPOR_MAKS_MB} MB (5.000 baris data cukup dalam 1 MB).",
    )


def _impor(request: HttpRequest, *, jenis: str, kelompok=None, kembali: str) -> HttpResponse:
    """Unggah -> pratinjau (semua baris salah dan alasannya) -> konfirmasi -> simpan semua."""
    kunci_sesi = f"impor:{jenis}:{getattr(kelompok, 'pk', '')}"
    form = FormUnggahImpor(request.POST or None, request.FILES or None)
    hasil = None
    if request.method == "POST" and request.POST.get("langkah") == "simpan":
        jalur = request.session.get(kunci_sesi)
        if not jalur or not default_storage.exists(jalur):
            messages.error(request, "Berkas pratinjau sudah tidak ada. Unggah ulang berkasnya.")
            return redirect(request.path)
        with default_storage.open(jalur, "rb") as berkas:
            hasil = impor.pratinjau(jenis, berkas, user=request.user, kelompok=kelompok)
        if hasil.boleh_diimpor:
            try:
                jumlah = impor.simpan(hasil, user=request.user)
            except IntegrityError:
                messages.error(request, "Data berubah sejak pratinjau (nomor ganda). Unggah ulang.")
            else:
                default_storage.delete(jalur)
                del request.session[kunci_sesi]
                messages.success(
                    request, f"{jumlah} baris {impor.SPESIFIKASI[jenis].judul} diimpor."
                )
                return redirect(kembali)
    elif request.method == "POST" and form.is_valid():
        jalur = default_storage.save(
            f"impor/sementara/{uuid.uuid4().hex}.xlsx", form.cleaned_data["berkas"]
        )
        lama = request.session.get(kunci_sesi)
        if lama:
            default_storage.delete(lama)
        request.session[kunci_sesi] = jalur
        with default_storage.open(jalur, "rb") as berkas:
            hasil = impor.pratinjau(jenis, berkas, user=request.user, kelompok=kelompok)
    return render(
        request,
        "kelompok/impor.html",
        {
            "form": form,
            "hasil": hasil,
            "spek": impor.SPESIFIKASI[jenis],
            "jenis": jenis,
            "kelompok": kelompok,
            "kembali": kembali,
        },
    )


@login_required
def impor_kelompok(request: HttpRequest, jenis: str) -> HttpResponse:
    if jenis not in ("kps", "kth"):
        raise Http404("Jenis impor tidak dikenal.")
    if not request.user.has_perm(f"kelompok.add_{jenis}"):
        raise PermissionDenied
    return _impor(request, jenis=jenis, kembali=reverse(f"kelompok:{jenis}_daftar"))


@login_required
def impor_anggota(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    kelompok = ambil(JENIS_KELOMPOK[jenis], request.user, pk, ubah=True)
    if not request.user.has_perm("kelompok.add_anggota"):
        raise PermissionDenied
    return _impor(
        request,
        jenis="anggota",
        kelompok=kelompok,
        kembali=reverse("kelompok:anggota_daftar", args=[jenis, pk]),
    )


@login_required
@require_GET
def impor_templat(request: HttpRequest, jenis: str) -> FileResponse:
    if jenis not in impor.SPESIFIKASI:
        raise Http404("Jenis impor tidak dikenal.")
    berkas = tempfile.TemporaryFile()  # noqa: SIM115  (ditutup FileResponse)
    impor.templat_xlsx(jenis, berkas)
    berkas.seek(0)
    return FileResponse(
        berkas,
        as_attachment=True,
        filename=f"templat-impor-{jenis}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
