"""Peran dan izin pengguna dibaca dalam satu kueri per permintaan, dengan hasil yang sama."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission

from akun import peran
from akun.backends import BackendIzin
from akun.models import Pengguna


def test_roles_and_permissions_come_from_one_query(penilai, django_assert_num_queries):
    penilai.user_permissions.add(Permission.objects.get(codename="view_mitra"))
    segar = Pengguna.objects.get(pk=penilai.pk)
    with django_assert_num_queries(1):
        assert segar.punya_peran(peran.PENILAI_KTH)
        assert segar.has_perm("kerjasama.view_mitra")  # izin langsung
        assert segar.has_perm("penilaian.view_penilaiankth")  # izin dari grup
        assert not segar.has_perm("akun.delete_pengguna")
    acuan = Pengguna.objects.get(pk=penilai.pk)
    assert BackendIzin().get_all_permissions(segar) == ModelBackend().get_all_permissions(acuan)


def test_a_superuser_has_every_permission_and_an_inactive_user_none(admin_nasional, penilai):
    super_ = Pengguna.objects.create_superuser("akar", "akar@example.id", "x", nama="Akar")
    assert len(BackendIzin().get_all_permissions(super_)) == Permission.objects.count()
    penilai.is_active = False
    penilai.save()
    segar = Pengguna.objects.get(pk=penilai.pk)
    assert BackendIzin().get_all_permissions(segar) == set()
    assert segar.punya_peran(peran.PENILAI_KTH)  # peran tetap terbaca
