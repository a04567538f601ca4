from tests.penilaian.conftest import versi_kth  # noqa: F401 (fixture bersama)
