from django.apps import AppConfig


class KelompokConfig(AppConfig):
    name = "kelompok"
    verbose_name = "Kelompok dan wilayah"
