"""Analisis skala usaha sebagai .xlsx dari konteks halaman yang sama dengan PDF-nya."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from perhutanan import xlsx


def analisis_xlsx(k: dict) -> bytes:
    """Buku kerja: ringkasan, rincian (skenario, kepekaan, masukan atau atraksi), arus kas;
    angka tetap angka."""
    h = k["hasil"]
    buku = Workbook()
    ringkas = buku.active
    ringkas.title = "Ringkasan"
    ringkas.append([k["analisis"].judul])
    ringkas["A1"].font = Font(bold=True, size=13)
    ringkas.append(["KUPS", k["kups"].nama])
    ringkas.append(["Jenis", k["analisis"].get_jenis_display()])
    ringkas.append(
        ["Model", "Model tahun konstan (versi 1)" if k["model_lama"] else "Arus kas tahunan"]
    )
    ringkas.append(["UMR per bulan (Rp)", k["umum"]["umr_bulanan"]])
    ringkas.append(["Periode (tahun)", k["umum"]["periode"]])
    ringkas.append(["Tingkat diskonto (%)", k["umum"]["diskonto_persen"]])
    if k["tahunan"]:
        _ringkas_tahunan(ringkas, k)
    elif k["agro"]:
        ringkas.append(["Biaya tetap per tahun (Rp)", k["umum"]["biaya_tetap"]])
        ringkas.append(["Laba yang diinginkan per tahun (Rp)", h.laba_target])
        ringkas.append(["Marjin kontribusi per paket (Rp)", h.marjin_paket])
        ringkas.append(["Titik impas (paket per tahun)", h.bep_paket])
        ringkas.append(["Luas minimum (ha)", h.luas_minimum])
        ringkas.append(["Luas rencana (ha)", k["umum"]["luas_rencana"]])
        ringkas.append(["NPV (Rp)", h.npv])
        ringkas.append(["BCR", h.bcr])
    else:
        ringkas.append(["Investasi (Rp)", k["umum"].get("investasi") or 0])
        ringkas.append(["Biaya tetap per tahun (Rp)", k["umum"]["biaya_tetap"]])
        ringkas.append(["Rasio marjin kontribusi", h.rasio_marjin])
        ringkas.append(["Titik impas penjualan per tahun (Rp)", h.bep_rupiah])
        ringkas.append([f"Titik impas penjualan selama {h.tahun_arus} tahun (Rp)", h.bep_periode])
        if h.masuk is not None:
            ringkas.append([f"Pengunjung perlu per tahun ({h.masuk.nama})", h.kunjungan_tahunan])
            ringkas.append(["Pengunjung perlu per hari", h.masuk.kunjungan_harian])
            ringkas.append(["Pengunjung saat ini per tahun", h.kunjungan_sekarang])
        ringkas.append(["NPV (Rp)", h.npv])
        ringkas.append(["BCR", h.bcr])
        ringkas.append(["IRR", h.nilai.irr])
        ringkas.append(["Tahun balik modal", h.nilai.balik_modal])
    ringkas.append(["Skala ekonomis tercapai", "Ya" if h.tercapai else "Belum"])
    ringkas.column_dimensions["A"].width = 48
    if k["tahunan"]:
        _lembar_tahunan(buku, k)
    elif k["agro"]:
        rinci = buku.create_sheet("Produk")
        rinci.append(
            ["Produk", "Satuan", "Rasio", "Marjin (Rp)", "Kontribusi (Rp)", "Porsi", "Minimum"]
        )
        for p in h.produk:
            rinci.append([p.nama, p.satuan, p.rasio, p.marjin, p.kontribusi, p.porsi, p.minimum])
    else:
        rinci = buku.create_sheet("Atraksi")
        rinci.append(
            [
                "Atraksi",
                "Tiket masuk",
                "Nilai jual relatif",
                "Penjualan minimum (Rp/tahun)",
                f"Kunjungan selama {k['periode_arus']} tahun arus kas",
                "Kunjungan per tahun",
                "Kunjungan per hari",
                "Kunjungan saat ini per tahun",
            ]
        )
        for a in h.atraksi:
            rinci.append(
                [
                    a.nama,
                    "Ya" if a.pintu_masuk else "",
                    a.nilai_jual_relatif,
                    a.penjualan_minimum,
                    a.kunjungan_periode,
                    a.kunjungan_tahunan,
                    a.kunjungan_harian,
                    a.kunjungan_sekarang,
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


def _ringkas_tahunan(ringkas, k: dict) -> None:
    h = k["hasil"]
    i = h.utama.impas
    ringkas.append(["Luas yang dianalisis (ha)", k["umum"]["luas_analisis"]])
    ringkas.append(["Luas dikelola (ha)", k["umum"]["luas_rencana"]])
    ringkas.append(["Biaya tetap selama periode (Rp)", i.biaya_tetap])
    ringkas.append([f"Laba yang diinginkan selama {i.tahun_arus} tahun (Rp)", i.laba_target])
    ringkas.append(["Marjin kontribusi per ha selama periode (Rp)", i.marjin_per_ha])
    ringkas.append(["Luas minimum (ha)", i.luas_minimum])


def _lembar_tahunan(buku, k: dict) -> None:
    h = k["hasil"]
    sk = buku.create_sheet("Skenario")
    sk.append(["Ukuran", *(s.skenario.label for s in h.skenario)])
    baris = [
        ("Berlaku", lambda s: "Ya" if s.berlaku else s.alasan),
        ("NPV (Rp)", lambda s: s.nilai.npv),
        ("NPV per ha (Rp)", lambda s: s.npv_per_ha),
        ("NPV per ha per tahun (Rp)", lambda s: s.npv_per_ha_tahun),
        ("BCR", lambda s: s.nilai.bcr),
        ("IRR", lambda s: s.nilai.irr),
        ("Tahun balik modal", lambda s: s.nilai.balik_modal),
        ("Luas minimum (ha)", lambda s: s.impas.luas_minimum),
    ]
    for label, nilai in baris:
        sk.append([label, *(nilai(s) for s in h.skenario)])
    sk.column_dimensions["A"].width = 30
    kp = buku.create_sheet("Kepekaan")
    kp.append(["Peubah", "Perubahan (%)", "NPV (Rp)", "BCR", "IRR", "Luas minimum (ha)"])
    for b in h.kepekaan:
        kp.append([b.label, b.perubahan, b.npv, b.bcr, b.irr, b.luas_minimum])
    ms = buku.create_sheet("Masukan")
    ms.append(
        [
            "Baris",
            "Nama",
            "Kategori/satuan",
            "Tahun",
            "Jumlah per tahun",
            "Harga (Rp)",
            "Biaya variabel/satuan (Rp)",
            "Tetap",
            "Tenaga keluarga",
            "Kayu",
        ]
    )
    for b in k["biaya"]:
        ms.append(
            [
                "Biaya",
                b["nama"],
                b["kategori"],
                b["tahun"],
                b["jumlah"],
                None,
                None,
                "Ya" if b.get("tetap") or b["kategori"] == "investasi" else "",
                "Ya" if b.get("tenaga_keluarga") else "",
                "",
            ]
        )
    for p in k["baris"]:
        ms.append(
            [
                "Produk",
                p["nama"],
                p["satuan"],
                p["tahun"],
                p["jumlah"],
                p["harga"],
                p.get("biaya_variabel") or 0,
                "",
                "",
                "Ya" if p.get("kayu") else "",
            ]
        )
