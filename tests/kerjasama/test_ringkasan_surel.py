"""Pilihan surel notifikasi per pengguna: segera, ringkasan harian, atau tidak; ringkasan sekali."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from akun import peran
from kerjasama.models import Notifikasi
from kerjasama.pekerjaan import ringkasan_notifikasi_harian
from kerjasama.services import beritahu, kirim_ringkasan_notifikasi
from tests.factories import PenggunaFactory


@pytest.fixture
def tiga_pilihan(db):
    return {
        pilihan: PenggunaFactory(
            username=f"p_{pilihan}",
            peran=peran.PENDAMPING,
            provinsi_id="32",
            surel_notifikasi=pilihan,
        )
        for pilihan in ("segera", "harian", "tidak")
    }


def test_each_user_gets_e_mail_as_they_chose_and_the_app_notice_always(tiga_pilihan, settings):
    settings.SITUS_URL = "http://127.0.0.1:8000"
    semua = list(tiga_pilihan.values())
    beritahu(penerima=semua, judul="Penilaian KTH diajukan", pesan="KTH A", tautan="/x/")
    beritahu(penerima=semua, judul="Kelas KTH ditetapkan", tautan="/y/")
    assert Notifikasi.objects.count() == 6  # di aplikasi: semua
    assert [m.to for m in mail.outbox] == [["p_segera@uji.perhutanan.id"]] * 2
    mail.outbox.clear()

    assert ringkasan_notifikasi_harian(timestamp=0) == 1
    (surel,) = mail.outbox
    assert surel.to == ["p_harian@uji.perhutanan.id"]
    assert surel.subject == "[Perhutanan] Ringkasan notifikasi: 2 baru"
    assert "Penilaian KTH diajukan" in surel.body and "Kelas KTH ditetapkan" in surel.body
    assert surel.body.index("Penilaian KTH diajukan") < surel.body.index("Kelas KTH ditetapkan")
    assert "http://127.0.0.1:8000/x/" in surel.body
    # Tidak pernah dua kali.
    assert kirim_ringkasan_notifikasi() == 0 and len(mail.outbox) == 1


def test_a_failed_digest_stays_waiting_for_the_next_run(tiga_pilihan):
    beritahu(penerima=[tiga_pilihan["harian"]], judul="Satu")
    with mock.patch("kerjasama.services.send_mail", side_effect=OSError("SMTP mati")):
        assert kirim_ringkasan_notifikasi() == 0
    assert Notifikasi.objects.get().menunggu_ringkasan is True
    assert kirim_ringkasan_notifikasi() == 1 and len(mail.outbox) == 1


def test_the_user_changes_the_choice_on_the_notifications_page(client, tiga_pilihan):
    harian = tiga_pilihan["harian"]
    beritahu(penerima=[harian], judul="Menunggu ringkasan")
    client.force_login(harian)
    halaman = client.get(reverse("kerjasama:notifikasi")).content.decode()
    assert "Surel notifikasi: Ringkasan harian" in halaman

    respons = client.post(reverse("kerjasama:notifikasi"), {"surel_notifikasi": "nanti"})
    assert respons.context["form_surel"].errors == {
        "surel_notifikasi": ["Pilihan tidak sah. Pilih dari daftar."]
    }
    harian.refresh_from_db()
    assert harian.surel_notifikasi == "harian"
    assert not Notifikasi.objects.filter(dibaca=True).exists()  # tidak ikut menandai dibaca

    respons = client.post(
        reverse("kerjasama:notifikasi"), {"surel_notifikasi": "tidak"}, follow=True
    )
    assert "Pilihan surel tersimpan. Tidak dikirim" in respons.content.decode()
    harian.refresh_from_db()
    assert harian.surel_notifikasi == "tidak"
    assert harian.history.first().surel_notifikasi == "tidak"  # tercatat di riwayat
    # Yang menunggu ringkasan dilepas: pengguna tidak lagi ingin surel.
    assert kirim_ringkasan_notifikasi() == 0 and mail.outbox == []


def test_the_choice_page_needs_a_login(client, db):
    respons = client.post(reverse("kerjasama:notifikasi"), {"surel_notifikasi": "tidak"})
    assert respons.status_code == 302 and "/akun/masuk/" in respons["Location"]


def test_the_choice_only_changes_ones_own_account(client, tiga_pilihan):
    segera, tidak = tiga_pilihan["segera"], tiga_pilihan["tidak"]
    client.force_login(segera)
    client.post(reverse("kerjasama:notifikasi"), {"surel_notifikasi": "harian", "pk": tidak.pk})
    segera.refresh_from_db()
    tidak.refresh_from_db()
    assert (segera.surel_notifikasi, tidak.surel_notifikasi) == ("harian", "tidak")
