from django.apps import AppConfig


class PenilaianConfig(AppConfig):
    name = "penilaian"
    verbose_name = "Penilaian"

    def ready(self) -> None:
        # Menyambungkan penerima sinyal kalender (tenggat KTH dihitung ulang).
        from penilaian.kth import services  # noqa: F401
