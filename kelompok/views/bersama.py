"""Bagian bersama halaman kelompok: paginasi, daftar dengan penyaring dan ekspor, formulir
KPS/KTH.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kelompok import ekspor, services
from kelompok.forms import KpsForm, KthForm
from kelompok.models import Kps, Kth, Kups, Penugasan

PER_HALAMAN = 25
JENIS_KELOMPOK = {"kps": Kps, "kth": Kth, "kups": Kups}


def paginasi(request: HttpRequest, qs):
    return Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))


def halaman_beranotasi(request: HttpRequest, qs, selector):
    """Halaman daftar: kunci baris dipotong dulu, baru 25 baris itu dibaca lengkap.

    Anotasi jumlah (subkueri per baris) hanya dihitung untuk baris yang tampil, bukan untuk
    semua baris yang dilewati OFFSET di halaman belakang.
    """
    halaman = paginasi(request, qs.values_list("pk", flat=True))
    kunci = list(halaman.object_list)
    urutan = {pk: i for i, pk in enumerate(kunci)}
    baris = selector(qs.model.objects.filter(pk__in=kunci))
    halaman.object_list = sorted(baris, key=lambda o: urutan[o.pk])
    return halaman


def tersaring(request: HttpRequest, model, penyaring_kelas):
    """(penyaring, queryset) daftar dalam cakupan pengguna: yang disaring bila penyaringnya sah,
    selain itu yang aktif. Dipakai daftar, ekspor dan peta sehingga ketiganya sama."""
    dasar = model.objects.untuk(request.user)
    penyaring = penyaring_kelas(request.GET or None, queryset=dasar)
    return penyaring, (
        penyaring.qs if penyaring.is_bound and penyaring.is_valid() else dasar.aktif()
    )


def daftar_kelompok(
    request, *, model, penyaring_kelas, selector, templat, judul_ekspor, kolom_ekspor
):
    penyaring, qs = tersaring(request, model, penyaring_kelas)
    if request.GET.get("unduh") == "xlsx":
        return ekspor.respons_xlsx(selector(qs), kolom=kolom_ekspor, judul=judul_ekspor)
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    halaman = halaman_beranotasi(request, qs, selector)
    return render(
        request,
        templat,
        {
            "penyaring": penyaring,
            "halaman": halaman,
            # KPS yang didampingi pengguna ini: halamannya disalin untuk kerja tanpa sinyal.
            "dampingan": set(
                Penugasan.objects.filter(
                    pendamping=request.user,
                    selesai__isnull=True,
                    kps__in=[o.pk for o in halaman],
                ).values_list("kps_id", flat=True)
            )
            if model is Kps
            else set(),
            "parameter": parameter.urlencode(),
            "boleh_tambah": request.user.has_perm(f"kelompok.add_{model._meta.model_name}"),
            "menu_aktif": model._meta.model_name,
        },
    )


def simpan_kelompok(request, *, jenis: str, objek=None) -> HttpResponse:
    """Formulir tambah/ubah KPS atau KTH: simpan lalu ke halaman detail, atau tampilkan galat."""
    model, form_kelas = {"kps": (Kps, KpsForm), "kth": (Kth, KthForm)}[jenis]
    label = model._meta.verbose_name
    form = form_kelas(
        request.POST or None, request.FILES or None, instance=objek, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        if objek is None and jenis == "kps":
            baru = services.kps_buat(kps=form.save(commit=False), oleh=request.user)
        else:
            baru = form.save()
        kata = "Perubahan" if objek else "Data"
        messages.success(request, f"{kata} {label} {baru} tersimpan.")
        return redirect(baru)
    return render(
        request, "kelompok/form_kelompok.html", {"form": form, "jenis": label, "objek": objek}
    )
