"""Tolok ukur render setiap dokumen PDF (bukan uji).

    python bench/dokumen.py      # basis data demo sementara (SQLite), tanpa PostgreSQL

Memuat data demo ke SQLite sementara (kerja sama yang disetujui membawa setiap surat juknis
bernomor), lalu mengukur median waktu render setiap dokumen dibanding PDF satu baris WeasyPrint
dalam jalan yang sama. Pengukuran bergantian (satu baris, dokumen, satu baris, ...) agar
gangguan mesin mengenai keduanya; hasilnya rasio terhadap PDF satu baris.
"""

import os
import statistics
import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))

from bench.sertifikat import median_ms  # noqa: E402


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="perhutanan-bench-dokumen-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'demo.sqlite3'}"
    os.environ.setdefault("DEBUG", "true")
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "perhutanan.settings"
    import contextlib
    import io

    import django

    django.setup()
    from django.core.management import call_command
    from weasyprint import HTML

    from dokumen.models import Dokumen
    from dokumen.services import pdf_dokumen
    from kerjasama.models import KerjaSama
    from kerjasama.surat import isi_draf_naskah
    from penilaian.hkm.ekspor import rekap_pdf
    from penilaian.hkm.models import EvaluasiHkm
    from penilaian.hkm.selectors import rekap_evaluasi
    from penilaian.kth.models import Sertifikat
    from penilaian.kth.sertifikat import pdf_sertifikat
    from penilaian.models import AnalisisUsaha
    from penilaian.usaha.views import _konteks
    from perhutanan.pdf import render_pdf

    call_command("migrate", verbosity=0)
    with contextlib.redirect_stdout(io.StringIO()):  # surel demo ke konsol
        call_command("muat_data_demo", stdout=io.StringIO())

    dokumen = []
    for d in Dokumen.objects.order_by("pk"):
        if d.jenis not in {j for j, _, _ in dokumen}:
            dokumen.append((d.jenis, d.get_jenis_display(), lambda d=d: pdf_dokumen(d.data)))
    ks = KerjaSama.objects.get(judul="Pengolahan madu hutan Ciremai")
    dokumen.append(
        (
            "naskah_draf",
            "Draf naskah kerja sama (tanpa nomor)",
            lambda: pdf_dokumen(isi_draf_naskah(ks, ks.naskah_diputuskan), draf=True),
        )
    )
    sertifikat = Sertifikat.objects.first()
    dokumen.append(
        (
            "sertifikat_kth",
            "Sertifikat penetapan kelas KTH",
            lambda: pdf_sertifikat(sertifikat.data),
        )
    )
    evaluasi = EvaluasiHkm.objects.first()
    dokumen.append(("rekap_hkm", "Rekap evaluasi HKm", lambda: rekap_pdf(rekap_evaluasi(evaluasi))))
    for a in AnalisisUsaha.objects.order_by("pk"):
        dokumen.append(
            (
                f"analisis_{a.jenis}",
                f"Analisis usaha {a.get_jenis_display().lower()}",
                lambda a=a: render_pdf("dokumen/analisis_usaha.html", _konteks(a)),
            )
        )

    satu_baris = []
    hasil = []
    for _jenis, label, render in dokumen:
        waktu_satu, waktu_dok = [], []
        for _ in range(3):  # bergantian
            waktu_satu.append(median_ms(lambda: HTML(string="<p>Satu baris</p>").write_pdf(), 5))
            waktu_dok.append(median_ms(render, 5))
        satu = statistics.median(waktu_satu)
        dok = statistics.median(waktu_dok)
        satu_baris.append(satu)
        hasil.append((label, dok, dok / satu))
    print(f"PDF satu baris WeasyPrint: median {statistics.median(satu_baris):.1f} ms")
    print(f"{'Dokumen':<62} {'median ms':>9} {'x satu baris':>12}")
    for label, dok, rasio in hasil:
        print(f"{label:<62} {dok:>9.1f} {rasio:>12.1f}")


if __name__ == "__main__":
    main()
