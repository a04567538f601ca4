"""Format Indonesia yang dipakai di seluruh antarmuka.

Hanya yang berbeda dari locale `id` bawaan Django: tanggal dengan nama bulan lengkap
(22 November 2026, seperti surat dinas), dan masukan tanggal yang menerima ISO (yang dikirim
<input type="date">) serta hari-bulan-tahun, tanpa urutan bulan-hari gaya Amerika yang bisa
salah dibaca tanpa pesan.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H.i"
SHORT_DATE_FORMAT = "d-m-Y"
SHORT_DATETIME_FORMAT = "d-m-Y H.i"

DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2026-11-22, dari <input type="date">
    "%d-%m-%Y",  # 22-11-2026
    "%d/%m/%Y",  # 22/11/2026
]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%dT%H:%M",  # dari <input type="datetime-local">
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d-%m-%Y %H.%M",
    "%d/%m/%Y %H.%M",
]

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
