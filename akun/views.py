from axes.models import AccessAttempt
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from akun import selectors, services
from akun.beranda import beranda as beranda_peran_isi
from akun.forms import PenggunaForm
from akun.models import Pengguna
from akun.peran import peran_dari_kode


@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    """Arahkan pengguna ke beranda peran utamanya (halaman tujuan setelah masuk)."""
    peran = request.user.peran_utama
    if peran is None:
        return render(request, "akun/tanpa_peran.html")
    return redirect("beranda_peran", kode=peran.kode)


@login_required
def beranda_peran(request: HttpRequest, kode: str) -> HttpResponse:
    peran = peran_dari_kode(kode)
    if peran is None:
        raise Http404("Peran tidak dikenal.")
    if not request.user.punya_peran(peran):
        raise PermissionDenied("Halaman ini untuk peran lain.")
    return render(
        request,
        "akun/beranda.html",
        {"peran": peran, "isi": beranda_peran_isi(request.user, peran), "menu_aktif": "beranda"},
    )


class GantiSandiView(auth_views.PasswordChangeView):
    """Ganti kata sandi; kata sandi sementara dari admin tidak lagi wajib diganti sesudahnya."""

    def form_valid(self, form):
        respons = super().form_valid(form)
        if self.request.user.wajib_ganti_sandi:
            self.request.user.wajib_ganti_sandi = False
            self.request.user.save(update_fields=["wajib_ganti_sandi"])
        return respons


class KeluarView(auth_views.LogoutView):
    """Keluar (hanya POST), lalu beri tahu pengguna di halaman masuk."""

    def post(self, request, *args, **kwargs):
        respons = super().post(request, *args, **kwargs)
        messages.success(request, "Anda sudah keluar. Sampai jumpa.")
        return respons


# ------------------------------------------------------------------ pengelolaan pengguna


def _pastikan_admin(user) -> None:
    if not services.peran_yang_boleh_diberikan(user):
        raise PermissionDenied("Pengelolaan pengguna untuk admin.")


def _ambil_pengguna(user, pk: int) -> Pengguna:
    _pastikan_admin(user)
    return get_object_or_404(
        Pengguna.objects.untuk(user).select_related("provinsi", "bpskl"), pk=pk
    )


@login_required
@require_GET
def pengguna_daftar(request: HttpRequest) -> HttpResponse:
    _pastikan_admin(request.user)
    qs = (
        Pengguna.objects.untuk(request.user)
        .select_related("provinsi", "bpskl")
        .prefetch_related("groups")
        .order_by("nama", "username")
    )
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(username__icontains=q) | Q(email__icontains=q))
    saring_peran = peran_dari_kode(request.GET.get("peran", ""))
    if saring_peran is not None:
        qs = qs.filter(groups__name=saring_peran.nama_grup, is_active=True)
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    return render(
        request,
        "akun/pengguna_daftar.html",
        {
            "halaman": Paginator(qs, 25).get_page(request.GET.get("halaman")),
            "parameter": parameter.urlencode(),
            "q": q,
            "saring_peran": saring_peran,
            "menu_aktif": "pengguna",
        },
    )


def _simpan(request: HttpRequest, objek: Pengguna | None) -> HttpResponse:
    form = PenggunaForm(request.POST or None, instance=objek, oleh=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            pengguna, sandi = services.pengguna_simpan(
                pengguna=form.save(commit=False),
                peran=form.cleaned_data["peran"],
                oleh=request.user,
            )
        except services.TindakanTidakSah as galat:
            form.add_error(None, str(galat))
        else:
            messages.success(request, f"Data pengguna {pengguna} tersimpan.")
            if sandi:
                return _tampilkan_sandi(request, pengguna, sandi)
            return redirect("pengguna_detail", pk=pengguna.pk)
    return render(
        request,
        "akun/pengguna_form.html",
        {"form": form, "objek": objek, "menu_aktif": "pengguna"},
    )


def _tampilkan_sandi(request: HttpRequest, pengguna: Pengguna, sandi: str) -> HttpResponse:
    # Ditampilkan sekali di respons ini (tanpa pengalihan, tidak disimpan di sesi atau pesan).
    return render(
        request,
        "akun/pengguna_sandi.html",
        {"pengguna": pengguna, "sandi": sandi, "menu_aktif": "pengguna"},
    )


@login_required
def pengguna_tambah(request: HttpRequest) -> HttpResponse:
    _pastikan_admin(request.user)
    return _simpan(request, None)


@login_required
def pengguna_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    return _simpan(request, _ambil_pengguna(request.user, pk))


@login_required
@require_GET
def pengguna_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pengguna = _ambil_pengguna(request.user, pk)
    return render(
        request,
        "akun/pengguna_detail.html",
        {
            "pengguna": pengguna,
            "terkunci": AccessAttempt.objects.filter(
                username=pengguna.username, failures_since_start__gt=0
            ).exists(),
            "riwayat": selectors.riwayat_pengguna(pengguna),
            "menu_aktif": "pengguna",
        },
    )


@login_required
@require_POST
def pengguna_atur_ulang_sandi(request: HttpRequest, pk: int) -> HttpResponse:
    pengguna = _ambil_pengguna(request.user, pk)
    if pengguna.pk == request.user.pk:
        messages.error(request, "Ganti kata sandi Anda sendiri lewat menu Kata sandi.")
        return redirect("pengguna_detail", pk=pk)
    sandi = services.pengguna_atur_ulang_sandi(pengguna=pengguna, oleh=request.user)
    return _tampilkan_sandi(request, pengguna, sandi)


@login_required
@require_POST
def pengguna_buka_kunci(request: HttpRequest, pk: int) -> HttpResponse:
    pengguna = _ambil_pengguna(request.user, pk)
    services.pengguna_buka_kunci(pengguna=pengguna, oleh=request.user)
    messages.success(request, f"Penguncian masuk {pengguna} dibuka.")
    return redirect("pengguna_detail", pk=pk)
