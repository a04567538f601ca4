from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from api import views

app_name = "api"

rute = SimpleRouter(trailing_slash=True)
rute.register("kps", views.KpsViewSet, basename="kps")
rute.register("kups", views.KupsViewSet, basename="kups")
rute.register("kth", views.KthViewSet, basename="kth")
rute.register("anggota", views.AnggotaViewSet, basename="anggota")
rute.register("mitra", views.MitraViewSet, basename="mitra")
rute.register("kerja-sama", views.KerjaSamaViewSet, basename="kerjasama")
rute.register("evaluasi-hkm", views.EvaluasiHkmViewSet, basename="evaluasi_hkm")
rute.register("responden-hkm", views.RespondenViewSet, basename="responden_hkm")
rute.register("penilaian-kth", views.PenilaianKthViewSet, basename="penilaian_kth")
rute.register("sertifikat", views.SertifikatViewSet, basename="sertifikat")
rute.register("pertukaran", views.PertukaranViewSet, basename="pertukaran")
rute.register("unggahan", views.UnggahanViewSet, basename="unggahan")

urlpatterns = [
    path("skema/", SpectacularAPIView.as_view(), name="skema"),
    # Swagger UI menulis gaya di atribut style; skrip tetap hanya dari berkas sendiri.
    path(
        "dokumentasi/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:skema")
        ),
        name="dokumentasi",
    ),
    path("", include(rute.urls)),
]
