"""Naskah kerja sama usaha: 15 butir wajib (juknis, Langkah III) dan klausul keadilan gender."""

import hashlib
import json
from collections.abc import Mapping
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


def sidik(*, isi: dict, para_pihak: dict, pola: str, persen_modal) -> str:
    """SHA-256 isi satu versi naskah dalam JSON kanonik (kunci urut, modal dua desimal)."""
    kanonik = {
        "isi": isi,
        "para_pihak": para_pihak,
        "pola": pola,
        "persen_modal_mitra": None
        if persen_modal is None
        else format(Decimal(persen_modal).quantize(Decimal("0.01")), "f"),
    }
    teks = json.dumps(kanonik, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(teks.encode()).hexdigest()


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


@dataclass(frozen=True)
class PerubahanButir:
    judul: str
    lama: str
    baru: str


def perubahan(lama: Mapping, baru: Mapping) -> list[PerubahanButir]:
    """Butir (dan pola pendanaan) yang berbeda antara dua versi naskah, urut pasal.

    `lama` dan `baru`: {"isi": {kode: teks}, "pola": label, "persen_modal_mitra": Decimal|None}."""
    hasil = [
        PerubahanButir(f"Pasal {n}. {b.judul}", lama_teks, baru_teks)
        for n, b in enumerate(SEMUA_BUTIR, start=1)
        if (lama_teks := (lama["isi"].get(b.kode) or "").strip())
        != (baru_teks := (baru["isi"].get(b.kode) or "").strip())
    ]
    for kunci, judul in (("pola", "Pola pendanaan"), ("persen_modal_mitra", "Modal mitra (%)")):
        a, b = lama.get(kunci), baru.get(kunci)
        if a != b:  # Decimal dibandingkan menurut nilainya: 30 sama dengan 30,00
            hasil.append(
                PerubahanButir(judul, "" if a is None else str(a), "" if b is None else str(b))
            )
    return hasil
