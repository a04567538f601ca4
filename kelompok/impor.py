"""Impor KPS, KTH dan anggota dari .xlsx: pratinjau dulu, lalu semua atau tidak sama sekali.

Setiap baris divalidasi dengan formulir model yang sama dengan halaman web (pesan Indonesia,
aturan yang sama), ditambah cakupan wilayah pengguna. Berkas dengan satu baris salah tidak
mengimpor apa pun; pratinjau menyebut setiap baris salah dan alasannya.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Font

from akun.models import Pengguna
from kelompok import services
from kelompok.forms import AnggotaForm, KpsDasarForm, KthDasarForm, provinsi_dalam_cakupan
from kelompok.models import (
    BentukLembaga,
    Desa,
    FungsiHutan,
    Jabatan,
    JenisKelamin,
    Kps,
    Skema,
)
from perhutanan import xlsx

BARIS_MAKS = 5000
# Batas baca: baris kosong ikut dihitung, kolom di luar templat tidak diurai.
BARIS_TOTAL_MAKS = 2 * BARIS_MAKS
KOLOM_MAKS = 60


@dataclass(frozen=True)
class KolomImpor:
    judul: str
    kunci: str
    wajib: bool = True
    pilihan: type | None = None  # TextChoices: kode atau label diterima
    petunjuk: str = ""


@dataclass
class BarisImpor:
    nomor: int
    nilai: dict
    galat: list[str] = field(default_factory=list)
    form: forms.BaseForm | None = None


@dataclass
class Pratinjau:
    jenis: str
    baris: list[BarisImpor] = field(default_factory=list)
    galat_berkas: list[str] = field(default_factory=list)

    @property
    def baris_salah(self) -> list[BarisImpor]:
        return [b for b in self.baris if b.galat]

    @property
    def boleh_diimpor(self) -> bool:
        return bool(self.baris) and not self.galat_berkas and not self.baris_salah


def _kolom_kode_desa(user: Pengguna) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        Desa.objects.filter(kecamatan__kabupaten__provinsi__in=provinsi_dalam_cakupan(user)),
        to_field_name="kode",
        label="Kode desa",
    )


class KpsImporForm(KpsDasarForm):
    def __init__(self, *args, user: Pengguna, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desa"] = _kolom_kode_desa(user)
        self._pasang_pesan()
        self.fields["desa"].error_messages["invalid_choice"] = (
            "Kode desa tidak dikenal atau di luar provinsi Anda."
        )

    def clean_nomor_sk(self):
        nomor = self.cleaned_data["nomor_sk"].strip()
        if Kps.objects.filter(nomor_sk__iexact=nomor).exists():
            raise forms.ValidationError("Nomor SK ini sudah terdaftar.")
        return nomor


class KthImporForm(KthDasarForm):
    def __init__(self, *args, user: Pengguna, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["desa"] = _kolom_kode_desa(user)
        kps = self.fields["kps"]
        self.fields["kps"] = forms.ModelChoiceField(
            kps.queryset, to_field_name="nomor_sk", required=kps.required, label="Nomor SK KPS"
        )
        self._pasang_pesan()
        self.fields["desa"].error_messages["invalid_choice"] = (
            "Kode desa tidak dikenal atau di luar provinsi Anda."
        )
        self.fields["kps"].error_messages["invalid_choice"] = (
            "Nomor SK KPS tidak dikenal atau bukan KPS dampingan Anda."
        )


@dataclass(frozen=True)
class Spesifikasi:
    judul: str
    kolom: list[KolomImpor]
    buat_form: Callable


SPESIFIKASI = {
    "kps": Spesifikasi(
        "KPS",
        [
            KolomImpor("Nama KPS", "nama"),
            KolomImpor("Kode desa", "desa", petunjuk="Kode Kemendagri, misalnya 32.08.10.2001"),
            KolomImpor("Bentuk kelembagaan", "bentuk_lembaga", pilihan=BentukLembaga),
            KolomImpor("Skema", "skema", pilihan=Skema),
            KolomImpor("Nomor SK", "nomor_sk"),
            KolomImpor("Tanggal SK", "tanggal_sk", petunjuk="Tanggal Excel atau hh-bb-tttt"),
            KolomImpor("Luas (ha)", "luas_ha", petunjuk="Angka lebih dari 0, misalnya 312,5"),
            KolomImpor("Fungsi hutan", "fungsi_hutan", pilihan=FungsiHutan),
            KolomImpor("Ketua", "ketua"),
            KolomImpor("Kontak", "kontak", wajib=False),
            KolomImpor("Jumlah KK", "jumlah_kk"),
        ],
        lambda data, user, kelompok: KpsImporForm(data, user=user),
    ),
    "kth": Spesifikasi(
        "KTH",
        [
            KolomImpor("Nama KTH", "nama"),
            KolomImpor("Kode desa", "desa", petunjuk="Kode Kemendagri, misalnya 32.08.10.2001"),
            KolomImpor("Nomor register", "nomor_register"),
            KolomImpor(
                "Nomor SK KPS", "kps", wajib=False, petunjuk="KPS terkait (opsional bagi admin)"
            ),
            KolomImpor("Tanggal berdiri", "tanggal_berdiri", wajib=False),
            KolomImpor("Nomor SK kepala desa", "nomor_sk_kepala_desa", wajib=False),
            KolomImpor("Ketua", "ketua"),
            KolomImpor("Kontak", "kontak", wajib=False),
        ],
        lambda data, user, kelompok: KthImporForm(data, user=user),
    ),
    "anggota": Spesifikasi(
        "Anggota",
        [
            KolomImpor("Nama", "nama"),
            KolomImpor("Jenis kelamin", "jenis_kelamin", pilihan=JenisKelamin, petunjuk="L atau P"),
            KolomImpor("Tahun lahir", "tahun_lahir"),
            KolomImpor("Jabatan", "jabatan", wajib=False, pilihan=Jabatan),
            KolomImpor("NIK", "nik", wajib=False, petunjuk="16 digit; tulis sebagai teks"),
        ],
        lambda data, user, kelompok: AnggotaForm(data, kelompok=kelompok),
    ),
}


def _teks_sel(nilai) -> str:
    """Nilai sel sebagai teks masukan formulir (tanggal ISO, angka tanpa notasi ilmiah)."""
    if nilai is None:
        return ""
    if isinstance(nilai, datetime.datetime):
        return nilai.date().isoformat()
    if isinstance(nilai, datetime.date):
        return nilai.isoformat()
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, float):
        # Sel angka Excel selalu float; lewat repr agar 312.5 tetap 312.5, lalu ke format
        # Indonesia yang dibaca formulir (koma desimal).
        angka = Decimal(repr(nilai))
        if angka == angka.to_integral_value():
            return str(int(angka))
        return format(angka.normalize(), "f").replace(".", ",")
    return str(nilai).strip()


def _pilihan(kelas, teks: str) -> str:
    """Terima kode atau label pilihan tanpa peduli huruf besar/kecil."""
    cari = teks.strip().lower()
    for kode, label in kelas.choices:
        if cari in (str(kode).lower(), str(label).lower()):
            return kode
    return teks  # biarkan formulir yang menolak dengan pesannya


def _baca_lembar(berkas) -> tuple[list[str], list[tuple[int, list]], list[str]]:
    try:
        buku = xlsx.buka_terbatas(berkas)
    except xlsx.GalatBerkasExcel as galat:
        return [], [], [str(galat)]
    try:
        return _baca_baris(buku.worksheets[0])
    except xlsx.GalatBerkasExcel as galat:
        return [], [], [str(galat)]
    finally:
        buku.close()


def _baca_baris(lembar) -> tuple[list[str], list[tuple[int, list]], list[str]]:
    # Kolom yang dibaca: kolom templat ditambah cadangan untuk kolom tak dikenal yang dilaporkan.
    baris_iter = xlsx.baris_terbatas(lembar, maks_kolom=KOLOM_MAKS, maks_baris=BARIS_TOTAL_MAKS)
    kepala = next(baris_iter, None)
    if kepala is None:
        return [], [], ["Lembar pertama kosong."]
    judul = [_teks_sel(k) for k in kepala]
    while judul and not judul[-1]:
        judul.pop()
    isi = []
    for nomor, nilai in enumerate(baris_iter, start=2):
        if all(v is None or str(v).strip() == "" for v in nilai):
            continue
        if len(isi) >= BARIS_MAKS:
            return (
                judul,
                isi,
                [f"Berkas berisi lebih dari {BARIS_MAKS} baris; bagi menjadi beberapa berkas."],
            )
        isi.append((nomor, list(nilai)))
    return judul, isi, []


def pratinjau(jenis: str, berkas, *, user: Pengguna, kelompok=None) -> Pratinjau:
    spek = SPESIFIKASI[jenis]
    hasil = Pratinjau(jenis=jenis)
    judul, isi, galat = _baca_lembar(berkas)
    hasil.galat_berkas.extend(galat)
    if galat and not judul:
        return hasil
    dikenal = {k.judul.lower(): k for k in spek.kolom}
    kurang = [
        k.judul for k in spek.kolom if k.wajib and k.judul.lower() not in [j.lower() for j in judul]
    ]
    asing = [j for j in judul if j and j.lower() not in dikenal]
    if kurang or asing:
        bagian = []
        if kurang:
            bagian.append("kolom yang kurang: " + ", ".join(kurang))
        if asing:
            bagian.append("kolom tidak dikenal: " + ", ".join(asing))
        hasil.galat_berkas.append(
            "Kolom tidak sesuai templat ("
            + "; ".join(bagian)
            + "). Unduh templat lalu salin datanya."
        )
        return hasil
    posisi = {j.lower(): i for i, j in enumerate(judul) if j}
    terlihat: dict[str, int] = {}
    kunci_unik = {"kps": "nomor_sk", "kth": "nomor_register", "anggota": "nik"}[jenis]
    for nomor, nilai in isi:
        data = {}
        for kolom in spek.kolom:
            i = posisi.get(kolom.judul.lower())
            teks = _teks_sel(nilai[i]) if i is not None and i < len(nilai) else ""
            if kolom.pilihan and teks:
                teks = _pilihan(kolom.pilihan, teks)
            data[kolom.kunci] = teks
        if jenis == "anggota" and not data.get("jabatan"):
            data["jabatan"] = Jabatan.ANGGOTA
        baris = BarisImpor(nomor=nomor, nilai=data)
        form = spek.buat_form(data, user, kelompok)
        baris.form = form
        if not form.is_valid():
            label = {k.kunci: k.judul for k in spek.kolom}
            for kolom, pesan in form.errors.items():
                nama = label.get(kolom, "Baris")
                baris.galat.extend(f"{nama}: {p}" for p in pesan)
        unik = (data.get(kunci_unik) or "").replace(" ", "").lower()
        if unik:
            if unik in terlihat:
                baris.galat.append(f"{unik} sama dengan baris {terlihat[unik]} di berkas ini.")
            else:
                terlihat[unik] = nomor
        hasil.baris.append(baris)
    if not isi and not hasil.galat_berkas:
        hasil.galat_berkas.append("Tidak ada baris data di bawah baris judul.")
    return hasil


@transaction.atomic
def simpan(hasil: Pratinjau, *, user: Pengguna) -> int:
    """Simpan semua baris pratinjau yang sah; menolak bila ada satu saja yang salah."""
    if not hasil.boleh_diimpor:
        raise services.TindakanTidakSah(
            "Berkas masih memiliki baris yang salah; tidak ada yang diimpor."
        )
    for baris in hasil.baris:
        objek = baris.form.save(commit=False)
        if hasil.jenis == "kps":
            services.kps_buat(kps=objek, oleh=user)
        else:
            objek.save()
    return len(hasil.baris)


def templat_xlsx(jenis: str, berkas) -> None:
    """Templat kosong dengan judul kolom dan lembar petunjuk pilihan yang diterima."""
    spek = SPESIFIKASI[jenis]
    buku = Workbook()
    lembar = buku.active
    lembar.title = spek.judul
    lembar.append([k.judul for k in spek.kolom])
    for sel in lembar[1]:
        sel.font = Font(bold=True)
    petunjuk = buku.create_sheet("Petunjuk")
    petunjuk.append(["Kolom", "Wajib", "Keterangan"])
    for k in spek.kolom:
        keterangan = k.petunjuk
        if k.pilihan:
            keterangan = "Salah satu: " + "; ".join(
                f"{kode} ({label})" for kode, label in k.pilihan.choices
            )
        petunjuk.append([k.judul, "ya" if k.wajib else "tidak", keterangan])
    xlsx.netralkan_buku(buku)
    buku.save(berkas)
