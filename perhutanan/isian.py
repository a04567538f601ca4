"""Isian yang ditolak atau terputus tidak hilang: satu mekanisme untuk semua formulir.

Dua keadaan kehilangan isian yang ditangani di sini:

1. Formulir kecil di halaman detail (pindah tahap, permohonan, pindaian naskah, responden,
   bukti fisik) dikirim ke alamat tersendiri yang mengalihkan kembali ke halaman detail. Bila
   ditolak, view memanggil `kembalikan_isian(request, form)`: isian dan galat per kolom disimpan
   di sesi, dan halaman berikutnya mengisikan kembali nilainya serta menampilkan galat di samping
   kolomnya (static/js/isian-tertunda.js).
2. Sesi berakhir saat mengirim formulir: `SesiHabisMiddleware` menyimpan isian POST di sesi,
   mengalihkan ke halaman masuk dengan `next` = halaman formulirnya, dan setelah masuk formulir
   itu terisi kembali.

Berkas tidak dapat dikembalikan ke kotak unggah (peramban melarangnya); kolom berkas mendapat
pesan "pilih ulang berkas". Token CSRF dan kata sandi tidak pernah disimpan.
"""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

from perhutanan.luring import catat_isian_dikembalikan

KUNCI = "isian_tertunda"
MAKS_ENTRI = 5
TIDAK_DISIMPAN = {"csrfmiddlewaretoken", "_dimuat_pada", "_judul_halaman", "_berikutnya_luring"}
RAHASIA = ("password", "sandi", "token", "otp")
BERKAS_DIPILIH_ULANG = "Berkas tidak ikut tersimpan: pilih ulang berkasnya."


def _data_post(request) -> dict:
    return {
        k: v if len(v) > 1 else v[0]
        for k, v in request.POST.lists()
        if k not in TIDAK_DISIMPAN and not any(r in k.lower() for r in RAHASIA)
    }


def _simpan(request, entri: dict) -> None:
    daftar = [e for e in request.session.get(KUNCI, []) if e["aksi"] != entri["aksi"]]
    request.session[KUNCI] = [*daftar, entri][-MAKS_ENTRI:]


def kembalikan_isian(request, form=None, *, galat: dict | None = None, pesan: str = "") -> None:
    """Simpan isian POST ini (dan galat per kolomnya) untuk halaman yang dituju pengalihan."""
    catat_isian_dikembalikan()
    per_kolom: dict[str, list[str]] = {}
    if form is not None:
        for nama, daftar in form.errors.items():
            per_kolom[nama] = list(daftar)
    for nama, daftar in (galat or {}).items():
        per_kolom.setdefault(nama, []).extend(daftar)
    for nama in request.FILES:  # berkas tidak dapat dikembalikan ke kotak unggahnya
        per_kolom.setdefault(nama, []).append(BERKAS_DIPILIH_ULANG)
    _simpan(
        request,
        {
            "aksi": request.path,
            "data": _data_post(request),
            "galat": per_kolom,
            "pesan": pesan
            or "Isian Anda belum tersimpan. Perbaiki yang ditandai, lalu kirim lagi.",
        },
    )


def isian_tertunda(request) -> dict:
    """Pemroses konteks: isian tertunda diambil (sekali) oleh halaman yang sedang dirender."""
    sesi = getattr(request, "session", None)
    if (
        sesi is None
        or KUNCI not in sesi
        or request.method != "GET"
        or getattr(request, "htmx", False)
        or request.path == resolve_url(settings.LOGIN_URL)  # untuk halaman sesudah masuk
    ):
        return {}
    return {"isian_tertunda": sesi.pop(KUNCI)}


class SesiHabisMiddleware:
    """POST dari sesi yang sudah berakhir: isiannya disimpan, lalu masuk dan kembali ke formulir.

    Django mengalihkan POST tanpa sesi ke halaman masuk dengan `next` = alamat POST; alamat itu
    sering hanya menerima POST, jadi `next` diganti halaman tempat formulirnya berada (Referer).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.login = resolve_url(settings.LOGIN_URL)

    def __call__(self, request):
        # Dinilai sebelum view: keluar (logout) juga POST yang berakhir tanpa pengguna.
        tanpa_sesi = request.method == "POST" and not request.user.is_authenticated
        respons = self.get_response(request)
        if (
            not tanpa_sesi
            or not isinstance(respons, HttpResponseRedirect)
            or urlsplit(respons.url).path != self.login
            or request.path == self.login
        ):
            return respons
        asal = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(
            asal, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            asal = request.path
        kembali = urlsplit(asal)
        tujuan = kembali.path + (f"?{kembali.query}" if kembali.query else "")
        kembalikan_isian(
            request,
            pesan="Sesi Anda sempat berakhir. Isian Anda dikembalikan; periksa lalu kirim lagi.",
        )
        messages.warning(
            request,
            "Sesi Anda berakhir sebelum isian terkirim. Masuk lagi: isian Anda disimpan dan "
            "dikembalikan ke formulirnya.",
        )
        return HttpResponseRedirect(f"{self.login}?{urlencode({'next': tujuan})}")
