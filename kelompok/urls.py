app_name = "kelompok"

urlpatterns: list = []
