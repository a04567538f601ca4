"""Surat juknis bernomor dari data kerja sama: isi PDF, nomor, cakupan, pencabutan dan satu
halaman verifikasi untuk setiap jenis dokumen."""

import datetime
import hashlib
import io
import threading
from decimal import Decimal

import pytest
from django.db import connections
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from akun import peran
from dokumen import services as dokumen_services
from dokumen.models import Dokumen, JenisDokumen, JenisKantor, Kantor, Penandatangan
from kelompok.models import Bpskl
from kerjasama import services
from kerjasama.models import HadirPertemuan, KerjaSama, Pertemuan
from kerjasama.naskah import SEMUA_BUTIR
from kerjasama.surat import DAFTAR_SURAT, kalimat_hari_ini, terbitkan_surat
from tests.kerjasama.conftest import ajukan, buat_kerjasama, tandatangani
from tests.kerjasama.conftest import surat as surat_uji

HARI_INI = timezone.localdate()


def teks_pdf(isi: bytes) -> str:
    return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages).split())


def pdf(dokumen: Dokumen) -> str:
    dokumen = dokumen_services.pastikan_pdf(dokumen)
    with dokumen.berkas.open("rb") as berkas:
        isi = berkas.read()
    assert hashlib.sha256(isi).hexdigest() == dokumen.sha256
    return teks_pdf(isi)


def balai_dan_dinas():
    balai = dokumen_services.kantor_bpskl(Bpskl.objects.get(kode="JBN"))
    Penandatangan.objects.create(
        kantor=balai,
        nama="Dr. Agus Setiawan",
        nip="197803152003121002",
        jabatan="Kepala Balai PSKL Wilayah Jawa, Bali dan Nusa Tenggara",
        utama=True,
    )
    dinas = Kantor.objects.create(
        jenis=JenisKantor.DINAS,
        provinsi_id="32",
        nama="Dinas Kehutanan Provinsi Jawa Barat",
        alamat="Jalan Soekarno-Hatta No. 751, Bandung",
        kota="Bandung",
    )
    Penandatangan.objects.create(
        kantor=dinas,
        nama="Ir. Dewi Kartika",
        nip="197005121995032001",
        jabatan="Kepala Dinas Kehutanan Provinsi Jawa Barat",
        utama=True,
    )


def terbitkan_lewat_halaman(client, ks, jenis, **isian):
    data = {"tanggal": HARI_INI.strftime("%d-%m-%Y")} | isian
    respons = client.post(reverse("kerjasama:terbitkan", args=[ks.pk, jenis]), data)
    assert respons.status_code == 302, respons.content.decode()[:3000]
    return ks.dokumen.filter(jenis=jenis).latest("diterbitkan_pada")


@pytest.fixture
def jalur_lengkap(client, ks_usaha, pendamping_a, staf_bpskl, django_capture_on_commit_callbacks):
    """Kerja sama usaha dari Langkah I sampai laporan pelaksanaan, setiap surat lewat
    halamannya oleh pendamping (keputusan BPSKL terbit saat diputuskan)."""
    balai_dan_dinas()
    kps = ks_usaha.kps_utama
    kps.wilayah_kerja = {
        "type": "Polygon",
        "coordinates": [
            [[108.4, -6.9], [108.42, -6.9], [108.42, -6.88], [108.4, -6.88], [108.4, -6.9]]
        ],
    }
    kps.save()
    client.force_login(pendamping_a)
    services.permohonan_simpan(
        kerjasama=ks_usaha,
        surat=surat_uji(),
        tanggal=datetime.date(2026, 10, 1),
        oleh=pendamping_a,
    )
    services.naskah_simpan(
        kerjasama=ks_usaha,
        isi={b.kode: f"Ketentuan khusus tentang {b.judul.lower()}." for b in SEMUA_BUTIR},
        pola="bagi_hasil",
        persen_modal=Decimal("37.5"),
        oleh=pendamping_a,
    )
    terbitkan_lewat_halaman(client, ks_usaha, "surat_permohonan")
    services.kerjasama_ajukan(kerjasama=ks_usaha, oleh=pendamping_a)
    services.kerjasama_putuskan(
        kerjasama=ks_usaha,
        oleh=staf_bpskl,
        setuju=True,
        catatan="Bagi hasil dipantau tiap semester.",
    )
    KerjaSama.objects.filter(pk=ks_usaha.pk).update(tahap="e")
    respons = client.post(
        reverse("kerjasama:pertemuan_tambah", args=[ks_usaha.pk]),
        {
            "tanggal": HARI_INI.strftime("%d-%m-%Y"),
            "pukul": "09:30",
            "tempat": "Balai Desa Cisantana",
            "agenda": "Pembahasan naskah yang disetujui BPSKL.",
            "hasil": "Seluruh pasal disepakati; penandatanganan pekan depan.",
            "hadir-TOTAL_FORMS": "3",
            "hadir-INITIAL_FORMS": "0",
            "hadir-MIN_NUM_FORMS": "1",
            "hadir-MAX_NUM_FORMS": "1000",
            "hadir-0-nama": "Dedi Supriadi",
            "hadir-0-lembaga": "KPS Wana Jaya",
            "hadir-0-jabatan": "Ketua",
            "hadir-1-nama": "Siti Aminah",
            "hadir-1-lembaga": "PT Kopi Nusantara",
            "hadir-1-jabatan": "Manajer",
            "hadir-1-perempuan": "on",
        },
    )
    assert respons.status_code == 302
    pertemuan = ks_usaha.pertemuan.get()
    terbitkan_lewat_halaman(client, ks_usaha, "berita_acara", pertemuan=pertemuan.pk)
    terbitkan_lewat_halaman(client, ks_usaha, "naskah_kerjasama", tempat="Kuningan")
    ks_usaha.refresh_from_db()
    tandatangani(ks_usaha, pendamping_a)
    KerjaSama.objects.filter(pk=ks_usaha.pk).update(tahap="f")
    ks_usaha.refresh_from_db()
    terbitkan_lewat_halaman(client, ks_usaha, "surat_pengantar")
    services.jangka_waktu_atur(
        kerjasama=ks_usaha,
        mulai=HARI_INI - datetime.timedelta(days=60),
        sampai=HARI_INI + datetime.timedelta(days=3 * 365),
        oleh=pendamping_a,
    )
    services.rencana_aksi_tambah(
        kerjasama=ks_usaha,
        data={
            "kegiatan": "Pelatihan pascapanen kopi",
            "penanggung_jawab": "PT Kopi Nusantara",
            "mulai": HARI_INI,
            "selesai": HARI_INI + datetime.timedelta(days=20),
            "anggaran": Decimal(12_500_000),
            "status": "rencana",
        },
        oleh=pendamping_a,
    )
    services.monitoring_tambah(
        kerjasama=ks_usaha,
        data={
            "tanggal": HARI_INI - datetime.timedelta(days=5),
            "kemajuan": "Mesin pengupas kopi terpasang di rumah produksi.",
            "masalah": "Listrik desa sering padam.",
            "kewajiban": ["perlindungan", "pnbp"],
            "peserta": 20,
            "peserta_perempuan": 9,
            "peserta_muda": 4,
        },
        oleh=pendamping_a,
    )
    terbitkan_lewat_halaman(
        client,
        ks_usaha,
        "laporan_pelaksanaan",
        dari=(HARI_INI - datetime.timedelta(days=30)).strftime("%d-%m-%Y"),
        sampai=HARI_INI.strftime("%d-%m-%Y"),
    )
    terbitkan_lewat_halaman(
        client,
        ks_usaha,
        "surat_pengakhiran",
        tempat="Kuningan",
        tanggal_akhir=(HARI_INI + datetime.timedelta(days=30)).strftime("%d-%m-%Y"),
        ketentuan="Bagi hasil panen terakhir dibayar paling lambat 30 hari.",
    )
    ks_usaha.refresh_from_db()
    return ks_usaha


def test_every_letter_of_the_juknis_is_issued_numbered_and_carries_its_required_fields(
    jalur_lengkap,
):
    ks = jalur_lengkap
    dokumen = {d.jenis: d for d in ks.dokumen.all()}
    assert set(dokumen) == set(JenisDokumen.values) - {JenisDokumen.SERTIFIKAT_KTH}
    # Nomor dari pola bawaan kantor penerbitnya; keputusan bernomor BPSKL.
    assert dokumen["surat_permohonan"].nomor.startswith("001/PMH/")
    assert dokumen["surat_keputusan"].kantor.jenis == JenisKantor.BPSKL
    assert dokumen["surat_keputusan"].nomor.startswith("001/SK/")
    assert dokumen["naskah_kerjasama"].kantor.jenis == JenisKantor.KPS
    sk = dokumen["surat_keputusan"]

    permohonan = pdf(dokumen["surat_permohonan"])
    for bagian in (
        "KPS WANA JAYA",
        f"Nomor : {dokumen['surat_permohonan'].nomor}",
        "Perihal : Permohonan persetujuan kerja sama usaha Pemasaran kopi",
        "Kepada Yth. Kepala Balai Perhutanan Sosial dan Kemitraan Lingkungan Wilayah Jawa",
        "1 Oktober 2026",  # surat permohonan mitra (Langkah I)
        "versi 1",
        "PIHAK PERTAMA",
        "PIHAK KEDUA",
        "PT Kopi Nusantara",
        "NIB-123",
        "Hasil uji tuntas",
    ):
        assert bagian in permohonan, bagian
    # Sidik naskah dipatah di akhir baris; tanpa spasi ia utuh.
    assert dokumen["surat_permohonan"].data["naskah_sidik"] in permohonan.replace(" ", "")

    keputusan = pdf(sk)
    for bagian in (
        "KEMENTERIAN KEHUTANAN",
        f"Nomor : {sk.nomor}",
        "DISETUJUI",
        "Bagi hasil dipantau tiap semester.",
        f"Nomor {dokumen['surat_permohonan'].nomor}",
        "Dr. Agus Setiawan",
        "NIP 197803152003121002",
        "Tembusan",
        "Kepala Dinas Kehutanan Provinsi Jawa Barat",
    ):
        assert bagian in keputusan, bagian

    naskah = pdf(dokumen["naskah_kerjasama"])
    tanggal = HARI_INI
    for bagian in (
        "PERJANJIAN KERJA SAMA",
        f"Nomor: {dokumen['naskah_kerjasama'].nomor}",
        " ".join(kalimat_hari_ini(tanggal, "Kuningan").split()),
        "PIHAK PERTAMA",
        "PIHAK KEDUA",
        "PARA PIHAK",
        "Menimbang",
        "Mengingat",
        f"Nomor {sk.nomor}",  # rujukan surat persetujuan BPSKL
        "Pasal 1 Identitas para pihak",
        "Pasal 15 Keadaan kahar (force majeure)",
        "Pasal 16 Keadilan gender",
        "Ketentuan khusus tentang keadaan kahar (force majeure).",
        "Pasal 17 Penutup",
        "37,5%",
        "Meterai",
        "Mengetahui",
        "Ir. Dewi Kartika",
        "Dr. Agus Setiawan",
        "Lampiran I Peta lokasi",
        "luas menurut batas yang tersimpan",
        "Lampiran II Rencana aksi",
    ):
        assert bagian in naskah, bagian
    assert "DRAF" not in naskah

    berita = pdf(dokumen["berita_acara"])
    for bagian in (
        "BERITA ACARA",
        dokumen["berita_acara"].nomor,
        "Balai Desa Cisantana",
        "pukul 09.30",
        "Seluruh pasal disepakati",
        "Daftar hadir",
        "Dedi Supriadi KPS Wana Jaya Ketua L",
        "Siti Aminah PT Kopi Nusantara Manajer P",
        "dihadiri 2 orang (1 perempuan)",
    ):
        assert bagian in berita, bagian

    pengantar = pdf(dokumen["surat_pengantar"])
    for bagian in (
        "Kepada Yth. Kepala Dinas Kehutanan Provinsi Jawa Barat di Bandung",
        f"Nomor {dokumen['naskah_kerjasama'].nomor}",
        f"Nomor {sk.nomor}",
        "Tembusan",
        "Direktur Jenderal Perhutanan Sosial dan Kemitraan Lingkungan",  # mitra BUMS
        "Kepala Balai Perhutanan Sosial dan Kemitraan Lingkungan Wilayah Jawa, Bali",
    ):
        assert bagian in pengantar, bagian

    laporan = pdf(dokumen["laporan_pelaksanaan"])
    for bagian in (
        "LAPORAN PELAKSANAAN KERJA SAMA",
        "Pelatihan pascapanen kopi",
        "Rp 12.500.000",
        "Mesin pengupas kopi terpasang",
        "Listrik desa sering padam.",
        "Kewajiban dipenuhi 2 dari 9",
        "peserta kegiatan 20 orang, di antaranya 9 perempuan dan 4 orang muda",
        "Pembayaran PNBP 1 dari 1 monitoring",
        "Sistem silvikultur 0 dari 1 monitoring",
    ):
        assert bagian in laporan, bagian

    akhir = pdf(dokumen["surat_pengakhiran"])
    for bagian in (
        "SURAT KESEPAKATAN BERSAMA",
        "PENGAKHIRAN PERJANJIAN KERJA SAMA",
        f"Nomor {dokumen['naskah_kerjasama'].nomor}",
        "tetap mengikat",
        "Bagi hasil panen terakhir dibayar paling lambat 30 hari.",
        "Meterai",
    ):
        assert bagian in akhir, bagian

    for d in dokumen.values():
        teks = pdf(d)
        assert d.kode in teks and "Dokumen ini terdaftar" in teks
        assert len(PdfReader(io.BytesIO(d.berkas.open("rb").read())).pages[-1].images) >= 1  # QR

    # Linimasa mencatat setiap penerbitan dengan nomornya.
    catatan = list(
        ks.riwayat.filter(peristiwa="dokumen diterbitkan").values_list("catatan", flat=True)
    )
    assert len(catatan) == len(dokumen)


def test_each_issued_document_verifies_as_valid_then_revoked_and_unknown_codes_say_nothing(
    client, jalur_lengkap, pendamping_a, staf_bpskl
):
    ks = jalur_lengkap
    tamu = client.__class__()
    for d in ks.dokumen.all():
        dokumen_services.pastikan_pdf(d)
        d.refresh_from_db()
        halaman = tamu.get(reverse("verifikasi", args=[d.kode]))
        assert halaman.status_code == 200
        teks = " ".join(halaman.content.decode().split())
        for bagian in ("BERLAKU", d.get_jenis_display(), d.nomor, d.sha256, d.kantor.nama):
            assert bagian in teks, (d.jenis, bagian)
        assert d.tanggal.strftime("%Y") in teks

    # Pendamping mencabut laporan: verifikasinya berkata dicabut dengan alasannya.
    laporan = ks.dokumen.get(jenis="laporan_pelaksanaan")
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("dokumen:cabut", args=[laporan.kode]), {"alasan": "Salah periode"}
    )
    assert respons.status_code == 302
    teks = tamu.get(reverse("verifikasi", args=[laporan.kode])).content.decode()
    assert "DICABUT" in teks and "Salah periode" in teks and "BERLAKU." not in teks
    assert laporan.history.first().history_change_reason == "dicabut: Salah periode"
    # Alasan wajib; pencabutan kedua ditolak dengan pesan.
    sk = ks.dokumen.get(jenis="surat_keputusan")
    assert client.post(reverse("dokumen:cabut", args=[sk.kode]), {"alasan": "x"}).status_code == 403
    client.force_login(staf_bpskl)
    respons = client.post(reverse("dokumen:cabut", args=[sk.kode]), {"alasan": " "}, follow=True)
    assert "Tuliskan alasan pencabutan." in respons.content.decode()
    sk.refresh_from_db()
    assert sk.berlaku

    tidak_ada = tamu.get(reverse("verifikasi", args=["kode-karangan-123"]))
    assert tidak_ada.status_code == 404
    teks = tidak_ada.content.decode()
    assert "Dokumen tidak terdaftar" in teks
    for rahasia in ("SHA-256", "PIHAK", "KPS Wana Jaya", "Nomor"):
        assert rahasia not in teks


def test_a_document_is_issued_once_and_reissued_only_after_revocation(
    client, jalur_lengkap, pendamping_a
):
    ks = jalur_lengkap
    client.force_login(pendamping_a)
    alamat = reverse("kerjasama:terbitkan", args=[ks.pk, "surat_pengantar"])
    respons = client.post(alamat, {"tanggal": HARI_INI.strftime("%d-%m-%Y")})
    assert respons.status_code == 200
    assert "Sudah terbit dengan nomor 001/PGT/" in respons.content.decode()
    assert ks.dokumen.filter(jenis="surat_pengantar").count() == 1
    # Tab lama yang lolos pemeriksaan halaman tetap ditolak oleh layanan.
    with pytest.raises(services.TindakanTidakSah, match="sudah diterbitkan dengan nomor 001/PGT/"):
        terbitkan_surat(
            ks=ks, jenis="surat_pengantar", isian={"tanggal": HARI_INI}, oleh=pendamping_a
        )
    lama = ks.dokumen.get(jenis="surat_pengantar")
    dokumen_services.cabut(dokumen=lama, alasan="Alamat Dinas salah", oleh=pendamping_a)
    baru = terbitkan_lewat_halaman(client, ks, "surat_pengantar")
    assert baru.pk != lama.pk and baru.nomor.startswith("002/PGT/")  # nomor tidak dipakai ulang


def test_the_issuing_form_refuses_bad_input_next_to_the_field_and_keeps_it(
    client, ks_usaha, pendamping_a
):
    client.force_login(pendamping_a)
    ajukan(ks_usaha, pendamping_a)
    KerjaSama.objects.filter(pk=ks_usaha.pk).update(tahap="f")
    alamat = reverse("kerjasama:terbitkan", args=[ks_usaha.pk, "surat_pengakhiran"])
    besok = (HARI_INI + datetime.timedelta(days=1)).strftime("%d-%m-%Y")
    respons = client.post(
        alamat,
        {
            "tanggal": besok,
            "tempat": "Kuningan",
            "tanggal_akhir": "31-02-2026",
            "ketentuan": "Aset",
        },
    )
    assert respons.status_code == 200
    form = respons.context["form"]
    assert "tanggal" in form.errors and "tanggal_akhir" in form.errors
    teks = respons.content.decode()
    assert "Masukkan tanggal yang benar." in teks and 'value="Kuningan"' in teks and "Aset" in teks
    assert not ks_usaha.dokumen.exists()
    # Laporan: periode terbalik.
    ks_usaha.refresh_from_db()
    services.rencana_aksi_tambah(
        kerjasama=ks_usaha,
        data={
            "kegiatan": "Pelatihan",
            "penanggung_jawab": "KPS",
            "mulai": HARI_INI,
            "selesai": HARI_INI,
            "anggaran": Decimal(0),
            "status": "rencana",
        },
        oleh=pendamping_a,
    )
    respons = client.post(
        reverse("kerjasama:terbitkan", args=[ks_usaha.pk, "laporan_pelaksanaan"]),
        {"tanggal": HARI_INI.strftime("%d-%m-%Y"), "dari": "10-11-2026", "sampai": "01-11-2026"},
    )
    assert "Akhir periode tidak boleh sebelum awalnya." in respons.content.decode()
    # Syarat yang belum terpenuhi: alasan tampil, tidak ada formulir, POST tidak menerbitkan.
    alamat = reverse("kerjasama:terbitkan", args=[ks_usaha.pk, "surat_pengantar"])
    halaman = client.get(alamat).content.decode()
    assert 'data-uji="syarat"' in halaman and "disetujui BPSKL dulu" in halaman
    client.post(alamat, {"tanggal": HARI_INI.strftime("%d-%m-%Y")})
    assert not ks_usaha.dokumen.exists()
    # Pertemuan tanpa peserta ditolak dengan pesan, isian tetap.
    respons = client.post(
        reverse("kerjasama:pertemuan_tambah", args=[ks_usaha.pk]),
        {
            "tanggal": HARI_INI.strftime("%d-%m-%Y"),
            "tempat": "Balai Desa",
            "agenda": "Agenda rapat",
            "hasil": "Hasil rapat",
            "hadir-TOTAL_FORMS": "1",
            "hadir-INITIAL_FORMS": "0",
            "hadir-MIN_NUM_FORMS": "1",
            "hadir-MAX_NUM_FORMS": "1000",
        },
    )
    teks = respons.content.decode()
    assert "Isi paling sedikit satu orang di daftar hadir." in teks and "Agenda rapat" in teks
    assert not Pertemuan.objects.exists()


def test_issuing_downloading_and_revoking_follow_the_access_ladder(
    client, jalur_lengkap, pendamping_b, staf_bpskl, pendamping_a, kepala_dinas
):
    ks = jalur_lengkap
    laporan = ks.dokumen.get(jenis="laporan_pelaksanaan")
    terbitkan = reverse("kerjasama:terbitkan", args=[ks.pk, "berita_acara"])
    unduh = reverse("dokumen:unduh", args=[laporan.kode])
    cabut = reverse("dokumen:cabut", args=[laporan.kode])
    # Tamu: ke halaman masuk.
    client.logout()
    for alamat in (terbitkan, unduh):
        assert client.get(alamat).status_code == 302
    assert client.post(cabut, {"alasan": "x"}).status_code == 302
    # Wilayah lain: tidak ada (404), tanpa membocorkan isi.
    client.force_login(pendamping_b)
    assert client.get(terbitkan).status_code == 404
    assert client.get(unduh).status_code == 404
    assert client.post(cabut, {"alasan": "x"}).status_code == 404
    # Staf BPSKL wilayah itu membaca dan mengunduh, tetapi tidak menerbitkan atau mencabut
    # dokumen KPS; surat keputusan hanya ia yang menerbitkan ulang.
    client.force_login(staf_bpskl)
    assert client.get(unduh).status_code == 200
    assert client.get(terbitkan).status_code == 403
    assert client.post(cabut, {"alasan": "x"}).status_code == 403
    assert (
        client.get(reverse("kerjasama:terbitkan", args=[ks.pk, "surat_keputusan"])).status_code
        == 200
    )
    client.force_login(pendamping_a)
    assert (
        client.get(reverse("kerjasama:terbitkan", args=[ks.pk, "surat_keputusan"])).status_code
        == 403
    )
    respons = client.get(unduh)
    assert respons.status_code == 200 and respons["Content-Type"] == "application/pdf"
    assert b"".join(
        respons.streaming_content if respons.streaming else [respons.content]
    ).startswith(b"%PDF")
    halaman = client.get(reverse("kerjasama:detail", args=[ks.pk])).content.decode()
    assert 'data-uji="dokumen-laporan_pelaksanaan"' in halaman and "Cabut dokumen" in halaman
    assert client.get(reverse("kerjasama:terbitkan", args=[ks.pk, "tidak-ada"])).status_code == 404


def test_the_draft_naskah_is_marked_and_carries_no_number(client, ks_usaha, pendamping_a):
    ajukan(ks_usaha, pendamping_a)
    client.force_login(pendamping_a)
    respons = client.get(reverse("kerjasama:naskah_pdf", args=[ks_usaha.pk, 1]))
    teks = teks_pdf(respons.content)
    assert "DRAF" in teks and "belum bernomor" in teks
    assert "(diberikan saat naskah diterbitkan)" in teks
    assert "Pada hari ini ........ tanggal" in teks and "PIHAK PERTAMA" in teks
    assert "Dokumen ini terdaftar" not in teks
    assert not Kantor.objects.exists()  # melihat draf tidak membuat kantor apa pun


def test_a_rejection_letter_states_the_reason(ks_usaha, pendamping_a, staf_bpskl):
    ajukan(ks_usaha, pendamping_a)
    services.kerjasama_putuskan(
        kerjasama=ks_usaha, oleh=staf_bpskl, setuju=False, catatan="Uji tuntas mitra belum lengkap."
    )
    surat = ks_usaha.dokumen.get(jenis="surat_keputusan")
    teks = pdf(surat)
    assert "TIDAK DISETUJUI" in teks and "Uji tuntas mitra belum lengkap." in teks
    assert surat.perihal.startswith("Penolakan kerja sama usaha")
    # Tanpa penandatangan yang diatur, garis nama dibiarkan untuk diisi tangan: tidak dikarang.
    assert surat.data["penandatangan"]["nama"] == ""
    assert "(......" in teks


def test_non_business_partnerships_get_only_their_documents(
    client, kps_a, pendamping_a, mitra_bums
):
    ks = buat_kerjasama(kps_a, pendamping_a, jenis="multi_pihak", mitra=[mitra_bums])
    client.force_login(pendamping_a)
    halaman = client.get(reverse("kerjasama:detail", args=[ks.pk])).content.decode()
    assert reverse("kerjasama:terbitkan", args=[ks.pk, "berita_acara"]) in halaman
    assert reverse("kerjasama:terbitkan", args=[ks.pk, "surat_permohonan"]) not in halaman
    pertemuan = Pertemuan.objects.create(
        kerjasama=ks,
        tanggal=HARI_INI,
        tempat="Aula kecamatan",
        agenda="Pemetaan para pihak",
        hasil="Empat pihak sepakat membentuk forum",
        dicatat_oleh=pendamping_a,
    )
    HadirPertemuan.objects.create(pertemuan=pertemuan, nama="Ani", lembaga="LSM Hijau")
    dokumen = terbitkan_surat(
        ks=ks,
        jenis="berita_acara",
        isian={"tanggal": HARI_INI, "pertemuan": pertemuan},
        oleh=pendamping_a,
    )
    assert "PERTEMUAN MULTI PIHAK" in pdf(dokumen)
    # Berita acara yang sudah terbit mengunci catatan pertemuannya.
    respons = client.get(reverse("kerjasama:pertemuan_ubah", args=[ks.pk, pertemuan.pk]))
    assert respons.status_code == 302
    assert set(DAFTAR_SURAT) == set(JenisDokumen.values) - {JenisDokumen.SERTIFIKAT_KTH}


@pytest.mark.postgres
def test_the_same_document_issued_concurrently_is_registered_once(data_acuan):
    from tests.factories import KpsFactory, PenggunaFactory

    pendamping = PenggunaFactory(peran=peran.PENDAMPING)
    kps = KpsFactory(provinsi="32", pendamping=pendamping)
    ks = buat_kerjasama(kps, pendamping, jenis="kelembagaan")
    kantor = dokumen_services.kantor_kps(kps)
    hasil, galat = [], []
    penghalang = threading.Barrier(4)

    def terbit(kunci):
        try:
            penghalang.wait()
            d = dokumen_services.terbitkan(
                jenis="berita_acara",
                kantor=kantor,
                tanggal=datetime.date(2026, 11, 28),
                perihal="Berita acara",
                pihak="",
                data={},
                oleh=pendamping,
                kerjasama=ks,
                kunci=kunci,
            )
            hasil.append(d.nomor)
        except dokumen_services.DokumenTidakDapatDiterbitkan as e:
            galat.append(str(e))
        finally:
            connections.close_all()

    utas = [threading.Thread(target=terbit, args=("pertemuan-1",)) for _ in range(3)]
    utas.append(threading.Thread(target=terbit, args=("pertemuan-2",)))
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=30)
    assert len(hasil) == 2 and len(galat) == 2
    assert sorted(hasil) == ["001/BA/XI/2026", "002/BA/XI/2026"]  # tanpa lompatan
    assert Dokumen.objects.filter(kunci="pertemuan-1").count() == 1


def test_a_pdf_that_fails_is_shown_as_such_and_the_sweep_makes_it_later(
    client, ks_usaha, pendamping_a, staf_bpskl, monkeypatch
):
    from dokumen.pekerjaan import susul_pdf_dokumen

    ajukan(ks_usaha, pendamping_a)
    services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_bpskl, setuju=True)
    surat = ks_usaha.dokumen.get(jenis="surat_keputusan")
    assert not surat.berkas  # dibuat pekerja setelah commit, tidak di dalam keputusan

    def gagal(*args, **kwargs):
        raise OSError("disk penuh")

    monkeypatch.setattr(dokumen_services, "pdf_dokumen", gagal)
    client.force_login(pendamping_a)
    respons = client.get(reverse("dokumen:unduh", args=[surat.kode]), follow=True)
    assert "belum dapat dibuat" in respons.content.decode()  # terlihat, bukan 500
    surat.refresh_from_db()
    assert surat.pdf_galat == "OSError: disk penuh" and not surat.berkas
    # Halaman verifikasi tetap menyebut dokumen terdaftar, PDF-nya sedang disiapkan.
    teks = client.get(reverse("verifikasi", args=[surat.kode])).content.decode()
    assert "BERLAKU" in teks and "sedang disiapkan" in teks

    monkeypatch.undo()
    Dokumen.objects.filter(pk=surat.pk).update(
        diterbitkan_pada=timezone.now() - datetime.timedelta(minutes=10)
    )
    assert susul_pdf_dokumen(0) == 1
    surat.refresh_from_db()
    assert surat.berkas and surat.pdf_galat == "" and len(surat.sha256) == 64
