from functools import cache

from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as reverse_django

from akun import peran as peran_mod
from akun import predikat


def peran_utama_kadis(user) -> bool:
    return user.punya_peran(peran_mod.KEPALA_DINAS)


@cache
def _alamat(nama: str, urlconf, awalan: str) -> str:
    return reverse_django(nama, urlconf=urlconf)


def reverse(nama: str) -> str:
    """Alamat menu dihitung sekali per proses (per urlconf dan awalan skrip), bukan per halaman."""
    return _alamat(nama, get_urlconf(), get_script_prefix())


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
    if user.has_perm("kerjasama.view_kerjasama"):
        menu.append(
            {"label": "Kerja sama", "url": reverse("kerjasama:daftar"), "kunci": "kerjasama"}
        )
    if user.has_perm("kerjasama.view_mitra"):
        menu.append({"label": "Mitra", "url": reverse("kerjasama:mitra_daftar"), "kunci": "mitra"})
    if user.punya_peran(peran_mod.MITRA):
        menu.append(
            {
                "label": "Permohonan",
                "url": reverse("kerjasama:permohonan_mitra_daftar"),
                "kunci": "permohonan_mitra",
            }
        )
    if user.punya_peran(peran_mod.STAF_BPSKL):
        menu.append(
            {
                "label": "Persetujuan",
                "url": reverse("kerjasama:antrean"),
                "kunci": "antrean_bpskl",
            }
        )
    if user.has_perm("penilaian.view_evaluasihkm"):
        menu.append(
            {
                "label": "Evaluasi HKm",
                "url": reverse("penilaian:evaluasi_daftar"),
                "kunci": "evaluasi",
            }
        )
    if user.has_perm("penilaian.view_penilaiankth"):
        menu.append(
            {"label": "Kelas KTH", "url": reverse("penilaian:kth_daftar"), "kunci": "kth_nilai"}
        )
    if user.has_perm("penilaian.view_penilaiankth") and not user.punya_peran(peran_mod.PENDAMPING):
        menu.append({"label": "Cakupan", "url": reverse("penilaian:cakupan"), "kunci": "cakupan"})
    if user.has_perm("penilaian.add_eksporsertifikat"):
        menu.append(
            {
                "label": "Ekspor sertifikat",
                "url": reverse("penilaian:ekspor_baru"),
                "kunci": "ekspor",
                "kelola": True,
            }
        )
    if user.has_perm("penilaian.add_versiinstrumen") and predikat.admin_nasional(user):
        menu.append(
            {
                "label": "Rubrik",
                "url": reverse("penilaian:rubrik_unggah"),
                "kunci": "rubrik",
                "kelola": True,
            }
        )
    if user.has_perm("penilaian.view_kalenderlibur"):
        menu.append(
            {
                "label": "Kalender libur",
                "url": reverse("penilaian:kalender_libur"),
                "kunci": "kalender",
                "kelola": True,
            }
        )
    if peran_utama_kadis(user):
        menu.append(
            {
                "label": "Penetapan",
                "url": reverse("penilaian:kth_antrean"),
                "kunci": "antrean",
            }
        )
    if user.punya_peran(peran_mod.ADMIN):
        menu.append(
            {
                "label": "Pengguna",
                "url": reverse("pengguna_daftar"),
                "kunci": "pengguna",
                "kelola": True,
            }
        )
    if user.punya_peran(peran_mod.ADMIN):
        menu.append(
            {
                "label": "Kop dan penomoran",
                "url": reverse("dokumen:kantor_daftar"),
                "kunci": "kantor",
                "kelola": True,
            }
        )
    # Kepala Dinas dan Staf BPSKL membukanya dari pintasan di beranda (menu tetap satu baris).
    if user.punya_peran(peran_mod.ADMIN):
        menu.append(
            {
                "label": "Pertukaran data",
                "url": reverse("kelompok:pertukaran"),
                "kunci": "pertukaran",
                "kelola": True,
            }
        )
    if predikat.admin_nasional(user):
        menu.append(
            {
                "label": "Laporan berkala",
                "url": reverse("laporan:daftar"),
                "kunci": "laporan",
                "kelola": True,
            }
        )
    # /admin/ hanya untuk admin nasional (perhutanan.admin_situs).
    if user.is_staff and user.punya_peran(peran_mod.ADMIN) and not user.provinsi_id:
        menu.append(
            {
                "label": "Administrasi",
                "url": reverse("admin:index"),
                "kunci": "admin",
                "kelola": True,
            }
        )
    belum_dibaca = user.notifikasi_belum_dibaca
    menu.append(
        {
            "label": f"Notifikasi ({belum_dibaca})" if belum_dibaca else "Notifikasi",
            "url": reverse("kerjasama:notifikasi"),
            "kunci": "notifikasi",
        }
    )
    # Menu pengelolaan (ekspor, rubrik, kalender, pengguna, administrasi) dalam satu tarik-turun
    # "Kelola", agar menu utama muat satu baris di layar 1366 px untuk setiap peran.
    kelola = [m for m in menu if m.get("kelola")]
    return {
        "menu_utama": [m for m in menu if not m.get("kelola")],
        "menu_kelola": kelola,
        "peran_utama": user.peran_utama,
        # Akun yang hanya Mitra tidak mencari di registri (perhutanan.middleware.HALAMAN_MITRA).
        "cari_global": user.daftar_peran != [peran_mod.MITRA],
    }
