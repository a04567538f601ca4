"""Pencarian nama dan nomor memakai indeks trigram di PostgreSQL (bukan memindai seluruh tabel)."""

import pytest
from django.db import connection

from kelompok.filters import PenyaringKps, PenyaringKth
from kelompok.models import Kps, Kth


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("penyaring", "model", "indeks"),
    [
        (PenyaringKps, Kps, {"kelompok_kps_nama_trgm", "kelompok_kps_nomor_sk_trgm"}),
        (PenyaringKth, Kth, {"kelompok_kth_nama_trgm", "kelompok_kth_nomor_register_trgm"}),
    ],
)
def test_the_name_search_uses_the_trigram_indexes(db, penyaring, model, indeks):
    qs = penyaring({"q": "Sugih"}, queryset=model.objects.all()).qs
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as kursor:
        # Tabel uji kecil: paksa perencana memilih indeks bila indeksnya dapat dipakai.
        kursor.execute("SET LOCAL enable_seqscan = off")
        kursor.execute("SET LOCAL enable_indexscan = off")  # bukan pindai urut indeks nama
        kursor.execute("EXPLAIN " + sql, params)
        rencana = "\n".join(baris[0] for baris in kursor.fetchall())
    assert all(nama in rencana for nama in indeks), rencana
