import threading

import pytest
from django.core import mail
from django.db import connections

from akun import peran
from kerjasama import services
from kerjasama.models import (
    AturanTembusan,
    KategoriMitra,
    KerjaSama,
    Mitra,
    Notifikasi,
    RiwayatTahap,
)
from kerjasama.uji_tuntas import butir_untuk
from tests.factories import KpsFactory, PenggunaFactory
from tests.kerjasama.conftest import ajukan, buat_kerjasama, tandatangani

URUTAN = services.URUTAN
PASANGAN = [(d, k) for d in URUTAN for k in URUTAN if d != k]


@pytest.mark.parametrize(("dari", "ke"), PASANGAN, ids=[f"{d}-{k}" for d, k in PASANGAN])
def test_every_step_transition_is_allowed_or_refused_by_the_table(kps_a, pendamping_a, dari, ke):
    ks = buat_kerjasama(kps_a, pendamping_a, jenis="kelembagaan")
    KerjaSama.objects.filter(pk=ks.pk).update(tahap=dari)
    boleh = URUTAN.index(ke) == URUTAN.index(dari) + 1 or URUTAN.index(ke) < URUTAN.index(dari)
    if boleh:
        services.kerjasama_pindah_tahap(
            kerjasama=ks, ke=ke, oleh=pendamping_a, catatan="Rapat desa"
        )
        ks.refresh_from_db()
        assert ks.tahap == ke
        riwayat = ks.riwayat.last()
        assert (riwayat.dari, riwayat.ke, riwayat.oleh, riwayat.catatan) == (
            dari,
            ke,
            pendamping_a,
            "Rapat desa",
        )
        assert riwayat.peristiwa == ("maju" if URUTAN.index(ke) > URUTAN.index(dari) else "mundur")
    else:
        with pytest.raises(services.TindakanTidakSah):
            services.kerjasama_pindah_tahap(kerjasama=ks, ke=ke, oleh=pendamping_a, catatan="x")
        ks.refresh_from_db()
        assert ks.tahap == dari


def test_going_back_needs_a_reason(kps_a, pendamping_a):
    ks = buat_kerjasama(kps_a, pendamping_a, jenis="kelembagaan")
    KerjaSama.objects.filter(pk=ks.pk).update(tahap="e")
    with pytest.raises(services.TindakanTidakSah, match="alasan"):
        services.kerjasama_pindah_tahap(kerjasama=ks, ke="d", oleh=pendamping_a, catatan="")


def test_a_business_agreement_cannot_be_signed_before_approval(ks_usaha, pendamping_a, staf_bpskl):
    KerjaSama.objects.filter(pk=ks_usaha.pk).update(tahap="e")
    with pytest.raises(services.TindakanTidakSah, match="sebelum disetujui BPSKL"):
        services.kerjasama_pindah_tahap(
            kerjasama=ks_usaha, ke="f", oleh=pendamping_a, catatan="Tanda tangan"
        )
    ajukan(ks_usaha, pendamping_a)
    services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_bpskl, setuju=True)
    with pytest.raises(services.TindakanTidakSah, match="ditandatangani sebelum dilaksanakan"):
        services.kerjasama_pindah_tahap(
            kerjasama=ks_usaha, ke="f", oleh=pendamping_a, catatan="Mulai"
        )
    tandatangani(ks_usaha, pendamping_a)
    services.kerjasama_pindah_tahap(kerjasama=ks_usaha, ke="f", oleh=pendamping_a, catatan="Mulai")


def test_submission_needs_the_partner_letter(ks_usaha, pendamping_a):
    with pytest.raises(services.TindakanTidakSah, match="surat permohonan"):
        services.kerjasama_ajukan(kerjasama=ks_usaha, oleh=pendamping_a)


def test_the_officer_of_another_region_cannot_decide(ks_usaha, pendamping_a):
    ajukan(ks_usaha, pendamping_a)
    ks_usaha.refresh_from_db()
    assert ks_usaha.bpskl_id == "JBN"
    staf_kalimantan = PenggunaFactory(peran=peran.STAF_BPSKL, bpskl_id="KAL")
    with pytest.raises(services.TindakanTidakSah, match="wilayah"):
        services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_kalimantan, setuju=True)
    with pytest.raises(services.TindakanTidakSah, match="Staf BPSKL"):
        services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=pendamping_a, setuju=True)


def test_a_rejection_needs_a_reason_and_can_be_resubmitted(ks_usaha, pendamping_a, staf_bpskl):
    ajukan(ks_usaha, pendamping_a)
    with pytest.raises(services.TindakanTidakSah, match="alasan"):
        services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_bpskl, setuju=False, catatan=" ")
    services.kerjasama_putuskan(
        kerjasama=ks_usaha, oleh=staf_bpskl, setuju=False, catatan="Mitra belum uji tuntas"
    )
    ks_usaha.refresh_from_db()
    assert (ks_usaha.status_persetujuan, ks_usaha.catatan_keputusan) == (
        "ditolak",
        "Mitra belum uji tuntas",
    )
    services.kerjasama_ajukan(kerjasama=ks_usaha, oleh=pendamping_a)
    ks_usaha.refresh_from_db()
    assert ks_usaha.status_persetujuan == "diajukan"


def test_notifications_are_sent_only_after_commit(
    ks_usaha, pendamping_a, staf_bpskl, django_capture_on_commit_callbacks
):
    staf_bpskl.email = "bpskl@uji.id"
    staf_bpskl.save()
    with django_capture_on_commit_callbacks(execute=False) as antre:
        ajukan(ks_usaha, pendamping_a)
        assert Notifikasi.objects.count() == 0 and len(mail.outbox) == 0
    assert len(antre) == 1
    antre[0]()
    notifikasi = Notifikasi.objects.get()
    assert notifikasi.penerima == staf_bpskl and "Permohonan persetujuan" in notifikasi.judul
    assert mail.outbox[0].to == ["bpskl@uji.id"]
    with django_capture_on_commit_callbacks(execute=True):
        services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_bpskl, setuju=True)
    assert Notifikasi.objects.filter(penerima=pendamping_a, judul__contains="disetujui").exists()


def test_a_failed_transaction_sends_nothing(
    ks_usaha, pendamping_a, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.TindakanTidakSah),
    ):
        services.kerjasama_ajukan(kerjasama=ks_usaha, oleh=pendamping_a)
    assert Notifikasi.objects.count() == 0


TEMBUSAN_SEMPIT = {"bumd", "bumdes", "koperasi", "kelompok_masyarakat", "perorangan", "lsm"}


@pytest.mark.parametrize("kategori", KategoriMitra.values)
def test_tembusan_follows_the_partner_category(kps_a, pendamping_a, admin_nasional, kategori):
    mitra = Mitra.objects.create(
        nama=f"Mitra {kategori}", kategori=kategori, dibuat_oleh=admin_nasional
    )
    ks = buat_kerjasama(kps_a, pendamping_a, mitra=[mitra])
    harapan = ["upt"] if kategori in TEMBUSAN_SEMPIT else ["dirjen", "upt"]
    assert services.tembusan_untuk(ks) == harapan


def test_an_admin_can_change_the_tembusan_rule(ks_usaha):
    AturanTembusan.objects.filter(kategori="bums").update(tembusan=["upt"])
    assert services.tembusan_untuk(ks_usaha) == ["upt"]


def test_dispatch_to_the_provincial_office_records_the_copies(
    ks_usaha, pendamping_a, staf_bpskl, kepala_dinas, django_capture_on_commit_callbacks
):
    from akun import peran
    from kerjasama.models import Notifikasi
    from tests.factories import PenggunaFactory

    kadis_kalbar = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id="61")
    ajukan(ks_usaha, pendamping_a)
    services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_bpskl, setuju=True)
    with pytest.raises(services.TindakanTidakSah, match="ditandatangani sebelum dikirim ke OPD"):
        services.kerjasama_kirim_opd(kerjasama=ks_usaha, oleh=pendamping_a)
    tandatangani(ks_usaha, pendamping_a)
    with pytest.raises(services.TindakanTidakSah, match="tahap f"):
        services.kerjasama_kirim_opd(kerjasama=ks_usaha, oleh=pendamping_a)
    KerjaSama.objects.filter(pk=ks_usaha.pk).update(tahap="f")
    with django_capture_on_commit_callbacks(execute=True):
        services.kerjasama_kirim_opd(kerjasama=ks_usaha, oleh=pendamping_a)
    ks_usaha.refresh_from_db()
    assert ks_usaha.tembusan == ["dirjen", "upt"]
    # Kepala Dinas provinsi KPS menerima naskahnya di aplikasi; provinsi lain tidak.
    diterima = Notifikasi.objects.filter(judul__startswith="Naskah kerja sama diterima")
    assert list(diterima.values_list("penerima", flat=True)) == [kepala_dinas.pk]
    assert kadis_kalbar.notifikasi.count() == 0
    assert RiwayatTahap.objects.filter(kerjasama=ks_usaha, peristiwa="dikirim ke OPD").exists()


def test_due_diligence_items_depend_on_the_partner_category():
    dasar = 8 + 3  # delapan syarat dan tiga butir penapisan gender
    assert len(butir_untuk("akademisi")) == dasar
    assert "rekening_koran" in [b.kode for b in butir_untuk("perorangan")]
    for k in ("koperasi", "bumdes", "bumd", "bumn", "bums"):
        assert "laporan_keuangan" in [b.kode for b in butir_untuk(k)]
    assert "rencana_kerja" in [b.kode for b in butir_untuk("pengelola_hutan")]


def test_duplicate_partners_are_detected_by_name_and_registration(mitra_bums):
    assert services.mitra_serupa(nama="Kopi Nusantara, PT.", nomor_registrasi="") == [mitra_bums]
    assert services.mitra_serupa(nama="Nama Lain", nomor_registrasi="nib-123") == [mitra_bums]
    assert services.mitra_serupa(nama="PT Kopi Nusantara Jaya", nomor_registrasi="") == []


def test_a_readiness_warning_when_business_starts_too_early(ks_usaha, kps_a, pendamping_a):
    pesan = services.peringatan_kesiapan(ks_usaha)
    assert any("tata kelola" in p for p in pesan)
    assert any("Bahan pendukung kerja sama belum lengkap" in p for p in pesan)
    kelembagaan = buat_kerjasama(kps_a, pendamping_a, jenis="kelembagaan")
    KerjaSama.objects.filter(pk=kelembagaan.pk).update(tahap="g")
    assert not any("tata kelola" in p for p in services.peringatan_kesiapan(ks_usaha))
    assert services.peringatan_kesiapan(kelembagaan) == []


@pytest.mark.postgres
def test_two_officers_approving_at_once_give_one_decision(data_acuan):
    pendamping = PenggunaFactory(peran=peran.PENDAMPING, provinsi_id="32")
    admin = PenggunaFactory(peran=peran.ADMIN)
    mitra = Mitra.objects.create(nama="PT Uji", kategori="bums", dibuat_oleh=admin)
    ks = buat_kerjasama(KpsFactory(pendamping=pendamping), pendamping, mitra=[mitra])
    ajukan(ks, pendamping)
    petugas = [PenggunaFactory(peran=peran.STAF_BPSKL, bpskl_id="JBN") for _ in range(2)]
    hasil: list[str] = []
    pesan: list[str] = []
    penghalang = threading.Barrier(2)

    def putuskan(staf, setuju):
        try:
            penghalang.wait()
            services.kerjasama_putuskan(kerjasama=ks, oleh=staf, setuju=setuju, catatan="uji")
            hasil.append("ok")
        except services.TindakanTidakSah as galat:
            hasil.append("ditolak")
            pesan.append(str(galat))
        finally:
            connections.close_all()

    utas = [threading.Thread(target=putuskan, args=(s, n == 0)) for n, s in enumerate(petugas)]
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=30)
    assert sorted(hasil) == ["ditolak", "ok"]
    # Yang kalah diberi tahu siapa memutuskan apa dan kapan.
    ks.refresh_from_db()
    pemenang = ks.diputuskan_oleh.get_full_name()
    putusan = "disetujui" if ks.status_persetujuan == "disetujui" else "ditolak"
    (teks,) = pesan
    assert teks.startswith(f"Keputusan Anda tidak disimpan: kerja sama ini sudah {putusan} oleh ")
    assert pemenang in teks and "pukul" in teks and "dengan catatan: uji" in teks
    keputusan = ["disetujui BPSKL", "ditolak BPSKL"]
    assert RiwayatTahap.objects.filter(kerjasama=ks, peristiwa__in=keputusan).count() == 1
