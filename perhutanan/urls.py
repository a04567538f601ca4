from django.contrib import admin
from django.urls import include, path

from api.halaman import token_api, token_cabut
from dokumen.views import verifikasi
from perhutanan import unggahan, views
from perhutanan.cari import cari

handler500 = "perhutanan.views.galat_server"

urlpatterns = [
    path("", include("akun.urls")),
    path("kelompok/", include("kelompok.urls")),
    path("kerja-sama/", include("kerjasama.urls")),
    path("penilaian/", include("penilaian.urls")),
    path("dokumen/", include("dokumen.urls")),
    path("laporan/", include("laporan.urls")),
    path("api/v1/", include("api.urls")),
    path("akun/token-api/", token_api, name="token_api"),
    path("akun/token-api/<int:pk>/cabut/", token_cabut, name="token_cabut"),
    path("cari/", cari, name="cari"),
    path("kesehatan/", views.kesehatan, name="kesehatan"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("luring/", views.luring, name="luring"),
    path("luring/draf/", views.draf_luring, name="draf_luring"),
    path("unggah/", unggahan.unggah_mulai, name="unggah_mulai"),
    path("unggah/<uuid:pk>/", unggahan.unggah_potongan, name="unggah_potongan"),
    path("verifikasi/<str:kode>/", verifikasi, name="verifikasi"),
    path("admin/", admin.site.urls),
]
