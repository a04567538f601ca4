from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from akun import peran
from kelompok.kelas_kups import SYARAT_KUPS
from kelompok.models import Anggota, DokumenPendukung, Kth, Kups, Penugasan
from tests.factories import (
    AnggotaFactory,
    KthFactory,
    KupsFactory,
    PenggunaFactory,
    gambar_uji,
    pdf_uji,
)


def data_syarat(kups, terpenuhi: dict[str, dict]) -> dict:
    """Isi formset daftar periksa seperti peramban: satu baris per syarat."""
    data = {
        "syarat-TOTAL_FORMS": str(len(SYARAT_KUPS)),
        "syarat-INITIAL_FORMS": "0",
        "syarat-MIN_NUM_FORMS": "0",
        "syarat-MAX_NUM_FORMS": "1000",
    }
    for i, s in enumerate(SYARAT_KUPS):
        data[f"syarat-{i}-kode"] = s.kode
        for kunci, nilai in terpenuhi.get(s.kode, {}).items():
            data[f"syarat-{i}-{kunci}"] = nilai
    return data


def terpenuhi(*kode):
    return {k: {"terpenuhi": "on", "tanggal": "2025-02-01", "catatan_bukti": "Dicek"} for k in kode}


def test_the_kups_class_follows_the_checklist_and_lists_what_is_missing(
    client, pendamping_a, kps_a
):
    kups = KupsFactory(kps=kps_a)
    client.force_login(pendamping_a)
    alamat = reverse("kelompok:kups_syarat", args=[kups.pk])
    assert len(client.get(alamat).context["formset"].forms) == len(SYARAT_KUPS)
    respons = client.post(alamat, data_syarat(kups, terpenuhi("01", "02", "03", "04")))
    assert respons.status_code == 302
    kups.refresh_from_db()
    assert kups.kelas == "blue"
    assert kups.history.first().history_change_reason.endswith("Blue")
    detail = client.get(reverse("kelompok:kups_detail", args=[kups.pk])).content.decode()
    assert "naik ke kelas <strong>Silver</strong>" in detail
    for kode in ("05", "06", "07"):
        assert f"<li>{kode}. " in detail
    assert "<li>04. " not in detail


def test_a_met_requirement_needs_a_date_and_evidence(client, pendamping_a, kps_a):
    kups = KupsFactory(kps=kps_a)
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("kelompok:kups_syarat", args=[kups.pk]),
        data_syarat(kups, {"01": {"terpenuhi": "on", "catatan_bukti": "Ada SK pembentukan"}}),
    )
    assert respons.status_code == 200
    teks = respons.content.decode()
    assert "Isi tanggal syarat ini terpenuhi." in teks
    assert "Ada SK pembentukan" in teks  # yang sudah diketik tetap ada
    assert not kups.syarat.exists()


def test_the_class_cannot_be_typed(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    client.post(
        reverse("kelompok:kups_tambah", args=[kps_a.pk]),
        {"nama": "KUPS Madu", "komoditas": "Madu", "kelas": "platinum"},
    )
    assert Kups.objects.get(nama="KUPS Madu").kelas == "belum"


def test_unticking_a_requirement_lowers_the_class(client, pendamping_a, kps_a):
    kups = KupsFactory(kps=kps_a)
    client.force_login(pendamping_a)
    alamat = reverse("kelompok:kups_syarat", args=[kups.pk])
    client.post(alamat, data_syarat(kups, terpenuhi("01", "02", "03")))
    formset = client.get(alamat).context["formset"]
    data = data_syarat(kups, terpenuhi("01", "03"))
    data["syarat-INITIAL_FORMS"] = "3"
    # baris tersimpan datang lebih dulu dengan id-nya, seperti formulir yang dirender
    for i, f in enumerate(formset.forms):
        if f.instance.pk:
            data[f"syarat-{i}-id"] = str(f.instance.pk)
            data[f"syarat-{i}-kode"] = f.instance.kode
    kode_baris = [f.instance.kode or f.initial["kode"] for f in formset.forms]
    for i, kode in enumerate(kode_baris):
        data[f"syarat-{i}-kode"] = kode
        for kunci in ("terpenuhi", "tanggal", "catatan_bukti"):
            data.pop(f"syarat-{i}-{kunci}", None)
        if kode in ("01", "03"):
            data.update(
                {
                    f"syarat-{i}-terpenuhi": "on",
                    f"syarat-{i}-tanggal": "2025-02-01",
                    f"syarat-{i}-catatan_bukti": "Dicek",
                }
            )
    assert client.post(alamat, data).status_code == 302
    kups.refresh_from_db()
    assert kups.kelas == "belum"


def test_members_are_added_validated_and_summarised_by_sex_and_age(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    alamat = reverse("kelompok:anggota_tambah", args=["kps", kps_a.pk])
    respons = client.post(
        alamat,
        {
            "nama": "Neneng",
            "jenis_kelamin": "P",
            "tahun_lahir": "3000",
            "jabatan": "anggota",
            "nik": "12345",
        },
    )
    teks = respons.content.decode()
    assert "Tahun lahir tidak boleh di masa depan." in teks
    assert "NIK harus 16 digit angka." in teks
    assert 'value="Neneng"' in teks
    client.post(
        alamat,
        {
            "nama": "Neneng",
            "jenis_kelamin": "P",
            "tahun_lahir": "1990",
            "jabatan": "bendahara",
            "nik": "3201 2345 6789 0002",
        },
    )
    AnggotaFactory(kps=kps_a, jenis_kelamin="L", tahun_lahir=1950)
    neneng = Anggota.objects.get(nama="Neneng")
    assert neneng.nik == "3201234567890002"
    respons = client.post(
        alamat,
        {
            "nama": "Kembar",
            "jenis_kelamin": "L",
            "tahun_lahir": "1990",
            "jabatan": "anggota",
            "nik": "3201234567890002",
        },
    )
    assert "NIK ini sudah terdaftar di kelompok ini." in respons.content.decode()
    ringkas = client.get(reverse("kelompok:kps_detail", args=[kps_a.pk])).context["anggota"]
    assert (ringkas.jumlah, ringkas.laki_laki, ringkas.perempuan, ringkas.pengurus) == (2, 1, 1, 1)
    assert dict(ringkas.per_umur)["di atas 60 tahun"] == 1
    daftar = client.get(reverse("kelompok:anggota_daftar", args=["kps", kps_a.pk])).content.decode()
    assert "3201********0002" in daftar
    assert "lahir 1990" in daftar  # tahun tanpa pemisah ribuan
    assert "3201234567890002" not in daftar


def test_an_archived_member_leaves_the_counts_but_stays_in_history(client, pendamping_a, kps_a):
    anggota = AnggotaFactory(kps=kps_a)
    client.force_login(pendamping_a)
    client.post(reverse("kelompok:anggota_arsipkan", args=[anggota.pk]))
    anggota.refresh_from_db()
    assert anggota.diarsipkan_pada is not None
    assert (
        client.get(reverse("kelompok:kps_detail", args=[kps_a.pk])).context["anggota"].jumlah == 0
    )
    assert anggota.history.count() == 2


def test_documents_are_uploaded_checked_and_served_only_in_scope(
    client, pendamping_a, pendamping_b, kps_a
):
    client.force_login(pendamping_a)
    alamat = reverse("kelompok:dokumen_unggah", args=[kps_a.pk])
    palsu = SimpleUploadedFile("peta.pdf", b"GIF89a bukan pdf", content_type="application/pdf")
    respons = client.post(
        alamat, {"jenis": "peta_persetujuan", "tanggal_dokumen": "2024-05-01", "berkas": palsu}
    )
    assert "Jenis berkas tidak diterima atau berkas rusak." in respons.content.decode()
    asli = SimpleUploadedFile("peta.pdf", pdf_uji("peta"), content_type="application/pdf")
    respons = client.post(
        alamat,
        {
            "jenis": "peta_persetujuan",
            "judul": "Peta SK",
            "tanggal_dokumen": "2024-05-01",
            "berkas": asli,
        },
    )
    assert respons.status_code == 302
    dokumen = DokumenPendukung.objects.get()
    assert dokumen.diunggah_oleh == pendamping_a
    kesiapan = client.get(reverse("kelompok:kps_detail", args=[kps_a.pk])).context["kesiapan"]
    assert [b.jenis for b in kesiapan if b.dokumen] == ["peta_persetujuan"]
    assert len(kesiapan) == 6
    unduh = client.get(reverse("kelompok:dokumen_unduh", args=[dokumen.pk]))
    assert b"".join(unduh.streaming_content) == pdf_uji("peta")
    client.force_login(pendamping_b)
    assert client.get(reverse("kelompok:dokumen_unduh", args=[dokumen.pk])).status_code == 404


def test_an_admin_assigns_and_ends_a_pendamping_assignment(
    client, admin_nasional, kps_a, pendamping_a
):
    baru = PenggunaFactory(
        username="baru", nama="Pendamping Baru", peran=peran.PENDAMPING, provinsi_id="32"
    )
    lain_provinsi = PenggunaFactory(username="jauh", peran=peran.PENDAMPING, provinsi_id="61")
    client.force_login(admin_nasional)
    alamat = reverse("kelompok:penugasan_tambah", args=[kps_a.pk])
    pilihan = client.get(alamat).context["form"].fields["pendamping"].queryset
    assert baru in pilihan and lain_provinsi not in pilihan and pendamping_a not in pilihan
    assert client.post(alamat, {"pendamping": lain_provinsi.pk}).status_code == 200
    assert client.post(alamat, {"pendamping": baru.pk}).status_code == 302
    client.force_login(baru)
    assert client.get(reverse("kelompok:kps_detail", args=[kps_a.pk])).status_code == 200
    client.force_login(admin_nasional)
    penugasan = Penugasan.objects.get(kps=kps_a, pendamping=baru)
    client.post(reverse("kelompok:penugasan_akhiri", args=[penugasan.pk]))
    client.force_login(baru)
    assert client.get(reverse("kelompok:kps_detail", args=[kps_a.pk])).status_code == 404


def test_a_pendamping_registers_a_kth_under_their_kps(client, pendamping_a, kps_a):
    client.force_login(pendamping_a)
    desa = kps_a.desa
    data = {
        "nama": "KTH Sugih Mukti",
        "provinsi": "32",
        "kabupaten": desa.kode_kabupaten,
        "kecamatan": desa.kecamatan_id,
        "desa": desa.kode,
        "nomor_register": "KTH-32-0001",
        "kps": "",
        "ketua": "Pak Ujang",
        "tanggal_berdiri": "2019-03-01",
    }
    respons = client.post(reverse("kelompok:kth_tambah"), data)
    assert "kps" in respons.context["form"].errors
    data["kps"] = kps_a.pk
    assert client.post(reverse("kelompok:kth_tambah"), data).status_code == 302
    kth = Kth.objects.get(nomor_register="KTH-32-0001")
    detail = client.get(reverse("kelompok:kth_detail", args=[kth.pk])).content.decode()
    assert "paling sedikit 15 orang" in detail
    data["nama"] = "KTH Kembar"
    respons = client.post(reverse("kelompok:kth_tambah"), data)
    assert "nomor_register" in respons.context["form"].errors


def test_the_kth_list_filters_by_class(client, admin_nasional):
    KthFactory(nama="KTH Madya", kelas="madya")
    KthFactory(nama="KTH Baru")
    client.force_login(admin_nasional)
    halaman = client.get(reverse("kelompok:kth_daftar") + "?kelas=madya").context["halaman"]
    assert [k.nama for k in halaman] == ["KTH Madya"]


def test_a_document_can_belong_to_a_kups_and_shows_on_its_page(client, pendamping_a, kps_a):
    kups = KupsFactory(kps=kps_a)
    client.force_login(pendamping_a)
    alamat = reverse("kelompok:dokumen_unggah", args=[kps_a.pk]) + f"?kups={kups.pk}"
    assert client.get(alamat).context["form"].initial["kups"] == str(kups.pk)
    berkas = SimpleUploadedFile("model.png", gambar_uji("PNG"), content_type="image/png")
    client.post(
        alamat,
        {
            "jenis": "model_usaha",
            "kups": kups.pk,
            "tanggal_dokumen": "2024-05-01",
            "berkas": berkas,
        },
    )
    teks = client.get(reverse("kelompok:kups_detail", args=[kups.pk])).content.decode()
    assert "Rencana model usaha KUPS" in teks
