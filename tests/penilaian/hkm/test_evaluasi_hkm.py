import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from penilaian.hkm.models import EvaluasiHkm, Responden
from penilaian.hkm.services import (
    evaluasi_buat,
    evaluasi_finalkan,
    prasyarat_simpan,
    responden_tambah,
)
from penilaian.inti import definisi, scoring
from penilaian.inti.models import Kuesioner, VersiInstrumen
from penilaian.inti.services import (
    TindakanTidakSah,
    instrumen_muat,
    jawaban_simpan,
    kuesioner_serahkan,
    potret,
    versi_terbaru,
)
from tests.factories import KpsFactory
from tests.penilaian.conftest import FIXTURES, isi_lengkap


def test_a_changed_instrument_becomes_a_new_version_and_old_results_keep_theirs(
    evaluasi, responden, pendamping_a
):
    isi_lengkap(responden.kuesioner, pendamping_a)
    kuesioner_serahkan(kuesioner=responden.kuesioner, oleh=pendamping_a)
    teks = (FIXTURES / "hkm.yaml").read_text().replace("bobot: 10", "bobot: 12", 1)
    baru, dibuat = instrumen_muat(kanonik=definisi.dari_yaml(teks))
    assert dibuat and baru.nomor == 2
    evaluasi.refresh_from_db()
    assert evaluasi.versi.nomor == 1
    assert (
        VersiInstrumen.objects.get(nomor=1).isi["aspek"][1]["kriteria"][0]["indikator"][0]["bobot"]
        == "10"
    )
    assert versi_terbaru("HKM") == baru


def test_an_answer_is_saved_the_moment_it_is_chosen_and_survives_a_reload(
    client, responden, pendamping_a
):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("penilaian:kuesioner_jawab", args=[responden.pk]),
        {"indikator": "B1.2", "B1.2": "b"},
        HTTP_HX_REQUEST="true",
    )
    assert respons.status_code == 200
    assert "Tersimpan" in respons.content.decode()
    halaman = client.get(reverse("penilaian:kuesioner_kriteria", args=[responden.pk, "B1"]))
    terpilih = {i.kode: pilihan for i, pilihan, *_ in halaman.context["baris"]}
    assert terpilih["B1.2"] == "b"
    assert terpilih["B1.1"] == ""
    assert "1 dari 48 indikator dijawab." in halaman.content.decode()
    # Tab kriteria menyebut nama kriteria, bukan kode saja; halaman memuat langkah konfirmasi
    # global dan ikon situs.
    teks = " ".join(halaman.content.decode().split())
    assert "<strong>B1</strong> Tata Kelola Sumber Daya H…" in teks
    assert "js/konfirmasi" in teks and 'rel="icon"' in teks


def test_an_invalid_answer_is_refused_next_to_the_indicator(client, responden, pendamping_a):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("penilaian:kuesioner_jawab", args=[responden.pk]),
        {"indikator": "B1.3", "B1.3": "c"},
    )
    assert respons.status_code == 422
    assert "Pilihan tidak ada di indikator ini." in respons.content.decode()
    assert not responden.kuesioner.jawaban.exists()


def test_an_incomplete_questionnaire_cannot_be_submitted(client, responden, pendamping_a):
    client.force_login(pendamping_a)
    jawaban_simpan(kuesioner=responden.kuesioner, indikator="B1.1", nilai="a", oleh=pendamping_a)
    respons = client.post(reverse("penilaian:kuesioner_serahkan", args=[responden.pk]), follow=True)
    assert "Belum lengkap: 47 indikator belum dijawab." in respons.content.decode()
    responden.kuesioner.refresh_from_db()
    assert responden.kuesioner.status == Kuesioner.Status.DRAF


def test_the_page_by_page_form_works_without_javascript(client, responden, pendamping_a, versi_hkm):
    client.force_login(pendamping_a)
    kriteria_b1 = versi_hkm.mesin.kriteria_dinilai()[0]
    data = {i.kode: i.opsi[-1].kode for i in kriteria_b1.indikator}
    respons = client.post(reverse("penilaian:kuesioner_kriteria", args=[responden.pk, "B1"]), data)
    assert respons["Location"] == reverse("penilaian:kuesioner_kriteria", args=[responden.pk, "B2"])
    assert responden.kuesioner.jawaban.count() == 7


def test_a_full_evaluation_runs_from_respondents_to_a_final_recap(
    client, evaluasi, responden, pendamping_a, kps_a
):
    client.force_login(pendamping_a)
    isi_lengkap(responden.kuesioner, pendamping_a)
    client.post(reverse("penilaian:kuesioner_serahkan", args=[responden.pk]))
    client.post(
        reverse("penilaian:responden_tambah", args=[evaluasi.pk]),
        {"nama": "Pak Kades", "peran": "anggota"},
    )
    kedua = Responden.objects.get(nama="Pak Kades")
    isi_lengkap(kedua.kuesioner, pendamping_a, pilih=lambda i, n: i.opsi[-1].kode)
    respons = client.post(reverse("penilaian:evaluasi_finalkan", args=[evaluasi.pk]), follow=True)
    assert "Kuesioner belum diserahkan: Pak Kades." in respons.content.decode()
    client.post(reverse("penilaian:kuesioner_serahkan", args=[kedua.pk]))
    respons = client.post(reverse("penilaian:evaluasi_finalkan", args=[evaluasi.pk]))
    assert respons["Location"] == reverse("penilaian:rekap", args=[evaluasi.pk])
    evaluasi.refresh_from_db()
    assert evaluasi.final
    # Satu responden 100 di semua kriteria, satu skor terendah (33,3): rata-rata 66,65 -> 66,7
    rekap = client.get(reverse("penilaian:rekap", args=[evaluasi.pk])).context["data"].rekap
    assert {k.rata_rata for k in rekap.kolom} == {Decimal("66.7")}
    assert {k.kategori for k in rekap.kolom} == {"Sedang"}
    # Setelah final, tidak ada jawaban yang bisa diubah.
    respons = client.post(
        reverse("penilaian:kuesioner_jawab", args=[responden.pk]),
        {"indikator": "B1.1", "B1.1": "b"},
    )
    assert respons.status_code == 422
    assert "sudah diserahkan" in respons.content.decode()


@pytest.fixture
def evaluasi_terisi(evaluasi, pendamping_a, kps_a):
    """Tiga responden dengan pola berbeda, semuanya diserahkan."""
    pola = [
        lambda i, n: i.opsi[0].kode,
        lambda i, n: i.opsi[-1].kode,
        lambda i, n: i.opsi[n % len(i.opsi)].kode,
    ]
    for n, pilih in enumerate(pola):
        r = responden_tambah(
            evaluasi=evaluasi,
            nama=f"Responden {n + 1}",
            peran="anggota",
            anggota=None,
            oleh=pendamping_a,
        )
        isi_lengkap(r.kuesioner, pendamping_a, pilih=pilih)
        kuesioner_serahkan(kuesioner=r.kuesioner, oleh=pendamping_a)
    return evaluasi


def test_the_recap_page_xlsx_and_pdf_show_the_same_numbers(client, evaluasi_terisi, pendamping_a):
    client.force_login(pendamping_a)
    alamat = reverse("penilaian:rekap", args=[evaluasi_terisi.pk])
    data = client.get(alamat).context["data"]
    rata = {k.kode: k.rata_rata for k in data.rekap.kolom}

    buku = load_workbook(io.BytesIO(client.get(alamat + "?unduh=xlsx").content))
    baris = list(buku["Rekap"].values)
    kepala = baris[4]
    assert kepala[:4] == ("No", "Responden", "Peran", "B1")
    baris_rata = next(b for b in baris if b[1] == "Rata-rata")
    dari_excel = {
        kode: Decimal(str(nilai)) for kode, nilai in zip(kepala[3:], baris_rata[3:], strict=True)
    }
    assert dari_excel == rata
    baris_total = next(b for b in baris if b[1] == "Total")
    assert isinstance(baris_total[3], float | int)  # angka, bukan teks
    assert baris[3][3] == "Aspek Produksi/Ekonomi"  # judul aspek di atas kode kriteria
    assert baris[5][3] == "Tata Kelola Sumber Daya Hutan"  # nama kriteria di bawah kodenya
    prasyarat = list(buku["Prasyarat"].values)
    assert prasyarat[0] == ("Kode", "Prasyarat (tidak dibobot)", "Jawaban")
    assert [p[0] for p in prasyarat[1:]] == [p.kode for p in data.prasyarat]
    assert {p[2] for p in prasyarat[1:]} <= {"Ada", "Tidak ada", "Belum dijawab"}

    respons = client.get(alamat + "?unduh=pdf")
    assert respons["Content-Type"] == "application/pdf"
    teks = "".join(h.extract_text() for h in PdfReader(io.BytesIO(respons.content)).pages)
    assert "Rekap Evaluasi Hutan Kemasyarakatan" in teks
    assert "KPS Wana Jaya" in teks
    assert "Rata-rata" in teks
    for nilai in rata.values():
        assert f"{nilai}".replace(".", ",") in teks
    assert "Halaman 1 dari" in teks
    assert "Prioritas pendampingan" in teks
    assert "B1 Tata Kelola Sumber Daya Hutan" in " ".join(teks.split())
    assert "Aspek prasyarat" in teks and "A1.1" in teks


def test_a_respondents_summary_shows_criterion_values_as_the_recap_does(
    client, evaluasi_terisi, pendamping_a
):
    """Satu aturan tampilan: ringkasan responden memotong seperti rekap (66,6, bukan 66,7)."""
    client.force_login(pendamping_a)
    data = client.get(reverse("penilaian:rekap", args=[evaluasi_terisi.pk])).context["data"]
    rekap_html = " ".join(
        client.get(reverse("penilaian:rekap", args=[evaluasi_terisi.pk])).content.decode().split()
    )
    for responden, nilai in data.baris:
        halaman = client.get(reverse("penilaian:kuesioner_ringkas", args=[responden.pk]))
        teks = " ".join(halaman.content.decode().split())
        for kolom, v in zip(data.rekap.kolom, nilai, strict=True):
            tampil = f"{v:.1f}".replace(".", ",")
            assert f'{kolom.kode}. {kolom.nama}</td><td class="text-end">{tampil}</td>' in teks
            assert f'<td class="text-end">{tampil}</td>' in rekap_html
    semua = [v for _, nilai in data.baris for v in nilai]
    assert Decimal("66.6") in semua  # 2/3 dipotong, tidak dibulatkan menjadi 66,7


def test_the_recap_queries_do_not_grow_with_respondents(client, evaluasi, pendamping_a):
    """10 dan 500 responden: jumlah kueri halaman rekap sama (potret hasil dibaca sekali)."""
    mesin = evaluasi.versi.mesin
    hasil = potret(
        scoring.nilai(
            mesin,
            {i.kode: i.opsi[0].kode for i in mesin.semua_indikator(termasuk_prasyarat=False)},
            termasuk_prasyarat=False,
        )
    )

    def tambah(n: int, mulai: int) -> None:
        kuesioner = Kuesioner.objects.bulk_create(
            [Kuesioner(versi=evaluasi.versi, status="selesai", hasil=hasil) for _ in range(n)]
        )
        Responden.objects.bulk_create(
            [
                Responden(
                    evaluasi=evaluasi,
                    kuesioner=k,
                    nama=f"R{mulai + i}",
                    peran="anggota",
                    urutan=mulai + i,
                )
                for i, k in enumerate(kuesioner)
            ]
        )

    client.force_login(pendamping_a)
    alamat = reverse("penilaian:rekap", args=[evaluasi.pk])

    def hitung() -> int:
        with CaptureQueriesContext(connection) as kueri:
            assert client.get(alamat).status_code == 200
        return len(kueri)

    tambah(10, 0)
    sepuluh = hitung()
    tambah(490, 10)
    assert client.get(alamat).context["data"].rekap.kolom[0].total == Decimal("50000.0")
    assert hitung() == sepuluh


def test_history_shows_final_evaluations_side_by_side(client, versi_hkm, kps_a, pendamping_a):
    for tahun, pilih in [(2024, lambda i, n: i.opsi[-1].kode), (2025, lambda i, n: i.opsi[0].kode)]:
        e = evaluasi_buat(kps=kps_a, oleh=pendamping_a, tanggal=datetime.date(tahun, 9, 1))
        prasyarat_simpan(evaluasi=e, jawaban={"A1.1": "a", "A1.2": "a"}, oleh=pendamping_a)
        r = responden_tambah(evaluasi=e, nama="R", peran="anggota", anggota=None, oleh=pendamping_a)
        isi_lengkap(r.kuesioner, pendamping_a, pilih=pilih)
        kuesioner_serahkan(kuesioner=r.kuesioner, oleh=pendamping_a)
        evaluasi_finalkan(evaluasi=e, oleh=pendamping_a)
    client.force_login(pendamping_a)
    respons = client.get(reverse("penilaian:riwayat_kps", args=[kps_a.pk]))
    baris = {kode: nilai for kode, _, nilai in respons.context["baris"]}
    assert baris["B1"] == [(Decimal("33.3"), ""), (Decimal("100.0"), "naik")]
    assert "▲" in respons.content.decode()


def test_a_non_hkm_group_gets_a_warning_but_may_be_evaluated(client, versi_hkm, pendamping_a):
    kps = KpsFactory(skema="HD", pendamping=pendamping_a)
    client.force_login(pendamping_a)
    teks = client.get(reverse("penilaian:evaluasi_baru", args=[kps.pk])).content.decode()
    assert "berskema Hutan Desa (HD)" in teks
    respons = client.post(
        reverse("penilaian:evaluasi_baru", args=[kps.pk]), {"tanggal": "2026-11-01"}
    )
    assert respons.status_code == 302
    assert EvaluasiHkm.objects.filter(kps=kps).exists()


def test_a_future_evaluation_date_is_refused(client, versi_hkm, kps_a, pendamping_a):
    client.force_login(pendamping_a)
    respons = client.post(
        reverse("penilaian:evaluasi_baru", args=[kps_a.pk]), {"tanggal": "2999-01-01"}
    )
    assert "tidak boleh di masa depan" in respons.content.decode()


def test_prerequisites_must_all_be_answered(client, evaluasi, pendamping_a):
    client.force_login(pendamping_a)
    respons = client.post(reverse("penilaian:prasyarat", args=[evaluasi.pk]), {"A1.1": "a"})
    assert "Belum dijawab." in respons.content.decode()
    assert [(i.kode, pilihan) for i, pilihan, _ in respons.context["baris"]] == [
        ("A1.1", "a"),
        ("A1.2", ""),
    ]


def test_a_respondent_must_belong_to_the_group(evaluasi, pendamping_a):
    from tests.factories import AnggotaFactory

    orang_lain = AnggotaFactory(kps=KpsFactory())
    with pytest.raises(TindakanTidakSah, match="anggota KPS yang dievaluasi"):
        responden_tambah(
            evaluasi=evaluasi, nama="", peran="anggota", anggota=orang_lain, oleh=pendamping_a
        )


def test_finalising_an_evaluation_notifies_the_other_facilitators_of_the_kps(
    evaluasi_terisi, pendamping_a, kps_a, django_capture_on_commit_callbacks
):
    from akun import peran
    from kelompok.models import Penugasan
    from kerjasama.models import Notifikasi
    from tests.factories import PenggunaFactory

    rekan = PenggunaFactory(peran=peran.PENDAMPING, provinsi_id="32")
    Penugasan.objects.create(kps=kps_a, pendamping=rekan, ditugaskan_oleh=pendamping_a)
    isi = evaluasi_terisi
    isi.prasyarat = {
        i.kode: i.opsi[0].kode
        for a in isi.versi.mesin.aspek
        if a.jenis == "prasyarat"
        for k in a.kriteria
        for i in k.indikator
    }
    isi.save()
    with django_capture_on_commit_callbacks(execute=True):
        evaluasi_finalkan(evaluasi=isi, oleh=pendamping_a)
    final = Notifikasi.objects.filter(judul__contains="final")
    assert list(final.values_list("penerima", flat=True)) == [rekan.pk]  # bukan yang memfinalkan
    assert final.get().tautan == reverse("penilaian:rekap", args=[isi.pk])
