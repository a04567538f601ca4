from django.apps import AppConfig


class PerhutananConfig(AppConfig):
    """Paket konfigurasi proyek: format, tag templat dan perintah lintas aplikasi."""

    name = "perhutanan"
    verbose_name = "Perhutanan"
