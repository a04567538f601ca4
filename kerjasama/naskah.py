"""Naskah kerja sama usaha: 15 butir wajib (juknis, Langkah III) dan klausul keadilan gender."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ButirNaskah:
    kode: str
    judul: str


BUTIR_WAJIB: tuple[ButirNaskah, ...] = (
    ButirNaskah("identitas", "Identitas para pihak"),
    ButirNaskah("dasar", "Dasar perjanjian"),
    ButirNaskah("maksud", "Maksud dan tujuan"),
    ButirNaskah("persyaratan", "Persyaratan"),
    ButirNaskah("ruang_lingkup", "Ruang lingkup dan pola/skema kerja sama"),
    ButirNaskah("peta", "Peta lokasi dan luas areal yang dikerjasamakan"),
    ButirNaskah("kegiatan", "Jenis kegiatan"),
    ButirNaskah("hak_kewajiban", "Hak dan kewajiban"),
    ButirNaskah("jangka_waktu", "Jangka waktu"),
    ButirNaskah("bagi_hasil", "Sistem bagi hasil yang proporsional"),
    ButirNaskah("pendanaan", "Pendanaan operasionalisasi pemanfaatan hutan"),
    ButirNaskah("pelaporan", "Mekanisme pelaporan"),
    ButirNaskah("perpanjangan", "Perpanjangan dan pengakhiran"),
    ButirNaskah("sengketa", "Penyelesaian sengketa"),
    ButirNaskah("kahar", "Keadaan kahar (force majeure)"),
)
KLAUSUL_GENDER = ButirNaskah(
    "gender", "Keadilan gender dan pelibatan perempuan serta generasi muda"
)
SEMUA_BUTIR = (*BUTIR_WAJIB, KLAUSUL_GENDER)
MODAL_MAKS = Decimal(50)


def kekurangan(isi: dict, *, pola: str, persen_modal: Decimal | None) -> list[str]:
    """Alasan naskah belum boleh diajukan; kosong bila lengkap dan sah."""
    pesan = [
        f"Butir {b.judul} belum diisi." for b in SEMUA_BUTIR if not (isi.get(b.kode) or "").strip()
    ]
    if pola == "bagi_hasil":
        if persen_modal is None:
            pesan.append("Isi persentase penyertaan modal mitra untuk pola bagi hasil.")
        elif persen_modal > MODAL_MAKS:
            pesan.append("Penyertaan modal mitra dalam bagi hasil paling banyak 50%.")
    return pesan
