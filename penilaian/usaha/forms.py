"""Formulir analisis skala usaha: angka dan rupiah diketik dalam format Indonesia."""

from decimal import Decimal

from django import forms

from penilaian.usaha import ekonomi, tahunan
from perhutanan.forms import ANGKA_MAKS, AngkaField, baca_angka


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
    """Agroforestri dengan arus kas tahunan: biaya dan produk diisi per tahun terjadinya."""

    luas_analisis = AngkaField(
        label="Luas yang dianalisis (ha)",
        initial="1",
        minimum=Decimal(0),
        help_text="Biaya dan produk di bawah diisi untuk luas ini (kajian memakai 1 ha per "
        "rumah tangga).",
    )
    luas_rencana = AngkaField(label="Luas yang dikelola/direncanakan KUPS (ha)", minimum=Decimal(0))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Model tahunan: biaya tetap dan investasi diisi sebagai baris biaya.
        del self.fields["biaya_tetap"]
        del self.fields["investasi"]

    def clean_luas_analisis(self):
        nilai = self.cleaned_data["luas_analisis"]
        if nilai is not None and nilai <= 0:
            raise forms.ValidationError("Harus lebih dari 0 ha.")
        return nilai


class FormEkowisata(FormUmum):
    kunjungan_sekarang = AngkaField(
        label="Kunjungan saat ini per tahun (tiket masuk)",
        minimum=Decimal(0),
        required=False,
        help_text="Bila kosong, dihitung dari penerimaan atraksi pintu masuk dibagi harga "
        "tiketnya.",
    )


def _jumlah_per_tahun(teks: str) -> list[Decimal]:
    """'1.500.000' -> [1500000]; '100; 200; 400' -> [100, 200, 400]."""
    hasil = []
    for bagian in str(teks or "").split(";"):
        if not bagian.strip():
            continue
        try:
            nilai = baca_angka(bagian)
        except ValueError as e:
            raise forms.ValidationError(
                f"'{bagian.strip()}' bukan angka. Tulis satu angka, atau beberapa dipisah titik "
                "koma (100; 200; 400)."
            ) from e
        if nilai < 0:
            raise forms.ValidationError("Tidak boleh negatif.")
        if abs(nilai) >= ANGKA_MAKS:
            raise forms.ValidationError("Terlalu besar.")
        hasil.append(nilai)
    if not hasil:
        raise forms.ValidationError("Wajib diisi.")
    return hasil


class _BarisTahunan(forms.Form):
    """Tahun terjadinya dan jumlah per tahun (satu angka, atau beberapa untuk tahun berurutan)."""

    tahun = forms.CharField(
        label="Tahun ke-",
        max_length=60,
        widget=forms.TextInput(attrs={"placeholder": "1-20"}),
        help_text="0, 1-20, atau 5, 10, 15",
    )
    jumlah = forms.CharField(
        label="Jumlah per tahun",
        max_length=400,
        help_text="Satu angka untuk setiap tahun, atau beberapa dipisah titik koma untuk "
        "tahun-tahun berurutan (yang terakhir berlaku sampai akhir).",
    )

    def clean_tahun(self):
        try:
            tahunan.baca_tahun(self.cleaned_data["tahun"])
        except ValueError as e:
            raise forms.ValidationError(str(e)) from e
        return self.cleaned_data["tahun"].strip()

    def clean_jumlah(self):
        _jumlah_per_tahun(self.cleaned_data["jumlah"])
        return self.cleaned_data["jumlah"].strip()

    def clean(self):
        data = super().clean()
        if "tahun" in data and "jumlah" in data:
            n_tahun = len(tahunan.baca_tahun(data["tahun"]))
            n_angka = len(_jumlah_per_tahun(data["jumlah"]))
            if n_angka > n_tahun:
                self.add_error(
                    "jumlah", f"Ada {n_angka} angka untuk {n_tahun} tahun; kurangi angkanya."
                )
        return data


class FormBiaya(_BarisTahunan):
    nama = forms.CharField(label="Biaya", max_length=100)
    kategori = forms.ChoiceField(
        label="Kategori", choices=[("", "---------"), *tahunan.KATEGORI_BIAYA.items()]
    )
    tenaga_keluarga = forms.BooleanField(label="Tenaga kerja keluarga", required=False)
    tetap = forms.BooleanField(
        label="Biaya tetap",
        required=False,
        help_text="Tidak bertambah bila luas bertambah. Investasi selalu biaya tetap.",
    )
    field_order = ["nama", "kategori", "tahun", "jumlah", "tenaga_keluarga", "tetap"]

    def has_changed(self) -> bool:
        """Baris saran (nama, kategori, tahun sudah terisi) baru dihitung bila jumlahnya diisi;
        baris yang namanya diganti tanpa jumlah tetap diperiksa (pesan "Wajib diisi")."""
        if not super().has_changed():
            return False
        if (self.data.get(self.add_prefix("jumlah")) or "").strip():
            return True
        nama = (self.data.get(self.add_prefix("nama")) or "").strip()
        return bool(nama) and nama != (self.initial.get("nama") or "")


class FormProduk(_BarisTahunan):
    nama = forms.CharField(label="Produk", max_length=100)
    satuan = forms.CharField(
        label="Satuan", max_length=30, widget=forms.TextInput(attrs={"placeholder": "kg"})
    )
    harga = AngkaField(label="Harga (Rp/satuan)", rupiah=True)
    biaya_variabel = AngkaField(
        label="Biaya variabel (Rp/satuan)",
        minimum=Decimal(0),
        rupiah=True,
        required=False,
        help_text="Mis. panen dan angkut per kg; kosong = 0.",
    )
    kayu = forms.BooleanField(label="Kayu", required=False, help_text="Dipanen pada tahun diisi.")
    field_order = ["nama", "satuan", "tahun", "jumlah", "harga", "biaya_variabel", "kayu"]

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
    pintu_masuk = forms.BooleanField(
        label="Tiket masuk",
        required=False,
        help_text="Tandai satu atraksi: tiket masuk kawasan (jumlah pengunjung).",
    )

    def clean_harga_tiket(self):
        tiket = self.cleaned_data["harga_tiket"]
        if tiket is not None and tiket <= 0:
            raise forms.ValidationError("Harga tiket harus lebih dari 0.")
        return tiket


class FormsetBaris(forms.BaseFormSet):
    """Baris kosong diabaikan; paling sedikit satu baris terisi (kecuali `boleh_kosong`)."""

    boleh_kosong = False

    def _construct_form(self, i, **kwargs):
        # Baris berisi saran atau salinan (INITIAL_FORMS > 0) juga boleh dibiarkan: baris yang
        # tidak diubah diabaikan, bukan ditolak "Wajib diisi".
        kwargs.setdefault("empty_permitted", True)
        return super()._construct_form(i, **kwargs)

    def clean(self):
        super().clean()
        if not self.boleh_kosong and not any(f.has_changed() for f in self.forms):
            raise forms.ValidationError("Isi paling sedikit satu baris.")

    def terisi(self) -> list[forms.Form]:
        return [f for f in self.forms if f.has_changed()]

    def baris(self) -> list[dict]:
        return [f.cleaned_data for f in self.terisi() if f.cleaned_data]


class FormsetBiaya(FormsetBaris):
    boleh_kosong = True


class FormsetAtraksiBase(FormsetBaris):
    def clean(self):
        super().clean()
        if any(f.errors for f in self.forms):
            return
        terisi = self.terisi()
        masuk = [f for f in terisi if f.cleaned_data.get("pintu_masuk")]
        if len(terisi) == 1 and not masuk:
            terisi[0].cleaned_data["pintu_masuk"] = True
        elif len(masuk) != 1:
            raise forms.ValidationError(
                "Tandai tepat satu atraksi sebagai tiket masuk (jumlah pengunjung kawasan)."
            )


# absolute_max = max_num: TOTAL_FORMS yang dimanipulasi tidak membuat ribuan formulir.
FormsetBiayaTahunan = forms.formset_factory(
    FormBiaya, formset=FormsetBiaya, extra=3, max_num=40, absolute_max=40
)
FormsetProduk = forms.formset_factory(
    FormProduk, formset=FormsetBaris, extra=4, max_num=30, absolute_max=30
)
FormsetAtraksi = forms.formset_factory(
    FormAtraksi, formset=FormsetAtraksiBase, extra=4, max_num=30, absolute_max=30
)
for kelas in (FormBiaya, FormProduk, FormAtraksi):
    for kolom in kelas.base_fields.values():
        kolom.error_messages["required"] = "Wajib diisi."


def masukan_agroforestri_konstan(umum: dict, produk: list[dict]) -> ekonomi.MasukanAgroforestri:
    """Analisis lama (versi masukan 1, satu tahun konstan)."""
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


def _jadwal(baris: dict) -> dict[int, Decimal]:
    return tahunan.jadwal(tahunan.baca_tahun(baris["tahun"]), _jumlah_per_tahun(baris["jumlah"]))


def masukan_agroforestri(
    umum: dict, biaya: list[dict], produk: list[dict]
) -> tahunan.MasukanTahunan:
    return tahunan.MasukanTahunan(
        biaya=[
            tahunan.BarisBiaya(
                nama=b["nama"],
                kategori=b["kategori"],
                per_tahun=_jadwal(b),
                tenaga_keluarga=bool(b.get("tenaga_keluarga")),
                tetap=bool(b.get("tetap")),
            )
            for b in biaya
        ],
        produk=[
            tahunan.BarisProduk(
                nama=p["nama"],
                satuan=p["satuan"],
                harga=p["harga"],
                per_tahun=_jadwal(p),
                biaya_variabel=p.get("biaya_variabel") or Decimal(0),
                kayu=bool(p.get("kayu")),
            )
            for p in produk
        ],
        umr_bulanan=umum["umr_bulanan"],
        luas_analisis=umum["luas_analisis"],
        luas_rencana=umum["luas_rencana"],
        periode=umum["periode"],
        tingkat_diskonto=umum["diskonto_persen"] / 100,
    )


def masukan_ekowisata(
    umum: dict, atraksi: list[dict], *, model: int = 2
) -> ekonomi.MasukanEkowisata:
    return ekonomi.MasukanEkowisata(
        atraksi=[
            ekonomi.Atraksi(
                a["nama"],
                a["penerimaan"],
                a["biaya_variabel"],
                a["harga_tiket"],
                pintu_masuk=bool(a.get("pintu_masuk")),
            )
            for a in atraksi
        ],
        biaya_tetap=umum["biaya_tetap"],
        umr_bulanan=umum["umr_bulanan"],
        investasi=umum.get("investasi") or Decimal(0),
        periode=umum["periode"],
        tingkat_diskonto=umum["diskonto_persen"] / 100,
        kunjungan_sekarang=umum.get("kunjungan_sekarang"),
        model=model,
    )
