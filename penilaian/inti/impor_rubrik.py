"""Rubrik penilaian sebagai .xlsx: unduh versi yang berlaku, koreksi, unggah sebagai versi baru.

Lembar "Instrumen": baris kunci/nilai (kode, nama, versi, dasar_hukum, ...).
Lembar "Kelas": nama, syarat ("< 350", "<= 700", "> 700").
Lembar "Indikator": satu baris per opsi (atau satu baris untuk indikator isian nilai) dengan
kolom KOLOM di bawah. Hasilnya berbentuk sama dengan YAML, lalu divalidasi definisi.normalisasi.
"""

import re
from fractions import Fraction
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from perhutanan import xlsx

KOLOM = [
    "aspek_kode",
    "aspek_nama",
    "aspek_maks",
    "indikator_kode",
    "indikator_teks",
    "maks",
    "isian_nilai",
    "opsi_teks",
    "opsi_nilai",
    "sementara",
]
YA = {"ya", "y", "true", "1", "benar"}


class GalatRubrik(ValueError):
    def __init__(self, pesan: list[str]):
        self.pesan = pesan
        super().__init__("; ".join(pesan))


# Rubrik KTH berisi puluhan indikator dengan beberapa opsi: seribu baris sudah jauh di atasnya.
BARIS_MAKS = 1000


def _teks(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def dari_xlsx(berkas) -> dict:
    try:
        buku = xlsx.buka_terbatas(berkas)
        return _dari_buku(buku)
    except xlsx.GalatBerkasExcel as e:
        raise GalatRubrik([str(e)]) from e


def _baris(buku, nama: str, min_baris: int = 1):
    return xlsx.baris_terbatas(
        buku[nama], maks_kolom=len(KOLOM) + 5, maks_baris=BARIS_MAKS, min_baris=min_baris
    )


def _dari_buku(buku) -> dict:
    galat = []
    for lembar in ("Instrumen", "Kelas", "Indikator"):
        if lembar not in buku.sheetnames:
            galat.append(f"Lembar '{lembar}' tidak ada.")
    if galat:
        raise GalatRubrik(galat)
    data: dict = {"dasar_hukum": []}
    for kunci, nilai, *_ in _baris(buku, "Instrumen", 2):
        kunci = _teks(kunci)
        if kunci == "dasar_hukum":
            data["dasar_hukum"].append(_teks(nilai))
        elif kunci:
            data[kunci] = _teks(nilai)
    data["kelas"] = []
    for nomor, (nama, syarat, *_) in enumerate(_baris(buku, "Kelas", 2), 2):
        if not _teks(nama):
            continue
        cocok = re.fullmatch(r"\s*(<=|<|>)\s*([\d.,]+)\s*", _teks(syarat))
        if not cocok:
            galat.append(
                f"Kelas baris {nomor}: syarat '{syarat}' harus seperti "
                "'< 350', '<= 700' atau '> 700'."
            )
            continue
        angka = _teks(cocok.group(2)).replace(",", ".")
        kunci = {"<": "maks_lebih_kecil_dari", "<=": "sampai_dengan", ">": "lebih_dari"}[
            cocok.group(1)
        ]
        data["kelas"].append({"nama": _teks(nama), kunci: angka})
    baris = _baris(buku, "Indikator")
    kepala = [_teks(k).lower() for k in next(baris, [])]
    if kepala[: len(KOLOM)] != KOLOM:
        galat.append("Kolom lembar Indikator harus: " + ", ".join(KOLOM) + ".")
        raise GalatRubrik(galat)
    aspek: dict[str, dict] = {}
    indikator: dict[str, dict] = {}
    for nomor, isi in enumerate(baris, start=2):
        r = dict(zip(KOLOM, (_teks(v) for v in isi), strict=False))
        if not r.get("indikator_kode"):
            continue
        a = aspek.setdefault(
            r["aspek_kode"], {"kode": r["aspek_kode"], "nama": r["aspek_nama"], "indikator": []}
        )
        if r["aspek_maks"]:
            a["maks"] = r["aspek_maks"]
        i = indikator.get(r["indikator_kode"])
        if i is None:
            i = {"kode": r["indikator_kode"], "teks": r["indikator_teks"]}
            if r["maks"]:
                i["maks"] = r["maks"]
            if r["isian_nilai"].lower() in YA:
                i["isian"] = "nilai"
            else:
                i["opsi"] = []
            if r["sementara"].lower() in YA:
                i["sementara"] = True
            indikator[r["indikator_kode"]] = i
            a["indikator"].append(i)
        if "opsi" in i:
            if not r["opsi_teks"]:
                galat.append(f"Indikator baris {nomor}: teks opsi kosong.")
                continue
            try:
                nilai = str(Fraction(r["opsi_nilai"].replace(",", ".")))
            except (ValueError, ZeroDivisionError):
                galat.append(
                    f"Indikator baris {nomor}: nilai opsi '{r['opsi_nilai']}' bukan angka."
                )
                continue
            i["opsi"].append(
                {"teks": r["opsi_teks"], "nilai": nilai, "sementara": r["sementara"].lower() in YA}
            )
    if galat:
        raise GalatRubrik(galat)
    data["aspek"] = list(aspek.values())
    return data


def ke_xlsx(kanonik: dict) -> bytes:
    """Versi rubrik (bentuk kanonik, metode jumlah) sebagai .xlsx yang bisa diunggah kembali."""
    buku = Workbook()
    info = buku.active
    info.title = "Instrumen"
    info.append(["kunci", "nilai"])
    info.append(["kode", kanonik["kode"]])
    info.append(["nama", kanonik["nama"]])
    info.append(["versi", kanonik.get("versi_sumber", "")])
    for d in kanonik.get("dasar_hukum", []):
        info.append(["dasar_hukum", d])
    kelas = buku.create_sheet("Kelas")
    kelas.append(["nama", "syarat"])
    for a in kanonik["ambang"]:
        if a.get("maks_eksklusif"):
            kelas.append([a["nama"], f"< {a['maks']}"])
        elif a.get("maks") is not None:
            kelas.append([a["nama"], f"<= {a['maks']}"])
        else:
            kelas.append([a["nama"], f"> {a['min']}"])
    lembar = buku.create_sheet("Indikator")
    lembar.append(KOLOM)
    for a in kanonik["aspek"]:
        for k in a["kriteria"]:
            for i in k["indikator"]:
                dasar = [a["kode"], a["nama"], a["maks"], i["kode"], i["teks"], i["maks"]]
                if i["isian"]:
                    lembar.append([*dasar, "ya", "", "", "ya" if i["sementara"] else "tidak"])
                for o in i["opsi"]:
                    lembar.append(
                        [
                            *dasar,
                            "tidak",
                            o["teks"],
                            o.get("skor"),
                            "ya" if o["sementara"] else "tidak",
                        ]
                    )
    for ws in buku.worksheets:
        for sel in ws[1]:
            sel.font = Font(bold=True)
    isi = BytesIO()
    xlsx.netralkan_buku(buku)
    buku.save(isi)
    return isi.getvalue()
