"""Rubrik dimuat admin nasional sebagai versi baru (.xlsx/YAML); yang tidak konsisten ditolak."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from penilaian.inti.models import VersiInstrumen
from penilaian.inti.services import versi_terbaru
from tests.penilaian.conftest import FIXTURES


def test_an_admin_loads_a_corrected_rubric_from_xlsx_as_a_new_version(
    client, admin_nasional, versi_kth
):
    client.force_login(admin_nasional)
    unduhan = client.get(reverse("penilaian:rubrik_xlsx", args=[versi_kth.pk]))
    buku = load_workbook(io.BytesIO(unduhan.content))
    lembar = buku["Indikator"]
    for baris in lembar.iter_rows(min_row=2):
        if baris[3].value == "I.2" and baris[7].value == "Ketua, sekretaris, bendahara":
            baris[8].value = 4  # nilai resmi yang dikoreksi
            baris[9].value = "tidak"
    isi = io.BytesIO()
    buku.save(isi)
    respons = client.post(
        reverse("penilaian:rubrik_unggah"),
        {"berkas": SimpleUploadedFile("kth-koreksi.xlsx", isi.getvalue()), "catatan": "I.2d resmi"},
        follow=True,
    )
    assert "KTH versi 2 dimuat" in respons.content.decode()
    baru = VersiInstrumen.objects.get(instrumen__kode="KTH", nomor=2)
    i2 = next(i for i in baru.mesin.semua_indikator() if i.kode == "I.2")
    assert (i2.opsi[3].skor, i2.opsi[3].sementara) == (4, False)
    assert baru.dimuat_oleh == admin_nasional
    assert versi_terbaru("KTH") == baru


def test_an_inconsistent_rubric_upload_is_refused_with_reasons(client, admin_nasional, versi_kth):
    client.force_login(admin_nasional)
    teks = (FIXTURES / "kth.yaml").read_text().replace("maks: 360", "maks: 999", 1)
    respons = client.post(
        reverse("penilaian:rubrik_unggah"), {"berkas": SimpleUploadedFile("k.yaml", teks.encode())}
    )
    assert "tidak sama dengan maksimum aspek 999" in respons.content.decode()
    respons = client.post(
        reverse("penilaian:rubrik_unggah"), {"berkas": SimpleUploadedFile("k.xlsx", b"bukan")}
    )
    assert "tidak bisa dibaca sebagai Excel" in respons.content.decode()
    assert VersiInstrumen.objects.filter(instrumen__kode="KTH").count() == 1
    respons = client.post(
        reverse("penilaian:rubrik_unggah"),
        {"berkas": SimpleUploadedFile("k.yaml", (FIXTURES / "kth.yaml").read_bytes())},
        follow=True,
    )
    assert "tidak ada versi baru" in respons.content.decode()


def test_only_admins_load_rubrics(client, penilai, pendamping_a, db):
    for orang in (penilai, pendamping_a):
        client.force_login(orang)
        assert client.get(reverse("penilaian:rubrik_unggah")).status_code == 403
