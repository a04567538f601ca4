"""Halaman penetapan Kepala Dinas: nilai tiap indikator di samping bukti dan nilai tahun lalu."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from akun import peran
from penilaian.kth.models import BuktiFisik
from penilaian.kth.services import (
    penilaian_kth_ajukan,
    penilaian_kth_buat,
    penilaian_kth_tetapkan,
)
from tests.factories import KthFactory, PenggunaFactory, pdf_uji
from tests.penilaian.conftest import isi_kth


def test_each_indicator_shows_its_score_evidence_and_last_years_value(client, versi_kth, kps_a):
    penilai = PenggunaFactory(peran=peran.PENILAI_KTH, provinsi_id="32")
    kadis = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id="32")
    kth = KthFactory(nama="KTH Sumber Rejeki", desa=kps_a.desa)
    lalu = penilaian_kth_buat(kth=kth, tahun=2025, oleh=penilai)
    isi_kth(lalu, penilai, nilai_isian=5)
    penilaian_kth_ajukan(penilaian=lalu, oleh=penilai)
    penilaian_kth_tetapkan(penilaian=lalu, oleh=kadis)
    kini = penilaian_kth_buat(kth=kth, tahun=2026, oleh=penilai)
    isi_kth(kini, penilai, nilai_isian=10)
    mesin = kini.kuesioner.versi.mesin
    isian = next(i for i in mesin.semua_indikator() if i.isian)
    BuktiFisik.objects.create(
        kuesioner=kini.kuesioner,
        indikator=isian.kode,
        berkas=SimpleUploadedFile("notulen-rapat.pdf", pdf_uji("notulen")),
    )
    penilaian_kth_ajukan(penilaian=kini, oleh=penilai)

    client.force_login(kadis)
    respons = client.get(reverse("penilaian:kth_detail", args=[kini.pk]))
    teks = " ".join(respons.content.decode().split())
    assert respons.context["boleh_tetapkan"]
    maks = min(int(isian.maks), 10)
    harapan = f"Nilai {maks}</strong> dari {int(isian.maks)} · tahun lalu {min(int(isian.maks), 5)}"
    assert harapan in teks
    if maks > 5:
        assert harapan + " (naik)" in teks
    # Bukti di samping nilainya, dapat dibuka di tempat.
    assert "Bukti: notulen-rapat" in teks and 'class="pratinjau-pdf"' in teks
