"""Pencarian nama dan nomor memakai indeks trigram di PostgreSQL (bukan memindai seluruh tabel)."""

import pytest
from django.db import connection

from kelompok.filters import PenyaringKps, PenyaringKth
from kelompok.models import Kps, Kth


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("penyaring", "model", "indeks"),
    [
        (PenyaringKps, Kps, {"kelompok_kps_cari_trgm"}),
        (PenyaringKth, Kth, {"kelompok_kth_cari_trgm"}),
    ],
)
def test_the_name_search_uses_the_trigram_indexes(db, penyaring, model, indeks):
    # Syarat pencarian saja (tanpa saring arsip, yang punya indeks parsialnya sendiri).
    qs = penyaring(queryset=model.objects.all()).cari(model.objects.all(), "q", "Sugih")
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as kursor:
        # Tabel uji kecil: paksa perencana memilih indeks bila indeksnya dapat dipakai.
        kursor.execute("SET LOCAL enable_seqscan = off")
        kursor.execute("SET LOCAL enable_indexscan = off")  # bukan pindai urut indeks nama
        kursor.execute("EXPLAIN " + sql, params)
        rencana = "\n".join(baris[0] for baris in kursor.fetchall())
    assert all(nama in rencana for nama in indeks), rencana


@pytest.mark.parametrize(
    ("cari", "cocok"),
    [
        ("sugih", True),  # huruf kecil menemukan huruf besar
        ("SK.9/", True),  # nomor SK
        ("budi SANTOSO", True),  # ketua, huruf campur
        ("mukti sk", True),  # nama lalu nomor: kolom pencarian satu teks
        ("100%", False),  # tanda persen bukan karakter pengganti
        ("Sug_h", False),  # garis bawah juga bukan
    ],
)
def test_the_search_column_matches_name_number_and_chair_in_any_case(db, kps_a, cari, cocok):
    Kps.objects.filter(pk=kps_a.pk).update(
        nama="KTH Sugih Mukti", nomor_sk="SK.9/2024", ketua="Budi Santoso"
    )
    hasil = PenyaringKps({"q": cari}, queryset=Kps.objects.all()).qs
    assert hasil.filter(pk=kps_a.pk).exists() is cocok
