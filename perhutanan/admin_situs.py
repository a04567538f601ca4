"""Situs /admin/ hanya untuk admin nasional.

Admin Django tidak mengenal cakupan wilayah: formulir ubah, riwayat dan "kembalikan ke versi
ini" (django-simple-history) bekerja pada objek mana pun. Membatasinya per model satu per satu
terbukti bocor (admin provinsi bisa menjadikan dirinya nasional, memindahkan provinsi ke BPSKL
lain, membaca sertifikat provinsi lain). Maka situs ini tertutup untuk semua kecuali admin
nasional; admin provinsi mengelola pengguna provinsinya di aplikasi (/akun/pengguna/), dengan
cakupan dari `akun.lingkup_pengguna`.
"""

from django.contrib import admin

from akun.predikat import admin_nasional


class SitusAdminNasional(admin.AdminSite):
    site_header = "Administrasi Perhutanan (nasional)"
    site_title = "Perhutanan"
    index_title = "Konfigurasi nasional"

    def has_permission(self, request) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff and admin_nasional(user))
