"""Portal mitra (Langkah I): pendaftaran dan undangan akun mitra, permohonan dari mitra, dan
tanggapan pendamping. Cakupan: PermohonanMitra.objects.untuk dan AkunMitra.objects.untuk."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlencode, urlsafe_base64_decode
from django.views.decorators.http import require_GET, require_POST

from akun.models import Pengguna
from kelompok.models import Kps, Kups
from kerjasama import portal
from kerjasama.forms import (
    BuktiButirForm,
    PendaftaranMitraForm,
    PermohonanMitraForm,
    PutusanPendaftaranForm,
    SandiUndanganForm,
    TanggapanPermohonanForm,
    UndanganMitraForm,
)
from kerjasama.models import (
    AkunMitra,
    BuktiPermohonan,
    Mitra,
    PermohonanMitra,
    akun_mitra_aktif,
)
from kerjasama.services import TindakanTidakSah, mitra_serupa
from kerjasama.uji_tuntas import butir_untuk
from perhutanan.berkas import respons_berkas
from perhutanan.middleware import alamat_klien
from perhutanan.riwayat import riwayat
from perhutanan.templatetags.formulir import ButirGalat

HASIL_CARI = 20


def _akun_mitra(user) -> AkunMitra:
    akun = akun_mitra_aktif(user)
    if akun is None:
        raise PermissionDenied("Halaman ini untuk akun mitra.")
    return akun


# ------------------------------------------------------------------ publik: daftar, undangan


def daftar_akun(request: HttpRequest) -> HttpResponse:
    """Pendaftaran mandiri akun mitra; aktif setelah disetujui pendamping atau staf BPSKL."""
    if request.user.is_authenticated:
        return redirect("beranda")
    form = PendaftaranMitraForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            akun = portal.daftar_mandiri(
                data=form.cleaned_data,
                sandi=form.cleaned_data["sandi1"],
                alamat_ip=alamat_klien(request) or None,
            )
        except TindakanTidakSah as e:
            form.add_error(None, str(e))
        else:
            return render(request, "kerjasama/portal_terdaftar.html", {"akun": akun})
    return render(request, "kerjasama/portal_daftar.html", {"form": form})


def _pengguna_undangan(uidb64: str, token: str) -> Pengguna | None:
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    pengguna = (
        Pengguna.objects.filter(
            pk=pk, akun_mitra__status=AkunMitra.Status.DIUNDANG, is_active=False
        )
        .select_related("akun_mitra__mitra")
        .first()
    )
    if pengguna is None or not default_token_generator.check_token(pengguna, token):
        return None
    return pengguna


def terima_undangan(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    pengguna = _pengguna_undangan(uidb64, token)
    if pengguna is None:
        return render(request, "kerjasama/portal_undangan_tidak_berlaku.html", status=404)
    form = SandiUndanganForm(request.POST or None, pengguna=pengguna)
    if request.method == "POST" and form.is_valid():
        try:
            portal.terima_undangan(pengguna=pengguna, sandi=form.cleaned_data["sandi1"])
        except TindakanTidakSah as e:
            form.add_error(None, str(e))
        else:
            login(request, pengguna, backend="akun.backends.BackendIzin")
            messages.success(
                request,
                f"Akun Anda aktif. Masuk berikutnya dengan nama pengguna {pengguna.username}.",
            )
            return redirect("beranda")
    return render(
        request,
        "kerjasama/portal_undangan.html",
        {"form": form, "pengguna": pengguna, "mitra": pengguna.akun_mitra.mitra},
    )


# ------------------------------------------------------------------ daftar permohonan


@login_required
@require_GET
def permohonan_daftar(request: HttpRequest) -> HttpResponse:
    """Akun mitra: permohonan lembaganya. Pegawai: permohonan kepada KPS dalam cakupannya, dan
    pendaftaran akun mitra di wilayahnya yang menunggu keputusan."""
    akun = akun_mitra_aktif(request.user)
    if akun is None and not request.user.has_perm("kerjasama.view_permohonanmitra"):
        raise PermissionDenied
    qs = (
        PermohonanMitra.objects.untuk(request.user)
        .select_related("mitra", "kps__kabupaten", "kups", "kerjasama")
        .order_by("-diajukan_pada", "-pk")
    )
    status = request.GET.get("status", "")
    if status in PermohonanMitra.Status.values:
        qs = qs.filter(status=status)
    pendaftaran = (
        AkunMitra.objects.untuk(request.user)
        .filter(status__in=[AkunMitra.Status.MENUNGGU, AkunMitra.Status.DIUNDANG])
        .select_related("pengguna", "mitra", "provinsi")
        .order_by("dibuat_pada", "pk")[:50]
        if akun is None
        else []
    )
    return render(
        request,
        "kerjasama/portal_permohonan_daftar.html",
        {
            "akun": akun,
            "halaman": Paginator(qs, 25).get_page(request.GET.get("halaman")),
            "status": status,
            "parameter": urlencode({"status": status}) if status else "",
            "pilihan_status": PermohonanMitra.Status.choices,
            "pendaftaran": pendaftaran,
            "menu_aktif": "permohonan_mitra" if akun else "kerjasama",
        },
    )


# ------------------------------------------------------------------ mitra: ajukan, tarik


def _sasaran(nilai: str) -> tuple[Kps, Kups | None] | None:
    """'kps-12' atau 'kups-7' menjadi (KPS, KUPS); KPS/KUPS yang diarsipkan tidak dituju."""
    jenis, _, pk = nilai.partition("-")
    if not pk.isdigit():
        return None
    if jenis == "kps":
        kps = Kps.objects.aktif().filter(pk=int(pk)).select_related("kabupaten", "provinsi")
        return (kps[0], None) if kps else None
    if jenis == "kups":
        kups = (
            Kups.objects.filter(
                pk=int(pk), diarsipkan_pada__isnull=True, kps__diarsipkan_pada__isnull=True
            )
            .select_related("kps__kabupaten", "kps__provinsi")
            .first()
        )
        return (kups.kps, kups) if kups else None
    return None


def _cari_sasaran(q: str) -> list[dict]:
    """KPS (nama atau nomor SK) dan KUPS (nama) aktif: hanya nama, kabupaten dan provinsi yang
    ditampilkan kepada mitra, tidak ada data kelompok lainnya."""
    if len(q) < 3:
        return []
    hasil = [
        {"nilai": f"kps-{k.pk}", "nama": k.nama, "jenis": "KPS", "letak": k}
        for k in Kps.objects.aktif()
        .filter(Q(nama__icontains=q) | Q(nomor_sk__iexact=q))
        .select_related("kabupaten", "provinsi")
        .order_by("nama", "pk")[:HASIL_CARI]
    ]
    hasil += [
        {
            "nilai": f"kups-{u.pk}",
            "nama": u.nama,
            "jenis": f"KUPS dari {u.kps.nama}",
            "letak": u.kps,
        }
        for u in Kups.objects.filter(
            nama__icontains=q, diarsipkan_pada__isnull=True, kps__diarsipkan_pada__isnull=True
        )
        .select_related("kps__kabupaten", "kps__provinsi")
        .order_by("nama", "pk")[:HASIL_CARI]
    ]
    return hasil


@login_required
def permohonan_baru(request: HttpRequest) -> HttpResponse:
    akun = _akun_mitra(request.user)
    q = request.GET.get("q", "").strip()[:100].replace("\x00", "")
    sasaran_nilai = (request.POST.get("sasaran") or request.GET.get("sasaran") or "")[:30]
    sasaran = _sasaran(sasaran_nilai)
    if sasaran is None:
        if request.method == "POST":
            messages.error(request, "Pilih dulu KPS atau KUPS yang dituju.")
        return render(
            request,
            "kerjasama/portal_sasaran.html",
            {"q": q, "hasil": _cari_sasaran(q), "menu_aktif": "permohonan_mitra"},
        )
    kps, kups = sasaran
    butir = butir_untuk(akun.mitra.kategori)
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    awal = {"kups": kups.pk} if kups else {}
    form = PermohonanMitraForm(*data, kps=kps, initial=awal)
    bukti = {
        b.kode: BuktiButirForm(*data, prefix=f"bukti-{b.kode}", wajib_berkas=b.kode == "legalitas")
        for b in butir
    }
    if request.method == "POST":
        # Setiap formulir divalidasi (bukan berhenti di yang pertama) agar semua galat tampil.
        sah = [f.is_valid() for f in (form, *bukti.values())]
        if all(sah):
            try:
                p = portal.permohonan_ajukan(
                    akun=akun,
                    data={**form.cleaned_data, "kps": kps},
                    bukti={
                        kode: (f.cleaned_data["keterangan"].strip(), f.cleaned_data["berkas"])
                        for kode, f in bukti.items()
                    },
                    oleh=request.user,
                )
            except TindakanTidakSah as e:
                form.add_error(None, str(e))
            else:
                messages.success(
                    request,
                    f"Permohonan terkirim kepada {kps}. Pendamping KPS diberi tahu; "
                    "tanggapannya akan muncul di sini dan di Notifikasi.",
                )
                return redirect(p)
    ringkasan = [
        ButirGalat(f"{b.teks}", pesan, f"id_bukti-{b.kode}-{nama}")
        for b in butir
        for nama, daftar in bukti[b.kode].errors.items()
        for pesan in daftar
    ]
    return render(
        request,
        "kerjasama/portal_permohonan_form.html",
        {
            "akun": akun,
            "kps": kps,
            "kups": kups,
            "sasaran": sasaran_nilai,
            "form": form,
            "bukti": [(b, bukti[b.kode]) for b in butir],
            "ringkasan_galat": ringkasan,
            "menu_aktif": "permohonan_mitra",
        },
    )


def _ambil_permohonan(user, pk: int, *, ubah: bool = False) -> PermohonanMitra:
    return get_object_or_404(
        PermohonanMitra.objects.untuk(user, ubah=ubah).select_related(
            "mitra",
            "kps__kabupaten",
            "kps__provinsi",
            "kups",
            "kerjasama",
            "diajukan_oleh",
            "diputuskan_oleh",
        ),
        pk=pk,
    )


@login_required
@require_GET
def permohonan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    p = _ambil_permohonan(request.user, pk)
    akun = akun_mitra_aktif(request.user)
    boleh_tanggapi = (
        akun is None
        and PermohonanMitra.objects.untuk(request.user, ubah=True).filter(pk=pk).exists()
    )
    kode_teks = {b.kode: b.teks for b in butir_untuk(p.mitra.kategori)}
    return render(
        request,
        "kerjasama/portal_permohonan_detail.html",
        {
            "p": p,
            "akun": akun,
            "bukti": [(kode_teks.get(b.kode, b.kode), b) for b in p.bukti.all()],
            "boleh_tanggapi": boleh_tanggapi and p.status == PermohonanMitra.Status.DIAJUKAN,
            "boleh_jadikan": boleh_tanggapi
            and p.status == PermohonanMitra.Status.DITERIMA
            and p.kerjasama_id is None
            and request.user.has_perm("kerjasama.add_kerjasama"),
            "boleh_tarik": akun is not None and p.status == PermohonanMitra.Status.DIAJUKAN,
            "form_tanggapan": TanggapanPermohonanForm(),
            "riwayat": riwayat(p) if akun is None else [],
            "menu_aktif": "permohonan_mitra" if akun else "kerjasama",
        },
    )


def _jalankan(request, p: PermohonanMitra, fungsi, sukses: str) -> HttpResponse:
    try:
        fungsi()
    except TindakanTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(request, sukses)
    return redirect(p)


@login_required
@require_POST
def permohonan_tanggapi(request: HttpRequest, pk: int) -> HttpResponse:
    p = _ambil_permohonan(request.user, pk, ubah=True)
    form = TanggapanPermohonanForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "kerjasama/portal_tanggapan.html",
            {"p": p, "form": form, "menu_aktif": "kerjasama"},
            status=200,
        )
    terima = form.cleaned_data["keputusan"] == "terima"
    return _jalankan(
        request,
        p,
        lambda: portal.permohonan_putuskan(
            permohonan=p, oleh=request.user, terima=terima, catatan=form.cleaned_data["catatan"]
        ),
        "Permohonan diterima; mitra diberi tahu. Jadikan kerja sama bila sudah siap."
        if terima
        else "Permohonan ditolak; mitra diberi tahu beserta alasannya.",
    )


@login_required
@require_POST
def permohonan_tarik(request: HttpRequest, pk: int) -> HttpResponse:
    p = _ambil_permohonan(request.user, pk)
    return _jalankan(
        request,
        p,
        lambda: portal.permohonan_tarik(permohonan=p, oleh=request.user),
        "Permohonan ditarik; pendamping KPS diberi tahu.",
    )


@login_required
@require_GET
def permohonan_surat(request: HttpRequest, pk: int) -> HttpResponse:
    return respons_berkas(request, _ambil_permohonan(request.user, pk).surat)


@login_required
@require_GET
def permohonan_bukti(request: HttpRequest, pk: int) -> HttpResponse:
    bukti = get_object_or_404(
        BuktiPermohonan.objects.filter(permohonan__in=PermohonanMitra.objects.untuk(request.user)),
        pk=pk,
    )
    if not bukti.berkas:
        raise Http404
    return respons_berkas(request, bukti.berkas)


# ------------------------------------------------------------------ pegawai: akun mitra


@login_required
def akun_mitra(request: HttpRequest, pk: int) -> HttpResponse:
    """Pendaftaran mandiri (setujui dengan menautkan ke registri, atau tolak) atau undangan."""
    akun = get_object_or_404(
        AkunMitra.objects.untuk(request.user).select_related(
            "pengguna", "mitra", "provinsi", "dibuat_oleh", "diputuskan_oleh"
        ),
        pk=pk,
    )
    serupa = (
        mitra_serupa(nama=akun.nama_lembaga, nomor_registrasi=akun.nomor_registrasi)
        if akun.status == AkunMitra.Status.MENUNGGU
        else []
    )
    form = PutusanPendaftaranForm(request.POST or None, serupa=serupa)
    if request.method == "POST":
        if akun.status != AkunMitra.Status.MENUNGGU:
            messages.error(request, "Pendaftaran ini sudah diputuskan.")
            return redirect(akun)
        if form.is_valid():
            setuju = form.cleaned_data["keputusan"] == "setuju"
            try:
                akun = portal.pendaftaran_putuskan(
                    akun=akun,
                    oleh=request.user,
                    setuju=setuju,
                    mitra=form.cleaned_data.get("mitra"),
                    alasan=form.cleaned_data["alasan"],
                )
            except TindakanTidakSah as e:
                form.add_error(None, str(e))
            else:
                messages.success(
                    request,
                    f"Akun {akun.pengguna} aktif sebagai wakil {akun.mitra}; pendaftar diberi tahu."
                    if setuju
                    else "Pendaftaran ditolak; alasannya dikirim ke surel pendaftar.",
                )
                return redirect(akun)
    return render(
        request,
        "kerjasama/portal_akun.html",
        {
            "akun": akun,
            "serupa": serupa,
            "form": form,
            "masa_undangan": portal.masa_undangan_hari(),
            "riwayat": riwayat(akun),
            "menu_aktif": "kerjasama",
        },
    )


@login_required
@require_POST
def akun_mitra_kirim_ulang(request: HttpRequest, pk: int) -> HttpResponse:
    akun = get_object_or_404(
        AkunMitra.objects.untuk(request.user).select_related("pengguna", "mitra", "dibuat_oleh"),
        pk=pk,
    )
    try:
        portal.kirim_ulang_undangan(akun=akun, oleh=request.user)
    except TindakanTidakSah as e:
        messages.error(request, str(e))
    except OSError as e:
        messages.error(request, f"Surel undangan gagal dikirim ({e}). Coba lagi nanti.")
    else:
        messages.success(request, f"Undangan dikirim ulang ke {akun.pengguna.email}.")
    return redirect(akun)


@login_required
def mitra_undang(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("kerjasama.add_akunmitra"):
        raise PermissionDenied("Undangan akun mitra dibuat oleh pendamping atau staf BPSKL.")
    mitra = get_object_or_404(
        Mitra.objects.boleh_diundang(request.user).select_related("provinsi"), pk=pk
    )
    form = UndanganMitraForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            portal.undang(
                mitra=mitra,
                nama=form.cleaned_data["nama"],
                surel=form.cleaned_data["surel"],
                oleh=request.user,
            )
        except TindakanTidakSah as e:
            form.add_error(None, str(e))
        except OSError as e:
            form.add_error(None, f"Surel undangan gagal dikirim ({e}); undangan tidak dibuat.")
        else:
            messages.success(
                request,
                f"Undangan dikirim ke {form.cleaned_data['surel']}; tautannya berlaku "
                f"{portal.masa_undangan_hari()} hari.",
            )
            return redirect(mitra)
    return render(
        request,
        "kerjasama/portal_undang.html",
        {
            "mitra": mitra,
            "form": form,
            "masa_undangan": portal.masa_undangan_hari(),
            "menu_aktif": "mitra",
        },
    )
