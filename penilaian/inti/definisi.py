"""Definisi instrumen: YAML -> bentuk kanonik yang tervalidasi -> objek mesin penilaian.

Bentuk kanonik (dict yang dapat di-JSON-kan, pecahan sebagai teks) disimpan di setiap versi
instrumen; sidik SHA-256-nya menentukan apakah isi instrumen berubah. Tanpa ORM.
"""

import hashlib
import json
from fractions import Fraction

import yaml

from penilaian.inti import scoring

HURUF = "abcdefghijklmnopqrstuvwxyz"
KUNCI_OPSI = {"teks", "skor", "nilai", "sementara"}


class GalatInstrumen(ValueError):
    def __init__(self, pesan: list[str]):
        self.pesan = pesan
        super().__init__("; ".join(pesan))


def _pecahan(nilai, konteks: str, galat: list[str]) -> str | None:
    if nilai is None:
        return None
    try:
        if isinstance(nilai, bool):
            raise ValueError
        # Angka YAML berkoma (mis. 7.5) dibaca lewat teksnya agar tetap eksak.
        hasil = Fraction(str(nilai))
    except (ValueError, ZeroDivisionError):
        galat.append(f"{konteks}: '{nilai}' bukan angka.")
        return None
    return str(hasil)


def _ambang(data: dict, galat: list[str]) -> list[dict]:
    """Kategori HKm (min) atau kelas KTH (batas bawah/atas), urut sesuai berkas."""
    hasil = []
    if "kategori" in data:
        for k in data["kategori"]:
            hasil.append({"nama": k["nama"], "min": _pecahan(k.get("min", 0), k["nama"], galat)})
        return hasil
    for k in data.get("kelas", []):
        if "maks_lebih_kecil_dari" in k:
            hasil.append(
                {
                    "nama": k["nama"],
                    "min": "0",
                    "maks": _pecahan(k["maks_lebih_kecil_dari"], k["nama"], galat),
                    "maks_eksklusif": True,
                }
            )
        elif "sampai_dengan" in k:
            bawah = hasil[-1]["maks"] if hasil else "0"
            hasil.append(
                {
                    "nama": k["nama"],
                    "min": bawah,
                    "maks": _pecahan(k["sampai_dengan"], k["nama"], galat),
                }
            )
        elif "lebih_dari" in k:
            hasil.append(
                {
                    "nama": k["nama"],
                    "min": _pecahan(k["lebih_dari"], k["nama"], galat),
                    "min_eksklusif": True,
                }
            )
        else:
            galat.append(f"Kelas {k.get('nama')}: batasnya tidak dikenali.")
    return hasil


def normalisasi(data: dict) -> dict:
    """Validasi isi instrumen dan kembalikan bentuk kanonik; GalatInstrumen bila ada masalah."""
    galat: list[str] = []
    if not isinstance(data, dict) or not data.get("kode") or not data.get("aspek"):
        raise GalatInstrumen(["Instrumen harus punya kode dan daftar aspek."])
    skala = data.get("skala_skor", [1, 3])
    ada_bobot = any(
        "bobot" in i
        for a in data["aspek"]
        for k in a.get("kriteria", [{"indikator": a.get("indikator", [])}])
        for i in k.get("indikator", [])
    )
    metode = scoring.BOBOT if ada_bobot else scoring.JUMLAH
    kode_terlihat: set[str] = set()
    aspek_kanonik = []
    for a in data["aspek"]:
        jenis = scoring.PRASYARAT if a.get("jenis") == "prasyarat" else "dinilai"
        # Rubrik KTH tidak punya tingkat kriteria: indikator langsung di bawah aspek.
        daftar_kriteria = a.get("kriteria") or [
            {"kode": a["kode"], "nama": a["nama"], "indikator": a.get("indikator", [])}
        ]
        kriteria_kanonik = []
        jumlah_maks = Fraction(0)
        for k in daftar_kriteria:
            indikator_kanonik = []
            for i in k.get("indikator", []):
                kode = str(i.get("kode", ""))
                if not kode or kode in kode_terlihat:
                    galat.append(f"Indikator '{kode}': kode kosong atau ganda.")
                kode_terlihat.add(kode)
                isian = i.get("isian") == "nilai"
                opsi = []
                for n, o in enumerate(i.get("opsi", [])):
                    asing = sorted(set(o) - KUNCI_OPSI)
                    if asing:
                        # Teks berkoma tanpa tanda kutip di {teks: ..., skor: ...} terpotong
                        # diam-diam oleh YAML; tolak agar pilihan tidak tampil keliru.
                        galat.append(
                            f"Opsi {kode}{HURUF[n]}: kunci tidak dikenal "
                            f"{', '.join(map(repr, asing))}; teks yang mengandung koma harus "
                            "diberi tanda kutip."
                        )
                    skor = o.get("skor", o.get("nilai"))
                    baru = {
                        "kode": HURUF[n],
                        "teks": str(o["teks"]),
                        "sementara": bool(o.get("sementara", False)),
                    }
                    if isinstance(skor, bool):
                        baru["ada"] = skor
                    else:
                        baru["skor"] = _pecahan(skor, f"Opsi {kode}{HURUF[n]}", galat)
                    opsi.append(baru)
                maks = _pecahan(i.get("maks"), f"Maks {kode}", galat)
                bobot = _pecahan(i.get("bobot"), f"Bobot {kode}", galat)
                if not isian and not opsi:
                    galat.append(f"Indikator {kode}: tidak punya opsi maupun isian nilai.")
                if isian and maks is None:
                    galat.append(f"Indikator {kode}: isian nilai membutuhkan maks.")
                if jenis != scoring.PRASYARAT and metode == scoring.BOBOT:
                    if bobot is None or Fraction(bobot) <= 0:
                        galat.append(f"Indikator {kode}: bobot harus lebih dari 0.")
                    for o in opsi:
                        if o.get("skor") is None or not (
                            Fraction(skala[0]) <= Fraction(o["skor"]) <= Fraction(skala[1])
                        ):
                            galat.append(
                                f"Opsi {kode}{o['kode']}: skor harus {skala[0]}..{skala[1]}."
                            )
                if metode == scoring.JUMLAH and jenis != scoring.PRASYARAT:
                    batas = Fraction(maks) if maks is not None else None
                    for o in opsi:
                        if o.get("skor") is None or (
                            batas is not None and Fraction(o["skor"]) > batas
                        ):
                            galat.append(f"Opsi {kode}{o['kode']}: nilai harus 0..{maks}.")
                    jumlah_maks += Fraction(maks or 0)
                indikator_kanonik.append(
                    {
                        "kode": kode,
                        "teks": " ".join(str(i.get("teks", "")).split()),
                        "bobot": bobot,
                        "maks": maks,
                        "isian": isian,
                        "opsi": opsi,
                        "sementara": bool(i.get("sementara")) or any(o["sementara"] for o in opsi),
                        "catatan": str(i.get("catatan", "")),
                    }
                )
            kriteria_kanonik.append(
                {"kode": str(k["kode"]), "nama": str(k["nama"]), "indikator": indikator_kanonik}
            )
        maks_aspek = _pecahan(a.get("maks"), f"Maks aspek {a['kode']}", galat)
        if (
            metode == scoring.JUMLAH
            and maks_aspek is not None
            and jumlah_maks != Fraction(maks_aspek)
        ):
            galat.append(
                f"Aspek {a['kode']}: jumlah nilai maksimum indikator {jumlah_maks} "
                f"tidak sama dengan maksimum aspek {maks_aspek}."
            )
        aspek_kanonik.append(
            {
                "kode": str(a["kode"]),
                "nama": str(a["nama"]),
                "jenis": jenis,
                "maks": maks_aspek,
                "sementara": bool(a.get("sementara")),
                "kriteria": kriteria_kanonik,
            }
        )
    ambang = _ambang(data, galat)
    if not ambang:
        galat.append("Instrumen harus punya kategori (HKm) atau kelas (KTH).")
    if galat:
        raise GalatInstrumen(galat)
    return {
        "kode": str(data["kode"]),
        "nama": str(data.get("nama", data["kode"])),
        "metode": metode,
        "skor_maks": str(Fraction(skala[1])),
        "ambang": ambang,
        "versi_sumber": str(data.get("versi", "")),
        "dasar_hukum": [str(d) for d in data.get("dasar_hukum", [])],
        "aspek": aspek_kanonik,
    }


class _PemuatTanpaAlias(yaml.SafeLoader):
    """YAML aman tanpa alias: 18 KB alias bersarang ("bom alias") mengembang menjadi miliaran
    simpul dan menahan satu worker pada CPU 100% selama beberapa menit. Instrumen tidak
    membutuhkan alias, jadi alias ditolak sebelum apa pun dikembangkan."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            peristiwa = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "alias YAML (*nama) tidak diizinkan", peristiwa.start_mark
            )
        return super().compose_node(parent, index)


def dari_data(data) -> dict:
    """Normalisasi masukan yang belum dipercaya (unggahan): struktur yang salah bentuk menjadi
    GalatInstrumen dengan pesan, bukan galat Python."""
    try:
        return normalisasi(data)
    except GalatInstrumen:
        raise
    except (TypeError, KeyError, ValueError, AttributeError, ArithmeticError, IndexError) as e:
        raise GalatInstrumen(
            [f"Struktur rubrik tidak sesuai format instrumen ({type(e).__name__}: {e})."]
        ) from e


def dari_yaml(teks: str) -> dict:
    try:
        data = yaml.load(teks, Loader=_PemuatTanpaAlias)  # noqa: S506  (turunan SafeLoader)
    except yaml.YAMLError as e:
        raise GalatInstrumen([f"Berkas YAML tidak terbaca: {e}"]) from e
    return dari_data(data)


def sidik(kanonik: dict) -> str:
    return hashlib.sha256(
        json.dumps(kanonik, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def _f(teks: str | None) -> Fraction | None:
    return None if teks is None else Fraction(teks)


def ke_mesin(kanonik: dict) -> scoring.Instrumen:
    """Objek mesin penilaian dari bentuk kanonik."""
    aspek = tuple(
        scoring.Aspek(
            kode=a["kode"],
            nama=a["nama"],
            jenis=a["jenis"],
            maks=_f(a["maks"]),
            kriteria=tuple(
                scoring.Kriteria(
                    kode=k["kode"],
                    nama=k["nama"],
                    indikator=tuple(
                        scoring.Indikator(
                            kode=i["kode"],
                            teks=i["teks"],
                            bobot=_f(i["bobot"]),
                            maks=_f(i["maks"]),
                            isian=i["isian"],
                            sementara=i["sementara"],
                            opsi=tuple(
                                scoring.Opsi(
                                    kode=o["kode"],
                                    teks=o["teks"],
                                    skor=_f(o.get("skor")),
                                    ada=o.get("ada"),
                                    sementara=o["sementara"],
                                )
                                for o in i["opsi"]
                            ),
                        )
                        for i in k["indikator"]
                    ),
                )
                for k in a["kriteria"]
            ),
        )
        for a in kanonik["aspek"]
    )
    ambang = tuple(
        scoring.Ambang(
            nama=x["nama"],
            min=Fraction(x["min"]),
            maks=_f(x.get("maks")),
            min_eksklusif=x.get("min_eksklusif", False),
            maks_eksklusif=x.get("maks_eksklusif", False),
        )
        for x in kanonik["ambang"]
    )
    return scoring.Instrumen(
        kode=kanonik["kode"],
        nama=kanonik["nama"],
        metode=kanonik["metode"],
        aspek=aspek,
        ambang=ambang,
        skor_maks=Fraction(kanonik["skor_maks"]),
    )
