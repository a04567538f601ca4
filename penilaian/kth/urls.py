from django.urls import path

from penilaian.kth.views import cakupan, penetapan, penilaian, sertifikat

urlpatterns = [
    path("kth/", penilaian.daftar, name="kth_daftar"),
    path("kth/antrean/", penetapan.antrean, name="kth_antrean"),
    path("kth/baru/<int:kth_pk>/", penilaian.baru, name="kth_baru"),
    path("kth/<int:pk>/", penilaian.detail, name="kth_detail"),
    path("kth/<int:pk>/jawab/", penilaian.jawab, name="kth_jawab"),
    path("kth/<int:pk>/bukti/", penilaian.bukti, name="kth_bukti"),
    path("kth/bukti/<int:pk>/", penilaian.bukti_unduh, name="kth_bukti_unduh"),
    path("kth/<int:pk>/ajukan/", penilaian.ajukan, name="kth_ajukan"),
    path("kth/<int:pk>/tarik/", penilaian.tarik, name="kth_tarik"),
    path("kth/<int:pk>/tetapkan/", penetapan.tetapkan, name="kth_tetapkan"),
    path("kth/<int:pk>/kembalikan/", penetapan.kembalikan, name="kth_kembalikan"),
    path("sertifikat/<int:pk>/", sertifikat.sertifikat_unduh, name="sertifikat_unduh"),
    path("sertifikat/<int:pk>/status/", sertifikat.sertifikat_status, name="sertifikat_status"),
    path(
        "sertifikat/<int:pk>/siapkan/",
        sertifikat.sertifikat_siapkan_ulang,
        name="sertifikat_siapkan_ulang",
    ),
    path("sertifikat/<int:pk>/cabut/", sertifikat.sertifikat_cabut, name="sertifikat_cabut"),
    path("sertifikat/ekspor/", sertifikat.ekspor_baru, name="ekspor_baru"),
    path("sertifikat/ekspor/<int:pk>/", sertifikat.ekspor_status, name="ekspor_status"),
    path("sertifikat/ekspor/<int:pk>/unduh/", sertifikat.ekspor_unduh, name="ekspor_unduh"),
    path("sertifikat/ekspor/<int:pk>/ulang/", sertifikat.ekspor_ulang, name="ekspor_ulang"),
    path("kth/cakupan/", cakupan.cakupan, name="cakupan"),
]
