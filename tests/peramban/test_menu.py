"""Menu utama muat satu baris di layar 1366 px untuk setiap peran demo; menu pengelolaan ada
di tarik-turun "Kelola"."""

import io

import pytest
from django.core.management import call_command

from akun.demo import PENGGUNA_DEMO
from tests.peramban.test_registri import masuk

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("data_acuan")]


def test_the_main_menu_fits_one_line_at_1366px_for_every_role(live_server, peramban):
    from akun.models import Pengguna

    call_command("muat_data_demo", "--paksa", stdout=io.StringIO())
    for pengguna in Pengguna.objects.all():
        pengguna.set_password("sandi-uji-yang-panjang")
        pengguna.save()
    konteks = peramban.new_context(viewport={"width": 1366, "height": 800}, locale="id-ID")
    halaman = konteks.new_page()
    halaman.set_default_timeout(15_000)
    tinggi = {}
    for demo in PENGGUNA_DEMO:
        konteks.clear_cookies()
        masuk(halaman, live_server, demo.username)
        tinggi[demo.username] = halaman.evaluate(
            "document.querySelector('nav.navbar').getBoundingClientRect().height"
        )
        if demo.username == "admin":
            halaman.get_by_role("button", name="Kelola").click()
            assert halaman.get_by_role("link", name="Kalender libur", exact=True).is_visible()
    konteks.close()
    # Satu baris: tinggi bilah navigasi satu tautan (44 px) ditambah padding, bukan dua baris.
    assert max(tinggi.values()) < 80, tinggi
