"""Chromium sungguhan (paket Debian) yang dikendalikan Playwright; tidak pernah mengunduh peramban.

Tanpa /usr/bin/chromium uji dilewati dengan alasan yang jelas, kecuali WAJIB_PERAMBAN=1 (CI):
di sana ketiadaan Chromium adalah kegagalan.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
FOLDER_TANGKAPAN = Path(__file__).resolve().parents[2] / "build" / "tangkapan-layar"

# Playwright versi sinkron menjalankan event loop di utas uji; Django menolak akses basis data
# dari utas seperti itu kecuali diizinkan. Hanya berlaku di uji peramban.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def peramban():
    if not CHROMIUM.exists():
        pesan = f"Chromium tidak ada di {CHROMIUM}: pasang paket Debian 'chromium'."
        if os.environ.get("WAJIB_PERAMBAN") == "1":
            pytest.fail(pesan)
        pytest.skip(pesan)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=id-ID",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def halaman_ponsel(peramban):
    """Halaman selebar ponsel kecil (360 px), bahasa Indonesia."""
    konteks = peramban.new_context(
        viewport={"width": 360, "height": 740}, locale="id-ID", device_scale_factor=1
    )
    halaman = konteks.new_page()
    halaman.set_default_timeout(15_000)
    pelanggaran_csp = []
    halaman.on(
        "console",
        lambda pesan: (
            "Content Security Policy" in pesan.text and pelanggaran_csp.append(pesan.text)
        ),
    )
    yield halaman
    konteks.close()
    assert not pelanggaran_csp, f"Halaman melanggar CSP: {pelanggaran_csp}"


@pytest.fixture
def simpan_tangkapan():
    def simpan(halaman, nama: str) -> Path:
        FOLDER_TANGKAPAN.mkdir(parents=True, exist_ok=True)
        berkas = FOLDER_TANGKAPAN / f"{nama}.png"
        halaman.screenshot(path=str(berkas), full_page=True)
        return berkas

    return simpan


AXE = Path(__file__).resolve().parent / "aset" / "axe-core-4.14.1" / "axe.min.js"


@pytest.fixture
def periksa_aksesibilitas():
    """Audit axe-core (WCAG 2.1 A/AA) pada halaman yang sedang terbuka; gagal bila ada
    pelanggaran berdampak serius atau kritis, dengan daftar pelanggarannya."""

    def periksa(halaman) -> None:
        # Lewat evaluate (protokol DevTools), bukan tag skrip: CSP aplikasi menolak skrip
        # sebaris, dan memang harus begitu.
        halaman.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
        hasil = halaman.evaluate(
            """async () => (await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
            })).violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                     nodes: v.nodes.map(n => n.target.join(' '))}))"""
        )
        berat = [v for v in hasil if v["impact"] in ("serious", "critical")]
        assert not berat, f"Pelanggaran aksesibilitas di {halaman.url}: {berat}"

    return periksa


def keluar(halaman):
    """Keluar lewat menu ponsel. Menu dibuka dengan animasi; klik pada menu akun yang masih
    bergerak bisa terlewat di mesin yang sibuk, jadi ditunggu sampai terbuka dan diulang bila
    menu akunnya belum tampil."""
    halaman.get_by_role("button", name="Buka menu").click()
    halaman.locator("#menu-utama.show").wait_for()
    tombol = halaman.get_by_role("button", name="Keluar")
    for _ in range(3):
        halaman.locator(".navbar .dropdown-toggle").click()
        try:
            tombol.wait_for(state="visible", timeout=3000)
            break
        except PlaywrightTimeoutError:
            continue
    tombol.click()
    halaman.wait_for_url("**/akun/masuk/")
