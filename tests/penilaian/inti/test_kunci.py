"""Simpanan jawaban hanya mengunci baris kuesionernya, bukan baris versi instrumen bersama."""

import threading

import pytest
from django.db import DatabaseError, connections, transaction

from penilaian.inti.models import VersiInstrumen
from penilaian.inti.services import _kunci_kuesioner


@pytest.mark.postgres
def test_locking_a_questionnaire_leaves_the_shared_instrument_version_free(data_acuan):
    from penilaian.hkm.services import evaluasi_buat, responden_tambah
    from penilaian.inti import definisi
    from penilaian.inti.services import instrumen_muat
    from tests.factories import KpsFactory, PenggunaFactory
    from tests.penilaian.conftest import FIXTURES

    instrumen_muat(kanonik=definisi.dari_yaml((FIXTURES / "hkm.yaml").read_text()))
    pendamping = PenggunaFactory()
    kps = KpsFactory(pendamping=pendamping)
    evaluasi = evaluasi_buat(kps=kps, oleh=pendamping, tanggal="2026-11-01")
    responden = responden_tambah(
        evaluasi=evaluasi, nama="R", peran="anggota", anggota=None, oleh=pendamping
    )
    hasil = []

    def kunci_versi():
        try:
            with transaction.atomic():
                VersiInstrumen.objects.select_for_update(nowait=True).get(pk=evaluasi.versi_id)
            hasil.append("bebas")
        except DatabaseError:
            hasil.append("terkunci")
        finally:
            connections.close_all()

    with transaction.atomic():
        _kunci_kuesioner(responden.kuesioner)
        utas = threading.Thread(target=kunci_versi)
        utas.start()
        utas.join(timeout=30)
    assert hasil == ["bebas"]
