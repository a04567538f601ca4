from tests.penilaian.conftest import (  # noqa: F401 (fixture bersama)
    evaluasi,
    kth_jabar,
    responden,
    versi_hkm,
    versi_kth,
)
