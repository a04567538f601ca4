"""Unggahan bertahap yang dapat dilanjutkan (static/js/unggah-bertahap.js).

Protokol (semua JSON, sesi yang sama dengan halaman, token CSRF di kepala X-CSRFToken):

- `POST /unggah/` {nama, ukuran, jenis} -> 201 {id, diterima: 0, ukuran, potongan}
- `GET /unggah/<id>/` -> {id, diterima, ukuran, selesai}: dari mana melanjutkan setelah putus
- `PUT /unggah/<id>/?mulai=N` isi = potongan berikutnya -> {diterima}; 409 {diterima} bila N
  bukan posisi yang sudah diterima server (potongan ganda atau terlewat tidak pernah tercampur)

Formulir mana pun memakai unggahan yang lengkap dengan mengirim `_unggahan:<nama kolom>` = id di
tempat berkasnya: `pasang_unggahan` memasukkannya ke `request.FILES` sebelum view berjalan,
sehingga pemeriksaan isi berkas di formulirnya berlaku seperti biasa. Setelah formulir
diterima (pengalihan), unggahannya dihapus.
"""

from __future__ import annotations

import datetime
import json
import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from perhutanan.models import PotonganUnggahan, Unggahan

AWALAN = "_unggahan:"
POTONGAN = 256 * 1024
POTONGAN_MAKS = 1024 * 1024
AKTIF_MAKS = 20
UMUR_MAKS = datetime.timedelta(hours=24)


def _batas() -> int:
    return settings.UNGGAHAN_MAKS_MB * 1024 * 1024


def _galat(pesan: str, status: int = 400, **lain) -> JsonResponse:
    return JsonResponse({"galat": pesan, **lain}, status=status)


def _keadaan(u: Unggahan) -> dict:
    return {"id": str(u.pk), "diterima": u.diterima, "ukuran": u.ukuran, "selesai": u.selesai}


@login_required
@require_http_methods(["POST"])
def unggah_mulai(request):
    try:
        data = json.loads(request.body or b"{}")
        nama = str(data.get("nama", "")).strip()[:255]
        ukuran = int(data.get("ukuran", 0))
        jenis = str(data.get("jenis", ""))[:100]
    except (ValueError, TypeError, AttributeError):
        return _galat("Permintaan unggah tidak terbaca.")
    if not nama or "\x00" in nama or "\x00" in jenis:
        return _galat("Nama berkas tidak sah.")
    if ukuran <= 0:
        return _galat("Berkas kosong.")
    if ukuran > _batas():
        return _galat(f"Berkas lebih dari {settings.UNGGAHAN_MAKS_MB} MB.")
    lama = Unggahan.objects.filter(pengguna=request.user).order_by("-diubah_pada")
    Unggahan.objects.filter(pk__in=lama.values("pk")[AKTIF_MAKS - 1 :]).delete()
    u = Unggahan.objects.create(pengguna=request.user, nama=nama, ukuran=ukuran, jenis=jenis)
    return JsonResponse({**_keadaan(u), "potongan": POTONGAN}, status=201)


@login_required
@require_http_methods(["GET", "PUT"])
def unggah_potongan(request, pk: uuid.UUID):
    if request.method == "GET":
        u = Unggahan.objects.filter(pk=pk, pengguna=request.user).first()
        if u is None:
            raise Http404
        return JsonResponse(_keadaan(u))
    try:
        mulai = int(request.GET.get("mulai", ""))
    except ValueError:
        return _galat("Posisi potongan (mulai) wajib berupa angka.")
    isi = request.body
    if not isi or len(isi) > POTONGAN_MAKS:
        return _galat("Potongan kosong atau lebih dari 1 MB.")
    with transaction.atomic():
        u = Unggahan.objects.select_for_update().filter(pk=pk, pengguna=request.user).first()
        if u is None:
            raise Http404
        if mulai != u.diterima:
            return _galat("Lanjutkan dari posisi yang sudah diterima.", 409, diterima=u.diterima)
        if mulai + len(isi) > u.ukuran:
            return _galat("Potongan melebihi ukuran berkas.", diterima=u.diterima)
        PotonganUnggahan.objects.create(unggahan=u, mulai=mulai, isi=isi)
        u.diterima = mulai + len(isi)
        u.save(update_fields=["diterima", "diubah_pada"])
    return JsonResponse(_keadaan(u))


def _berkas(u: Unggahan) -> SimpleUploadedFile:
    isi = b"".join(bytes(p) for p in u.potongan.order_by("mulai").values_list("isi", flat=True))
    return SimpleUploadedFile(u.nama, isi, content_type=u.jenis or "application/octet-stream")


def pasang_unggahan(request) -> list[Unggahan]:
    """Masukkan unggahan lengkap milik pengguna yang dirujuk `_unggahan:<kolom>` ke
    request.FILES[kolom]. Rujukan yang tidak dikenal atau belum lengkap dilewati: kolomnya
    kosong dan formulirnya menolak dengan pesannya sendiri."""
    rujukan = {k[len(AWALAN) :]: v for k, v in request.POST.items() if k.startswith(AWALAN) and v}
    if not rujukan or not request.user.is_authenticated:
        return []
    dipakai = []
    for kolom, nilai in rujukan.items():
        try:
            pk = uuid.UUID(nilai)
        except ValueError:
            continue
        u = Unggahan.objects.filter(pk=pk, pengguna=request.user).first()
        if u is None or not u.selesai:
            continue
        request.FILES.appendlist(kolom, _berkas(u))
        dipakai.append(u)
    return dipakai


def bersihkan_unggahan_lama(sekarang=None) -> int:
    batas = (sekarang or timezone.now()) - UMUR_MAKS
    _, per_model = Unggahan.objects.filter(diubah_pada__lt=batas).delete()
    return per_model.get(Unggahan._meta.label, 0)
