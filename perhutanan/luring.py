"""Kerja tanpa sinyal di sisi server: putusan atas draf yang dikirim ulang, dan bentrok.

Aplikasi lapangan (static/pwa/sw.js, static/js/luring.js) menyimpan formulir yang dikirim tanpa
sinyal sebagai draf di perangkat dan mengirimnya ulang saat tersambung, dengan kepala
`X-Perhutanan-Draf: 1`. Satu mekanisme di sini menjawab setiap kiriman ulang itu dengan putusan
JSON yang jelas, apa pun view-nya:

- `diterima`: view mengalihkan tanpa pesan galat dan tanpa mengembalikan isian;
- `ditolak`: view menampilkan formulirnya lagi (galat per kolom), mengalihkan dengan pesan
  galat atau mengembalikan isian (`kembalikan_isian`), atau menjawab 400/403/404/409/422;
- `bentrok`: data yang diubah formulir itu telah diubah pengguna lain sejak halamannya dibuka;
- `sesi`: perlu masuk lagi; draf tetap menunggu.
Pesan galatnya ikut dalam jawaban sehingga perangkat dapat menunjukkannya di samping drafnya.

Bentrok: setiap formulir POST membawa `_dimuat_pada` (waktu server saat halamannya dirender,
diisi luring.js dari `<meta name="dimuat-pada">`; halaman salinan luring membawa waktu aslinya).
Formulir model yang memakai `JagaBentrokMixin` menolak menyimpan bila riwayat objeknya
(django-simple-history) mencatat perubahan oleh pengguna lain sesudah waktu itu, dengan pesan
siapa dan kapan, sehingga tidak ada perubahan orang lain yang tertimpa diam-diam.
"""

from __future__ import annotations

import contextvars
import datetime
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import JsonResponse
from django.shortcuts import resolve_url
from django.utils import timezone

from perhutanan.models import Unggahan
from perhutanan.unggahan import pasang_unggahan

KEPALA_DRAF = "HTTP_X_PERHUTANAN_DRAF"
ISIAN_DIMUAT = "_dimuat_pada"


@dataclass
class KeadaanPermintaan:
    dimuat_pada: datetime.datetime | None = None
    pengguna_id: int | None = None
    bentrok: list[str] = field(default_factory=list)
    isian_dikembalikan: bool = False


_KEADAAN: contextvars.ContextVar[KeadaanPermintaan | None] = contextvars.ContextVar(
    "perhutanan_luring", default=None
)


def keadaan() -> KeadaanPermintaan | None:
    return _KEADAAN.get()


def _baca_waktu(teks: str) -> datetime.datetime | None:
    try:
        waktu = datetime.datetime.fromisoformat(teks[:40])
    except (TypeError, ValueError):
        return None
    if timezone.is_naive(waktu):
        return None
    return waktu


class PenyimpananPesan(FallbackStorage):
    """Penyimpanan pesan Django yang juga mencatat pesan galat permintaan ini (untuk putusan)."""

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.galat_permintaan: list[str] = []

    def add(self, level, message, extra_tags=""):
        if level >= constants.ERROR:
            self.galat_permintaan.append(str(message))
        return super().add(level, message, extra_tags)


def catat_isian_dikembalikan() -> None:
    """Dipanggil `kembalikan_isian`: view menolak isian walau menjawab dengan pengalihan."""
    k = keadaan()
    if k is not None:
        k.isian_dikembalikan = True


def bentrok_sejak_dimuat(objek, kolom=None) -> str | None:
    """Pesan bentrok bila pengguna lain mengubah `objek` (kolom `kolom` saja, bila diberikan)
    sesudah formulirnya dimuat; None bila tidak ada atau bukan kiriman yang membawa waktunya."""
    k = keadaan()
    if k is None or k.dimuat_pada is None or objek is None or objek.pk is None:
        return None
    if getattr(type(objek), "history", None) is None:
        return None
    sesudah = list(
        objek.history.filter(history_date__gt=k.dimuat_pada)
        .exclude(history_user_id=k.pengguna_id)
        .select_related("history_user")
        .order_by("-history_date")[:20]
    )
    for catatan in sesudah:
        sebelum = catatan.prev_record
        if sebelum is None:
            continue  # catatan pembuatan: tidak ada isi lama yang tertimpa
        if kolom is not None:
            berubah = {c.field for c in catatan.diff_against(sebelum).changes}
            if not berubah & set(kolom):
                continue  # perubahan itu tidak menyentuh isian formulir ini
        oleh = catatan.history_user or "sistem"
        waktu = timezone.localtime(catatan.history_date)
        dimuat = timezone.localtime(k.dimuat_pada)
        pesan = (
            f"Data ini diubah oleh {oleh} pada {waktu:%d-%m-%Y %H.%M} sesudah formulir ini "
            f"Anda buka ({dimuat:%d-%m-%Y %H.%M}). Isian Anda belum disimpan agar perubahan "
            "itu tidak tertimpa: periksa data terbaru, lalu isi dan kirim lagi."
        )
        k.bentrok.append(pesan)
        return pesan
    return None


class JagaBentrokMixin:
    """Formulir model: tolak menyimpan di atas perubahan pengguna lain (lihat modul ini)."""

    def clean(self):
        data = super().clean()
        pesan = bentrok_sejak_dimuat(getattr(self, "instance", None), kolom=set(self.fields))
        if pesan:
            raise forms.ValidationError(pesan, code="bentrok")
        return data


class LuringMiddleware:
    """Untuk setiap POST: menyiapkan pemeriksaan bentrok, memasang unggahan bertahap yang
    dirujuk formulir (dan menghapusnya setelah diterima), dan menjawab kiriman ulang draf dengan
    putusan JSON. Dipasang sesudah MessageMiddleware (pesan yang menjadi putusan tidak muncul
    lagi di halaman berikutnya)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.login = resolve_url(settings.LOGIN_URL)

    def __call__(self, request):
        if request.method != "POST":
            return self.get_response(request)
        k = KeadaanPermintaan(
            pengguna_id=request.user.pk if request.user.is_authenticated else None
        )
        if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            k.dimuat_pada = _baca_waktu(request.POST.get(ISIAN_DIMUAT, ""))
        token = _KEADAAN.set(k)
        try:
            unggahan = pasang_unggahan(request)
            respons = self.get_response(request)
        finally:
            _KEADAAN.reset(token)
        hasil, pesan = self.putusan(request, respons, k)
        if hasil == "diterima" and unggahan:
            Unggahan.objects.filter(pk__in=[u.pk for u in unggahan]).delete()
        if request.META.get(KEPALA_DRAF) != "1" or hasil is None:
            return respons
        if hasil != "sesi":
            list(get_messages(request))  # sudah menjadi putusan; tidak muncul lagi nanti
        return JsonResponse(
            {"hasil": hasil, "pesan": pesan, "lokasi": respons.get("Location", "")},
            headers={"Cache-Control": "no-store"},
        )

    def putusan(self, request, respons, k: KeadaanPermintaan) -> tuple[str | None, list[str]]:
        """(hasil, pesan) atas satu POST; hasil None: server bermasalah atau sibuk, perangkat
        mencoba lagi nanti."""
        kode = respons.status_code
        if kode >= 500 or kode == 429:
            return None, []
        pesan = getattr(getattr(request, "_messages", None), "galat_permintaan", [])
        lokasi = respons.get("Location", "")
        if (300 <= kode < 400 and urlsplit(lokasi).path == self.login) or getattr(
            request, "csrf_gagal", False
        ):
            hasil = "sesi"  # masuk lagi atau token basi: perangkat mengirim ulang nanti
        elif k.bentrok:
            hasil, pesan = "bentrok", k.bentrok
        elif 300 <= kode < 400:
            hasil = "ditolak" if pesan or k.isian_dikembalikan else "diterima"
        elif kode in (200, 201, 204) and not respons.get("Content-Type", "").startswith(
            "text/html"
        ):
            hasil = "diterima"  # misalnya unduhan berkas
        else:
            hasil = "ditolak"
        if hasil == "ditolak" and not pesan:
            pesan = [
                "Server menolak isian ini (kode "
                f"{kode}): buka formulirnya, isi ulang dari draf dan perbaiki yang ditandai."
                if kode >= 400
                else "Server menolak isian ini: buka formulirnya, isi ulang dari draf dan "
                "perbaiki yang ditandai."
            ]
        return hasil, list(dict.fromkeys(pesan))


def csrf_gagal(request, reason=""):
    """CSRF_FAILURE_VIEW: halaman bawaan Django, ditandai agar kiriman ulang draf dengan token
    basi dicoba lagi nanti (bukan dianggap ditolak)."""
    from django.views.csrf import csrf_failure

    request.csrf_gagal = True
    return csrf_failure(request, reason=reason)
