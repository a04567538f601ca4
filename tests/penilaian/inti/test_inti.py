"""Inti penilaian: instrumen berversi, kuesioner yang ditanyakan ke pemiliknya, dan aturan impor
(subjek hanya mengimpor ke bawah, ke inti; inti tidak mengenal subjek)."""

import ast
import datetime
from pathlib import Path

import pytest
from django.apps import apps

from penilaian.hkm.services import (
    evaluasi_buat,
    evaluasi_finalkan,
    prasyarat_simpan,
    responden_tambah,
)
from penilaian.inti import definisi, scoring
from penilaian.inti.models import Kuesioner, PemilikKuesioner
from penilaian.inti.services import (
    TindakanTidakSah,
    instrumen_muat,
    jawaban_simpan,
    kuesioner_serahkan,
    pemilik_kuesioner,
)
from penilaian.kth.services import penilaian_kth_ajukan, penilaian_kth_buat
from tests.penilaian.conftest import FIXTURES, isi_kth, isi_lengkap

APP = Path(apps.get_app_config("penilaian").path)
SUBJEK = ("hkm", "kth", "usaha")


def test_loading_the_same_instrument_twice_keeps_one_version(versi_hkm):
    kanonik = definisi.dari_yaml((FIXTURES / "hkm.yaml").read_text())
    versi, dibuat = instrumen_muat(kanonik=kanonik)
    assert (versi, dibuat) == (versi_hkm, False)


def test_every_owner_of_a_questionnaire_answers_the_core_protocol():
    """Model baru yang memiliki Kuesioner tanpa protokol akan lolos dari kunci jawaban."""
    pemilik = [
        rel.related_model
        for rel in Kuesioner._meta.related_objects
        if rel.one_to_one and not rel.related_model.__name__.startswith("Historical")
    ]
    assert {m.__name__ for m in pemilik} == {"Responden", "PenilaianKth"}
    assert all(issubclass(m, PemilikKuesioner) for m in pemilik)


def test_only_an_owner_may_leave_the_prerequisites_out_of_a_questionnaire(
    versi_hkm, responden, pendamping_a
):
    """Tanpa pemilik, prasyarat ikut dinilai; responden HKm menjawabnya sekali per evaluasi."""
    yatim = Kuesioner.objects.create(versi=versi_hkm)
    assert pemilik_kuesioner(yatim) is None
    for kuesioner in (yatim, responden.kuesioner):
        isi_lengkap(kuesioner, pendamping_a)
    with pytest.raises(scoring.GalatJawaban) as galat:
        kuesioner_serahkan(kuesioner=yatim, oleh=pendamping_a)
    assert set(galat.value.galat) == {"A1.1", "A1.2"}
    assert pemilik_kuesioner(responden.kuesioner) == responden
    kuesioner_serahkan(kuesioner=responden.kuesioner, oleh=pendamping_a)
    responden.kuesioner.refresh_from_db()
    assert responden.kuesioner.selesai


def test_the_hkm_owner_locks_answers_once_its_evaluation_is_final(versi_hkm, kps_a, pendamping_a):
    evaluasi = evaluasi_buat(kps=kps_a, oleh=pendamping_a, tanggal=datetime.date(2026, 10, 1))
    prasyarat_simpan(evaluasi=evaluasi, jawaban={"A1.1": "a", "A1.2": "b"}, oleh=pendamping_a)
    r = responden_tambah(evaluasi=evaluasi, nama="Ujang", peran="anggota", anggota=None, oleh=None)
    assert pemilik_kuesioner(r.kuesioner) == r
    isi_lengkap(r.kuesioner, pendamping_a)
    kuesioner_serahkan(kuesioner=r.kuesioner, oleh=pendamping_a)
    evaluasi_finalkan(evaluasi=evaluasi, oleh=pendamping_a)
    r.kuesioner.refresh_from_db()
    r.kuesioner.status = Kuesioner.Status.DRAF  # seolah dibuka lewat jalan lain
    r.kuesioner.save()
    with pytest.raises(TindakanTidakSah, match="sudah final"):
        jawaban_simpan(kuesioner=r.kuesioner, indikator="B1.1", nilai="a", oleh=pendamping_a)


def test_the_kth_owner_locks_answers_once_submitted(versi_kth, kth_jabar, penilai):
    p = penilaian_kth_buat(kth=kth_jabar, tahun=2026, oleh=penilai)
    assert pemilik_kuesioner(p.kuesioner) == p
    isi_kth(p, penilai)
    penilaian_kth_ajukan(penilaian=p, oleh=penilai)
    p.kuesioner.status = Kuesioner.Status.DRAF
    p.kuesioner.save()
    kode = p.kuesioner.versi.mesin.semua_indikator()[0].kode
    with pytest.raises(TindakanTidakSah, match="diajukan"):
        jawaban_simpan(kuesioner=p.kuesioner, indikator=kode, nilai="a", oleh=penilai)


def _impor_penilaian(jalur: Path) -> set[str]:
    """Modul penilaian.* yang diimpor sebuah berkas (termasuk impor di dalam fungsi)."""
    hasil = set()
    for simpul in ast.walk(ast.parse(jalur.read_text(encoding="utf-8"))):
        if isinstance(simpul, ast.ImportFrom) and simpul.module:
            nama = [simpul.module + "." + a.name for a in simpul.names]
            hasil.update(n for n in [simpul.module, *nama] if n.startswith("penilaian."))
        elif isinstance(simpul, ast.Import):
            hasil.update(a.name for a in simpul.names if a.name.startswith("penilaian."))
    return hasil


@pytest.mark.parametrize("bagian", ["inti", *SUBJEK])
def test_imports_point_down_to_the_core_never_sideways(bagian):
    boleh = {"inti", bagian}
    salah = []
    for jalur in sorted((APP / bagian).rglob("*.py")):
        for modul in _impor_penilaian(jalur):
            tujuan = modul.split(".")[1]
            if tujuan not in boleh:
                salah.append(f"{jalur.relative_to(APP)} -> {modul}")
    assert not salah, "Impor menyamping antar subjek:\n" + "\n".join(salah)


def test_the_top_of_the_app_only_gathers_the_parts():
    """Berkas di puncak app tidak berisi logika subjek: hanya modul pengumpul untuk Django."""
    puncak = {p.name for p in APP.glob("*.py")}
    assert puncak == {"__init__.py", "apps.py", "models.py", "admin.py", "urls.py", "demo.py"}
    assert {p.name for p in APP.iterdir() if p.is_dir() and p.name != "__pycache__"} == {
        "inti",
        *SUBJEK,
        "management",
        "migrations",
    }
