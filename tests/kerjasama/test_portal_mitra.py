"""Portal mitra (Langkah I): akun mitra lewat undangan atau pendaftaran yang disetujui,
permohonan dengan surat dan bukti uji tuntas, cakupan (mitra hanya melihat permohonannya),
tanggapan pendamping, dan kerja sama dari permohonan tanpa mengetik ulang."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from akun import peran
from akun.models import Pengguna
from kerjasama import portal, services
from kerjasama.models import (
    AkunMitra,
    KerjaSama,
    Mitra,
    Notifikasi,
    PemeriksaanMitra,
    PermohonanMitra,
)
from kerjasama.services import TindakanTidakSah
from tests.factories import KATA_SANDI_UJI, KupsFactory, buat_wakil_mitra, pdf_uji

SANDI_BARU = "kopi-ciremai-lestari-99"


def _bisa_masuk(username: str, sandi: str) -> bool:
    """Masuk lewat halaman masuk (django-axes memeriksa setiap percobaan)."""
    respons = Client().post(reverse("login"), {"username": username, "password": sandi})
    return respons.status_code == 302


def _pdf(nama="surat.pdf"):
    return SimpleUploadedFile(nama, pdf_uji(nama), content_type="application/pdf")


def _isian_permohonan(**lain) -> dict:
    data = {
        "jenis": "usaha",
        "judul": "Pembelian madu hutan",
        "maksud": "Membeli madu hutan anggota KUPS dengan harga tetap.",
        "dukungan": "Pembelian terjamin dan pelatihan mutu.",
        "jangka_waktu_tahun": "3",
        "nomor_surat": "LL/01/XI/2026",
        "tanggal_surat": "20-11-2026",
        "surat": _pdf(),
        "bukti-legalitas-keterangan": "NIB 9120300999",
        "bukti-legalitas-berkas": _pdf("nib.pdf"),
        "bukti-pasar-keterangan": "Kontrak dengan dua toko oleh-oleh",
    }
    data.update(lain)
    return data


def _ajukan(klien, kps, **lain):
    return klien.post(
        reverse("kerjasama:permohonan_mitra_baru"),
        {"sasaran": f"kps-{kps.pk}", **_isian_permohonan(**lain)},
    )


@pytest.fixture
def mitra_lain(db):
    return buat_wakil_mitra("wakil_lain", nama_mitra="PT Rotan Borneo")


@pytest.fixture
def permohonan(client, wakil_mitra, kps_a, django_capture_on_commit_callbacks):
    client.force_login(wakil_mitra)
    with django_capture_on_commit_callbacks(execute=True):
        respons = _ajukan(client, kps_a)
    assert respons.status_code == 302, respons.content.decode()[:2000]
    client.logout()
    return PermohonanMitra.objects.get()


# ------------------------------------------------------------------ akun


def test_an_invited_partner_sets_a_password_from_the_email_link_and_lands_on_its_home_page(
    client, pendamping_a, kps_a, django_capture_on_commit_callbacks
):
    mitra = Mitra.objects.create(
        nama="CV Madu Ciremai", kategori="bums", provinsi_id="32", dibuat_oleh=pendamping_a
    )
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kerjasama:mitra_undang", args=[mitra.pk]),
        {"nama": "Budi Hartono", "surel": "Budi@MaduCiremai.id"},
    )
    assert respons.status_code == 302
    akun = AkunMitra.objects.get(mitra=mitra)
    assert akun.status == AkunMitra.Status.DIUNDANG and not akun.pengguna.is_active
    assert akun.pengguna.username == "budi@maduciremai.id"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["budi@maduciremai.id"]
    tautan = re.search(r"https?://\S+/portal/undangan/\S+/", mail.outbox[0].body).group(0)
    alamat = "/" + tautan.split("/", 3)[3]
    client.logout()

    # Sebelum menerima undangan, akun belum bisa masuk.
    assert not _bisa_masuk("budi@maduciremai.id", SANDI_BARU)
    # Kata sandi yang terlalu pendek ditolak di samping isiannya.
    respons = client.post(alamat, {"sandi1": "abc", "sandi2": "abc"})
    assert respons.status_code == 200 and "terlalu pendek" in respons.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        respons = client.post(alamat, {"sandi1": SANDI_BARU, "sandi2": SANDI_BARU}, follow=True)
    assert respons.redirect_chain[-1][0] == reverse("beranda_peran", args=["mitra"])
    teks = respons.content.decode()
    assert "Permohonan CV Madu Ciremai" in teks and "Ajukan permohonan baru" in teks
    akun.refresh_from_db()
    assert akun.status == AkunMitra.Status.AKTIF
    assert akun.pengguna.daftar_peran == [peran.MITRA]
    # Pengundang diberi tahu; tautan yang sama tidak berlaku lagi.
    assert Notifikasi.objects.filter(penerima=pendamping_a, judul__contains="diterima").exists()
    client.logout()
    assert client.get(alamat).status_code == 404
    assert client.get(reverse("kerjasama:portal_undangan", args=["MQ", "salah"])).status_code == 404


def test_an_invitation_to_an_email_in_use_is_refused_next_to_the_field(client, pendamping_a):
    mitra = Mitra.objects.create(nama="CV A", kategori="bums", dibuat_oleh=pendamping_a)
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kerjasama:mitra_undang", args=[mitra.pk]),
        {"nama": "Siti", "surel": pendamping_a.email.upper()},
    )
    teks = respons.content.decode()
    assert respons.status_code == 200 and "sudah dipakai akun lain" in teks
    assert 'value="Siti"' in teks
    assert not AkunMitra.objects.exists()


def test_only_staff_of_the_partners_region_can_invite(
    client, penilai, wakil_mitra, pendamping_b, staf_bpskl
):
    mitra = wakil_mitra.akun_mitra.mitra  # di Jawa Barat
    client.force_login(staf_bpskl)  # BPSKL wilayah Jawa Barat
    assert client.get(reverse("kerjasama:mitra_undang", args=[mitra.pk])).status_code == 200
    assert "Undang wakil mitra" in client.get(mitra.get_absolute_url()).content.decode()
    client.force_login(pendamping_b)  # Kalimantan Barat, tanpa kerja sama dengan mitra ini
    assert "Undang wakil mitra" not in client.get(mitra.get_absolute_url()).content.decode()
    for user, harap in ((pendamping_b, 404), (penilai, 403), (wakil_mitra, 403)):
        client.force_login(user)
        respons = client.post(
            reverse("kerjasama:mitra_undang", args=[mitra.pk]), {"nama": "X", "surel": "x@y.id"}
        )
        assert respons.status_code == harap
    client.logout()
    respons = client.get(reverse("kerjasama:mitra_undang", args=[mitra.pk]))
    assert respons.status_code == 302 and reverse("login") in respons["Location"]


def _daftar(klien, **lain):
    data = {
        "nama_lembaga": "Koperasi Hasil Hutan Kuningan",
        "kategori": "koperasi",
        "nomor_registrasi": "NIB-777",
        "provinsi": "32",
        "alamat": "Jl. Siliwangi 12",
        "nama": "Rina Marlina",
        "jabatan": "Ketua",
        "telepon": "0812 1111 2222",
        "surel": "rina@kopkuningan.id",
        "sandi1": SANDI_BARU,
        "sandi2": SANDI_BARU,
    }
    data.update(lain)
    return klien.post(reverse("kerjasama:portal_daftar"), data)


def test_self_registration_waits_for_bpskl_approval_and_links_to_the_existing_partner(
    client, staf_bpskl, admin_nasional, django_capture_on_commit_callbacks
):
    lama = Mitra.objects.create(
        nama="Koperasi Hasil Hutan Kuningan",
        kategori="koperasi",
        nomor_registrasi="NIB-777",
        dibuat_oleh=admin_nasional,
    )
    with django_capture_on_commit_callbacks(execute=True):
        respons = _daftar(client)
    assert respons.status_code == 200 and "Pendaftaran terkirim" in respons.content.decode()
    akun = AkunMitra.objects.get()
    assert akun.status == AkunMitra.Status.MENUNGGU and not akun.pengguna.is_active
    assert not _bisa_masuk("rina@kopkuningan.id", SANDI_BARU)
    assert Notifikasi.objects.filter(penerima=staf_bpskl, tautan=akun.get_absolute_url()).exists()

    # Staf BPSKL wilayah lain tidak melihat pendaftaran ini.
    bpskl_lain = Pengguna.objects.create(username="bpskl_kal", nama="Kal", bpskl_id="KAL")
    bpskl_lain.groups.add(*staf_bpskl.groups.all())
    client.force_login(bpskl_lain)
    assert client.get(akun.get_absolute_url()).status_code == 404
    assert client.post(akun.get_absolute_url(), {"keputusan": "setuju"}).status_code == 404

    client.force_login(staf_bpskl)
    halaman = client.get(akun.get_absolute_url()).content.decode()
    assert 'data-uji="serupa"' in halaman  # mitra serupa di registri ditawarkan
    with django_capture_on_commit_callbacks(execute=True):
        respons = client.post(
            akun.get_absolute_url(), {"keputusan": "setuju", "mitra": str(lama.pk)}
        )
    assert respons.status_code == 302
    akun.refresh_from_db()
    assert akun.status == AkunMitra.Status.AKTIF and akun.mitra == lama
    assert Mitra.objects.filter(nama="Koperasi Hasil Hutan Kuningan").count() == 1
    assert Notifikasi.objects.filter(penerima=akun.pengguna, judul__contains="disetujui").exists()
    client.logout()
    assert _bisa_masuk("rina@kopkuningan.id", SANDI_BARU)
    # Keputusan kedua tidak berlaku lagi.
    client.force_login(staf_bpskl)
    respons = client.post(akun.get_absolute_url(), {"keputusan": "tolak", "alasan": "x"})
    assert respons.status_code == 302
    akun.refresh_from_db()
    assert akun.status == AkunMitra.Status.AKTIF


def test_a_refused_registration_needs_a_reason_and_the_applicant_gets_it_by_email(
    client, pendamping_a, django_capture_on_commit_callbacks
):
    _daftar(client)
    akun = AkunMitra.objects.get()
    client.force_login(pendamping_a)  # pendamping di provinsi pendaftar juga boleh memutuskan
    respons = client.post(akun.get_absolute_url(), {"keputusan": "tolak", "alasan": ""})
    assert respons.status_code == 200 and "Tuliskan alasan penolakan" in respons.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(akun.get_absolute_url(), {"keputusan": "tolak", "alasan": "Bukan lembaga sah"})
    akun.refresh_from_db()
    assert akun.status == AkunMitra.Status.DITOLAK and not akun.pengguna.is_active
    assert not Mitra.objects.exists()
    assert "Bukan lembaga sah" in mail.outbox[-1].body
    assert mail.outbox[-1].to == ["rina@kopkuningan.id"]


def test_registration_errors_stay_next_to_the_field_and_a_flood_from_one_address_stops(client, db):
    respons = _daftar(client, surel="bukan-surel", sandi2="lain")
    teks = respons.content.decode()
    assert "Masukkan alamat surel yang benar" in teks
    assert "Kedua isian kata sandi tidak sama" in teks
    assert 'value="Koperasi Hasil Hutan Kuningan"' in teks
    for n in range(portal.PENDAFTARAN_PER_JAM):
        assert _daftar(client, surel=f"orang{n}@contoh.id").status_code == 200
    respons = _daftar(client, surel="banjir@contoh.id")
    assert "Terlalu banyak pendaftaran" in respons.content.decode()
    assert AkunMitra.objects.count() == portal.PENDAFTARAN_PER_JAM


def test_the_admin_user_form_cannot_make_a_partner_account(admin_nasional):
    from akun.services import peran_yang_boleh_diberikan

    assert peran.MITRA not in peran_yang_boleh_diberikan(admin_nasional)


# ------------------------------------------------------------------ permohonan


def test_a_partner_finds_a_kps_by_name_and_submits_with_letter_and_evidence(
    client, wakil_mitra, kps_a, pendamping_a, django_capture_on_commit_callbacks
):
    kups = KupsFactory(kps=kps_a, nama="KUPS Madu Wana")
    client.force_login(wakil_mitra)
    teks = client.get(reverse("kerjasama:permohonan_mitra_baru"), {"q": "wana jaya"}).content
    teks = teks.decode()
    assert f"?sasaran=kps-{kps_a.pk}" in teks and "KPS Wana Jaya" in teks
    # Hanya nama dan letak: ketua, nomor SK dan anggota KPS tidak tampil bagi mitra.
    assert kps_a.ketua not in teks and kps_a.nomor_sk not in teks
    teks = client.get(reverse("kerjasama:permohonan_mitra_baru"), {"q": "madu wana"}).content
    assert f"?sasaran=kups-{kups.pk}".encode() in teks

    with django_capture_on_commit_callbacks(execute=True):
        respons = client.post(
            reverse("kerjasama:permohonan_mitra_baru"),
            {"sasaran": f"kups-{kups.pk}", **_isian_permohonan(kups=str(kups.pk))},
        )
    assert respons.status_code == 302
    p = PermohonanMitra.objects.get()
    assert (p.kps, p.kups, p.mitra) == (kps_a, kups, wakil_mitra.akun_mitra.mitra)
    assert p.status == PermohonanMitra.Status.DIAJUKAN
    assert sorted(b.kode for b in p.bukti.all()) == ["legalitas", "pasar"]
    assert p.bukti.get(kode="legalitas").berkas
    assert Notifikasi.objects.filter(penerima=pendamping_a, tautan=p.get_absolute_url()).exists()
    # Beranda mitra menunjukkan permohonan yang menunggu.
    teks = client.get(reverse("beranda_peran", args=["mitra"])).content.decode()
    assert "Pembelian madu hutan" in teks and "Menunggu tanggapan" in teks


def test_missing_legal_evidence_and_a_fake_letter_are_refused_with_the_typing_kept(
    client, wakil_mitra, kps_a
):
    client.force_login(wakil_mitra)
    palsu = SimpleUploadedFile("surat.pdf", b"<script>alert(1)</script>", content_type="text/html")
    respons = _ajukan(client, kps_a, surat=palsu, **{"bukti-legalitas-berkas": ""})
    teks = respons.content.decode()
    assert respons.status_code == 200
    assert "Lampirkan bukti legalitas usaha" in teks
    assert 'data-uji="ringkasan-galat"' in teks
    assert "Membeli madu hutan anggota KUPS" in teks  # yang diketik tetap ada
    assert not PermohonanMitra.objects.exists()
    respons = _ajukan(client, kps_a, jangka_waktu_tahun="99", tanggal_surat="31-02-2026")
    teks = respons.content.decode()
    assert "Paling lama 35 tahun" in teks or "kurang dari atau sama dengan 35" in teks
    assert "Masukkan tanggal yang benar" in teks
    assert not PermohonanMitra.objects.exists()


def test_a_partner_sees_only_its_own_requests_and_no_registry_page(
    client, permohonan, mitra_lain, kps_a, wakil_mitra
):
    bukti = permohonan.bukti.get(kode="legalitas")
    client.force_login(mitra_lain)
    for url in (
        permohonan.get_absolute_url(),
        reverse("kerjasama:permohonan_mitra_surat", args=[permohonan.pk]),
        reverse("kerjasama:permohonan_mitra_bukti", args=[bukti.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(reverse("kerjasama:permohonan_mitra_tarik", args=[permohonan.pk])).status_code
        == 404
    )
    daftar = client.get(reverse("kerjasama:permohonan_mitra_daftar")).content.decode()
    assert permohonan.judul not in daftar
    # Tidak satu pun halaman registri, daftar, peta, pencarian atau admin terbuka bagi mitra.
    for url in (
        reverse("kelompok:kps_detail", args=[kps_a.pk]),
        reverse("kelompok:kps_daftar"),
        reverse("kelompok:kps_peta"),
        reverse("kerjasama:daftar"),
        reverse("kerjasama:mitra_daftar"),
        reverse("kerjasama:mitra_detail", args=[permohonan.mitra_id]),
        reverse("kerjasama:tambah", args=[kps_a.pk]),
        reverse("penilaian:evaluasi_daftar"),
        reverse("cari") + "?q=wana",
        reverse("beranda_peran", args=["pendamping"]),
        reverse("admin:index"),
    ):
        assert client.get(url).status_code == 403, url
    # Pemohon sendiri membaca permohonannya, suratnya dan buktinya, tanpa data KPS lainnya.
    client.force_login(wakil_mitra)
    teks = client.get(permohonan.get_absolute_url()).content.decode()
    assert permohonan.judul in teks and kps_a.nama in teks
    assert kps_a.ketua not in teks and kps_a.nomor_sk not in teks
    assert f'href="{kps_a.get_absolute_url()}"' not in teks
    assert "Riwayat perubahan" not in teks
    assert (
        client.get(reverse("kerjasama:permohonan_mitra_surat", args=[permohonan.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("kerjasama:permohonan_mitra_bukti", args=[bukti.pk])).status_code == 200
    )


def test_the_access_ladder_of_a_request(
    client, permohonan, pendamping_a, pendamping_b, staf_bpskl, penilai
):
    detail = permohonan.get_absolute_url()
    tanggapi = reverse("kerjasama:permohonan_mitra_tanggapi", args=[permohonan.pk])
    respons = client.get(detail)
    assert respons.status_code == 302 and reverse("login") in respons["Location"]
    client.force_login(pendamping_b)  # pendamping provinsi lain
    assert client.get(detail).status_code == 404
    assert client.post(tanggapi, {"keputusan": "terima"}).status_code == 404
    client.force_login(penilai)  # peran yang tidak memilih mitra
    assert client.get(detail).status_code == 404
    assert client.get(reverse("kerjasama:permohonan_mitra_daftar")).status_code == 403
    client.force_login(staf_bpskl)  # BPSKL wilayahnya: membaca, tidak menanggapi
    teks = client.get(detail).content.decode()
    assert permohonan.judul in teks and "Tanggapi permohonan" not in teks
    assert client.post(tanggapi, {"keputusan": "terima"}).status_code == 404
    client.force_login(pendamping_a)
    teks = client.get(detail).content.decode()
    assert "Tanggapi permohonan" in teks
    assert (
        permohonan.judul
        in client.get(reverse("kerjasama:permohonan_mitra_daftar")).content.decode()
    )


def test_a_refusal_needs_a_reason_and_the_partner_reads_it(
    client, permohonan, pendamping_a, wakil_mitra, django_capture_on_commit_callbacks
):
    tanggapi = reverse("kerjasama:permohonan_mitra_tanggapi", args=[permohonan.pk])
    client.force_login(pendamping_a)
    respons = client.post(tanggapi, {"keputusan": "tolak", "catatan": ""})
    assert respons.status_code == 200 and "Tuliskan alasan penolakan" in respons.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(tanggapi, {"keputusan": "tolak", "catatan": "KUPS belum siap berproduksi."})
    permohonan.refresh_from_db()
    assert permohonan.status == PermohonanMitra.Status.DITOLAK
    notif = Notifikasi.objects.get(penerima=wakil_mitra)
    assert "ditolak" in notif.judul and notif.tautan == permohonan.get_absolute_url()
    client.force_login(wakil_mitra)
    assert (
        "KUPS belum siap berproduksi." in client.get(permohonan.get_absolute_url()).content.decode()
    )
    # Sudah ditanggapi: tanggapan kedua dan penarikan ditolak dengan pesan.
    with pytest.raises(TindakanTidakSah):
        portal.permohonan_tarik(permohonan=permohonan, oleh=wakil_mitra)
    with pytest.raises(TindakanTidakSah):
        portal.permohonan_putuskan(permohonan=permohonan, oleh=pendamping_a, terima=True)


def test_a_withdrawn_request_cannot_be_decided(client, permohonan, wakil_mitra, pendamping_a):
    client.force_login(wakil_mitra)
    client.post(reverse("kerjasama:permohonan_mitra_tarik", args=[permohonan.pk]))
    permohonan.refresh_from_db()
    assert permohonan.status == PermohonanMitra.Status.DITARIK
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kerjasama:permohonan_mitra_tanggapi", args=[permohonan.pk]),
        {"keputusan": "terima"},
        follow=True,
    )
    assert "sudah ditarik mitra" in respons.content.decode()


def test_an_accepted_request_becomes_a_partnership_without_retyping(
    client, permohonan, pendamping_a, wakil_mitra, django_capture_on_commit_callbacks
):
    client.force_login(pendamping_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("kerjasama:permohonan_mitra_tanggapi", args=[permohonan.pk]),
            {"keputusan": "terima", "catatan": "Kita mulai."},
        )
    assert Notifikasi.objects.filter(penerima=wakil_mitra, judul__contains="diterima").exists()
    teks = client.get(permohonan.get_absolute_url()).content.decode()
    jadikan = f"{reverse('kerjasama:tambah', args=[permohonan.kps_id])}?permohonan={permohonan.pk}"
    assert jadikan.replace("&", "&amp;") in teks or jadikan in teks

    formulir = client.get(jadikan).content.decode()
    assert 'data-uji="dari-permohonan"' in formulir
    assert 'value="Pembelian madu hutan"' in formulir
    mitra = permohonan.mitra
    assert re.search(rf'<option value="{mitra.pk}"[^>]*selected', formulir)
    # Pendamping hanya menekan Simpan: isian diambil dari formulir yang sudah terisi.
    with django_capture_on_commit_callbacks(execute=True):
        respons = client.post(
            reverse("kerjasama:tambah", args=[permohonan.kps_id]),
            {
                "permohonan": permohonan.pk,
                "judul": "Pembelian madu hutan",
                "jenis": "usaha",
                "kebutuhan": portal.awal_kerjasama(permohonan)["kebutuhan"],
                "mitra": [mitra.pk],
            },
        )
    ks = KerjaSama.objects.get()
    assert respons.status_code == 302 and respons["Location"] == ks.get_absolute_url()
    permohonan.refresh_from_db()
    assert permohonan.kerjasama == ks
    assert ks.surat_permohonan.name == permohonan.surat.name
    assert ks.tanggal_permohonan == datetime.date(2026, 11, 20)
    assert list(ks.mitra.all()) == [mitra]
    assert "Membeli madu hutan anggota KUPS" in ks.kebutuhan
    bukti = PemeriksaanMitra.objects.get(mitra=mitra, kode="legalitas")
    assert "NIB 9120300999" in bukti.catatan_bukti and bukti.berkas_bukti
    assert not bukti.terpenuhi  # diperiksa pendamping, bukan dinyatakan oleh mitra
    assert ks.riwayat.filter(peristiwa="dari permohonan mitra").exists()
    assert Notifikasi.objects.filter(penerima=wakil_mitra, judul__contains="menjadi kerja sama")
    # Mitra melihat tahap kerja samanya, tanpa tautan ke halaman kerja sama.
    client.force_login(wakil_mitra)
    teks = client.get(permohonan.get_absolute_url()).content.decode()
    assert 'data-uji="menjadi-kerjasama"' in teks and "a. Identifikasi kebutuhan" in teks
    assert ks.get_absolute_url() not in teks
    assert client.get(ks.get_absolute_url()).status_code == 403
    # Permohonan yang sudah menjadi kerja sama tidak bisa dipakai lagi.
    client.force_login(pendamping_a)
    formulir = client.get(jadikan).content.decode()
    assert 'data-uji="dari-permohonan"' not in formulir


def test_the_bpskl_decision_on_the_partnership_reaches_the_partner(
    permohonan, pendamping_a, wakil_mitra, django_capture_on_commit_callbacks
):
    portal.permohonan_putuskan(permohonan=permohonan, oleh=pendamping_a, terima=True)
    ks = services.kerjasama_buat(
        kerjasama=KerjaSama(
            judul="Madu", jenis="usaha", kebutuhan="Pasar", kps_utama=permohonan.kps
        ),
        oleh=pendamping_a,
        mitra=[permohonan.mitra],
        permohonan=permohonan,
    )
    with django_capture_on_commit_callbacks(execute=True):
        portal.beritahu_keputusan_bpskl(ks, False, "Naskah belum memuat bagi hasil.")
    notif = Notifikasi.objects.filter(penerima=wakil_mitra).latest("pk")
    assert "ditolak BPSKL" in notif.judul and "bagi hasil" in notif.pesan
    assert notif.tautan == permohonan.get_absolute_url()


def test_a_partner_account_logs_in_with_its_password(client, wakil_mitra):
    respons = client.post(
        reverse("login"),
        {"username": wakil_mitra.username, "password": KATA_SANDI_UJI},
        follow=True,
    )
    assert respons.redirect_chain[-1][0] == reverse("beranda_peran", args=["mitra"])
    teks = respons.content.decode()
    assert 'action="/cari/"' not in teks  # tidak ada pencarian registri bagi mitra
    assert reverse("kerjasama:permohonan_mitra_daftar") in teks


def test_a_partner_role_without_an_active_account_sees_nothing(client, db):
    from tests.factories import PenggunaFactory

    yatim = PenggunaFactory(username="mitra_yatim", peran=peran.MITRA)
    klien = Client()
    klien.force_login(yatim)
    assert klien.get(reverse("kerjasama:permohonan_mitra_daftar")).status_code == 403
    assert klien.get(reverse("kerjasama:permohonan_mitra_baru")).status_code == 403
    teks = klien.get(reverse("beranda_peran", args=["mitra"])).content.decode()
    assert "belum tertaut" in teks
