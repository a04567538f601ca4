"""Rekap evaluasi HKm sebagai .xlsx (tata letak lembar rekap resmi) dan PDF."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from penilaian.hkm.selectors import DataRekap
from perhutanan import xlsx
from perhutanan.pdf import render_pdf

FORMAT_SATU_DESIMAL = "0.0"


def rekap_xlsx(data: DataRekap) -> bytes:
    """Satu baris per responden, satu kolom per kriteria, lalu Total, Rata-rata, Kategori.

    Angka disimpan sebagai angka (nilai tampil yang terpotong satu desimal) agar dapat
    dihitung ulang di Excel.
    """
    evaluasi = data.evaluasi
    kps = evaluasi.kps
    buku = Workbook()
    lembar = buku.active
    lembar.title = "Rekap"
    tebal = Font(bold=True)
    lembar.append([f"Rekap Evaluasi Hutan Kemasyarakatan: {kps.nama}"])
    lembar["A1"].font = Font(bold=True, size=13)
    lembar.append([f"SK {kps.nomor_sk}, {kps.tanggal_sk:%d-%m-%Y}; luas {kps.luas_ha} ha"])
    lembar.append(
        [
            f"Desa {kps.desa.nama}, {kps.kabupaten.nama}, {kps.provinsi.nama}. "
            f"Tanggal evaluasi {evaluasi.tanggal:%d-%m-%Y}. Instrumen {evaluasi.versi}."
        ]
    )
    kolom = data.rekap.kolom
    judul_aspek = ["", "", ""]
    for nama, anggota in data.kelompok_aspek:
        judul_aspek += [nama] + [""] * (len(anggota) - 1)
    lembar.append(judul_aspek)
    awal = 4
    for _, anggota in data.kelompok_aspek:
        if len(anggota) > 1:
            lembar.merge_cells(
                start_row=4, start_column=awal, end_row=4, end_column=awal + len(anggota) - 1
            )
        awal += len(anggota)
    lembar.append(["No", "Responden", "Peran", *[k.kode for k in kolom]])
    lembar.append(["", "", "", *[k.nama for k in kolom]])
    for sel in (*lembar[4], *lembar[5], *lembar[6]):
        sel.font = tebal
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    for n, (responden, nilai) in enumerate(data.baris, start=1):
        lembar.append([n, responden.nama, responden.get_peran_display(), *nilai])
    baris_total = ["", "Total", "", *[k.total for k in kolom]]
    baris_rata = ["", "Rata-rata", "", *[k.rata_rata for k in kolom]]
    baris_kategori = ["", "Kategori", "", *[k.kategori for k in kolom]]
    for isi in (baris_total, baris_rata, baris_kategori):
        lembar.append(isi)
        for sel in lembar[lembar.max_row]:
            sel.font = tebal
    for baris in lembar.iter_rows(min_row=7, min_col=4):
        for sel in baris:
            if not isinstance(sel.value, str):
                sel.number_format = FORMAT_SATU_DESIMAL
    lembar.column_dimensions["B"].width = 28
    lembar.column_dimensions["C"].width = 12
    for i in range(len(kolom)):
        lembar.column_dimensions[get_column_letter(4 + i)].width = 11

    ringkas = buku.create_sheet("Ringkasan aspek")
    ringkas.append(["Aspek", "Rata-rata", "Kategori"])
    for a in data.aspek:
        ringkas.append([f"{a.kode}. {a.nama}", a.rata_rata, a.kategori])
        ringkas.cell(row=ringkas.max_row, column=2).number_format = FORMAT_SATU_DESIMAL
    ringkas.append([])
    ringkas.append(["Prioritas pendampingan (kriteria terlemah)"])
    for k in data.terlemah:
        ringkas.append([f"{k.kode}. {k.nama}", k.rata_rata, k.kategori])
        ringkas.cell(row=ringkas.max_row, column=2).number_format = FORMAT_SATU_DESIMAL
    ringkas.column_dimensions["A"].width = 60
    ringkas.column_dimensions["B"].width = 14

    prasyarat = buku.create_sheet("Prasyarat")
    prasyarat.append(["Kode", "Prasyarat (tidak dibobot)", "Jawaban"])
    for sel in prasyarat[1]:
        sel.font = tebal
    for p in data.prasyarat:
        prasyarat.append([p.kode, p.teks, p.jawaban])
        prasyarat.cell(row=prasyarat.max_row, column=2).alignment = Alignment(wrap_text=True)
    prasyarat.column_dimensions["B"].width = 80
    prasyarat.column_dimensions["C"].width = 14
    isi = BytesIO()
    xlsx.netralkan_buku(buku)
    buku.save(isi)
    return isi.getvalue()


def rekap_pdf(data: DataRekap) -> bytes:
    return render_pdf("dokumen/rekap_hkm.html", {"data": data, "kps": data.evaluasi.kps})
