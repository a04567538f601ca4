"""Middleware lintas aplikasi: proxy tepercaya, karakter NUL, sesi diam, kata sandi sementara,
dan cache halaman bertanda masuk."""

import functools
import ipaddress
import time

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse


@functools.lru_cache(maxsize=4)
def _jaringan_proxy(daftar: tuple[str, ...]) -> tuple:
    # Diurai sekali per isi pengaturan, bukan di setiap permintaan.
    return tuple(ipaddress.ip_network(j, strict=False) for j in daftar)


def dari_proxy_tepercaya(request) -> bool:
    if not settings.PROXY_TEPERCAYA:
        return False
    try:
        alamat = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(alamat in j for j in _jaringan_proxy(tuple(settings.PROXY_TEPERCAYA)))


def alamat_klien(request) -> str:
    """Alamat klien: X-Forwarded-For hanya dipercaya bila datang dari proxy tepercaya.

    Dipakai pencatat gagal masuk (django-axes) sehingga klien tidak bisa mengaku alamat lain.
    """
    if dari_proxy_tepercaya(request):
        diteruskan = request.META.get("HTTP_X_FORWARDED_FOR", "")
        # Proxy menambahkan alamat yang dilihatnya di ujung kanan daftar.
        terakhir = diteruskan.split(",")[-1].strip()
        if terakhir:
            return terakhir
    return request.META.get("REMOTE_ADDR", "")


class ProxyTepercayaMiddleware:
    """Buang tajuk X-Forwarded-* kecuali dari alamat proxy yang dikonfigurasi (PROXY_TEPERCAYA).

    SECURE_PROXY_SSL_HEADER membuat Django percaya X-Forwarded-Proto dari siapa pun; tanpa
    penyaringan ini klien yang menghubungi aplikasi langsung bisa mengaku HTTPS.
    """

    TAJUK = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not dari_proxy_tepercaya(request):
            for tajuk in self.TAJUK:
                request.META.pop(tajuk, None)
        return self.get_response(request)


class TolakNulMiddleware:
    """Karakter NUL di alamat atau parameter GET ditolak dengan halaman 400 berbahasa Indonesia.

    Parameter GET adalah saringan dan tautan, bukan isian yang diketik; isian POST diperiksa
    formulirnya (setiap CharField Django menolak NUL dengan pesan di samping isiannya).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in kunci or any("\x00" in v for v in nilai)
            for kunci, nilai in request.GET.lists()
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": "Alamat atau parameter berisi karakter NUL."}, status=400
                )
            return render(request, "400.html", status=400)
        return self.get_response(request)


class SesiDiamMiddleware:
    """Sesi berakhir setelah SESSION_COOKIE_AGE tanpa aktivitas.

    Masa berlaku diperbarui paling sering sekali per menit, bukan di setiap permintaan, agar
    halaman tidak menulis ke tabel sesi setiap kali dibuka.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            sekarang = int(time.time())
            if sekarang - request.session.get("aktif_terakhir", 0) >= 60:
                request.session["aktif_terakhir"] = sekarang
        return self.get_response(request)


class WajibGantiSandiMiddleware:
    """Pengguna dengan kata sandi sementara dari admin harus menggantinya dulu."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.wajib_ganti_sandi:
            boleh = {reverse("password_change"), reverse("logout")}
            if request.path not in boleh and not request.path.startswith(settings.STATIC_URL):
                return redirect("password_change")
        return self.get_response(request)


class CacheHalamanPribadiMiddleware:
    """Halaman dan berkas untuk pengguna yang masuk tidak disimpan cache peramban atau proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respons = self.get_response(request)
        if request.user.is_authenticated:
            respons["Cache-Control"] = "private, no-store"
        return respons


# Halaman yang boleh dibuka akun yang perannya hanya Mitra. Selain ini 403, apa pun yang
# dikembalikan cakupan view-nya: akun mitra tidak melihat daftar, peta, pencarian atau halaman
# lain yang kebetulan kosong baginya (pertahanan berlapis di atas PermohonanMitra.untuk).
HALAMAN_MITRA = frozenset(
    {
        "beranda",
        "beranda_peran",
        "login",
        "logout",
        "password_change",
        "password_change_done",
        "verifikasi",
        "kesehatan",
        "kerjasama:notifikasi",
        "kerjasama:permohonan_mitra_daftar",
        "kerjasama:permohonan_mitra_baru",
        "kerjasama:permohonan_mitra",
        "kerjasama:permohonan_mitra_tarik",
        "kerjasama:permohonan_mitra_surat",
        "kerjasama:permohonan_mitra_bukti",
        "kerjasama:portal_daftar",
        "kerjasama:portal_undangan",
    }
)


class HalamanMitraMiddleware:
    """Akun yang perannya hanya Mitra hanya membuka halaman portal mitra (HALAMAN_MITRA)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from akun import peran

        user = request.user
        if (
            user.is_authenticated
            and not user.is_superuser
            and user.daftar_peran == [peran.MITRA]
            and request.resolver_match.view_name not in HALAMAN_MITRA
        ):
            raise PermissionDenied("Halaman ini bukan untuk akun mitra.")
        return None
