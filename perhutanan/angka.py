"""Format angka Indonesia untuk teks di luar templat (PDF, Excel, pesan).

Templat memakai filter di perhutanan/templatetags/angka.py yang memanggil fungsi-fungsi ini,
sehingga halaman, PDF dan ekspor menampilkan angka yang sama. Pembulatan selalu eksplisit
(setengah ke atas) pada Decimal; float tidak pernah dipakai untuk nilai.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

Angka = Decimal | Fraction | int | str


def ke_decimal(nilai: Angka) -> Decimal:
    """Ubah nilai ke Decimal tanpa lewat float (Fraction dibagi dengan presisi Decimal)."""
    if isinstance(nilai, Decimal):
        return nilai
    if isinstance(nilai, Fraction):
        return Decimal(nilai.numerator) / Decimal(nilai.denominator)
    if isinstance(nilai, float):
        raise TypeError("Nilai float tidak diterima; pakai Decimal, Fraction, int atau str.")
    try:
        return Decimal(nilai)
    except InvalidOperation as galat:
        raise ValueError(f"Bukan angka: {nilai!r}") from galat


def format_desimal(nilai: Angka, digit: int = 0) -> str:
    """1234.56 -> '1.234,6' untuk digit=1; dibulatkan setengah ke atas."""
    angka = ke_decimal(nilai).quantize(Decimal(1).scaleb(-digit), rounding=ROUND_HALF_UP)
    tanda = "-" if angka < 0 else ""
    bulat, _, pecahan = f"{abs(angka):f}".partition(".")
    kelompok = []
    while len(bulat) > 3:
        kelompok.insert(0, bulat[-3:])
        bulat = bulat[:-3]
    kelompok.insert(0, bulat)
    teks = ".".join(kelompok)
    if digit > 0:
        teks = f"{teks},{pecahan}"
    return f"{tanda}{teks}"


def format_rupiah(nilai: Angka) -> str:
    """1500000 -> 'Rp 1.500.000'; nilai negatif -> '-Rp 1.500.000'. Dibulatkan ke rupiah."""
    teks = format_desimal(nilai, 0)
    if teks.startswith("-"):
        return f"-Rp {teks[1:]}"
    return f"Rp {teks}"


def format_angka(nilai: Angka, angka_penting: int = 3) -> str:
    """Rasio atau desimal dengan presisi yang masuk akal, dalam format Indonesia.

    Paling sedikit `angka_penting` angka bermakna untuk nilai kecil (0,00457 -> '0,00457'),
    dua desimal untuk 1 sampai 10 (2,3842 -> '2,38'), satu desimal sampai 100, bulat di atasnya
    (12.345,6 -> '12.346'). Nol tetap '0'; tidak pernah notasi ilmiah."""
    angka = ke_decimal(nilai)
    if angka == 0:
        return "0"
    besar = abs(angka)
    if besar >= 100:
        digit = 0
    elif besar >= 10:
        digit = 1
    elif besar >= 1:
        digit = 2
    else:
        # Posisi angka bermakna pertama: 0,0457 -> eksponen -2 -> 2 + 3 angka penting = 4 digit.
        digit = min(-besar.adjusted() - 1 + angka_penting, 12)
    teks = format_desimal(angka, digit)
    if digit and "," in teks:
        teks = teks.rstrip("0").rstrip(",")
    return teks
