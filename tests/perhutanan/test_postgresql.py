"""Kunci baris yang dipakai alur persetujuan hanya bisa diuji di PostgreSQL (SQLite mengunci
seluruh berkas). Di SQLite uji ini dilewati dengan alasannya; CI menjalankannya."""

import threading

import pytest
from django.db import DatabaseError, connection, connections, transaction

from akun.models import Pengguna
from tests.factories import PenggunaFactory


@pytest.mark.postgres
def test_a_locked_row_cannot_be_taken_by_a_second_connection(data_acuan):
    pengguna = PenggunaFactory(provinsi_id="32")
    hasil_lain: list[str] = []

    def coba_kunci_dari_koneksi_lain():
        try:
            with transaction.atomic():
                Pengguna.objects.select_for_update(nowait=True).get(pk=pengguna.pk)
            hasil_lain.append("terkunci oleh saya")
        except DatabaseError:
            hasil_lain.append("ditolak")
        finally:
            connections.close_all()

    assert connection.vendor == "postgresql"
    with transaction.atomic():
        Pengguna.objects.select_for_update().get(pk=pengguna.pk)
        utas = threading.Thread(target=coba_kunci_dari_koneksi_lain)
        utas.start()
        utas.join(timeout=30)
    assert hasil_lain == ["ditolak"]
