"""Akses pengguna (nama grup peran dan izin model) dibaca dalam satu kueri per permintaan.

ModelBackend bawaan membaca izin langsung dan izin grup dengan dua kueri terpisah, dan peran
(nama grup) butuh kueri ketiga; ketiganya dipakai di hampir setiap halaman (menu, cakupan
wilayah, tombol). Di sini ketiganya satu UNION ALL, dan hasilnya disimpan di objek pengguna
seperti cache bawaan Django (`_perm_cache`), jadi hanya berlaku selama permintaan itu.

SQL-nya ditulis sekali (nama tabel dari _meta model) dan bukan lewat ORM: menyusun UNION tiga
kueri ber-join lewat ORM memakan waktu lebih lama daripada menjalankannya, di setiap permintaan.
"""

from functools import cache

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection


@cache
def _sql(user_model) -> tuple[str, str]:
    """(SQL pengguna biasa, SQL superuser). Penanda '' membedakan baris grup dari baris izin:
    app_label tidak pernah kosong. Semua nama berasal dari _meta model, bukan dari masukan."""
    q = connection.ops.quote_name
    grup = q(Group._meta.db_table)
    izin = q(Permission._meta.db_table)
    jenis = q(ContentType._meta.db_table)
    izin_grup = q(Group.permissions.through._meta.db_table)
    anggota_grup = q(user_model.groups.through._meta.db_table)
    izin_langsung = q(user_model.user_permissions.through._meta.db_table)
    kolom = q(user_model._meta.model_name + "_id")
    ke_jenis = f"JOIN {jenis} ct ON ct.id = p.content_type_id"
    baris_grup = (
        f"SELECT '' AS a, g.name AS b FROM {grup} g "  # noqa: S608
        f"JOIN {anggota_grup} ug ON ug.group_id = g.id WHERE ug.{kolom} = %s"
    )
    biasa = (
        f"{baris_grup} UNION ALL "  # noqa: S608
        f"SELECT ct.app_label, p.codename FROM {izin_langsung} up "
        f"JOIN {izin} p ON p.id = up.permission_id {ke_jenis} WHERE up.{kolom} = %s "
        f"UNION ALL "
        f"SELECT ct.app_label, p.codename FROM {anggota_grup} ug "
        f"JOIN {izin_grup} gp ON gp.group_id = ug.group_id "
        f"JOIN {izin} p ON p.id = gp.permission_id {ke_jenis} WHERE ug.{kolom} = %s"
    )
    semua = f"{baris_grup} UNION ALL SELECT ct.app_label, p.codename FROM {izin} p {ke_jenis}"  # noqa: S608
    return biasa, semua


def muat_akses(user) -> None:
    """Isi `user._nama_grup_cache` dan `user._perm_cache` dari satu kueri."""
    biasa, semua = _sql(type(user))
    with connection.cursor() as kursor:
        if user.is_superuser:
            kursor.execute(semua, [user.pk])
        else:
            kursor.execute(biasa, [user.pk, user.pk, user.pk])
        baris = kursor.fetchall()
    user._nama_grup_cache = frozenset(b for a, b in baris if a == "")
    user._perm_cache = {f"{a}.{b}" for a, b in baris if a != ""}
