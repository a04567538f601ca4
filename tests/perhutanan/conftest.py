from tests.penilaian.conftest import (  # noqa: F401 (fixture bersama)
    kth_jabar,
    versi_kth,
)
