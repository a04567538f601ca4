"""Operasi migrasi bersama. Indeks trigram hanya untuk PostgreSQL: SQLite tetap bermigrasi."""

from django.db import migrations


def _nama(tabel: str, kolom: str) -> str:
    return f"{tabel}_{kolom}_trgm"[:63]


def indeks_trigram(*pasangan: tuple[str, str]) -> migrations.RunPython:
    """Indeks GIN trigram atas UPPER(kolom::text), bentuk yang dipakai Django untuk `icontains`,
    sehingga pencarian "mengandung" memakai indeks, bukan memindai seluruh tabel."""

    def maju(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as kursor:
            kursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for tabel, kolom in pasangan:
                kursor.execute(
                    f'CREATE INDEX IF NOT EXISTS "{_nama(tabel, kolom)}" ON "{tabel}" '
                    f'USING gin (upper("{kolom}"::text) gin_trgm_ops)'
                )

    def mundur(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as kursor:
            for tabel, kolom in pasangan:
                kursor.execute(f'DROP INDEX IF EXISTS "{_nama(tabel, kolom)}"')

    return migrations.RunPython(maju, mundur)
