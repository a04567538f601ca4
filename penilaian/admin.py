"""Pendaftaran admin app penilaian: tiap bagian mendaftarkan modelnya sendiri."""

from penilaian.inti import admin as inti  # noqa: F401
from penilaian.kth import admin as kth  # noqa: F401
