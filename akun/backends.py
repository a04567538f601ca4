"""Backend izin model yang memakai akun.akses.muat_akses: satu kueri untuk peran dan izin."""

from django.contrib.auth.backends import ModelBackend

from akun.akses import muat_akses


class BackendIzin(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            muat_akses(user_obj)
        return user_obj._perm_cache
