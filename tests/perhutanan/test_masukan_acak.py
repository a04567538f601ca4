"""Tidak ada masukan yang membuat halaman galat 500.

Uji ini menjelajah aplikasi di atas data demo sebagai setiap peran (tautan demi tautan, mulai
dari beranda), mengumpulkan setiap formulir (GET dan POST) dan setiap parameter GET yang muncul
di tautan, lalu mengisinya dengan sampah: karakter NUL, angka raksasa (1e309, 40 digit), tanggal
mustahil, teks panjang, dan teks acak dari hypothesis. DEBUG mati, seperti di produksi. Pola URL
yang tidak terjangkau dari tautan mana pun harus disebut di TIDAK_DIJELAJAH dengan alasannya,
sehingga halaman baru otomatis ikut diuji.
"""

import io
from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akun.models import Pengguna
from penilaian.kth.models import Sertifikat
from tests.perhutanan.test_semua_url import SEMUA

# Mitra sebelum pendamping: penarikan permohonan oleh penjelajah mitra menyisakan permohonan
# demo lain yang masih menunggu tanggapan untuk formulir tanggapan pendamping.
PERAN = [
    None,
    "mitra",
    "pendamping",
    "pendamping2",
    "penilai",
    "kadis",
    "bpskl",
    "admin_jabar",
    "admin",
]
HALAMAN_PER_PERAN = 150
# Halaman sejenis (pola URL yang sama) cukup dikunjungi tiga kali per peran (objek dalam
# keadaan berbeda, misalnya kerja sama usaha yang menunggu BPSKL dan yang sudah berjalan).
PER_POLA = 3

# Pola yang tidak ditemukan lewat tautan di data demo, dengan alasannya.
_HTMX = "dipanggil lewat htmx/fetch, bukan tautan atau formulir biasa"
_UNDUHAN = "unduhan berkas tanpa parameter (diuji di test_berkas)"
_KEADAAN = "butuh keadaan yang tidak ada di data demo (diuji di modul fiturnya)"
TIDAK_DIJELAJAH = {
    "logout": "mengakhiri sesi penjelajah; formulirnya tanpa isian",
    "kesehatan": "JSON tanpa masukan",
    "service_worker": "skrip tanpa masukan",
    "manifest": "JSON tanpa masukan",
    "luring": "halaman pengganti tanpa sinyal, dibuka service worker",
    "password_change_done": "halaman statis",
    "beranda": "hanya pengalihan",
    "kelompok:pilihan_wilayah": _HTMX,
    "penilaian:kth_jawab": _HTMX,
    "penilaian:kuesioner_jawab": _HTMX,
    "penilaian:ekspor_status": _HTMX,
    "penilaian:sertifikat_status": _HTMX,
    "kelompok:dokumen_unduh": _UNDUHAN,
    "dokumen:kantor_logo": _UNDUHAN,
    "dokumen:unduh": _UNDUHAN,
    "kelompok:syarat_bukti_unduh": _UNDUHAN,
    "kerjasama:bukti_tahap_unduh": _UNDUHAN,
    "kerjasama:mitra_bukti_unduh": _UNDUHAN,
    "kerjasama:naskah_scan": _UNDUHAN,
    "kerjasama:perpanjangan_surat": _UNDUHAN,
    "kerjasama:kmp_pdf": _UNDUHAN,
    "laporan:unduh_pdf": _UNDUHAN,
    "laporan:unduh_xlsx": _UNDUHAN,
    "penilaian:kth_bukti_unduh": _UNDUHAN,
    "penilaian:ekspor_unduh": _UNDUHAN,
    "kerjasama:naskah_pdf": _UNDUHAN,
    "penilaian:rubrik_xlsx": _UNDUHAN,
    "kerjasama:portal_undangan": "tautan bertoken dari surel undangan (test_portal_mitra)",
    "kerjasama:akun_mitra_kirim_ulang": _KEADAAN,
    "token_cabut": _KEADAAN,
    "unggah_mulai": "protokol JSON unggahan bertahap (tests/perhutanan/test_luring_server.py)",
    "unggah_potongan": "protokol JSON unggahan bertahap (tests/perhutanan/test_luring_server.py)",
    "kerjasama:akhiri": _KEADAAN,
    "kerjasama:jangka_waktu": _KEADAAN,
    "kerjasama:kirim_opd": _KEADAAN,
    "kerjasama:naskah_ttd": _KEADAAN,
    "kerjasama:kmp": _KEADAAN,
    "kerjasama:monitoring": _KEADAAN,
    "kerjasama:rencana_aksi": _KEADAAN,
    "kerjasama:rencana_aksi_ubah": _KEADAAN,
    "pengguna_buka_kunci": _KEADAAN,
    "penilaian:analisis_detail": _KEADAAN,
    "penilaian:evaluasi_finalkan": _KEADAAN,
    "penilaian:kth_ajukan": _KEADAAN,
    "penilaian:kth_bukti": _KEADAAN,
    "penilaian:kuesioner_buka": _KEADAAN,
    "penilaian:kuesioner_serahkan": _KEADAAN,
    "penilaian:prasyarat": _KEADAAN,
    "penilaian:responden_tambah": _KEADAAN,
    "penilaian:ekspor_ulang": _KEADAAN,
    "penilaian:sertifikat_siapkan_ulang": _KEADAAN,
}

SAMPAH_TETAP = [
    "\x00",
    "a\x00b",
    "1e309",
    "9" * 40,
    "-" + "9" * 30,
    "NaN",
    "-1",
    "0",
    "2026-02-30",
    "99999-12-31",
    "x" * 5000,
    "<script>alert(1)</script>",
]
SAMPAH_ACAK = st.one_of(
    st.sampled_from([*SAMPAH_TETAP, "", " ", "1,5", "1.000.000,123456789", "١٢", "=1+1"]),
    st.text(max_size=40),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
)
CONTOH_ACAK = 2
NUL_PER_FORMULIR = 24


class _Pengurai(HTMLParser):
    """Tautan dan formulir sebuah halaman."""

    def __init__(self):
        super().__init__()
        self.tautan: list[str] = []
        self.formulir: list[dict] = []
        self._aktif = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        # Alamat yang dimuat skrip halaman (data-…-url, mis. data peta) ikut dijelajah.
        self.tautan.extend(
            v for k, v in a.items() if k.startswith("data-") and k.endswith("-url") and v
        )
        if tag == "a" and a.get("href"):
            self.tautan.append(a["href"])
        elif tag == "form":
            self._aktif = {
                "metode": (a.get("method") or "get").lower(),
                "aksi": a.get("action") or "",
                "isian": {},
                "berkas": [],
            }
            self.formulir.append(self._aktif)
        elif self._aktif is not None and tag in ("input", "select", "textarea", "button"):
            nama = a.get("name")
            if not nama or nama == "csrfmiddlewaretoken":
                return
            if tag == "input" and a.get("type") == "file":
                self._aktif["berkas"].append(nama)
            else:
                self._aktif["isian"].setdefault(nama, a.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._aktif = None


def _nama_pola(path: str) -> str | None:
    try:
        cocok = resolve(path)
    except Resolver404:
        return None
    if cocok.app_name == "admin" or cocok.url_name is None:
        return None
    return f"{cocok.namespace}:{cocok.url_name}" if cocok.namespace else cocok.url_name


def _jelajah(client, awal: str):
    """(halaman yang dikunjungi, formulir, parameter GET per path) mulai dari `awal`."""
    # Pola yang belum pernah dikunjungi didahulukan dari kunjungan kedua pola yang sama, supaya
    # batas halaman dipakai untuk menjangkau sebanyak mungkin pola.
    antre, ulang, dilihat, per_pola = deque([awal]), deque(), set(), {}
    formulir, parameter = [], {}
    while (antre or ulang) and len(dilihat) < HALAMAN_PER_PERAN:
        url = (antre or ulang).popleft()
        if url in dilihat:
            continue
        dilihat.add(url)
        respons = client.get(url)
        assert respons.status_code != 500, f"GET {url}"
        if "text/html" not in respons.get("Content-Type", ""):
            continue
        if respons.status_code in (301, 302):
            antre.appendleft(respons["Location"])
            continue
        pengurai = _Pengurai()
        pengurai.feed(respons.content.decode())
        for href in pengurai.tautan:
            bagian = urlsplit(href)
            if bagian.netloc or not bagian.path.startswith("/") or _nama_pola(bagian.path) is None:
                continue
            # PDF dan Excel tidak punya formulir atau tautan; mahal untuk dijelajah.
            if bagian.path.endswith(("/pdf/", "/xlsx/", "/unduh/")) or "unduh=" in bagian.query:
                continue
            for kunci, _ in parse_qsl(bagian.query, keep_blank_values=True):
                parameter.setdefault(bagian.path, set()).add(kunci)
            pola = _nama_pola(bagian.path)
            if bagian.path not in dilihat and per_pola.get(pola, 0) < PER_POLA:
                per_pola[pola] = per_pola.get(pola, 0) + 1
                (antre if per_pola[pola] == 1 else ulang).append(
                    bagian.path + (f"?{bagian.query}" if bagian.query else "")
                )
        for f in pengurai.formulir:
            f["aksi"] = urlsplit(f["aksi"]).path or urlsplit(url).path
            if _nama_pola(f["aksi"]) not in (None, "logout"):
                formulir.append(f)
    return dilihat, formulir, parameter


def _acak(f: dict, coba):
    @settings(
        max_examples=CONTOH_ACAK,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(isian=st.fixed_dictionaries(dict.fromkeys(f["isian"], SAMPAH_ACAK)))
    def acak(isian):
        coba(f, {**f["isian"], **isian})

    return acak


def _kirim(client, f: dict, isian: dict) -> int:
    if f["metode"] == "get":
        return client.get(f["aksi"], isian).status_code
    data = dict(isian)
    for nama in f["berkas"]:
        data[nama] = SimpleUploadedFile("x.pdf", b"%PDF-1.4\n" + b"\x00" * 64)
    return client.post(f["aksi"], data).status_code


@pytest.mark.django_db
def test_no_generated_input_crashes_any_page(client, settings_debug_off):
    call_command("muat_data_demo", "--paksa", stdout=io.StringIO())
    client.raise_request_exception = False
    galat, jumlah, dikunjungi, sudah = [], 0, set(), set()
    sertifikat = Sertifikat.objects.first()
    for username in PERAN:
        if username is None:
            client.logout()
            # Tamu: formulir masuk dan halaman verifikasi publik.
            halaman, formulir, parameter = _jelajah(client, "/akun/masuk/")
            halaman2, formulir2, _ = _jelajah(client, f"/verifikasi/{sertifikat.kode}/")
            halaman |= halaman2
            formulir += formulir2
        else:
            client.force_login(Pengguna.objects.get(username=username))
            halaman, formulir, parameter = _jelajah(client, "/")
        dikunjungi |= {_nama_pola(urlsplit(u).path) for u in halaman}
        dikunjungi |= {_nama_pola(f["aksi"]) for f in formulir}

        def coba(f, isian, username=username):
            nonlocal jumlah
            jumlah += 1
            status = _kirim(client, f, isian)
            if status >= 500:
                galat.append(f"{username} {f['metode'].upper()} {f['aksi']} {isian!r:.200}")

        for f in formulir:
            # Formulir yang sama (pola, metode, isian) cukup diuji sekali, oleh peran pertama
            # yang melihatnya.
            kunci = (_nama_pola(f["aksi"]), f["metode"], frozenset(f["isian"]))
            if kunci in sudah:
                continue
            sudah.add(kunci)
            for nilai in SAMPAH_TETAP[:4]:
                coba(f, {**f["isian"], **dict.fromkeys(f["isian"], nilai)})
            # NUL di satu isian sementara yang lain sah; formulir panjang (daftar syarat, tabel
            # biaya) diwakili sebaran isian yang merata. NUL di semua isian sekaligus sudah
            # dikirim di atas.
            isian = list(f["isian"])
            langkah = max(1, -(-len(isian) // NUL_PER_FORMULIR))
            for nama in isian[::langkah]:
                coba(f, {**f["isian"], nama: "\x00"})

            if f["isian"]:
                _acak(f, coba)()
        for path, nama_param in parameter.items():
            sasaran = {"metode": "get", "aksi": path, "isian": {}, "berkas": []}
            for nama in nama_param:
                if (_nama_pola(path), nama) in sudah:
                    continue
                sudah.add((_nama_pola(path), nama))
                for nilai in SAMPAH_TETAP[:5]:
                    coba(sasaran, {nama: nilai})
    print(f"\n{jumlah} masukan acak, {len(galat)} galat 500")
    assert not galat, "\n".join(galat[:30])
    semua = {n for n, _ in SEMUA}
    terlewat = semua - dikunjungi - set(TIDAK_DIJELAJAH)
    assert not terlewat, f"pola URL tak terjangkau dan tak disebut alasannya: {sorted(terlewat)}"


@pytest.fixture
def settings_debug_off(settings):
    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    return settings
