"""Cara view mengambil objek dalam cakupan pengguna: 404 di luar cakupan, 403 bila hanya baca.

Cakupan wilayah datang dari satu metode queryset per model, `Model.objects.untuk(user, ubah=)`;
izin model Django (`app.change_model`) diperiksa bersama cakupan ubahnya.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404


def _izin_ubah(model) -> str:
    return f"{model._meta.app_label}.change_{model._meta.model_name}"


def boleh_ubah(model, user, pk) -> bool:
    return (
        user.has_perm(_izin_ubah(model))
        and model.objects.untuk(user, ubah=True).filter(pk=pk).exists()
    )


def ambil(model, user, pk, *, ubah: bool = False, select_related=(), pesan: str | None = None):
    """Objek dalam cakupan baca pengguna (404 bila di luar); 403 bila `ubah` tetapi tidak boleh."""
    qs = model.objects.untuk(user)
    if select_related:
        qs = qs.select_related(*select_related)
    objek = get_object_or_404(qs, pk=pk)
    if ubah and not boleh_ubah(model, user, pk):
        raise PermissionDenied(pesan or "Anda hanya dapat membaca data ini.")
    return objek
