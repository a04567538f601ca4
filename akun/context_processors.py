from django.http import HttpRequest
from django.urls import reverse


def navigasi(request: HttpRequest) -> dict:
    """Menu utama sesuai peran pengguna. Tiap fitur menambahkan tautannya di sini."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu_utama": []}
    menu = [{"label": "Beranda", "url": reverse("beranda"), "kunci": "beranda"}]
    if user.has_perm("kelompok.view_kps"):
        menu.append({"label": "KPS", "url": reverse("kelompok:kps_daftar"), "kunci": "kps"})
    if user.has_perm("kelompok.view_kth"):
        menu.append({"label": "KTH", "url": reverse("kelompok:kth_daftar"), "kunci": "kth"})
    if user.has_perm("penilaian.view_evaluasihkm"):
        menu.append(
            {
                "label": "Evaluasi HKm",
                "url": reverse("penilaian:evaluasi_daftar"),
                "kunci": "evaluasi",
            }
        )
    if user.is_staff:
        menu.append({"label": "Administrasi", "url": reverse("admin:index"), "kunci": "admin"})
    return {"menu_utama": menu, "peran_utama": user.peran_utama}
