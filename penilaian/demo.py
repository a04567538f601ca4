"""Data demo penilaian: instrumen bawaan, lalu penilaian kelas KTH dan evaluasi HKm contoh."""

from pathlib import Path

from django.conf import settings

from penilaian.hkm.demo import muat_evaluasi_hkm_demo
from penilaian.inti import definisi, services
from penilaian.kth.demo import muat_penilaian_kth_demo
from penilaian.usaha.demo import muat_analisis_usaha_demo


def muat_penilaian_demo() -> list[tuple[str, str]]:
    laporan = []
    for nama in ("hkm.yaml", "kth.yaml"):
        jalur = Path(settings.BASE_DIR) / "fixtures" / "instrumen" / nama
        versi, dibuat = services.instrumen_muat(
            kanonik=definisi.dari_yaml(jalur.read_text(encoding="utf-8")), sumber=nama
        )
        laporan.append((f"instrumen {versi}", "dibuat" if dibuat else "tetap"))
    muat_penilaian_kth_demo(laporan)
    muat_evaluasi_hkm_demo(laporan)
    muat_analisis_usaha_demo(laporan)
    return laporan
