from django.apps import AppConfig


class KelompokConfig(AppConfig):
    name = "kelompok"
    verbose_name = "Kelompok dan wilayah"

    def ready(self) -> None:
        from kelompok import pilihan  # noqa: F401  (sinyal pengosong cache pilihan provinsi)
