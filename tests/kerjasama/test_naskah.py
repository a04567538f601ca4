import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kerjasama import services
from kerjasama.naskah import SEMUA_BUTIR
from tests.kerjasama.conftest import isi_lengkap, surat


def test_an_agreement_missing_a_required_point_cannot_be_submitted(ks_usaha, pendamping_a):
    services.permohonan_simpan(
        kerjasama=ks_usaha, surat=surat(), tanggal=datetime.date(2026, 10, 1), oleh=pendamping_a
    )
    isi = isi_lengkap()
    isi["kahar"] = ""
    services.naskah_simpan(
        kerjasama=ks_usaha, isi=isi, pola="hibah", persen_modal=None, oleh=pendamping_a
    )
    with pytest.raises(services.TindakanTidakSah, match="Keadaan kahar"):
        services.kerjasama_ajukan(kerjasama=ks_usaha, oleh=pendamping_a)
    isi = isi_lengkap()
    isi["gender"] = " "
    services.naskah_simpan(
        kerjasama=ks_usaha, isi=isi, pola="hibah", persen_modal=None, oleh=pendamping_a
    )
    with pytest.raises(services.TindakanTidakSah, match="Keadilan gender"):
        services.kerjasama_ajukan(kerjasama=ks_usaha, oleh=pendamping_a)


def test_partner_capital_above_half_is_refused(client, ks_usaha, pendamping_a):
    client.force_login(pendamping_a)
    data = {f"butir_{k}": v for k, v in isi_lengkap().items()} | {
        "pola": "bagi_hasil",
        "persen_modal_mitra": "50,5",
    }
    respons = client.post(reverse("kerjasama:naskah", args=[ks_usaha.pk]), data)
    assert "Penyertaan modal mitra dalam bagi hasil paling banyak 50%." in respons.content.decode()
    assert "Ketentuan identitas para pihak." in respons.content.decode()  # isian tetap
    assert not ks_usaha.naskah.exists()
    data["persen_modal_mitra"] = "50"
    client.post(reverse("kerjasama:naskah", args=[ks_usaha.pk]), data)
    assert ks_usaha.naskah.get().persen_modal_mitra == Decimal(50)


def test_drafts_are_versioned_only_when_they_change(ks_usaha, pendamping_a):
    a, baru_a = services.naskah_simpan(
        kerjasama=ks_usaha, isi=isi_lengkap(), pola="hibah", persen_modal=None, oleh=pendamping_a
    )
    b, baru_b = services.naskah_simpan(
        kerjasama=ks_usaha, isi=isi_lengkap(), pola="hibah", persen_modal=None, oleh=pendamping_a
    )
    isi = isi_lengkap() | {"kegiatan": "Budidaya dan pemasaran kopi."}
    c, baru_c = services.naskah_simpan(
        kerjasama=ks_usaha, isi=isi, pola="hibah", persen_modal=None, oleh=pendamping_a
    )
    assert (a.versi, baru_a, b.pk == a.pk, baru_b, c.versi, baru_c) == (
        1,
        True,
        True,
        False,
        2,
        True,
    )
    assert a.isi["kegiatan"] != c.isi["kegiatan"]


def test_the_agreement_pdf_has_numbered_articles_parties_and_signatures(
    client, ks_usaha, pendamping_a, mitra_bums
):
    isi = isi_lengkap() | {"bagi_hasil": "KPS 60 persen, mitra 40 persen dari laba bersih."}
    services.naskah_simpan(
        kerjasama=ks_usaha, isi=isi, pola="bagi_hasil", persen_modal=Decimal(40), oleh=pendamping_a
    )
    mitra_bums.nama = "PT Nama Baru"  # PDF memakai potret saat versi disimpan
    mitra_bums.save()
    client.force_login(pendamping_a)
    respons = client.get(reverse("kerjasama:naskah_pdf", args=[ks_usaha.pk, 1]))
    pdf = PdfReader(io.BytesIO(respons.content))
    teks = " ".join(" ".join(h.extract_text() for h in pdf.pages).split())
    assert "PERJANJIAN KERJA SAMA" in teks
    for n, butir in enumerate(SEMUA_BUTIR, start=1):
        assert f"Pasal {n} {butir.judul}" in teks, butir.judul
    assert "KPS 60 persen, mitra 40 persen" in teks
    assert "PT Kopi Nusantara" in teks and "PT Nama Baru" not in teks
    assert "KPS Wana Jaya" in teks and "Ketua Uji" in teks
    assert f"Halaman 1 dari {len(pdf.pages)}" in teks


def test_the_signed_scan_is_kept_beside_the_generated_pdf_only_after_approval(
    client, ks_usaha, pendamping_a, staf_bpskl
):
    from tests.kerjasama.conftest import ajukan, tandatangani

    ajukan(ks_usaha, pendamping_a)
    with pytest.raises(services.TindakanTidakSah, match="sebelum disetujui BPSKL"):
        tandatangani(ks_usaha, pendamping_a)
    services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_bpskl, setuju=True)
    tandatangani(ks_usaha, pendamping_a)
    client.force_login(pendamping_a)
    unduh = client.get(reverse("kerjasama:naskah_scan", args=[ks_usaha.pk, 1]))
    assert b"".join(unduh.streaming_content).startswith(b"%PDF")
    with pytest.raises(services.TindakanTidakSah, match="sudah ditandatangani"):
        services.naskah_simpan(
            kerjasama=ks_usaha,
            isi=isi_lengkap(),
            pola="hibah",
            persen_modal=None,
            oleh=pendamping_a,
        )


def test_partner_capital_above_a_hundred_keeps_the_draft_instead_of_crashing(
    client, ks_usaha, pendamping_a
):
    """Ditemukan: 100,5 memberi galat 500 ("incomplete format") dan seluruh draf hilang."""
    client.force_login(pendamping_a)
    data = {f"butir_{k}": v for k, v in isi_lengkap().items()} | {
        "pola": "bagi_hasil",
        "persen_modal_mitra": "100,5",
    }
    respons = client.post(reverse("kerjasama:naskah", args=[ks_usaha.pk]), data)
    assert respons.status_code == 200
    teks = respons.content.decode()
    assert "Paling banyak 100%." in teks
    assert "Ketentuan identitas para pihak." in teks
