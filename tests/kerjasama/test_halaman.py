import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from akun import peran
from kerjasama.models import KerjaSama, Mitra, PemeriksaanMitra
from tests.factories import PenggunaFactory, gambar_uji, pdf_uji
from tests.kerjasama.conftest import ajukan


def url(nama, *args):
    return reverse(f"kerjasama:{nama}", args=args)


def test_a_pendamping_records_a_need_with_a_partner_and_sees_the_next_action(
    client, pendamping_a, kps_a, mitra_bums
):
    client.force_login(pendamping_a)
    respons = client.post(
        url("tambah", kps_a.pk),
        {
            "judul": "Kopi ke pasar ekspor",
            "jenis": "usaha",
            "kebutuhan": "Pembeli tetap",
            "mitra": [mitra_bums.pk],
        },
        follow=True,
    )
    ks = KerjaSama.objects.get()
    teks = respons.content.decode()
    assert ks.status_persetujuan == "belum" and ks.tahap == "a"
    assert "belum memiliki kerja sama penguatan tata kelola" in teks  # peringatan, bukan larangan
    assert "Langkah berikutnya:</strong> Inventarisasi calon mitra" in teks
    daftar = client.get(url("daftar"))
    assert [(k.judul, berikut) for k, berikut in daftar.context["baris"]] == [
        ("Kopi ke pasar ekspor", "Inventarisasi calon mitra")
    ]


def test_moving_a_step_with_evidence_files_shows_on_the_timeline(client, pendamping_a, ks_usaha):
    client.force_login(pendamping_a)
    bukti = [
        SimpleUploadedFile("notulen.pdf", pdf_uji("otulen"), content_type="application/pdf"),
        SimpleUploadedFile("foto.png", gambar_uji("PNG"), content_type="image/png"),
    ]
    client.post(
        url("pindah", ks_usaha.pk), {"ke": "b", "catatan": "Daftar 5 calon mitra", "berkas": bukti}
    )
    riwayat = ks_usaha.riwayat.last()
    assert (riwayat.ke, riwayat.catatan, riwayat.bukti.count()) == ("b", "Daftar 5 calon mitra", 2)
    teks = client.get(url("detail", ks_usaha.pk)).content.decode()
    assert "Daftar 5 calon mitra" in teks and "notulen" in teks
    palsu = SimpleUploadedFile("virus.pdf", b"MZ exe", content_type="application/pdf")
    respons = client.post(
        url("pindah", ks_usaha.pk), {"ke": "c", "catatan": "x", "berkas": [palsu]}, follow=True
    )
    assert "Jenis berkas tidak diterima" in respons.content.decode()
    ks_usaha.refresh_from_db()
    assert ks_usaha.tahap == "b"


def test_the_bpskl_queue_and_decision_pages(client, pendamping_a, staf_bpskl, ks_usaha):
    ajukan(ks_usaha, pendamping_a)
    client.force_login(staf_bpskl)
    assert list(client.get(url("antrean")).context["antrean"]) == [ks_usaha]
    respons = client.post(
        url("putuskan", ks_usaha.pk), {"keputusan": "tolak", "catatan": ""}, follow=True
    )
    assert "Tuliskan alasan penolakan." in respons.content.decode()
    client.post(url("putuskan", ks_usaha.pk), {"keputusan": "setuju", "catatan": "Lengkap"})
    ks_usaha.refresh_from_db()
    assert ks_usaha.status_persetujuan == "disetujui"
    staf_lain = PenggunaFactory(peran=peran.STAF_BPSKL, bpskl_id="KAL")
    client.force_login(staf_lain)
    assert list(client.get(url("antrean")).context["antrean"]) == []


def test_partner_registration_warns_about_duplicates(client, pendamping_a, mitra_bums):
    client.force_login(pendamping_a)
    data = {"nama": "Kopi Nusantara PT", "kategori": "bums", "nomor_registrasi": ""}
    respons = client.post(url("mitra_tambah"), data)
    assert respons.status_code == 200
    assert "Mitra yang mirip sudah terdaftar" in respons.content.decode()
    assert Mitra.objects.count() == 1
    respons = client.post(url("mitra_tambah"), {**data, "bukan_ganda": "on"})
    assert respons.status_code == 302
    assert Mitra.objects.count() == 2


def test_due_diligence_is_recorded_and_partner_page_lists_partnerships(
    client, pendamping_a, mitra_bums, ks_usaha
):
    client.force_login(pendamping_a)
    data = {
        f"{k}-terpenuhi": "ya"
        for k in [
            "legalitas",
            "usaha_pokok",
            "kompetensi",
            "pasar",
            "komitmen",
            "keseimbangan",
            "transfer",
            "pembiayaan",
            "laporan_keuangan",
            "gender_perspektif",
            "gender_kekerasan",
            "pekerja_anak",
        ]
    }
    data["legalitas-catatan"] = "NIB 123 terverifikasi"
    client.post(url("mitra_detail", mitra_bums.pk), data)
    assert PemeriksaanMitra.objects.filter(mitra=mitra_bums, terpenuhi=True).count() == 12
    halaman = client.get(url("mitra_detail", mitra_bums.pk))
    assert halaman.context["lengkap"]
    assert [(j.ks, j.terlihat) for j in halaman.context["jejak"]["jejak"]] == [(ks_usaha, True)]
    # Rekam jejak terbaca di wilayah lain, tanpa judul kerja sama di luar cakupannya.
    client.force_login(PenggunaFactory(peran=peran.PENDAMPING, provinsi_id="61"))
    lain = client.get(url("mitra_detail", mitra_bums.pk))
    assert [j.terlihat for j in lain.context["jejak"]["jejak"]] == [False]
    assert ks_usaha.judul not in lain.content.decode()


def test_partner_search_and_filters(client, pendamping_a, mitra_bums, admin_nasional):
    Mitra.objects.create(
        nama="Universitas Kuningan",
        kategori="akademisi",
        provinsi_id="32",
        dibuat_oleh=admin_nasional,
    )
    client.force_login(pendamping_a)
    assert [m.nama for m in client.get(url("mitra_daftar") + "?q=kopi").context["halaman"]] == [
        "PT Kopi Nusantara"
    ]
    assert [
        m.nama for m in client.get(url("mitra_daftar") + "?kategori=akademisi").context["halaman"]
    ] == ["Universitas Kuningan"]
    assert [
        m.nama for m in client.get(url("mitra_daftar") + "?provinsi=32").context["halaman"]
    ] == ["Universitas Kuningan"]


@pytest.mark.parametrize(
    ("nama", "metode"),
    [
        ("detail", "get"),
        ("pindah", "post"),
        ("permohonan", "post"),
        ("ajukan", "post"),
        ("kirim_opd", "post"),
    ],
)
def test_access_ladder(client, ks_usaha, pendamping_b, staf_bpskl, pendamping_a, nama, metode):
    alamat = url(nama, ks_usaha.pk)
    minta = client.post if metode == "post" else client.get
    assert minta(alamat).status_code == 302 and "masuk" in minta(alamat)["Location"]
    client.force_login(pendamping_b)
    assert minta(alamat).status_code == 404
    client.force_login(staf_bpskl)
    assert minta(alamat).status_code == (200 if nama == "detail" else 403)
    client.force_login(pendamping_a)
    assert minta(alamat).status_code in (200, 302)


def test_only_pendamping_and_admin_start_partnerships(client, staf_bpskl, kps_a):
    client.force_login(staf_bpskl)
    assert client.get(url("tambah", kps_a.pk)).status_code == 403
    assert client.get(url("mitra_tambah")).status_code == 403


def test_notifications_page_marks_read(client, pendamping_a):
    from kerjasama.models import Notifikasi
    from kerjasama.services import beritahu

    beritahu(penerima=[pendamping_a], judul="Disetujui", tautan="/")
    client.force_login(pendamping_a)
    assert "Notifikasi (1)" in client.get(reverse("beranda"), follow=True).content.decode()
    client.post(url("notifikasi"))
    assert not Notifikasi.objects.filter(dibaca=False).exists()
    assert "Notifikasi (" not in client.get(reverse("beranda"), follow=True).content.decode()


def test_the_badge_comes_with_the_user_row_and_survives_a_stale_save(
    client, pendamping_a, admin_nasional, django_assert_num_queries
):
    from akun.models import Pengguna
    from kerjasama.models import Notifikasi
    from kerjasama.services import beritahu

    lama = Pengguna.objects.get(pk=pendamping_a.pk)  # dibaca sebelum notifikasi datang
    beritahu(penerima=[pendamping_a, pendamping_a], judul="Satu")
    beritahu(penerima=[pendamping_a], judul="Dua")
    lama.telepon = "0812"
    lama.save()  # simpan biasa dari objek lama tidak menimpa lencana
    pendamping_a.refresh_from_db()
    assert pendamping_a.notifikasi_belum_dibaca == 2 and pendamping_a.telepon == "0812"
    client.force_login(pendamping_a)
    html = client.get(reverse("kelompok:kps_daftar")).content.decode()
    assert "Notifikasi (2)" in html
    # Angka yang meleset (misalnya notifikasi dibuat di luar beritahu) disamakan halaman Notifikasi.
    Notifikasi.objects.create(penerima=pendamping_a, judul="Tiga")
    client.get(url("notifikasi"))
    assert "Notifikasi (3)" in client.get(reverse("kelompok:kps_daftar")).content.decode()


def test_an_admin_edits_the_tembusan_rule_in_the_admin(client, admin_nasional, ks_usaha):
    from kerjasama import services
    from kerjasama.models import AturanTembusan

    aturan = AturanTembusan.objects.get(kategori="bums")
    client.force_login(admin_nasional)
    alamat = reverse("admin:kerjasama_aturantembusan_change", args=[aturan.pk])
    respons = client.post(alamat, {"kategori": "bums", "tembusan": '["menteri"]'})
    assert "Isi daftar berisi kode upt dan/atau dirjen." in respons.content.decode()
    assert client.post(alamat, {"kategori": "bums", "tembusan": '["upt"]'}).status_code == 302
    assert services.tembusan_untuk(ks_usaha) == ["upt"]


def test_action_plan_status_can_be_updated_and_evidence_files_attached(
    client, pendamping_a, mitra_bums, ks_usaha
):
    from kerjasama.models import RencanaAksi

    KerjaSama.objects.filter(pk=ks_usaha.pk).update(tahap="f")
    aksi = RencanaAksi.objects.create(
        kerjasama=ks_usaha,
        kegiatan="Pelatihan",
        penanggung_jawab="PT",
        mulai="2026-12-01",
        selesai="2026-12-02",
    )
    client.force_login(pendamping_a)
    client.post(
        url("rencana_aksi_ubah", ks_usaha.pk, aksi.pk),
        {
            "kegiatan": "Pelatihan",
            "penanggung_jawab": "PT",
            "mulai": "2026-12-01",
            "selesai": "2026-12-02",
            "anggaran": "0",
            "status": "selesai",
        },
    )
    aksi.refresh_from_db()
    assert aksi.status == "selesai"
    bukti = SimpleUploadedFile("nib.pdf", pdf_uji("ib"), content_type="application/pdf")
    palsu = SimpleUploadedFile("x.pdf", b"bukan pdf", content_type="application/pdf")
    respons = client.post(
        url("mitra_detail", mitra_bums.pk),
        {
            "legalitas-terpenuhi": "ya",
            "legalitas-berkas": bukti,
            "pasar-terpenuhi": "ya",
            "pasar-berkas": palsu,
        },
        follow=True,
    )
    teks = respons.content.decode()
    assert "Pasar yang kuat: Jenis berkas tidak diterima" in teks
    # Ditolak utuh, isian tetap di formulir (pilihan "ya" masih tercentang).
    assert not PemeriksaanMitra.objects.filter(mitra=mitra_bums).exists()
    assert 'id="legalitas-ya" value="ya" checked' in teks
    bukti.seek(0)
    client.post(
        url("mitra_detail", mitra_bums.pk),
        {"legalitas-terpenuhi": "ya", "legalitas-berkas": bukti, "pasar-terpenuhi": "ya"},
    )
    legalitas = PemeriksaanMitra.objects.get(mitra=mitra_bums, kode="legalitas")
    assert legalitas.berkas_bukti and legalitas.tanggal is not None
    assert not PemeriksaanMitra.objects.get(mitra=mitra_bums, kode="pasar").berkas_bukti


def test_only_the_partner_region_its_partnerships_or_a_national_admin_change_due_diligence(
    client, pendamping_a, pendamping_b, admin_nasional, mitra_bums, ks_usaha
):
    """Keputusan desain issue kepercayaan: registri mitra nasional untuk dibaca; uji tuntas
    diubah oleh wilayah mitra, pendamping kerja samanya, atau admin nasional."""
    url = reverse("kerjasama:mitra_detail", args=[mitra_bums.pk])
    data = {"legalitas-terpenuhi": "ya", "legalitas-catatan": "NIB diperiksa"}
    # Pendamping Kalimantan Barat tanpa kerja sama dengan mitra ini: baca ya, ubah tidak.
    client.force_login(pendamping_b)
    assert client.get(url).status_code == 200
    assert client.post(url, data).status_code == 403
    assert not PemeriksaanMitra.objects.exists()
    # Pendamping kerja sama dengan mitra ini (mitra tanpa provinsi): boleh.
    client.force_login(pendamping_a)
    assert client.post(url, data).status_code == 302
    # Mitra di provinsi Kalimantan Barat: pendamping provinsi itu boleh.
    mitra_bums.provinsi_id = "61"
    mitra_bums.save()
    client.force_login(pendamping_b)
    assert client.post(url, data).status_code == 302
    client.force_login(admin_nasional)
    assert client.post(url, data).status_code == 302


def test_a_refused_due_diligence_file_keeps_every_note_typed(
    client, pendamping_a, mitra_bums, ks_usaha
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(pendamping_a)
    data = {
        "legalitas-terpenuhi": "ya",
        "legalitas-catatan": "NIB 123 terverifikasi di OSS",
        "pasar-catatan": "Kontrak dengan dua pembeli",
        "legalitas-berkas": SimpleUploadedFile("nib.pdf", b"<html>bukan pdf</html>"),
    }
    respons = client.post(url("mitra_detail", mitra_bums.pk), data)
    assert respons.status_code == 200
    teks = respons.content.decode()
    assert "NIB 123 terverifikasi di OSS" in teks and "Kontrak dengan dua pembeli" in teks
    assert "Pilih ulang berkas bukti yang ditolak." in teks
    # Ringkasan galat menyebut butirnya dan bertaut ke isian berkasnya.
    assert 'href="#legalitas-berkas"' in teks and 'id="legalitas-berkas"' in teks
    assert not PemeriksaanMitra.objects.filter(mitra=mitra_bums).exists()


def test_the_partnership_list_searches_filters_and_exports_within_scope(
    client, pendamping_a, pendamping_b, kps_a, mitra_bums, admin_nasional
):
    import io

    from openpyxl import load_workbook

    from tests.factories import KpsFactory
    from tests.kerjasama.conftest import buat_kerjasama

    usaha = buat_kerjasama(kps_a, pendamping_a, mitra=[mitra_bums])
    kawasan = buat_kerjasama(kps_a, pendamping_a, jenis="kawasan")
    kawasan.judul = "Patroli batas kawasan"
    kawasan.save()
    kps_b = KpsFactory(nama="KPS Sungai Ulu", provinsi="61", pendamping=pendamping_b)
    lain = buat_kerjasama(kps_b, pendamping_b, mitra=[mitra_bums])

    client.force_login(pendamping_a)
    daftar = url("daftar")

    def judul(**saring):
        respons = client.get(daftar, saring)
        assert respons.status_code == 200
        return sorted(k.pk for k, _ in respons.context["baris"])

    assert judul() == sorted([usaha.pk, kawasan.pk])  # KPS provinsi lain tidak terlihat
    assert judul(jenis="kawasan") == [kawasan.pk]
    assert judul(q="patroli") == [kawasan.pk]
    assert judul(q="kopi nusantara") == [usaha.pk]  # nama mitra
    assert judul(mitra="Nusantara") == [usaha.pk]
    assert judul(status_persetujuan="belum") == [usaha.pk]
    assert judul(tahap="a", provinsi="32") == sorted([usaha.pk, kawasan.pk])
    assert judul(provinsi="61") == []  # di luar cakupan walau disaring
    respons = client.get(daftar, {"jenis": "tambang"})
    assert "Pilihan tidak sah." in respons.content.decode()
    for salah in ("abc", "99999999999999999999"):
        respons = client.get(daftar, {"diputuskan_tahun": salah})
        assert respons.status_code == 200 and "is-invalid" in respons.content.decode()

    buku = load_workbook(io.BytesIO(b"".join(client.get(daftar, {"unduh": "xlsx"}))))
    baris = list(buku.active.values)
    assert baris[0][:3] == ("Judul", "Jenis", "Tahap")
    assert sorted(r[0] for r in baris[1:]) == ["Patroli batas kawasan", "Pemasaran kopi"]
    assert next(r for r in baris[1:] if r[0] == "Pemasaran kopi")[6] == "PT Kopi Nusantara"
    saring = load_workbook(
        io.BytesIO(b"".join(client.get(daftar, {"unduh": "xlsx", "jenis": "kawasan"})))
    )
    assert [r[0] for r in list(saring.active.values)[1:]] == ["Patroli batas kawasan"]

    client.force_login(admin_nasional)
    assert lain.pk in judul(provinsi="61")
    client.logout()
    assert client.get(daftar).status_code == 302


def test_the_agreement_page_tells_one_story_about_what_is_saved(client, ks_usaha, pendamping_a):
    from kerjasama import services
    from kerjasama.naskah import SEMUA_BUTIR

    client.force_login(pendamping_a)
    alamat = url("naskah", ks_usaha.pk)
    teks = " ".join(client.get(alamat).content.decode().split())
    assert "Belum ada draf tersimpan." in teks and "belum diisi" not in teks
    isi = {b.kode: f"Ketentuan {b.judul}." for b in SEMUA_BUTIR[2:]}
    services.naskah_simpan(
        kerjasama=ks_usaha, isi=isi, pola="bagi_hasil", persen_modal=40, oleh=pendamping_a
    )
    teks = " ".join(client.get(alamat).content.decode().split())
    jumlah = len(SEMUA_BUTIR)
    kalimat = "Versi 1 (tersimpan) belum dapat diajukan atau ditandatangani"
    assert f"{kalimat}: {jumlah - 2} dari {jumlah} butir terisi." in teks
    assert teks.count("belum diisi") == 2
