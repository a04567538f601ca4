"""Cara view mengambil objek dalam cakupan pengguna: 404 di luar cakupan, 403 bila hanya baca.

Cakupan wilayah datang dari satu metode queryset per model, `Model.objects.untuk(user, ubah=)`;
izin model Django (`app.change_model`) diperiksa bersama cakupan ubahnya.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet, Value
from django.shortcuts import get_object_or_404


def _izin_ubah(model) -> str:
    return f"{model._meta.app_label}.change_{model._meta.model_name}"


def boleh_ubah(model, user, pk) -> bool:
    return (
        user.has_perm(_izin_ubah(model))
        and model.objects.untuk(user, ubah=True).filter(pk=pk).exists()
    )


def anotasi_boleh_ubah(model, user, qs: QuerySet, jalur: str = "pk") -> QuerySet:
    """`qs` dengan kolom `_boleh_ubah`: objek `model` di `jalur` boleh diubah `user` (izin model
    dan cakupan ubah yang sama dengan `boleh_ubah`), dihitung di kueri yang sama."""
    if not user.has_perm(_izin_ubah(model)):
        return qs.annotate(_boleh_ubah=Value(False))
    cakupan = model.objects.untuk(user, ubah=True).filter(pk=OuterRef(jalur))
    return qs.annotate(_boleh_ubah=Exists(cakupan))


def ambil(
    model,
    user,
    pk,
    *,
    ubah: bool = False,
    dengan_ubah: bool = False,
    select_related=(),
    tunda=(),
    pesan: str | None = None,
):
    """Objek dalam cakupan baca pengguna (404 bila di luar); 403 bila `ubah` tetapi tidak boleh.

    Dengan `ubah` atau `dengan_ubah`, boleh-tidaknya diubah dihitung di kueri yang sama dan
    tersedia sebagai `objek.boleh_diubah` (tanpa kueri kedua). `tunda`: kolom besar yang tidak
    dibaca halaman itu (QuerySet.defer)."""
    qs = model.objects.untuk(user)
    if select_related:
        qs = qs.select_related(*select_related)
    if tunda:
        qs = qs.defer(*tunda)
    if not (ubah or dengan_ubah):
        return get_object_or_404(qs, pk=pk)
    return ambil_dari(qs, model, user, pk, ubah=ubah, pesan=pesan)


def ambil_dari(qs, model, user, pk, *, ubah: bool = False, jalur: str = "pk", pesan=None):
    """Baris `pk` dari `qs` (cakupan baca yang sudah disusun pemanggil; 404 bila di luar) dengan
    `boleh_diubah` untuk objek `model` di `jalur`, dari satu kueri; 403 bila `ubah` tetapi
    hanya boleh dibaca."""
    objek = get_object_or_404(anotasi_boleh_ubah(model, user, qs, jalur), pk=pk)
    objek.boleh_diubah = bool(objek._boleh_ubah)
    if ubah and not objek.boleh_diubah:
        raise PermissionDenied(pesan or "Anda hanya dapat membaca data ini.")
    return objek
