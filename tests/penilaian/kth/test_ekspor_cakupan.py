import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from akun import peran
from penilaian.kth.models import EksporSertifikat
from penilaian.kth.services import (
    penilaian_kth_ajukan,
    penilaian_kth_buat,
    penilaian_kth_tetapkan,
    sertifikat_cabut,
)
from tests.factories import KthFactory, PenggunaFactory
from tests.penilaian.conftest import isi_kth


@pytest.fixture
def tiga_sertifikat(versi_kth, kps_a):
    penilai = PenggunaFactory(peran=peran.PENILAI_KTH, provinsi_id="32")
    kadis = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id="32")
    hasil = []
    for n, isian in enumerate([0, 10, 20]):
        kth = KthFactory(nama=f"KTH Ekspor {n}", desa=kps_a.desa)
        p = penilaian_kth_buat(kth=kth, tahun=2026, oleh=penilai)
        isi_kth(p, penilai, nilai_isian=isian)
        penilaian_kth_ajukan(penilaian=p, oleh=penilai)
        hasil.append(penilaian_kth_tetapkan(penilaian=p, oleh=kadis))
    return hasil


def test_an_admin_exports_a_province_zip_in_the_background(
    client, admin_nasional, tiga_sertifikat, django_capture_on_commit_callbacks
):
    # nilai: 145 (Pemula), 475 (Madya), 805 (Utama)
    assert [s.data["kelas"] for s in tiga_sertifikat] == ["Pemula", "Madya", "Utama"]
    client.force_login(admin_nasional)
    with django_capture_on_commit_callbacks(execute=True):
        respons = client.post(
            reverse("penilaian:ekspor_baru"), {"provinsi": "32", "tahun": 2026, "kelas": ""}
        )
    ekspor = EksporSertifikat.objects.get()
    assert respons["Location"] == reverse("penilaian:ekspor_status", args=[ekspor.pk])
    assert (ekspor.status, ekspor.jumlah, ekspor.selesai_n) == ("selesai", 3, 3)
    kemajuan = client.get(respons["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert "100%" in kemajuan and "Unduh ZIP" in kemajuan and "every 1s" not in kemajuan
    arsip = zipfile.ZipFile(
        io.BytesIO(
            b"".join(
                client.get(reverse("penilaian:ekspor_unduh", args=[ekspor.pk])).streaming_content
            )
        )
    )
    nama = sorted(arsip.namelist())
    assert nama == [
        "0001-SERT-KTH-32-2026.pdf",
        "0002-SERT-KTH-32-2026.pdf",
        "0003-SERT-KTH-32-2026.pdf",
        "ringkasan.xlsx",
    ]
    assert arsip.read("0002-SERT-KTH-32-2026.pdf").startswith(b"%PDF")
    ringkasan = list(load_workbook(io.BytesIO(arsip.read("ringkasan.xlsx")))["Sertifikat"].values)
    assert ringkasan[0][:2] == ("Nomor", "KTH")
    assert [r[4] for r in ringkasan[1:]] == ["Pemula", "Madya", "Utama"]


def test_the_export_can_filter_by_class_and_skips_revoked(
    client, admin_nasional, tiga_sertifikat, django_capture_on_commit_callbacks
):
    sertifikat_cabut(sertifikat=tiga_sertifikat[1], oleh=admin_nasional, alasan="Uji")
    client.force_login(admin_nasional)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("penilaian:ekspor_baru"), {"provinsi": "32", "tahun": 2026, "kelas": "Utama"}
        )
    assert list(EksporSertifikat.objects.values_list("jumlah", flat=True)) == [1]


def test_an_export_with_nothing_to_put_in_the_zip_is_refused_before_queueing(
    client, admin_nasional, tiga_sertifikat, django_capture_on_commit_callbacks
):
    # Satu-satunya sertifikat Madya dicabut; tahun 2025 tak punya sertifikat sama sekali.
    sertifikat_cabut(sertifikat=tiga_sertifikat[1], oleh=admin_nasional, alasan="Uji")
    client.force_login(admin_nasional)
    for isian in ({"tahun": 2026, "kelas": "Madya"}, {"tahun": 2025, "kelas": ""}):
        with django_capture_on_commit_callbacks(execute=True) as antrean:
            respons = client.post(reverse("penilaian:ekspor_baru"), {"provinsi": "32", **isian})
        assert respons.status_code == 200 and not antrean
        halaman = respons.content.decode()
        assert "Belum ada sertifikat berlaku untuk provinsi, tahun dan kelas ini" in halaman
        assert f'value="{isian["tahun"]}"' in halaman
    assert not EksporSertifikat.objects.exists()


def test_a_queued_export_says_it_is_waiting_rather_than_zero_of_zero(client, admin_nasional, db):
    ekspor = EksporSertifikat.objects.create(
        diminta_oleh=admin_nasional, provinsi_id="32", tahun=2026
    )
    client.force_login(admin_nasional)
    halaman = client.get(reverse("penilaian:ekspor_status", args=[ekspor.pk])).content.decode()
    assert "Menunggu giliran diproses" in halaman and "0 dari 0" not in halaman
    assert "every 2s" in halaman
    assert 'value="0"' in halaman  # bukan 100% sebelum mulai


def test_export_access(client, pendamping_a, kepala_dinas, admin_nasional, db):
    assert client.get(reverse("penilaian:ekspor_baru")).status_code == 302
    for orang in (pendamping_a, kepala_dinas):
        client.force_login(orang)
        assert client.get(reverse("penilaian:ekspor_baru")).status_code == 403
    admin_jabar = PenggunaFactory(peran=peran.ADMIN, provinsi_id="32", is_staff=True)
    client.force_login(admin_jabar)
    pilihan = (
        client.get(reverse("penilaian:ekspor_baru")).context["form"].fields["provinsi"].queryset
    )
    assert [p.kode for p in pilihan] == ["32"]
    respons = client.post(reverse("penilaian:ekspor_baru"), {"provinsi": "61", "tahun": 2026})
    assert "Pilihan tidak sah." in respons.content.decode()
    ekspor = EksporSertifikat.objects.create(
        diminta_oleh=admin_nasional, provinsi_id="32", tahun=2026
    )
    assert client.get(reverse("penilaian:ekspor_status", args=[ekspor.pk])).status_code == 403


def test_the_coverage_page_lists_kth_not_assessed_this_year(client, penilai, versi_kth, kps_a):
    from django.utils import timezone

    tahun = timezone.localdate().year
    sudah = KthFactory(nama="KTH Sudah", desa=kps_a.desa, kelas="madya")
    KthFactory(nama="KTH Belum", desa=kps_a.desa)
    KthFactory(nama="KTH Kalbar", provinsi="61")
    penilaian_kth_buat(kth=sudah, tahun=tahun, oleh=penilai)
    client.force_login(penilai)
    respons = client.get(reverse("penilaian:cakupan"))
    assert [k.nama for k in respons.context["halaman"]] == ["KTH Belum"]
    assert respons.context["jumlah_kth"] == 2
    assert dict(respons.context["per_kelas"]) == {
        "Pemula": 0,
        "Madya": 1,
        "Utama": 0,
        "Belum ditetapkan": 1,
    }
    assert f"30 November {tahun}" in respons.content.decode()
    client.force_login(PenggunaFactory(peran=peran.PENDAMPING, provinsi_id="61"))
    assert client.get(reverse("penilaian:cakupan")).status_code == 200
    assert (
        client.get(reverse("penilaian:cakupan") + "?provinsi=32").context["provinsi"].kode == "61"
    )


def test_admins_edit_holidays_and_the_certificate_number_pattern(client, admin_nasional, db):
    from penilaian.kth.models import PengaturanSertifikat

    client.force_login(admin_nasional)
    assert client.get(reverse("admin:penilaian_harilibur_changelist")).status_code == 200
    pengaturan = PengaturanSertifikat.objects.get(provinsi_id="32")
    alamat = reverse("admin:penilaian_pengaturansertifikat_change", args=[pengaturan.pk])
    data = {"provinsi": "32", "pola_nomor": "SERT/{tahun}", "kantor": "Dinas", "tempat": "Bandung"}
    respons = client.post(alamat, data)
    assert "Pola harus memuat {urut}" in respons.content.decode()
    data["pola_nomor"] = "{urut:03d}/DISHUT-JB/KTH/{tahun}"
    assert client.post(alamat, data).status_code == 302
    pengaturan.refresh_from_db()
    assert (
        pengaturan.pola_nomor.format(urut=7, tahun=2026, provinsi="32") == "007/DISHUT-JB/KTH/2026"
    )


def test_an_export_waiting_too_long_can_be_queued_again(
    client, admin_nasional, tiga_sertifikat, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    ekspor = EksporSertifikat.objects.create(
        diminta_oleh=admin_nasional, provinsi_id="32", tahun=2026
    )
    client.force_login(admin_nasional)
    alamat = reverse("penilaian:ekspor_status", args=[ekspor.pk])
    assert "Coba lagi" not in client.get(alamat).content.decode()
    ulang = reverse("penilaian:ekspor_ulang", args=[ekspor.pk])
    client.post(ulang)
    ekspor.refresh_from_db()
    assert ekspor.status == "antri"  # baru menunggu: ditolak, tetap menunggu

    EksporSertifikat.objects.filter(pk=ekspor.pk).update(
        dibuat_pada=timezone.now() - datetime.timedelta(minutes=6)
    )
    halaman = client.get(alamat).content.decode()
    assert 'data-uji="menunggu-lama"' in halaman and "Coba lagi" in halaman
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ulang)
    ekspor.refresh_from_db()
    assert (ekspor.status, ekspor.jumlah) == ("selesai", 3)


def test_the_head_of_office_certificate_figures_open_the_certificates_they_count(
    client, tiga_sertifikat
):
    kadis = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id="32")
    tahun = tiga_sertifikat[0].diterbitkan_pada.year
    client.force_login(kadis)
    isi = client.get(reverse("beranda"), follow=True).context["isi"]
    angka = {a.label: a for a in isi.angka}
    terbit = angka[f"Sertifikat terbit {timezone.localdate().year}"]
    assert terbit.nilai == 3
    respons = client.get(terbit.tautan)
    assert sorted(p.kth.nama for p in respons.context["halaman"]) == [
        "KTH Ekspor 0",
        "KTH Ekspor 1",
        "KTH Ekspor 2",
    ]
    assert f"Sertifikat terbit tahun {tahun}" in respons.content.decode()
    dicabut = client.get(angka[f"Sertifikat dicabut {timezone.localdate().year}"].tautan)
    assert list(dicabut.context["halaman"]) == []
    # Parameter yang tidak dikenal diabaikan, tidak pernah 500.
    semua = client.get(
        reverse("penilaian:kth_daftar"), {"sertifikat": "x", "tahun_sertifikat": "y"}
    )
    assert len(semua.context["halaman"].object_list) == 3
