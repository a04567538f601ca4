import datetime
import io
import threading
from pathlib import Path

import pytest
from django.db import connections
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from akun import peran
from kelompok.models import RiwayatKelasKth
from penilaian.inti import hari_kerja
from penilaian.inti.models import HariLibur
from penilaian.inti.services import (
    TindakanTidakSah,
    hari_libur,
    instrumen_muat,
    jawaban_simpan,
)
from penilaian.kth.models import PenilaianKth, Sertifikat
from penilaian.kth.sertifikat import buat_pdf
from penilaian.kth.services import (
    penilaian_kth_ajukan,
    penilaian_kth_buat,
    penilaian_kth_kembalikan,
    penilaian_kth_tarik,
    penilaian_kth_tetapkan,
)
from tests.factories import KthFactory, PenggunaFactory
from tests.penilaian.conftest import isi_kth

S = PenilaianKth.Status


# ------------------------------------------------------------------ hari kerja


def test_ten_working_days_skip_a_weekend_and_a_holiday():
    kamis = datetime.date(2026, 8, 13)  # 17 Agustus (Senin) libur
    libur = {datetime.date(2026, 8, 17)}
    # Jumat 14 (1), Selasa 18..Jumat 21 (5), Senin 24..Kamis 27 (9), Jumat 28 (10)
    assert hari_kerja.tambah_hari_kerja(kamis, 10, libur) == datetime.date(2026, 8, 28)
    assert hari_kerja.tambah_hari_kerja(kamis, 10, set()) == datetime.date(2026, 8, 27)


def test_remaining_and_overdue_working_days():
    tenggat = datetime.date(2026, 8, 28)
    libur = {datetime.date(2026, 8, 17)}
    assert hari_kerja.sisa_hari_kerja(datetime.date(2026, 8, 24), tenggat, libur) == 4
    assert hari_kerja.sisa_hari_kerja(tenggat, tenggat, libur) == 0
    assert (
        hari_kerja.sisa_hari_kerja(datetime.date(2026, 9, 1), tenggat, libur) == -2
    )  # Senin 31, Selasa 1


def test_the_2026_national_holidays_are_loaded_as_editable_data(db):
    libur = HariLibur.objects.filter(tanggal__year=2026)
    assert libur.filter(jenis=HariLibur.Jenis.LIBUR).count() == 17
    assert libur.filter(jenis=HariLibur.Jenis.CUTI_BERSAMA).count() == 8
    assert HariLibur.objects.get(tanggal=datetime.date(2026, 8, 17)).nama.startswith(
        "Hari Proklamasi"
    )


# ------------------------------------------------------------------ alur


def test_running_total_aspect_subtotals_and_class_as_the_assessor_types(
    client, penilaian, penilai_jabar
):
    client.force_login(penilai_jabar)
    alamat = reverse("penilaian:kth_jawab", args=[penilaian.pk])
    respons = client.post(alamat, {"indikator": "I.1", "I.1": "a"})  # 30
    respons = client.post(alamat, {"indikator": "I.7", "I.7": "18"})
    teks = respons.content.decode()
    assert 'hx-swap-oob="true"' in teks
    assert respons.context["ringkas"]["hasil"].total == 48
    assert respons.context["ringkas"]["kelas_berjalan"] == "Pemula"
    respons = client.post(alamat, {"indikator": "I.7", "I.7": "21"})
    assert respons.status_code == 422
    assert "Nilai harus antara 0 dan 20." in respons.content.decode()
    respons = client.post(alamat, {"indikator": "I.1", "I.1": "z"})
    assert "Pilihan tidak ada di indikator ini." in respons.content.decode()


def test_provisional_values_are_flagged_on_the_form(client, penilaian, penilai_jabar):
    client.force_login(penilai_jabar)
    teks = client.get(reverse("penilaian:kth_detail", args=[penilaian.pk])).content.decode()
    assert "nilai sementara" in teks
    assert teks.count('badge text-bg-warning">nilai sementara') >= 30


def test_an_incomplete_assessment_cannot_be_submitted(client, penilaian, penilai_jabar):
    client.force_login(penilai_jabar)
    respons = client.post(reverse("penilaian:kth_ajukan", args=[penilaian.pk]), follow=True)
    teks = respons.content.decode()
    # Ringkasan galat: 39 indikator, masing-masing bertaut ke isiannya di halaman yang sama.
    assert "Ada 39 isian yang perlu diperbaiki" in teks
    butir = respons.context["belum_dinilai"]
    assert len(butir) == 39 and all(b.pesan == "belum dinilai" for b in butir)
    for b in butir:
        assert f'href="#{b.tujuan}"' in teks and f'id="{b.tujuan}"' in teks
    penilaian.refresh_from_db()
    assert penilaian.status == S.DRAF


def test_one_assessment_per_kth_per_year_unless_withdrawn(penilaian, kth_jabar, penilai_jabar):
    with pytest.raises(TindakanTidakSah, match="sudah dinilai untuk tahun 2026"):
        penilaian_kth_buat(kth=kth_jabar, tahun=2026, oleh=penilai_jabar)
    with pytest.raises(TindakanTidakSah, match="alasan"):
        penilaian_kth_tarik(penilaian=penilaian, oleh=penilai_jabar, alasan=" ")
    penilaian_kth_tarik(penilaian=penilaian, oleh=penilai_jabar, alasan="Salah KTH")
    kedua = penilaian_kth_buat(kth=kth_jabar, tahun=2026, oleh=penilai_jabar)
    assert kedua.status == S.DRAF


def test_the_whole_path_from_scoring_to_a_verifiable_certificate(
    client,
    penilaian,
    penilai_jabar,
    kadis_jabar,
    kth_jabar,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.SITUS_URL = "https://perhutanan.example.id"
    isi_kth(penilaian, penilai_jabar, nilai_isian=10)
    client.force_login(penilai_jabar)
    client.post(reverse("penilaian:kth_ajukan", args=[penilaian.pk]))
    penilaian.refresh_from_db()
    assert penilaian.status == S.DIAJUKAN
    # Opsi pertama I.1-I.6 = 30+20+15+20+30+30 = 145; 33 isian x 10 = 330: total 475, Madya.
    assert (penilaian.total, penilaian.kelas) == (475, "Madya")
    assert penilaian.tenggat == hari_kerja.tambah_hari_kerja(timezone.localdate(), 10, hari_libur())

    client.force_login(kadis_jabar)
    antrean = client.get(reverse("penilaian:kth_antrean"))
    assert [b[0].pk for b in antrean.context["baris"]] == [penilaian.pk]
    with django_capture_on_commit_callbacks() as setelah_commit:
        client.post(reverse("penilaian:kth_tetapkan", args=[penilaian.pk]))
    penilaian.refresh_from_db()
    assert penilaian.status == S.DITETAPKAN
    kth_jabar.refresh_from_db()
    assert kth_jabar.kelas == "madya"
    assert RiwayatKelasKth.objects.get(kth=kth_jabar, tahun=2026).nilai == 475

    # Penetapan kembali tanpa menunggu PDF: nomor dan kode sudah tetap, PDF "sedang disiapkan".
    sertifikat = penilaian.sertifikat
    assert sertifikat.nomor == "0001/SERT-KTH/32/2026" and not sertifikat.pdf_siap
    detail = client.get(reverse("penilaian:kth_detail", args=[penilaian.pk])).content.decode()
    assert 'data-pdf="disiapkan"' in detail and "sedang disiapkan" in detail
    unduh = reverse("penilaian:sertifikat_unduh", args=[sertifikat.pk])
    assert client.get(unduh).status_code == 302
    for pekerjaan in setelah_commit:  # pekerja mengambilnya tepat setelah commit
        pekerjaan()
    sertifikat.refresh_from_db()
    assert sertifikat.pdf_siap and sertifikat.pdf_galat == ""
    status = reverse("penilaian:sertifikat_status", args=[sertifikat.pk])
    assert 'data-pdf="siap"' in client.get(status).content.decode()
    pdf = client.get(reverse("penilaian:sertifikat_unduh", args=[sertifikat.pk]))
    isi = b"".join(pdf.streaming_content)
    import hashlib

    assert hashlib.sha256(isi).hexdigest() == sertifikat.sha256
    teks = " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages).split())
    for harus in [
        "SERTIFIKAT PENETAPAN KELAS",
        "0001/SERT-KTH/32/2026",
        "KTH Sugih Mukti",
        "REG-32-001",
        "Desa Uji 1",
        "Kecamatan Uji",
        "Kabupaten Uji 32",
        "Jawa Barat",
        "MADYA",
        "475",
        "2026",
        "P.89/MENLHK/SETJEN/KUM.1/8/2018",
        "Dinas Kehutanan Provinsi Jawa Barat",
        "Bandung",
        "Ir. Dewi Kartika, M.Si.",
        "NIP 197005121995032001",
        sertifikat.kode,
        timezone.localdate().strftime("%Y"),
    ]:
        assert harus in teks, harus
    (Path(settings.BASE_DIR) / "build").mkdir(exist_ok=True)
    (Path(settings.BASE_DIR) / "build" / "sertifikat-contoh.pdf").write_bytes(isi)
    assert "nilai sementara" in teks  # lampiran menyebut rubrik bernilai sementara
    assert "tahun 2026" in teks and "2.026" not in teks  # tahun tanpa pemisah ribuan

    anonim = client.__class__()
    halaman = anonim.get(reverse("verifikasi", args=[sertifikat.kode]))
    assert halaman.status_code == 200
    isi_halaman = halaman.content.decode()
    assert (
        "BERLAKU" in isi_halaman
        and sertifikat.sha256 in isi_halaman
        and "KTH Sugih Mukti" in isi_halaman
    )

    # Pencabutan oleh Kepala Dinas: halaman verifikasi menyebut alasannya.
    client.post(
        reverse("penilaian:sertifikat_cabut", args=[sertifikat.pk]),
        {"alasan": "Data anggota fiktif"},
    )
    halaman = anonim.get(reverse("verifikasi", args=[sertifikat.kode])).content.decode()
    assert "DICABUT" in halaman and "Data anggota fiktif" in halaman


def test_an_unknown_verification_code_reveals_nothing(client, db):
    respons = client.get(reverse("verifikasi", args=["kode-karangan"]))
    assert respons.status_code == 404
    teks = respons.content.decode()
    assert "SHA-256" not in teks and "Kelompok Tani Hutan" not in teks


def test_the_certificate_is_never_regenerated_from_changed_data(
    client, penilaian, penilai_jabar, kadis_jabar, kth_jabar, django_capture_on_commit_callbacks
):
    isi_kth(penilaian, penilai_jabar)
    penilaian_kth_ajukan(penilaian=penilaian, oleh=penilai_jabar)
    with django_capture_on_commit_callbacks(execute=True):
        sertifikat = penilaian_kth_tetapkan(penilaian=penilaian, oleh=kadis_jabar)
    sertifikat.refresh_from_db()
    sidik = sertifikat.sha256
    assert buat_pdf(sertifikat.pk) is False  # sudah ada: tidak pernah dibuat ulang
    kth_jabar.nama = "Nama Baru"
    kth_jabar.save()
    sertifikat.refresh_from_db()
    assert sertifikat.data["kth"] == "KTH Sugih Mukti"
    import hashlib

    with sertifikat.berkas.open("rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == sidik


def test_a_returned_assessment_reopens_for_the_assessor(penilaian, penilai_jabar, kadis_jabar):
    isi_kth(penilaian, penilai_jabar)
    penilaian_kth_ajukan(penilaian=penilaian, oleh=penilai_jabar)
    with pytest.raises(TindakanTidakSah, match="alasan"):
        penilaian_kth_kembalikan(penilaian=penilaian, oleh=kadis_jabar, alasan="")
    penilaian_kth_kembalikan(penilaian=penilaian, oleh=kadis_jabar, alasan="Bukti I.1 kurang")
    penilaian.refresh_from_db()
    assert penilaian.status == S.DIKEMBALIKAN
    jawaban_simpan(kuesioner=penilaian.kuesioner, indikator="I.1", nilai="b", oleh=penilai_jabar)
    penilaian_kth_ajukan(penilaian=penilaian, oleh=penilai_jabar)
    assert [r.ke for r in penilaian.riwayat_status.all()] == [
        "draf",
        "diajukan",
        "dikembalikan",
        "diajukan",
    ]


@pytest.mark.parametrize("dari", ["draf", "dikembalikan", "ditetapkan", "ditarik"])
def test_only_a_submitted_assessment_can_be_decided(penilaian, kadis_jabar, dari):
    PenilaianKth.objects.filter(pk=penilaian.pk).update(status=dari)
    with pytest.raises(TindakanTidakSah):
        penilaian_kth_tetapkan(penilaian=penilaian, oleh=kadis_jabar)


# ------------------------------------------------------------------ akses


def test_access_ladder_for_kth_assessment(
    client, penilaian, penilai_jabar, kadis_jabar, pendamping_a
):
    detail = reverse("penilaian:kth_detail", args=[penilaian.pk])
    jawab = reverse("penilaian:kth_jawab", args=[penilaian.pk])
    tetapkan = reverse("penilaian:kth_tetapkan", args=[penilaian.pk])
    assert client.get(detail).status_code == 302
    penilai_kalbar = PenggunaFactory(peran=peran.PENILAI_KTH, provinsi_id="61")
    kadis_kalbar = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id="61")
    for orang in (penilai_kalbar, kadis_kalbar):
        client.force_login(orang)
        assert client.get(detail).status_code == 404
        assert client.post(jawab, {"indikator": "I.1", "I.1": "a"}).status_code == 404
    client.force_login(pendamping_a)  # pendamping KPS terkait: boleh membaca, tidak menilai
    assert client.get(detail).status_code == 200
    assert client.post(jawab, {"indikator": "I.1", "I.1": "a"}).status_code == 403
    assert client.get(reverse("penilaian:kth_baru", args=[penilaian.kth_id])).status_code == 403
    client.force_login(kadis_jabar)
    assert client.post(jawab, {"indikator": "I.1", "I.1": "a"}).status_code == 403
    assert client.get(reverse("penilaian:kth_antrean")).status_code == 200
    client.force_login(penilai_jabar)
    assert client.post(tetapkan).status_code == 403
    assert client.get(reverse("penilaian:kth_antrean")).status_code == 403
    assert client.post(jawab, {"indikator": "I.1", "I.1": "a"}).status_code == 200


# ------------------------------------------------------------------ penomoran bersamaan


@pytest.mark.postgres
def test_two_concurrent_approvals_get_distinct_numbers_and_one_decision(data_acuan, settings):
    """Dua penetapan bersamaan untuk dua KTH: nomor 1 dan 2, tak pernah sama. Dua klik pada
    penilaian yang sama: satu penetapan, satu ditolak."""
    from penilaian.inti import definisi
    from tests.factories import buat_desa
    from tests.penilaian.conftest import FIXTURES

    instrumen_muat(kanonik=definisi.dari_yaml((FIXTURES / "kth.yaml").read_text()))
    penilai = PenggunaFactory(peran=peran.PENILAI_KTH, provinsi_id="32")
    kadis = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id="32")
    desa = buat_desa("32")
    daftar = []
    for _ in range(2):
        kth = KthFactory(desa=desa)
        p = penilaian_kth_buat(kth=kth, tahun=2026, oleh=penilai)
        isi_kth(p, penilai)
        penilaian_kth_ajukan(penilaian=p, oleh=penilai)
        daftar.append(p)

    hasil: list[str] = []
    penghalang = threading.Barrier(4)

    def tetapkan(p):
        try:
            penghalang.wait()
            penilaian_kth_tetapkan(penilaian=p, oleh=kadis)
            hasil.append("ok")
        except TindakanTidakSah:
            hasil.append("ditolak")
        finally:
            connections.close_all()

    utas = [threading.Thread(target=tetapkan, args=(p,)) for p in (*daftar, *daftar)]
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=60)
    assert sorted(hasil) == ["ditolak", "ditolak", "ok", "ok"]
    assert sorted(Sertifikat.objects.values_list("urut", flat=True)) == [1, 2]
    assert Sertifikat.objects.values("nomor").distinct().count() == 2


# ------------------------------------------------------------------ kelas mengikuti sertifikat


def test_revoking_or_withdrawing_returns_the_class_to_the_previous_decision(
    client, penilaian, penilai_jabar, kadis_jabar, kth_jabar
):
    RiwayatKelasKth.objects.create(
        kth=kth_jabar,
        tahun=2025,
        kelas="pemula",
        nilai=300,
        ditetapkan_pada=datetime.date(2025, 11, 20),
        keterangan="Penetapan 2025",
    )
    kth_jabar.kelas = "pemula"
    kth_jabar.save()
    isi_kth(penilaian, penilai_jabar, nilai_isian=10)
    penilaian_kth_ajukan(penilaian=penilaian, oleh=penilai_jabar)
    sertifikat = penilaian_kth_tetapkan(penilaian=penilaian, oleh=kadis_jabar)
    kth_jabar.refresh_from_db()
    assert kth_jabar.kelas == "madya"

    client.force_login(kadis_jabar)
    client.post(
        reverse("penilaian:sertifikat_cabut", args=[sertifikat.pk]),
        {"alasan": "Data anggota tidak benar"},
    )
    kth_jabar.refresh_from_db()
    assert kth_jabar.kelas == "pemula"  # kembali ke penetapan 2025
    cabut = RiwayatKelasKth.objects.get(kth=kth_jabar, tahun=2026)
    assert cabut.dicabut_pada is not None
    assert cabut.alasan_cabut == f"Sertifikat {sertifikat.nomor} dicabut: Data anggota tidak benar"
    assert (
        kth_jabar.history.first().history_change_reason == f"Sertifikat {sertifikat.nomor} dicabut"
    )
    teks = " ".join(
        client.get(reverse("kelompok:kth_detail", args=[kth_jabar.pk])).content.decode().split()
    )
    assert 'Kelas saat ini</dt><dd class="col-sm-8">Pemula' in teks
    assert "tidak berlaku</span> sejak" in teks and "Data anggota tidak benar" in teks

    # Dinilai ulang dan ditetapkan lagi, lalu penilaiannya ditarik: sertifikat ikut dicabut.
    penilaian_kth_tarik(penilaian=penilaian, oleh=penilai_jabar, alasan="Dinilai ulang")
    kedua = penilaian_kth_buat(kth=kth_jabar, tahun=2026, oleh=penilai_jabar)
    isi_kth(kedua, penilai_jabar, nilai_isian=10)
    penilaian_kth_ajukan(penilaian=kedua, oleh=penilai_jabar)
    penilaian_kth_tetapkan(penilaian=kedua, oleh=kadis_jabar)
    kth_jabar.refresh_from_db()
    assert kth_jabar.kelas == "madya"
    penilaian_kth_tarik(penilaian=kedua, oleh=kadis_jabar, alasan="Salah KTH")
    kth_jabar.refresh_from_db()
    assert kth_jabar.kelas == "pemula"
    RiwayatKelasKth.objects.filter(kth=kth_jabar, tahun=2025).update(
        dicabut_pada=datetime.date(2026, 1, 5), alasan_cabut="Dicabut"
    )
    from penilaian.kth.services import _kelas_ikut_penetapan

    assert _kelas_ikut_penetapan(kth_jabar, alasan="uji") == ""  # tidak ada penetapan berlaku
