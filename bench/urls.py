from django.http import HttpResponse
from django.urls import path

from perhutanan.urls import handler500  # noqa: F401  (halaman 503 saat basis data putus)
from perhutanan.urls import urlpatterns as proyek


def lantai(request):
    """View Django paling sederhana: batas bawah waktu tanggapan lewat middleware yang sama."""
    return HttpResponse("ok")


urlpatterns = [path("lantai/", lantai), *proyek]
