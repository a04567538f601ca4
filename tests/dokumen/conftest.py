from tests.kerjasama.conftest import ks_usaha, mitra_bums  # noqa: F401 (fixture bersama)
from tests.penilaian.conftest import versi_kth  # noqa: F401 (fixture bersama)
