"""Ruang kerja kemitraan multi pihak: dua belas langkah sebagai tugas, peta para pihak, komitmen
dan pemenuhannya, indikator bersama, laporan akuntabilitas PDF; tangga akses."""

import io
import re

from django.urls import reverse
from pypdf import PdfReader

from kerjasama.models import KerjaSama, Komitmen


def ks_multi(kps, oleh, jenis="multi_pihak"):
    return KerjaSama.objects.create(
        judul="Pemulihan DAS Cimanuk",
        jenis=jenis,
        kebutuhan="Rehabilitasi lahan kritis bersama para pihak",
        kps_utama=kps,
        tahap="f",
        dibuat_oleh=oleh,
    )


def test_the_workspace_turns_the_twelve_steps_into_tasks_with_a_map_commitments_and_a_report(
    client, kps_a, pendamping_a
):
    ks = ks_multi(kps_a, pendamping_a)
    client.force_login(pendamping_a)
    ruang = reverse("kerjasama:ruang_kmp", args=[ks.pk])
    halaman = client.get(ruang).content.decode()
    assert len(re.findall(r'data-uji="langkah-\d+"', halaman)) == 12
    assert "Memetakan mitra kerja/pemangku kepentingan" in halaman  # tugas langkah 1
    assert "0 dari 12 langkah selesai" in halaman

    langkah = reverse("kerjasama:kmp_langkah", args=[ks.pk, 1])
    tanpa_hasil = client.post(langkah, {"penanggung_jawab": "KPS", "status": "selesai"})
    assert "Tulis hasil atau keluaran langkah yang selesai." in tanpa_hasil.content.decode()
    assert 'value="KPS"' in tanpa_hasil.content.decode()  # isian tetap
    client.post(
        langkah,
        {
            "penanggung_jawab": "KPS dan LSM Wana",
            "tenggat": "01-10-2026",
            "status": "selesai",
            "hasil": "Peta 14 pihak di DAS Cimanuk",
        },
    )
    assert client.get(reverse("kerjasama:kmp_langkah", args=[ks.pk, 13])).status_code == 404
    client.post(
        reverse("kerjasama:kmp_pemangku", args=[ks.pk]),
        {
            "nama": "Dinas Lingkungan Hidup Kab. Majalengka",
            "unsur": "pemerintah_daerah",
            "kepentingan": "Target rehabilitasi DAS",
            "pengaruh": "3",
            "tingkat_kepentingan": "3",
            "peran": "Bibit dan pendanaan",
        },
    )
    client.post(
        reverse("kerjasama:kmp_komitmen", args=[ks.pk]),
        {"pihak": "PT Air Jernih", "uraian": "Menyediakan 5.000 bibit", "status": "belum"},
    )
    indikator = reverse("kerjasama:indikator_tambah", args=[ks.pk])
    sama = client.post(
        indikator, {"nama": "Luas rehabilitasi", "satuan": "ha", "awal": "0", "target": "0"}
    )
    assert "Target harus berbeda dari nilai awal." in sama.content.decode()
    client.post(
        indikator, {"nama": "Luas rehabilitasi", "satuan": "ha", "awal": "0", "target": "12,5"}
    )
    komitmen = Komitmen.objects.get(kerjasama=ks)
    client.post(
        reverse("kerjasama:kmp_komitmen_ubah", args=[ks.pk, komitmen.pk]),
        {
            "pihak": "PT Air Jernih",
            "uraian": "Menyediakan 5.000 bibit",
            "status": "terpenuhi",
            "bukti": "Berita acara serah terima 12-10-2026",
        },
    )
    komitmen.refresh_from_db()
    assert komitmen.status == "terpenuhi"
    assert [h.status for h in komitmen.history.order_by("history_date")] == [
        "belum",
        "terpenuhi",
    ]  # pemenuhan dari waktu ke waktu
    halaman = " ".join(client.get(ruang).content.decode().split())
    assert "1 dari 12 langkah selesai" in halaman and "Libatkan erat" in halaman
    assert "Terpenuhi: 1" in halaman
    assert ks.riwayat.filter(peristiwa="langkah KMP").exists()

    pdf = client.get(reverse("kerjasama:kmp_pdf", args=[ks.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    teks = " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    assert "Laporan akuntabilitas kemitraan multi pihak" in teks
    assert "Peta 14 pihak di DAS Cimanuk" in teks and "PT Air Jernih" in teks
    assert "1 dari 12 langkah selesai" in teks and "Luas rehabilitasi ha 0 12,5" in teks


def test_the_workspace_follows_the_access_ladder(
    client, kps_a, pendamping_a, pendamping_b, kepala_dinas
):
    ks = ks_multi(kps_a, pendamping_a, jenis="lingkungan")
    usaha = KerjaSama.objects.create(
        judul="Usaha", jenis="usaha", kebutuhan="x", kps_utama=kps_a, dibuat_oleh=pendamping_a
    )
    ruang = reverse("kerjasama:ruang_kmp", args=[ks.pk])
    komitmen = reverse("kerjasama:kmp_komitmen", args=[ks.pk])
    isian = {"pihak": "x", "uraian": "y", "status": "belum"}
    assert client.get(ruang).status_code == 302
    client.force_login(pendamping_b)
    assert client.get(ruang).status_code == 404
    assert client.post(komitmen, isian).status_code == 404
    client.force_login(kepala_dinas)
    assert client.get(ruang).status_code == 200
    assert "Tambah komitmen" not in client.get(ruang).content.decode()
    assert client.post(komitmen, isian).status_code == 403
    client.force_login(pendamping_a)
    assert client.get(reverse("kerjasama:ruang_kmp", args=[usaha.pk])).status_code == 404
    assert client.post(komitmen, isian).status_code == 302
