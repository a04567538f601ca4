"""Data pelaksanaan kerja sama: sembilan kewajiban dan daftar periksa KMP (instrumen kmp.yaml)."""

from functools import cache
from pathlib import Path

import yaml
from django.conf import settings

KEWAJIBAN = (
    ("perlindungan", "Perlindungan dan pengamanan hutan"),
    ("penatausahaan", "Penatausahaan hasil hutan"),
    ("silvikultur", "Sistem silvikultur"),
    ("laporan", "Laporan pelaksanaan kerja sama"),
    ("tanda_batas", "Tanda batas areal kerja sama"),
    ("pnbp", "Pembayaran PNBP"),
    ("sesuai_perjanjian", "Kegiatan sesuai perjanjian"),
    ("fungsi_hutan", "Mempertahankan fungsi hutan"),
    ("kohesi_sosial", "Menjaga stabilitas dan kohesi sosial"),
)


@cache
def tahap_kmp() -> list[dict]:
    """Lima tahap KMP dengan pertanyaan panduannya, berkode 'tahap.nomor'."""
    data = yaml.safe_load(
        (Path(settings.BASE_DIR) / "fixtures" / "instrumen" / "kmp.yaml").read_text()
    )
    return [
        {
            "kode": str(t["kode"]),
            "nama": t["nama"],
            # Kunci `no` dibaca YAML 1.1 sebagai boolean False; terima keduanya.
            "langkah": [
                f"{lgk.get('no', lgk.get(False))}. {lgk['nama']}" for lgk in t.get("langkah", [])
            ],
            "langkah_rinci": [
                {
                    "no": int(lgk.get("no", lgk.get(False))),
                    "nama": lgk["nama"],
                    "tugas": list(lgk.get("tugas", [])),
                }
                for lgk in t.get("langkah", [])
            ],
            "pertanyaan": [
                (f"{t['kode']}.{n}", p) for n, p in enumerate(t.get("pertanyaan", []), start=1)
            ],
        }
        for t in data["tahap"]
    ]
