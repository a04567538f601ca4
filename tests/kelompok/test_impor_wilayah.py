from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from kelompok.models import Desa, Kabupaten, Kecamatan, Provinsi


def jalankan(berkas: Path, *args) -> str:
    keluaran = StringIO()
    call_command("impor_wilayah", str(berkas), *args, stdout=keluaran, stderr=keluaran)
    return keluaran.getvalue()


def test_the_shipped_sample_imports_and_reimports_without_duplicates(db):
    sampel = Path(settings.BASE_DIR) / "fixtures" / "wilayah" / "sampel_wilayah.csv"
    assert "26 kabupaten/kota, 5 kecamatan, 10 desa/kelurahan" in jalankan(sampel)
    jalankan(sampel)
    assert Kabupaten.objects.get(kode="32.08").nama == "Kabupaten Kuningan"
    assert Desa.objects.get(kode="32.08.10.2001").kecamatan.kabupaten.provinsi.nama == "Jawa Barat"
    jumlah = (Kabupaten.objects.count(), Kecamatan.objects.count(), Desa.objects.count())
    assert jumlah == (26, 5, 10)


def test_rows_in_any_order_and_renamed_regions_are_updated(db, tmp_path):
    berkas = tmp_path / "w.csv"
    berkas.write_text("kode,nama\n11.01.01.2001,Desa A\n11.01.01,Kec A\n11.01,Kab A\n")
    jalankan(berkas)
    berkas.write_text("kode,nama\n11.01,Kabupaten A Baru\n")
    jalankan(berkas)
    assert Kabupaten.objects.get(kode="11.01").nama == "Kabupaten A Baru"
    assert Desa.objects.get(kode="11.01.01.2001").kecamatan_id == "11.01.01"


def test_a_file_with_errors_imports_nothing_and_names_each_line(db, tmp_path):
    berkas = tmp_path / "w.csv"
    berkas.write_text(
        "# komentar\nkode,nama\n32.01,Kab Baik\n3x.01,Salah\n32.01.01,\n99.01,Provinsi tak ada\n"
        "32.77.01,Tanpa induk\n"
    )
    with pytest.raises(CommandError, match="4 galat; tidak ada yang diimpor"):
        jalankan(berkas)
    assert not Kabupaten.objects.exists()


def test_line_numbers_are_the_lines_of_the_file(db, tmp_path):
    from kelompok.wilayah_impor import impor_wilayah

    hasil = impor_wilayah("# judul\n\nkode,nama\n32.01,Baik\n32.xx,Salah\n")
    assert hasil.galat == ["Baris 5: kode '32.xx' bukan format kode wilayah Kemendagri."]


def test_dry_run_saves_nothing(db, tmp_path):
    berkas = tmp_path / "w.csv"
    berkas.write_text("kode,nama\n32.01,Kab\n")
    assert "uji coba" in jalankan(berkas, "--dry-run")
    assert not Kabupaten.objects.exists()
    assert Provinsi.objects.count() == 38
