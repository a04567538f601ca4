from tests.penilaian.conftest import versi_hkm, versi_kth  # noqa: F401 (fixture bersama)
