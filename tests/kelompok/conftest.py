import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kelompok.models import DokumenPendukung, Penugasan
from tests.factories import AnggotaFactory, KthFactory, KupsFactory, pdf_uji


@pytest.fixture
def dunia(kps_a, pendamping_a):
    """Satu KPS lengkap milik pendamping_a: KUPS, KTH, anggota, dokumen, penugasan."""
    kups = KupsFactory(kps=kps_a, nama="KUPS Kopi")
    kth = KthFactory(nama="KTH Wana Jaya", desa=kps_a.desa, kps=kps_a)
    anggota = AnggotaFactory(kps=kps_a, nama="Euis", nik="3201234567890001")
    anggota_kth = AnggotaFactory(kth=kth, nama="Ujang")
    dokumen = DokumenPendukung.objects.create(
        kps=kps_a,
        jenis="rkps_rkt",
        berkas=SimpleUploadedFile("rkps.pdf", pdf_uji("rkps")),
        tanggal_dokumen="2025-01-10",
        diunggah_oleh=pendamping_a,
    )
    return {
        "kps": kps_a,
        "kups": kups,
        "kth": kth,
        "anggota": anggota,
        "anggota_kth": anggota_kth,
        "dokumen": dokumen,
        "penugasan": Penugasan.objects.get(kps=kps_a, pendamping=pendamping_a),
    }
