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
from django.http import JsonResponse
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


class GalatUnggahan(Exception):
    def __init__(self, pesan: str, status: int = 400, diterima: int | None = None):
        super().__init__(pesan)
        self.status = status
        self.diterima = diterima


def keadaan(u: Unggahan) -> dict:
    return {"id": str(u.pk), "diterima": u.diterima, "ukuran": u.ukuran, "selesai": u.selesai}


def unggahan_mulai(pengguna, *, nama: str, ukuran: int, jenis: str = "") -> Unggahan:
    nama, jenis = str(nama).strip()[:255], str(jenis)[:100]
    if not nama or "\x00" in nama or "\x00" in jenis:
        raise GalatUnggahan("Nama berkas tidak sah.")
    if ukuran <= 0:
        raise GalatUnggahan("Berkas kosong.")
    if ukuran > _batas():
        raise GalatUnggahan(f"Berkas lebih dari {settings.UNGGAHAN_MAKS_MB} MB.")
    lama = Unggahan.objects.filter(pengguna=pengguna).order_by("-diubah_pada")
    Unggahan.objects.filter(pk__in=lama.values("pk")[AKTIF_MAKS - 1 :]).delete()
    return Unggahan.objects.create(pengguna=pengguna, nama=nama, ukuran=ukuran, jenis=jenis)


def unggahan_milik(pengguna, pk) -> Unggahan:
    u = Unggahan.objects.filter(pk=pk, pengguna=pengguna).first()
    if u is None:
        raise GalatUnggahan("Unggahan tidak ada (atau sudah dipakai atau kedaluwarsa).", 404)
    return u


@transaction.atomic
def unggahan_tambah(pengguna, pk, *, mulai: int, isi: bytes) -> Unggahan:
    """Tambahkan potongan mulai bita `mulai`; 409 bila itu bukan posisi yang sudah diterima."""
    if not isi or len(isi) > POTONGAN_MAKS:
        raise GalatUnggahan("Potongan kosong atau lebih dari 1 MB.")
    u = Unggahan.objects.select_for_update().filter(pk=pk, pengguna=pengguna).first()
    if u is None:
        raise GalatUnggahan("Unggahan tidak ada (atau sudah dipakai atau kedaluwarsa).", 404)
    if mulai != u.diterima:
        raise GalatUnggahan("Lanjutkan dari posisi yang sudah diterima.", 409, u.diterima)
    if mulai + len(isi) > u.ukuran:
        raise GalatUnggahan("Potongan melebihi ukuran berkas.", 400, u.diterima)
    PotonganUnggahan.objects.create(unggahan=u, mulai=mulai, isi=isi)
    u.diterima = mulai + len(isi)
    u.save(update_fields=["diterima", "diubah_pada"])
    return u


def berkas_unggahan(pengguna, pk) -> tuple[Unggahan, SimpleUploadedFile] | None:
    """Berkas dari unggahan lengkap milik pengguna; None bila tidak ada atau belum lengkap."""
    try:
        pk = uuid.UUID(str(pk))
    except ValueError:
        return None
    u = Unggahan.objects.filter(pk=pk, pengguna=pengguna).first()
    if u is None or not u.selesai:
        return None
    isi = b"".join(bytes(p) for p in u.potongan.order_by("mulai").values_list("isi", flat=True))
    return u, SimpleUploadedFile(u.nama, isi, content_type=u.jenis or "application/octet-stream")


def _jawab_galat(e: GalatUnggahan) -> JsonResponse:
    lain = {} if e.diterima is None else {"diterima": e.diterima}
    return JsonResponse({"galat": str(e), **lain}, status=e.status)


@login_required
@require_http_methods(["POST"])
def unggah_mulai(request):
    try:
        data = json.loads(request.body or b"{}")
        u = unggahan_mulai(
            request.user,
            nama=data.get("nama", ""),
            ukuran=int(data.get("ukuran", 0)),
            jenis=data.get("jenis", ""),
        )
    except (ValueError, TypeError, AttributeError):
        return JsonResponse({"galat": "Permintaan unggah tidak terbaca."}, status=400)
    except GalatUnggahan as e:
        return _jawab_galat(e)
    return JsonResponse({**keadaan(u), "potongan": POTONGAN}, status=201)


@login_required
@require_http_methods(["GET", "PUT"])
def unggah_potongan(request, pk: uuid.UUID):
    try:
        if request.method == "GET":
            return JsonResponse(keadaan(unggahan_milik(request.user, pk)))
        try:
            mulai = int(request.GET.get("mulai", ""))
        except ValueError:
            raise GalatUnggahan("Posisi potongan (mulai) wajib berupa angka.") from None
        return JsonResponse(
            keadaan(unggahan_tambah(request.user, pk, mulai=mulai, isi=request.body))
        )
    except GalatUnggahan as e:
        return _jawab_galat(e)


def pasang_unggahan(request) -> list[Unggahan]:
    """Masukkan unggahan lengkap milik pengguna yang dirujuk `_unggahan:<kolom>` ke
    request.FILES[kolom]. Rujukan yang tidak dikenal atau belum lengkap dilewati: kolomnya
    kosong dan formulirnya menolak dengan pesannya sendiri."""
    rujukan = {k[len(AWALAN) :]: v for k, v in request.POST.items() if k.startswith(AWALAN) and v}
    if not rujukan or not request.user.is_authenticated:
        return []
    dipakai = []
    for kolom, nilai in rujukan.items():
        hasil = berkas_unggahan(request.user, nilai)
        if hasil is None:
            continue
        request.FILES.appendlist(kolom, hasil[1])
        dipakai.append(hasil[0])
    return dipakai


def bersihkan_unggahan_lama(sekarang=None) -> int:
    batas = (sekarang or timezone.now()) - UMUR_MAKS
    _, per_model = Unggahan.objects.filter(diubah_pada__lt=batas).delete()
    return per_model.get(Unggahan._meta.label, 0)
