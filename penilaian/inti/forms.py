"""Formulir inti: rubrik instrumen yang dimuat admin nasional sebagai versi baru."""

import csv
import io

from django import forms

from perhutanan.berkas import batas_ukuran

# Rubrik KTH lengkap sebagai YAML atau .xlsx sekitar 20-40 KB.
RUBRIK_MAKS_KB = 512


class FormRubrik(forms.Form):
    berkas = forms.FileField(
        label="Berkas rubrik (.yaml atau .xlsx)",
        error_messages={"required": "Pilih berkas rubrik."},
        validators=[batas_ukuran(RUBRIK_MAKS_KB * 1024)],
        help_text=f"Paling besar {RUBRIK_MAKS_KB} KB.",
    )
    catatan = forms.CharField(
        label="Catatan perubahan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


# Daftar libur satu tahun: puluhan baris, beberapa KB.
KALENDER_MAKS_KB = 256


class FormKalender(forms.Form):
    tahun = forms.IntegerField(
        label="Tahun",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Wajib diisi.",
            "invalid": "Isi tahun, misalnya 2027.",
            "min_value": "Tahun paling awal 2000.",
            "max_value": "Tahun paling akhir 2100.",
        },
    )
    sumber = forms.CharField(
        label="Dasar penetapan (nomor dan judul SKB)",
        max_length=400,
        error_messages={"required": "Tulis SKB yang menetapkan daftar ini."},
    )
    berkas = forms.FileField(
        label="Daftar libur nasional dan cuti bersama (.csv atau .xlsx)",
        error_messages={"required": "Pilih berkas daftar libur."},
        validators=[batas_ukuran(KALENDER_MAKS_KB * 1024)],
        help_text="Kolom: tanggal, nama, jenis (libur nasional / cuti bersama). "
        "Unduhan daftar tahun mana pun di halaman ini dapat dipakai sebagai templat.",
    )

    def baris(self) -> list[tuple]:
        """Isi berkas sebagai baris nilai; ValidationError dengan pesan untuk pengguna."""
        from perhutanan import xlsx

        berkas = self.cleaned_data["berkas"]
        if berkas.name.lower().endswith(".xlsx"):
            try:
                buku = xlsx.buka_terbatas(berkas)
                return list(xlsx.baris_terbatas(buku.worksheets[0], maks_kolom=3, maks_baris=500))
            except xlsx.GalatBerkasExcel as e:
                raise forms.ValidationError(str(e)) from e
        try:
            teks = berkas.read().decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise forms.ValidationError("Berkas CSV harus berkodekan UTF-8.") from e
        contoh = teks[:2000]
        pemisah = ";" if contoh.count(";") > contoh.count(",") else ","
        return [tuple(b) for b in csv.reader(io.StringIO(teks), delimiter=pemisah)][:500]


class FormPengaturanKalender(forms.Form):
    cuti_bersama_hari_kerja = forms.BooleanField(
        label="Cuti bersama dihitung sebagai hari kerja untuk tenggat penetapan kelas KTH",
        required=False,
        help_text="Bawaan: tidak dicentang (cuti bersama tidak dihitung, seperti libur nasional).",
    )
