"""Notifikasi setiap keputusan kelas KTH: sampai ke penerimanya saja, sesudah commit, sekali."""

from django.core import mail

from akun import peran
from kerjasama.models import Notifikasi
from penilaian.kth.services import (
    penilaian_kth_ajukan,
    penilaian_kth_kembalikan,
    penilaian_kth_tetapkan,
    sertifikat_cabut,
)
from tests.factories import PenggunaFactory
from tests.penilaian.conftest import isi_kth


def penerima(judul_awal: str) -> set[str]:
    return set(
        Notifikasi.objects.filter(judul__startswith=judul_awal).values_list(
            "penerima__username", flat=True
        )
    )


def test_each_kth_decision_reaches_exactly_its_recipients(
    penilaian,
    penilai_jabar,
    kadis_jabar,
    pendamping_a,
    django_capture_on_commit_callbacks,
):
    kadis_kalbar = PenggunaFactory(peran=peran.KEPALA_DINAS, provinsi_id="61")
    kadis_jabar.email = "kadis@example.id"
    kadis_jabar.save()
    isi_kth(penilaian, penilai_jabar, nilai_isian=10)

    with django_capture_on_commit_callbacks(execute=True) as setelah:
        penilaian_kth_ajukan(penilaian=penilaian, oleh=penilai_jabar)
        assert not Notifikasi.objects.exists()  # belum commit: belum ada yang diberi tahu
    assert len(setelah) == 1
    assert penerima("Penilaian kelas KTH Sugih Mukti 2026 menunggu") == {kadis_jabar.username}
    assert kadis_kalbar.username not in penerima("Penilaian kelas")
    assert mail.outbox[-1].to == ["kadis@example.id"]
    assert "Tenggat penetapan" in mail.outbox[-1].body

    with django_capture_on_commit_callbacks(execute=True):
        penilaian_kth_kembalikan(penilaian=penilaian, oleh=kadis_jabar, alasan="Bukti kurang")
    assert penerima("Penilaian kelas KTH Sugih Mukti 2026 dikembalikan") == {penilai_jabar.username}

    isi_kth(penilaian, penilai_jabar, nilai_isian=10)
    with django_capture_on_commit_callbacks(execute=True):
        penilaian_kth_ajukan(penilaian=penilaian, oleh=penilai_jabar)
    with django_capture_on_commit_callbacks(execute=True):
        sertifikat = penilaian_kth_tetapkan(penilaian=penilaian, oleh=kadis_jabar)
    assert penerima("Kelas Madya ditetapkan untuk KTH Sugih Mukti") == {
        penilai_jabar.username,
        pendamping_a.username,  # pendamping KPS tempat KTH itu
    }
    with django_capture_on_commit_callbacks(execute=True):
        sertifikat_cabut(sertifikat=sertifikat, oleh=kadis_jabar, alasan="Salah data")
    dicabut = penerima(f"Sertifikat {sertifikat.nomor}")
    assert dicabut == {penilai_jabar.username, pendamping_a.username, kadis_jabar.username}
    assert (
        Notifikasi.objects.filter(judul__startswith=f"Sertifikat {sertifikat.nomor}").count() == 3
    )
    # Penilaian yang diajukan dua kali menghasilkan dua notifikasi pengajuan, bukan lebih.
    assert Notifikasi.objects.filter(judul__contains="menunggu penetapan").count() == 2
