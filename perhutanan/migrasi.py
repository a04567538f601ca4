"""Operasi migrasi bersama. Indeks trigram hanya untuk PostgreSQL: SQLite tetap bermigrasi."""

from django.db import migrations


def _nama(tabel: str, kolom: str) -> str:
    return f"{tabel}_{kolom}_trgm"[:63]


def indeks_trigram(
    *pasangan: tuple[str, str], huruf_besar: bool = True, hapus: bool = False
) -> migrations.RunPython:
    """Indeks GIN trigram atas UPPER(kolom::text), bentuk yang dipakai Django untuk `icontains`,
    sehingga pencarian "mengandung" memakai indeks, bukan memindai seluruh tabel.

    `huruf_besar=False`: atas kolom itu sendiri (kolom yang isinya sudah huruf besar, dicari
    dengan `contains`). `hapus=True`: kebalikannya, untuk indeks yang digantikan.
    """
    ekspresi = 'upper("{kolom}"::text)' if huruf_besar else '"{kolom}"'

    def maju(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as kursor:
            kursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for tabel, kolom in pasangan:
                kursor.execute(
                    f'CREATE INDEX IF NOT EXISTS "{_nama(tabel, kolom)}" ON "{tabel}" '
                    f"USING gin ({ekspresi.format(kolom=kolom)} gin_trgm_ops)"
                )

    def mundur(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as kursor:
            for tabel, kolom in pasangan:
                kursor.execute(f'DROP INDEX IF EXISTS "{_nama(tabel, kolom)}"')

    if hapus:
        return migrations.RunPython(mundur, maju)
    return migrations.RunPython(maju, mundur)
