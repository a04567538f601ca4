"""Pilihan wilayah bertingkat (htmx): provinsi, kabupaten, kecamatan, desa."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kelompok.models import Desa, Kabupaten, Kecamatan

TINGKAT_WILAYAH = {
    "kabupaten": (Kabupaten, "provinsi", "provinsi_id", ("kecamatan", "desa")),
    "kecamatan": (Kecamatan, "kabupaten", "kabupaten_id", ("desa",)),
    "desa": (Desa, "kecamatan", "kecamatan_id", ()),
}


@login_required
@require_GET
def pilihan_wilayah(request: HttpRequest) -> HttpResponse:
    """Opsi <select> tingkat wilayah berikutnya; tingkat di bawahnya dikosongkan (out-of-band)."""
    try:
        model, nama_induk, kolom_induk, dikosongkan = TINGKAT_WILAYAH[request.GET.get("tingkat")]
    except KeyError as galat:
        raise Http404("Tingkat wilayah tidak dikenal.") from galat
    induk = request.GET.get(nama_induk, "")
    pilihan = model.objects.filter(**{kolom_induk: induk}).only("kode", "nama") if induk else []
    return render(
        request,
        "kelompok/_pilihan_wilayah.html",
        {"pilihan": pilihan, "dikosongkan": dikosongkan},
    )
