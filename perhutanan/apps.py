from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class PerhutananConfig(AppConfig):
    """Paket konfigurasi proyek: format, tag templat dan perintah lintas aplikasi."""

    default = True
    name = "perhutanan"
    verbose_name = "Perhutanan"


class AdminPerhutananConfig(admin_apps.AdminConfig):
    """Admin Django dengan situs yang hanya terbuka untuk admin nasional (lihat admin_situs)."""

    default = False
    default_site = "perhutanan.admin_situs.SitusAdminNasional"
