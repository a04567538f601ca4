"""Tambahan skema OpenAPI: setiap operasi mendokumentasikan jawaban galatnya, sehingga klien
yang ditulis hanya dari skema tahu bentuk galat (dan uji kontrak memeriksanya)."""

GALAT = {
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "Pesan galat (Indonesia)."}},
    "required": ["detail"],
}
GALAT_ISIAN = {
    "type": "object",
    "description": "Pesan per isian (dan non_field_errors untuk aturan lintas isian).",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
RESPONS = {
    "400": ("Masukan tidak sah; pesan per isian.", "GalatIsian"),
    "401": ("Token tidak ada, tidak sah atau sudah dicabut.", "Galat"),
    "403": ("Peran Anda tidak berhak atas tindakan ini.", "Galat"),
    "404": ("Tidak ada, atau di luar cakupan wilayah Anda.", "Galat"),
    "429": ("Terlalu banyak permintaan; coba lagi setelah Retry-After detik.", "Galat"),
}


def _skema(nama: str) -> dict:
    rujukan = {"$ref": f"#/components/schemas/{nama}"}
    if nama == "GalatIsian":
        # Masukan yang tidak terbaca sama sekali (JSON rusak, karakter NUL) dijawab {"detail"}.
        return {"anyOf": [rujukan, {"$ref": "#/components/schemas/Galat"}]}
    return rujukan


def tambah_respons_galat(result, generator, request, public):
    komponen = result.setdefault("components", {}).setdefault("schemas", {})
    komponen.setdefault("Galat", GALAT)
    komponen.setdefault("GalatIsian", GALAT_ISIAN)
    for jalur in result.get("paths", {}).values():
        for metode, operasi in jalur.items():
            if metode not in ("get", "post", "put", "patch", "delete"):
                continue
            for parameter in operasi.get("parameters", []):
                skema = parameter.get("schema", {})
                if skema.get("type") == "string" and "enum" not in skema:
                    # Karakter NUL di alamat ditolak (perhutanan.middleware.TolakNulMiddleware).
                    skema.setdefault("pattern", "^[^\\x00]*$")
            respons = operasi.setdefault("responses", {})
            for kode, (keterangan, nama) in RESPONS.items():
                if kode == "400" and metode == "get" and "parameters" not in operasi:
                    continue
                respons.setdefault(
                    kode,
                    {
                        "description": keterangan,
                        "content": {"application/json": {"schema": _skema(nama)}},
                    },
                )
    return result
