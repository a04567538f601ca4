from django.apps import AppConfig


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from api import autentikasi  # noqa: F401  (ekstensi skema OpenAPI untuk token)
