"""Analisis skala usaha sebagai .xlsx dari konteks halaman yang sama dengan PDF-nya."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from perhutanan import xlsx


def analisis_xlsx(k: dict) -> bytes:
    """Buku kerja: ringkasan, produk atau atraksi, arus kas; angka tetap angka."""
    h = k["hasil"]
    buku = Workbook()
    ringkas = buku.active
    ringkas.title = "Ringkasan"
    ringkas.append([k["analisis"].judul])
    ringkas["A1"].font = Font(bold=True, size=13)
    ringkas.append(["KUPS", k["kups"].nama])
    ringkas.append(["Jenis", k["analisis"].get_jenis_display()])
    ringkas.append(["Biaya tetap per tahun (Rp)", k["umum"]["biaya_tetap"]])
    ringkas.append(["UMR per bulan (Rp)", k["umum"]["umr_bulanan"]])
    ringkas.append(["Laba yang diinginkan per tahun (Rp)", h.laba_target])
    if k["agro"]:
        ringkas.append(["Marjin kontribusi per paket (Rp)", h.marjin_paket])
        ringkas.append(["Titik impas (paket per tahun)", h.bep_paket])
        ringkas.append(["Luas minimum (ha)", h.luas_minimum])
        ringkas.append(["Luas rencana (ha)", k["umum"]["luas_rencana"]])
    else:
        ringkas.append(["Rasio marjin kontribusi", h.rasio_marjin])
        ringkas.append(["Titik impas penjualan per tahun (Rp)", h.bep_rupiah])
        ringkas.append(["Kunjungan minimum per tahun", h.kunjungan_tahunan])
    ringkas.append(["NPV (Rp)", h.npv])
    ringkas.append(["BCR", h.bcr])
    ringkas.append(["Skala ekonomis tercapai", "Ya" if h.tercapai else "Belum"])
    ringkas.column_dimensions["A"].width = 42
    rinci = buku.create_sheet("Produk" if k["agro"] else "Atraksi")
    if k["agro"]:
        rinci.append(
            [
                "Produk",
                "Satuan",
                "Rasio",
                "Marjin (Rp)",
                "Kontribusi (Rp)",
                "Porsi",
                "Minimum per tahun",
            ]
        )
        for p in h.produk:
            rinci.append([p.nama, p.satuan, p.rasio, p.marjin, p.kontribusi, p.porsi, p.minimum])
    else:
        rinci.append(
            [
                "Atraksi",
                "Nilai jual relatif",
                "Penjualan minimum (Rp/tahun)",
                f"Kunjungan selama {k['periode_arus']} tahun",
                "Kunjungan per tahun",
                "Kunjungan per hari",
            ]
        )
        for a in h.atraksi:
            rinci.append(
                [
                    a.nama,
                    a.nilai_jual_relatif,
                    a.penjualan_minimum,
                    a.kunjungan_periode,
                    a.kunjungan_tahunan,
                    a.kunjungan_harian,
                ]
            )
    arus = buku.create_sheet("Arus kas")
    arus.append(["Tahun", "Penerimaan (Rp)", "Biaya (Rp)", "Bersih (Rp)"])
    for a in h.arus:
        arus.append([a.tahun, a.masuk, a.keluar, a.bersih])
    for ws in buku.worksheets[1:]:
        for sel in ws[1]:
            sel.font = Font(bold=True)
    isi = BytesIO()
    xlsx.netralkan_buku(buku)
    buku.save(isi)
    return isi.getvalue()
