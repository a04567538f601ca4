from django.apps import AppConfig


class DokumenConfig(AppConfig):
    name = "dokumen"
    verbose_name = "Kantor penerbit dan penomoran"
