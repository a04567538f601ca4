from hypothesis import given
from hypothesis import strategies as st

from kelompok.kelas_kups import SYARAT_KUPS, KelasKups, kekurangan_kelas_berikut, kelas_dari

SEMUA = [s.kode for s in SYARAT_KUPS]
URUTAN = [KelasKups.BELUM, KelasKups.BLUE, KelasKups.SILVER, KelasKups.GOLD, KelasKups.PLATINUM]


def test_nothing_met_is_no_class_yet():
    assert kelas_dari([]) == KelasKups.BELUM


def test_the_class_is_cumulative():
    assert kelas_dari(["01", "02", "03"]) == KelasKups.BLUE
    assert kelas_dari(["01", "02", "03", "04", "05", "06", "07"]) == KelasKups.SILVER
    assert kelas_dari(SEMUA[:15]) == KelasKups.GOLD
    assert kelas_dari(SEMUA) == KelasKups.PLATINUM


def test_a_gap_in_a_lower_class_caps_the_class():
    # Semua syarat Gold terpenuhi kecuali syarat 2: kelasnya belum ada sama sekali.
    assert kelas_dari([k for k in SEMUA if k != "02"]) == KelasKups.BELUM
    assert kelas_dari([k for k in SEMUA if k != "06"]) == KelasKups.BLUE


def test_it_lists_what_is_missing_for_the_next_class():
    berikut, kurang = kekurangan_kelas_berikut(["01", "02", "03", "05"])
    assert berikut == KelasKups.SILVER
    assert [s.kode for s in kurang] == ["04", "06", "07"]
    assert kekurangan_kelas_berikut(SEMUA) == (None, [])


@given(st.sets(st.sampled_from(SEMUA)), st.sampled_from(SEMUA))
def test_meeting_one_more_requirement_never_lowers_the_class(terpenuhi, tambahan):
    assert URUTAN.index(kelas_dari(terpenuhi | {tambahan})) >= URUTAN.index(kelas_dari(terpenuhi))
