import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kerjasama import services
from kerjasama.models import KerjaSama, Mitra
from tests.factories import pdf_uji


@pytest.fixture
def mitra_bums(admin_nasional):
    return Mitra.objects.create(
        nama="PT Kopi Nusantara",
        kategori="bums",
        nomor_registrasi="NIB-123",
        dibuat_oleh=admin_nasional,
    )


def buat_kerjasama(kps, oleh, *, jenis="usaha", mitra=()):
    return services.kerjasama_buat(
        kerjasama=KerjaSama(
            judul="Pemasaran kopi", jenis=jenis, kebutuhan="Akses pasar", kps_utama=kps
        ),
        oleh=oleh,
        mitra=mitra,
    )


@pytest.fixture
def ks_usaha(kps_a, pendamping_a, mitra_bums):
    return buat_kerjasama(kps_a, pendamping_a, mitra=[mitra_bums])


def surat():
    return SimpleUploadedFile("surat.pdf", pdf_uji("surat"), content_type="application/pdf")


def isi_lengkap() -> dict:
    from kerjasama.naskah import SEMUA_BUTIR

    return {b.kode: f"Ketentuan {b.judul.lower()}." for b in SEMUA_BUTIR}


def ajukan(ks, oleh):
    services.permohonan_simpan(
        kerjasama=ks, surat=surat(), tanggal=datetime.date(2026, 10, 1), oleh=oleh
    )
    services.naskah_simpan(
        kerjasama=ks, isi=isi_lengkap(), pola="bagi_hasil", persen_modal=Decimal(40), oleh=oleh
    )
    return services.kerjasama_ajukan(kerjasama=ks, oleh=oleh)


def tandatangani(ks, oleh):
    naskah = ks.naskah.order_by("-versi").first()
    return services.naskah_tandatangani(
        naskah=naskah, berkas=surat(), tanggal=datetime.date(2026, 11, 1), oleh=oleh
    )


from tests.penilaian.conftest import versi_hkm, versi_kth  # noqa: E402,F401 (fixture bersama)
