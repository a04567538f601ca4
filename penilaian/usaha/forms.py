"""Formulir analisis skala usaha: angka dan rupiah diketik dalam format Indonesia."""

from decimal import Decimal

from django import forms

from penilaian.usaha import ekonomi
from perhutanan.forms import AngkaField


class FormUmum(forms.Form):
    judul = forms.CharField(
        label="Judul analisis", max_length=200, error_messages={"required": "Wajib diisi."}
    )
    biaya_tetap = AngkaField(label="Biaya tetap per tahun (Rp)", minimum=Decimal(0), rupiah=True)
    umr_bulanan = AngkaField(
        label="UMR kabupaten/kota per bulan (Rp)",
        rupiah=True,
        help_text="Laba yang diinginkan = UMR x 12 per tahun.",
    )
    investasi = AngkaField(
        label="Investasi awal, tahun 0 (Rp)", minimum=Decimal(0), rupiah=True, required=False
    )
    periode = forms.IntegerField(
        label="Periode analisis (tahun)", initial=20, min_value=1, max_value=100
    )
    diskonto_persen = AngkaField(
        label="Tingkat diskonto (% per tahun)", initial="10", minimum=Decimal(0)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].error_messages.update(
            {
                "required": "Wajib diisi.",
                "invalid": "Isi angka bulat.",
                "min_value": "Paling sedikit 1 tahun.",
                "max_value": "Paling lama 100 tahun.",
            }
        )

    def clean_umr_bulanan(self):
        umr = self.cleaned_data["umr_bulanan"]
        if umr is not None and umr <= 0:
            raise forms.ValidationError("UMR harus lebih dari 0.")
        return umr

    def clean_diskonto_persen(self):
        persen = self.cleaned_data["diskonto_persen"]
        if persen is not None and persen >= 100:
            raise forms.ValidationError("Tingkat diskonto harus kurang dari 100%.")
        return persen


class FormAgroforestri(FormUmum):
    paket_per_hektar = AngkaField(
        label="Hasil paket per hektar per tahun",
        minimum=Decimal(0),
        help_text="Berapa paket produk (sesuai rasio di bawah) dihasilkan satu hektar per tahun.",
    )
    luas_rencana = AngkaField(label="Luas yang dikelola/direncanakan (ha)", minimum=Decimal(0))

    def clean_paket_per_hektar(self):
        nilai = self.cleaned_data["paket_per_hektar"]
        if nilai is not None and nilai <= 0:
            raise forms.ValidationError("Harus lebih dari 0.")
        return nilai


class FormEkowisata(FormUmum):
    pass


class FormProduk(forms.Form):
    nama = forms.CharField(label="Produk", max_length=100)
    satuan = forms.CharField(
        label="Satuan", max_length=30, widget=forms.TextInput(attrs={"placeholder": "kg"})
    )
    rasio = AngkaField(label="Jumlah dalam satu paket", minimum=Decimal(0))
    harga = AngkaField(label="Harga (Rp/satuan)", rupiah=True)
    biaya_variabel = AngkaField(label="Biaya variabel (Rp/satuan)", minimum=Decimal(0), rupiah=True)

    def clean_harga(self):
        harga = self.cleaned_data["harga"]
        if harga is not None and harga <= 0:
            raise forms.ValidationError("Harga harus lebih dari 0.")
        return harga


class FormAtraksi(forms.Form):
    nama = forms.CharField(label="Atraksi", max_length=100)
    penerimaan = AngkaField(label="Penerimaan per tahun (Rp)", minimum=Decimal(0), rupiah=True)
    biaya_variabel = AngkaField(
        label="Biaya variabel per tahun (Rp)", minimum=Decimal(0), rupiah=True
    )
    harga_tiket = AngkaField(label="Harga tiket (Rp/kunjungan)", rupiah=True)

    def clean_harga_tiket(self):
        tiket = self.cleaned_data["harga_tiket"]
        if tiket is not None and tiket <= 0:
            raise forms.ValidationError("Harga tiket harus lebih dari 0.")
        return tiket


class FormsetBaris(forms.BaseFormSet):
    """Baris kosong diabaikan; paling sedikit satu baris terisi."""

    def clean(self):
        super().clean()
        if not any(f.has_changed() for f in self.forms):
            raise forms.ValidationError("Isi paling sedikit satu baris.")

    def baris(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if f.has_changed() and f.cleaned_data]


FormsetProduk = forms.formset_factory(FormProduk, formset=FormsetBaris, extra=4, max_num=30)
FormsetAtraksi = forms.formset_factory(FormAtraksi, formset=FormsetBaris, extra=4, max_num=30)
for kelas in (FormProduk, FormAtraksi):
    for kolom in kelas.base_fields.values():
        kolom.error_messages["required"] = "Wajib diisi."


def masukan_agroforestri(umum: dict, produk: list[dict]) -> ekonomi.MasukanAgroforestri:
    return ekonomi.MasukanAgroforestri(
        produk=[
            ekonomi.Produk(p["nama"], p["rasio"], p["harga"], p["biaya_variabel"], p["satuan"])
            for p in produk
        ],
        biaya_tetap=umum["biaya_tetap"],
        umr_bulanan=umum["umr_bulanan"],
        paket_per_hektar=umum["paket_per_hektar"],
        luas_rencana=umum["luas_rencana"],
        investasi=umum.get("investasi") or Decimal(0),
        periode=umum["periode"],
        tingkat_diskonto=umum["diskonto_persen"] / 100,
    )


def masukan_ekowisata(umum: dict, atraksi: list[dict]) -> ekonomi.MasukanEkowisata:
    return ekonomi.MasukanEkowisata(
        atraksi=[
            ekonomi.Atraksi(a["nama"], a["penerimaan"], a["biaya_variabel"], a["harga_tiket"])
            for a in atraksi
        ],
        biaya_tetap=umum["biaya_tetap"],
        umr_bulanan=umum["umr_bulanan"],
        investasi=umum.get("investasi") or Decimal(0),
        periode=umum["periode"],
        tingkat_diskonto=umum["diskonto_persen"] / 100,
    )
