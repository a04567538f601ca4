"""Berkas kecil yang mahal (bom impor dan alias YAML) dan rumus di ekspor Excel."""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kelompok import impor
from penilaian.inti import definisi
from tests.factories import KpsFactory

KERANGKA = {
    "[Content_Types].xml": (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    ),
}


def xlsx_mentah(baris_xml: bytes, dimensi: str) -> bytes:
    """.xlsx yang ditulis tangan, seperti yang dibuat penyerang (tanpa pustaka Excel)."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in KERANGKA.items():
            z.writestr(nama, isi)
        z.writestr(
            "xl/worksheets/sheet1.xml",
            b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><dimension ref="'
            + dimensi.encode()
            + b'"/><sheetData>'
            + baris_xml
            + b"</sheetData></worksheet>",
        )
    return keluaran.getvalue()


def _ukur(fungsi):
    tracemalloc.start()
    mulai = time.process_time()
    hasil = fungsi()
    waktu = time.process_time() - mulai
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return hasil, puncak / 1024 / 1024, waktu


def test_one_cell_in_the_last_column_on_5000_rows_stays_small(pendamping_a):
    # Ditemukan: 43 KB -> 800 MB memori. Kini kolom di luar templat tidak diurai.
    baris = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c>'
        b'<c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>' % (n, n, n)
        for n in range(1, 5001)
    )
    berkas = io.BytesIO(xlsx_mentah(baris, "A1:XFD5000"))
    assert len(berkas.getvalue()) < 100_000
    hasil, puncak_mb, waktu = _ukur(lambda: impor.pratinjau("kps", berkas, user=pendamping_a))
    assert puncak_mb < 60, f"puncak {puncak_mb:.0f} MB"
    assert waktu < 20
    assert hasil.galat_berkas  # kolomnya salah: tidak ada yang diimpor


def test_a_million_empty_rows_are_refused_without_reading_them_all(pendamping_a):
    # Ditemukan: 5 MB -> 33 detik CPU. Kini berhenti setelah 10.000 baris (kosong pun).
    baris = b"".join(b'<row r="%d"/>' % n for n in range(1, 1_000_001))
    berkas = io.BytesIO(xlsx_mentah(baris, "A1:A1000000"))
    hasil, puncak_mb, waktu = _ukur(lambda: impor.pratinjau("kps", berkas, user=pendamping_a))
    assert waktu < 5, f"{waktu:.1f} s"
    assert puncak_mb < 60
    assert any("lebih dari" in g for g in hasil.galat_berkas), hasil.galat_berkas


def test_a_zip_bomb_is_refused_from_its_table_of_contents(pendamping_a):
    baris = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"A" * 80_000_000 + b"</t></is></c></row>"
    )
    berkas = io.BytesIO(xlsx_mentah(baris, "A1"))
    assert len(berkas.getvalue()) < 200_000
    hasil, _, waktu = _ukur(lambda: impor.pratinjau("kps", berkas, user=pendamping_a))
    assert waktu < 2
    assert any("terlalu besar" in g for g in hasil.galat_berkas)


def test_an_oversized_import_upload_is_refused_next_to_the_field(client, pendamping_a):
    client.force_login(pendamping_a)
    besar = SimpleUploadedFile("data.xlsx", b"PK" + b"\0" * (5 * 1024 * 1024 + 10))
    respons = client.post(reverse("kelompok:impor", args=["kps"]), {"berkas": besar})
    assert respons.status_code == 200
    assert "terlalu besar" in str(respons.context["form"].errors["berkas"])


def test_a_yaml_alias_bomb_is_refused_at_once():
    bom = "a: &a [" + ",".join(["x"] * 10) + "]\n"
    for n in range(1, 10):
        bom += f"{chr(97 + n)}: &{chr(97 + n)} [" + ",".join([f"*{chr(96 + n)}"] * 10) + "]\n"
    mulai = time.process_time()
    with pytest.raises(definisi.GalatInstrumen) as galat:
        definisi.dari_yaml(bom)
    assert time.process_time() - mulai < 1
    assert "alias" in str(galat.value.pesan)


@pytest.mark.parametrize(
    "teks", ["- satu\n- dua\n", "kode: [\n", "kode: X\naspek: 5\n", "42", "kode: X\naspek: [1]\n"]
)
def test_malformed_rubric_yaml_gives_a_message_not_a_crash(teks):
    with pytest.raises(definisi.GalatInstrumen):
        definisi.dari_yaml(teks)


def test_rubric_upload_is_for_national_admins_only(client, db):
    from akun import peran
    from tests.factories import PenggunaFactory

    admin_jabar = PenggunaFactory(peran=peran.ADMIN, provinsi_id="32")
    client.force_login(admin_jabar)
    assert client.get(reverse("penilaian:rubrik_unggah")).status_code == 403


def test_the_export_neutralises_formulas_in_every_text_cell(client, pendamping_a):
    KpsFactory(
        nama='=HYPERLINK("http://contoh.invalid","Klik")',
        ketua="@SUM(1+1)",
        pendamping=pendamping_a,
        kontak="+62 812-3456-7890",
    )
    client.force_login(pendamping_a)
    respons = client.get(reverse("kelompok:kps_daftar"), {"unduh": "xlsx"})
    buku = load_workbook(io.BytesIO(b"".join(respons.streaming_content)))
    sel = [c for baris in buku.active.iter_rows() for c in baris]
    assert not [c.coordinate for c in sel if c.data_type == "f"]
    nilai = {c.value for c in sel}
    assert '\'=HYPERLINK("http://contoh.invalid","Klik")' in nilai
    assert "'@SUM(1+1)" in nilai


def test_workbooks_built_in_memory_are_neutralised_too():
    from perhutanan import xlsx

    buku = Workbook()
    buku.active.append(["=1+1", "-5", "+62 812", "-cmd|' /C calc'!A0", "biasa"])
    xlsx.netralkan_buku(buku)
    isi = io.BytesIO()
    buku.save(isi)
    baris = next(load_workbook(isi).active.iter_rows(values_only=True))
    assert baris == ("'=1+1", "-5", "+62 812", "'-cmd|' /C calc'!A0", "biasa")
