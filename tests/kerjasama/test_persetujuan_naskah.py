"""Naskah yang disetujui BPSKL adalah naskah yang ditandatangani: versi dan SHA-256 keputusan
tercatat, naskah beku selama ditinjau, draf baru sesudah disetujui menggugurkan persetujuan,
BPSKL melihat apa yang berubah, dan petunjuk langkah berikutnya mengikuti status persetujuan."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kerjasama import services
from kerjasama.models import KerjaSama, Notifikasi, StatusPersetujuan
from kerjasama.naskah import SEMUA_BUTIR
from tests.kerjasama.conftest import ajukan, isi_lengkap, surat

SP = StatusPersetujuan


def simpan(ks, oleh, **ubah):
    isi = isi_lengkap() | ubah.pop("isi", {})
    return services.naskah_simpan(
        kerjasama=ks,
        isi=isi,
        pola="bagi_hasil",
        persen_modal=ubah.pop("persen", Decimal(40)),
        oleh=oleh,
        **ubah,
    )


def data_formulir(isi: dict, **lain) -> dict:
    return {f"butir_{k}": v for k, v in isi.items()} | {
        "pola": "bagi_hasil",
        "persen_modal_mitra": "40",
        **lain,
    }


def test_the_decision_records_the_exact_version_and_its_sha256(ks_usaha, pendamping_a, staf_bpskl):
    ajukan(ks_usaha, pendamping_a)
    ks_usaha.refresh_from_db()
    diajukan = ks_usaha.naskah_diajukan
    assert diajukan.versi == 1
    services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_bpskl, setuju=True)
    ks_usaha.refresh_from_db()
    assert ks_usaha.naskah_diputuskan == diajukan
    assert ks_usaha.sidik_naskah_diputuskan == diajukan.sidik
    assert len(ks_usaha.sidik_naskah_diputuskan) == 64
    keputusan = ks_usaha.riwayat.get(peristiwa="disetujui BPSKL")
    assert f"Naskah versi 1, SHA-256 {diajukan.sidik}" in keputusan.catatan


def test_the_text_is_frozen_while_bpskl_reviews_it(client, ks_usaha, pendamping_a):
    ajukan(ks_usaha, pendamping_a)
    with pytest.raises(services.TindakanTidakSah, match="sedang ditinjau BPSKL"):
        simpan(ks_usaha, pendamping_a, isi={"bagi_hasil": "Semua laba untuk mitra."})
    client.force_login(pendamping_a)
    alamat = reverse("kerjasama:naskah", args=[ks_usaha.pk])
    halaman = client.get(alamat)
    assert 'data-uji="naskah-dibekukan"' in halaman.content.decode()
    assert "Simpan sebagai draf baru" not in halaman.content.decode()
    isi = isi_lengkap() | {"bagi_hasil": "Semua laba untuk mitra."}
    respons = client.post(alamat, data_formulir(isi))
    assert respons.status_code == 200
    assert "sedang ditinjau BPSKL" in respons.content.decode()
    assert "Semua laba untuk mitra." in respons.content.decode()  # isian tidak hilang
    assert ks_usaha.naskah.count() == 1


def test_a_new_draft_after_approval_needs_consent_and_a_new_decision(
    client, ks_usaha, pendamping_a, staf_bpskl, django_capture_on_commit_callbacks
):
    ajukan(ks_usaha, pendamping_a)
    services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_bpskl, setuju=True)
    client.force_login(pendamping_a)
    alamat = reverse("kerjasama:naskah", args=[ks_usaha.pk])
    isi = isi_lengkap() | {"bagi_hasil": "Seluruh keuntungan untuk mitra."}

    # Tanpa centang: ditolak di samping kotak centangnya, teks yang diketik tetap ada.
    respons = client.post(alamat, data_formulir(isi))
    teks = respons.content.decode()
    assert respons.status_code == 200
    assert "Centang ini bila memang ingin mengubah naskah yang sudah disetujui BPSKL." in teks
    assert "Seluruh keuntungan untuk mitra." in teks
    assert ks_usaha.naskah.count() == 1
    with pytest.raises(services.TindakanTidakSah, match="sudah disetujui BPSKL"):
        simpan(ks_usaha, pendamping_a, isi={"bagi_hasil": "Seluruh keuntungan untuk mitra."})

    # Dengan centang: versi 2, persetujuan gugur, BPSKL diberi tahu.
    with django_capture_on_commit_callbacks(execute=True):
        respons = client.post(alamat, data_formulir(isi, batalkan_persetujuan="on"))
    assert respons.status_code == 302
    ks_usaha.refresh_from_db()
    assert ks_usaha.status_persetujuan == SP.BELUM
    assert ks_usaha.naskah_diajukan is None
    assert ks_usaha.naskah_diputuskan.versi == 1  # keputusan lama tetap terbaca
    gugur = ks_usaha.riwayat.get(peristiwa="persetujuan BPSKL gugur")
    assert (gugur.dari, gugur.ke) == (SP.DISETUJUI, SP.BELUM)
    assert "versi 1" in gugur.catatan and "versi 2" in gugur.catatan
    assert Notifikasi.objects.filter(penerima=staf_bpskl, judul__contains="gugur").exists()

    # Versi baru tidak dapat ditandatangani, dilaksanakan atau dikirim tanpa keputusan baru.
    baru = ks_usaha.naskah.get(versi=2)
    KerjaSama.objects.filter(pk=ks_usaha.pk).update(tahap="e")
    with pytest.raises(services.TindakanTidakSah, match="sebelum disetujui BPSKL"):
        services.naskah_tandatangani(
            naskah=baru, berkas=surat(), tanggal=datetime.date(2026, 11, 1), oleh=pendamping_a
        )
    with pytest.raises(services.TindakanTidakSah, match="sebelum disetujui BPSKL"):
        services.kerjasama_pindah_tahap(
            kerjasama=ks_usaha, ke="f", oleh=pendamping_a, catatan="", berkas=()
        )
    with pytest.raises(services.TindakanTidakSah, match="sebelum disetujui BPSKL"):
        services.kerjasama_kirim_opd(kerjasama=ks_usaha, oleh=pendamping_a)

    # Ajukan ulang, disetujui: versi 2 yang ditandatangani.
    services.kerjasama_ajukan(kerjasama=ks_usaha, oleh=pendamping_a)
    services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_bpskl, setuju=True)
    ks_usaha.refresh_from_db()
    assert ks_usaha.naskah_diputuskan == baru
    assert ks_usaha.sidik_naskah_diputuskan == baru.sidik
    services.naskah_tandatangani(
        naskah=baru, berkas=surat(), tanggal=datetime.date(2026, 11, 1), oleh=pendamping_a
    )


def test_only_the_approved_version_can_be_signed(ks_usaha, pendamping_a, staf_bpskl):
    ajukan(ks_usaha, pendamping_a)
    services.kerjasama_putuskan(kerjasama=ks_usaha, oleh=staf_bpskl, setuju=True)
    ks_usaha.refresh_from_db()
    # Versi 1 disetujui; sebuah versi yang entah bagaimana ada di sampingnya tidak boleh dipakai.
    lain = ks_usaha.naskah.get(versi=1)
    lain.pk = None
    lain.versi = 0
    lain.isi = lain.isi | {"bagi_hasil": "Diubah diam-diam."}
    lain.save()
    with pytest.raises(services.TindakanTidakSah, match="versi 1, versi yang disetujui"):
        services.naskah_tandatangani(
            naskah=lain, berkas=surat(), tanggal=datetime.date(2026, 11, 1), oleh=pendamping_a
        )


def test_bpskl_sees_what_changed_since_its_last_decision(
    client, ks_usaha, pendamping_a, staf_bpskl
):
    ajukan(ks_usaha, pendamping_a)
    services.kerjasama_putuskan(
        kerjasama=ks_usaha, oleh=staf_bpskl, setuju=False, catatan="Bagi hasil belum adil."
    )
    simpan(ks_usaha, pendamping_a, isi={"bagi_hasil": "Laba dibagi 60:40 untuk KUPS."})
    services.kerjasama_ajukan(kerjasama=ks_usaha, oleh=pendamping_a)
    client.force_login(staf_bpskl)
    teks = client.get(reverse("kerjasama:detail", args=[ks_usaha.pk])).content.decode()
    assert 'data-uji="perubahan-naskah"' in teks
    assert "versi 2 dibanding versi 1" in teks
    assert "Laba dibagi 60:40 untuk KUPS." in teks
    assert "Ketentuan sistem bagi hasil yang proporsional." in teks  # teks lama
    judul_lain = [b.judul for b in SEMUA_BUTIR if b.kode != "bagi_hasil"]
    assert all(f"Pasal {n}. {j}</strong>" not in teks for n, j in enumerate(judul_lain, 1))
    assert ": 1 butir" in teks


@pytest.mark.parametrize(
    ("status", "harap"),
    [
        ("belum", "ajukan persetujuan ke BPSKL"),
        ("diajukan", "Tunggu keputusan BPSKL"),
        ("ditolak", "Perbaiki naskah sesuai catatan BPSKL"),
        ("disetujui", "Tanda tangani naskah versi 1 yang disetujui BPSKL"),
    ],
)
def test_the_next_step_hint_follows_the_approval_state(
    client, ks_usaha, pendamping_a, staf_bpskl, status, harap
):
    if status != "belum":
        ajukan(ks_usaha, pendamping_a)
    if status in ("ditolak", "disetujui"):
        services.kerjasama_putuskan(
            kerjasama=ks_usaha, oleh=staf_bpskl, setuju=status == "disetujui", catatan="Catatan"
        )
    ks_usaha.refresh_from_db()
    ks_usaha.tahap = "e"
    ks_usaha.save(update_fields=["tahap"])
    client.force_login(pendamping_a)
    teks = client.get(reverse("kerjasama:detail", args=[ks_usaha.pk])).content.decode()
    assert harap in teks
    if status != "disetujui":
        assert "Tanda tangani dan laksanakan" not in teks
