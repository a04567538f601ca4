"""Klien yang hanya mengenal skema OpenAPI terbitan: alamat, metode dan bentuk masukan diambil
dari skema menurut operationId, tidak diketik di uji. Ia mendaftar KPS pendamping, memulai
evaluasi HKm, menambah responden, mengisi dan menyerahkan kuesioner, lalu memfinalkan; juga
memulai dan mengajukan penilaian kelas KTH."""

import datetime
import json

import pytest
from django.test import Client

from akun import peran
from penilaian.hkm.models import EvaluasiHkm
from penilaian.kth.models import PenilaianKth
from tests.api.test_api import klien_token
from tests.factories import AnggotaFactory, PenggunaFactory


class KlienSkema:
    def __init__(self, user):
        self.http = klien_token(user)
        respons = self.http.get("/api/v1/skema/", {"format": "json"})
        assert respons.status_code == 200
        skema = json.loads(respons.content)
        self.operasi = {
            o["operationId"]: (metode, jalur, o)
            for jalur, isi in skema["paths"].items()
            for metode, o in isi.items()
            if isinstance(o, dict) and "operationId" in o
        }

    def panggil(self, operation_id, data=None, **jalur):
        metode, templat, o = self.operasi[operation_id]
        alamat = templat.format(**jalur)
        if metode == "get":
            return self.http.get(alamat, data or {})
        assert metode == "post"
        if data is not None:
            jenis = o["requestBody"]["content"]
            assert "application/json" in jenis, f"{operation_id} tidak menerima JSON"
            return self.http.post(alamat, json.dumps(data), "application/json")
        return self.http.post(alamat)


def _pilih(indikator):
    return indikator["opsi"][0]["kode"] if indikator["opsi"] else str(indikator["maks"])


def test_a_schema_only_client_lists_kps_and_submits_a_whole_hkm_evaluation(
    versi_hkm, kps_a, pendamping_a, pendamping_b
):
    AnggotaFactory(kps=kps_a, nama="Euis")
    klien = KlienSkema(pendamping_a)

    daftar = klien.panggil("kps_list").json()
    assert [k["nama"] for k in daftar["results"]] == ["KPS Wana Jaya"]
    kps_id = daftar["results"][0]["id"]
    anggota = klien.panggil("anggota_list", {"kps": kps_id}).json()["results"]

    # Masukan salah: pesan per kolom dalam bahasa Indonesia, tidak ada yang dibuat.
    besok = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    salah = klien.panggil("evaluasi_hkm_create", {"kps": kps_id, "tanggal": besok})
    assert salah.status_code == 400
    assert salah.json()["tanggal"] == ["Tanggal evaluasi tidak boleh di masa depan."]
    assert not EvaluasiHkm.objects.exists()

    dibuat = klien.panggil(
        "evaluasi_hkm_create", {"kps": kps_id, "tanggal": datetime.date.today().isoformat()}
    )
    assert dibuat.status_code == 201, dibuat.content
    eid = dibuat.json()["id"]
    evaluasi = klien.panggil("evaluasi_hkm_retrieve", id=eid).json()
    prasyarat = {i["kode"]: _pilih(i) for i in evaluasi["prasyarat"]["indikator"]}
    assert prasyarat
    kurang = dict(list(prasyarat.items())[1:])
    respons = klien.panggil("evaluasi_hkm_prasyarat_create", {"jawaban": kurang}, id=eid)
    assert respons.status_code == 400 and next(iter(prasyarat)) in respons.json()  # per indikator
    respons = klien.panggil("evaluasi_hkm_prasyarat_create", {"jawaban": prasyarat}, id=eid)
    assert respons.status_code == 200, respons.content

    # Finalisasi tanpa responden ditolak dengan pesan.
    respons = klien.panggil("evaluasi_hkm_finalkan_create", id=eid)
    assert respons.status_code == 400
    assert "responden" in respons.json()["non_field_errors"][0]

    respons = klien.panggil(
        "evaluasi_hkm_responden_create",
        {"anggota": anggota[0]["id"], "peran": "pengurus"},
        id=eid,
    )
    assert respons.status_code == 201, respons.content
    responden = respons.json()
    assert responden["nama"] == "Euis" and responden["isi"]["status"] == "draf"
    # Anggota yang sama dua kali: ditolak oleh formulir halaman (sudah bukan pilihan).
    dua_kali = klien.panggil(
        "evaluasi_hkm_responden_create",
        {"anggota": anggota[0]["id"], "peran": "pengurus"},
        id=eid,
    )
    assert dua_kali.status_code == 400 and "anggota" in dua_kali.json()
    for i in responden["isi"]["indikator"]:
        r = klien.panggil(
            "responden_hkm_jawaban_create",
            {"indikator": i["kode"], "nilai": _pilih(i)},
            id=responden["id"],
        )
        assert r.status_code == 200, r.content
    assert klien.panggil("responden_hkm_serahkan_create", id=responden["id"]).status_code == 200
    respons = klien.panggil("evaluasi_hkm_finalkan_create", id=eid)
    assert respons.status_code == 200 and respons.json()["status"] == "final"
    rekap = klien.panggil("evaluasi_hkm_retrieve", id=eid).json()["rekap"]
    assert rekap["jumlah_responden"] == 1 and rekap["kriteria"]

    # Tangga akses: pendamping wilayah lain tidak menjangkau KPS ini, tamu tidak masuk.
    lain = KlienSkema(pendamping_b)
    respons = lain.panggil(
        "evaluasi_hkm_create", {"kps": kps_id, "tanggal": datetime.date.today().isoformat()}
    )
    assert respons.status_code == 404
    assert (
        lain.panggil("evaluasi_hkm_responden_create", {"peran": "pengurus"}, id=eid).status_code
        == 404
    )
    tamu = Client().post(
        klien.operasi["evaluasi_hkm_create"][1], {"kps": kps_id}, "application/json"
    )
    assert tamu.status_code == 401
    assert EvaluasiHkm.objects.count() == 1


def test_a_schema_only_client_starts_scores_and_submits_a_kth_assessment(
    versi_kth, kth_jabar, pendamping_a
):
    penilai = PenggunaFactory(username="penilai_klien", peran=peran.PENILAI_KTH, provinsi_id="32")
    # Pendamping membaca KTH tetapi menilai kelas adalah tugas Penilai KTH provinsinya.
    tahun = datetime.date.today().year
    respons = KlienSkema(pendamping_a).panggil(
        "penilaian_kth_create", {"kth": kth_jabar.pk, "tahun": tahun}
    )
    assert respons.status_code == 403
    klien = KlienSkema(penilai)
    kth = klien.panggil("kth_list").json()["results"]
    assert [k["id"] for k in kth] == [kth_jabar.pk]
    respons = klien.panggil("penilaian_kth_create", {"kth": kth_jabar.pk, "tahun": tahun + 1})
    assert respons.status_code == 400 and "tahun" in respons.json()
    respons = klien.panggil("penilaian_kth_create", {"kth": kth_jabar.pk, "tahun": tahun})
    assert respons.status_code == 201, respons.content
    pid = respons.json()["id"]
    isi = klien.panggil("penilaian_kth_retrieve", id=pid).json()["isi"]
    respons = klien.panggil("penilaian_kth_ajukan_create", id=pid)
    assert respons.status_code == 400
    assert set(respons.json()) == {i["kode"] for i in isi["indikator"]}  # belum lengkap
    for i in isi["indikator"]:
        r = klien.panggil(
            "penilaian_kth_jawaban_create", {"indikator": i["kode"], "nilai": _pilih(i)}, id=pid
        )
        assert r.status_code == 200, r.content
    respons = klien.panggil("penilaian_kth_ajukan_create", id=pid)
    assert respons.status_code == 200, respons.content
    assert respons.json()["status"] == PenilaianKth.Status.DIAJUKAN


PERAN = ["pendamping_a", "pendamping_b", "staf_bpskl", "penilai", "kepala_dinas", "admin_nasional"]
SETARA = {302: 201, 403: 403, 404: 404}  # halaman -> API


@pytest.mark.parametrize("nama_pengguna", PERAN)
def test_starting_an_assessment_is_allowed_exactly_where_the_page_allows_it(
    nama_pengguna, request, versi_hkm, versi_kth, kth_jabar, kps_a
):
    user = request.getfixturevalue(nama_pengguna)
    hari_ini = datetime.date.today()
    halaman = Client()
    halaman.force_login(user)
    klien = KlienSkema(user)
    for url, isi, operasi, data in [
        (
            f"/penilaian/hkm/baru/{kps_a.pk}/",
            {"tanggal": hari_ini.isoformat()},
            "evaluasi_hkm_create",
            {"kps": kps_a.pk, "tanggal": hari_ini.isoformat()},
        ),
        (
            f"/penilaian/kth/baru/{kth_jabar.pk}/",
            {"tahun": hari_ini.year - 1},
            "penilaian_kth_create",
            {"kth": kth_jabar.pk, "tahun": hari_ini.year},
        ),
    ]:
        dari_halaman = halaman.post(url, isi).status_code
        assert klien.panggil(operasi, data).status_code == SETARA[dari_halaman], (url, user)


def test_evidence_goes_up_in_resumable_chunks_through_the_api(versi_kth, kth_jabar, pendamping_a):
    from penilaian.kth.models import BuktiFisik
    from perhutanan.models import Unggahan
    from tests.factories import pdf_uji

    penilai = PenggunaFactory(username="penilai_unggah", peran=peran.PENILAI_KTH, provinsi_id="32")
    klien = KlienSkema(penilai)
    tahun = datetime.date.today().year
    pid = klien.panggil("penilaian_kth_create", {"kth": kth_jabar.pk, "tahun": tahun}).json()["id"]
    isi = pdf_uji("bukti") + b"\n%" + b"x" * 600_000
    mulai = klien.panggil(
        "unggahan_create", {"nama": "bukti.pdf", "ukuran": len(isi), "jenis": "application/pdf"}
    )
    assert mulai.status_code == 201
    uid, potongan = mulai.json()["id"], mulai.json()["potongan"]
    _, templat, _ = klien.operasi["unggahan_potongan_update"]
    alamat = templat.format(id=uid)

    def kirim(dari, sampai):
        return klien.http.put(
            f"{alamat}?mulai={dari}", isi[dari:sampai], content_type="application/octet-stream"
        )

    assert kirim(0, potongan).json()["diterima"] == potongan
    # Putus: klien tidak tahu potongan kedua sampai atau tidak. Ia bertanya, lalu melanjutkan.
    assert kirim(potongan, 2 * potongan).status_code == 200
    diterima = klien.panggil("unggahan_retrieve", id=uid).json()["diterima"]
    assert diterima == 2 * potongan
    ulang = kirim(potongan, 2 * potongan)  # pengiriman ganda tidak tercampur
    assert ulang.status_code == 409 and ulang.json()["diterima"] == diterima
    # Orang lain tidak menjangkau unggahan ini.
    assert KlienSkema(pendamping_a).panggil("unggahan_retrieve", id=uid).status_code == 404
    while diterima < len(isi):
        diterima = kirim(diterima, diterima + potongan).json()["diterima"]
    assert klien.panggil("unggahan_retrieve", id=uid).json()["selesai"] is True

    kode = klien.panggil("penilaian_kth_retrieve", id=pid).json()["isi"]["indikator"][0]["kode"]
    respons = klien.panggil(
        "penilaian_kth_bukti_create", {"indikator": kode, "unggahan": uid}, id=pid
    )
    assert respons.status_code == 201, respons.content
    assert BuktiFisik.objects.get(indikator=kode).berkas.read() == isi
    assert not Unggahan.objects.exists()
    respons = klien.panggil(
        "penilaian_kth_bukti_create", {"indikator": kode, "unggahan": uid}, id=pid
    )
    assert respons.status_code == 400 and "unggahan" in respons.json()
