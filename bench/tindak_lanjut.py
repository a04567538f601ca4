"""Tolok ukur jumlah kueri halaman tindak lanjut (bukan uji).

    python bench/tindak_lanjut.py

Basis data demo sementara (SQLite). Mengukur jumlah kueri dan waktu halaman evaluasi kerja
sama, halaman mitra (rekam jejak), ruang kerja KMP, laporan berkala dan portal mitra, sebelum
dan sesudah data bertambah sepuluh kali lipat (catatan monitoring, rencana aksi, indikator,
komitmen, para pihak, kerja sama dengan mitra yang sama, laporan, permohonan mitra dengan
buktinya, pendaftaran akun mitra). Jumlah kueri tidak boleh tumbuh.
"""

import datetime
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="perhutanan-bench-tindak-lanjut-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'demo.sqlite3'}"
    os.environ.setdefault("DEBUG", "true")
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "perhutanan.settings"
    import contextlib
    import io

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from akun.models import Pengguna
    from kerjasama.models import (
        AkunMitra,
        BuktiPermohonan,
        IndikatorKerjaSama,
        KerjaSama,
        Komitmen,
        Mitra,
        Monitoring,
        PemangkuKepentingan,
        PermohonanMitra,
        RencanaAksi,
    )
    from laporan.models import LaporanBerkala

    call_command("migrate", verbosity=0)
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("muat_data_demo", stdout=io.StringIO())
    pendamping = Pengguna.objects.get(username="pendamping")
    admin = Pengguna.objects.get(username="admin")
    madu = KerjaSama.objects.get(judul="Pengolahan madu hutan Ciremai")
    lingkungan = KerjaSama.objects.get(jenis="lingkungan")
    mitra = Mitra.objects.get(nama="PT Kopi Ciremai Lestari")
    laporan = LaporanBerkala.objects.get(bpskl__isnull=True)
    wakil = Pengguna.objects.get(username="mitra")
    bpskl = Pengguna.objects.get(username="bpskl")
    permohonan = PermohonanMitra.objects.filter(status="diterima").get()
    pendaftaran = AkunMitra.objects.get(status="menunggu")
    halaman = [
        ("evaluasi kerja sama", pendamping, f"/kerja-sama/{madu.pk}/evaluasi/"),
        ("detail kerja sama", pendamping, madu.get_absolute_url()),
        ("mitra (rekam jejak)", pendamping, mitra.get_absolute_url()),
        ("ruang kerja KMP", pendamping, f"/kerja-sama/{lingkungan.pk}/ruang-kmp/"),
        ("laporan berkala", admin, laporan.get_absolute_url()),
        ("daftar laporan", admin, "/laporan/"),
        ("beranda mitra", wakil, "/beranda/mitra/"),
        ("permohonan (mitra)", wakil, "/kerja-sama/permohonan-mitra/"),
        ("detail permohonan (mitra)", wakil, permohonan.get_absolute_url()),
        ("permohonan (pendamping)", pendamping, "/kerja-sama/permohonan-mitra/"),
        ("detail permohonan (pend.)", pendamping, permohonan.get_absolute_url()),
        ("beranda pendamping", pendamping, "/beranda/pendamping/"),
        ("beranda BPSKL", bpskl, "/beranda/bpskl/"),
        ("akun mitra (BPSKL)", bpskl, pendaftaran.get_absolute_url()),
    ]

    def ukur() -> dict[str, tuple[int, float]]:
        hasil = {}
        client = Client(HTTP_HOST="localhost")
        for nama, user, url in halaman:
            client.force_login(user)
            client.get(url)  # pemanasan
            with CaptureQueriesContext(connection) as kueri:
                mulai = time.perf_counter()
                respons = client.get(url)
                lama = (time.perf_counter() - mulai) * 1000
            if respons.status_code != 200:
                sys.exit(f"{url}: status {respons.status_code}")
            hasil[nama] = (len(kueri), lama)
        return hasil

    sebelum = ukur()
    hari = datetime.date(2026, 1, 1)
    for n in range(60):
        Monitoring.objects.create(
            kerjasama=madu,
            tanggal=hari + datetime.timedelta(days=n),
            kemajuan=f"Catatan {n}",
            kewajiban=["perlindungan", "laporan"][: n % 3],
            peserta=20,
            peserta_perempuan=8,
            peserta_muda=3,
            oleh=pendamping,
        )
        RencanaAksi.objects.create(
            kerjasama=madu,
            kegiatan=f"Kegiatan {n}",
            penanggung_jawab="KPS",
            mulai=hari,
            selesai=hari,
            anggaran=Decimal(1_000_000),
            status="selesai" if n % 2 else "berjalan",
        )
        IndikatorKerjaSama.objects.create(
            kerjasama=lingkungan, nama=f"Indikator {n}", satuan="ha", awal=0, target=10
        )
        Komitmen.objects.create(kerjasama=lingkungan, pihak=f"Pihak {n}", uraian="x")
        PemangkuKepentingan.objects.create(
            kerjasama=lingkungan,
            nama=f"Aktor {n}",
            unsur="lsm",
            kepentingan="x",
            pengaruh=1 + n % 3,
            tingkat_kepentingan=1 + n % 3,
        )
        ks = KerjaSama.objects.create(
            judul=f"Kerja sama {n}",
            jenis="usaha",
            kebutuhan="x",
            kps_utama=madu.kps_utama,
            tahap="g" if n % 2 else "c",
            dibuat_oleh=pendamping,
        )
        ks.mitra.add(mitra)
        LaporanBerkala.objects.create(bpskl=None, tahun=2000 + n, bulan=1)
        p = PermohonanMitra.objects.create(
            mitra=mitra,
            diajukan_oleh=wakil,
            kps=permohonan.kps,
            judul=f"Permohonan {n}",
            maksud="x",
            dukungan="x",
            jangka_waktu_tahun=3,
            nomor_surat=f"{n}",
            tanggal_surat=hari,
            surat=permohonan.surat.name,
            status=["diajukan", "diterima", "ditolak"][n % 3],
        )
        for kode in ("legalitas", "pasar", "pembiayaan"):
            BuktiPermohonan.objects.create(permohonan=p, kode=kode, keterangan="x")
        calon = Pengguna.objects.create(username=f"calon{n}@contoh.id", nama=f"Calon {n}")
        AkunMitra.objects.create(
            pengguna=calon,
            asal="pendaftaran",
            status="menunggu",
            provinsi_id="32",
            nama_lembaga=f"Lembaga {n}",
            kategori="koperasi",
        )
    for n in range(57):  # bukti permohonan yang diukur: 2 -> 60
        BuktiPermohonan.objects.create(permohonan=permohonan, kode=f"b{n}", keterangan="x")
    sesudah = ukur()
    print(f"{'halaman':<28}{'kueri':>8}{'kueri x10':>11}{'ms':>8}{'ms x10':>9}")
    tumbuh = []
    for nama, *_ in halaman:
        (k1, t1), (k2, t2) = sebelum[nama], sesudah[nama]
        print(f"{nama:<28}{k1:>8}{k2:>11}{t1:>8.1f}{t2:>9.1f}")
        if k2 > k1:
            tumbuh.append(nama)
    if tumbuh:
        sys.exit(f"Jumlah kueri tumbuh dengan data: {', '.join(tumbuh)}")


if __name__ == "__main__":
    main()
