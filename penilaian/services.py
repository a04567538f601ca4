"""Perubahan data penilaian: memuat instrumen, mengisi dan menyerahkan kuesioner, evaluasi HKm."""

from fractions import Fraction

from django.db import transaction
from django.utils import timezone

from akun.models import Pengguna
from kelompok.models import Anggota, Kps
from penilaian import definisi, scoring
from penilaian.models import (
    AspekInstrumen,
    EvaluasiHkm,
    IndikatorInstrumen,
    Instrumen,
    Jawaban,
    KriteriaInstrumen,
    Kuesioner,
    OpsiInstrumen,
    Responden,
    VersiInstrumen,
)


class TindakanTidakSah(Exception):
    """Ditolak aturan domain; pesannya untuk pengguna."""


# ------------------------------------------------------------------ instrumen


@transaction.atomic
def instrumen_muat(
    *, kanonik: dict, sumber: str = "", oleh: Pengguna | None = None, catatan: str = ""
) -> tuple[VersiInstrumen, bool]:
    """Simpan isi instrumen sebagai versi baru bila isinya berubah; (versi, dibuat)."""
    instrumen, _ = Instrumen.objects.get_or_create(
        kode=kanonik["kode"], defaults={"nama": kanonik["nama"]}
    )
    sidik = definisi.sidik(kanonik)
    ada = instrumen.versi.filter(sidik=sidik).first()
    if ada is not None:
        return ada, False
    terakhir = instrumen.versi.select_for_update().order_by("-nomor").first()
    versi = VersiInstrumen.objects.create(
        instrumen=instrumen,
        nomor=(terakhir.nomor + 1) if terakhir else 1,
        sidik=sidik,
        isi=kanonik,
        sumber=sumber,
        dimuat_oleh=oleh,
        catatan=catatan,
    )
    if instrumen.nama != kanonik["nama"]:
        instrumen.nama = kanonik["nama"]
        instrumen.save(update_fields=["nama"])
    _buat_baris(versi, kanonik)
    return versi, True


def _buat_baris(versi: VersiInstrumen, kanonik: dict) -> None:
    for ua, a in enumerate(kanonik["aspek"]):
        aspek = AspekInstrumen.objects.create(
            versi=versi,
            urutan=ua,
            kode=a["kode"],
            nama=a["nama"],
            jenis=a["jenis"],
            maks=_desimal(a["maks"]),
        )
        for uk, k in enumerate(a["kriteria"]):
            kriteria = KriteriaInstrumen.objects.create(
                aspek=aspek, urutan=uk, kode=k["kode"], nama=k["nama"]
            )
            for ui, i in enumerate(k["indikator"]):
                indikator = IndikatorInstrumen.objects.create(
                    kriteria=kriteria,
                    urutan=ui,
                    kode=i["kode"],
                    teks=i["teks"],
                    bobot=_desimal(i["bobot"]),
                    maks=_desimal(i["maks"]),
                    isian=i["isian"],
                    sementara=i["sementara"],
                )
                OpsiInstrumen.objects.bulk_create(
                    OpsiInstrumen(
                        indikator=indikator,
                        urutan=uo,
                        kode=o["kode"],
                        teks=o["teks"],
                        skor=_desimal(o.get("skor")),
                        ada=o.get("ada"),
                        sementara=o["sementara"],
                    )
                    for uo, o in enumerate(i["opsi"])
                )


def _desimal(teks: str | None):
    from decimal import Decimal

    if teks is None:
        return None
    f = Fraction(teks)
    return Decimal(f.numerator) / Decimal(f.denominator)


def versi_terbaru(kode: str) -> VersiInstrumen:
    versi = VersiInstrumen.objects.filter(instrumen__kode=kode).order_by("-nomor").first()
    if versi is None:
        raise TindakanTidakSah(
            f"Instrumen {kode} belum dimuat. Jalankan: python manage.py muat_instrumen"
        )
    return versi


# ------------------------------------------------------------------ kuesioner


def _kunci_kuesioner(kuesioner: Kuesioner) -> Kuesioner:
    return Kuesioner.objects.select_for_update().select_related("versi").get(pk=kuesioner.pk)


@transaction.atomic
def jawaban_simpan(*, kuesioner: Kuesioner, indikator: str, nilai: str, oleh: Pengguna) -> Jawaban:
    """Simpan satu jawaban begitu dipilih (draf). Nilai kosong menghapus jawabannya."""
    kuesioner = _kunci_kuesioner(kuesioner)
    if kuesioner.selesai:
        raise TindakanTidakSah("Kuesioner ini sudah diserahkan; buka kembali untuk mengubah.")
    _pastikan_evaluasi_terbuka(kuesioner)
    mesin = kuesioner.versi.mesin
    target = next((i for i in mesin.semua_indikator() if i.kode == indikator), None)
    if target is None:
        raise TindakanTidakSah("Indikator tidak dikenal di instrumen ini.")
    if nilai in (None, ""):
        kuesioner.jawaban.filter(indikator=indikator).delete()
        return Jawaban(kuesioner=kuesioner, indikator=indikator)
    try:
        scoring.periksa_jawaban(target, nilai)
    except ValueError as e:
        raise TindakanTidakSah(str(e)) from e
    jawaban, _ = Jawaban.objects.update_or_create(
        kuesioner=kuesioner,
        indikator=indikator,
        defaults={
            "opsi": "" if target.isian else str(nilai),
            "angka": int(Fraction(str(nilai).strip())) if target.isian else None,
        },
    )
    return jawaban


def jawaban_kuesioner(kuesioner: Kuesioner) -> dict[str, object]:
    return {j.indikator: j.nilai_mentah for j in kuesioner.jawaban.all()}


def _pastikan_evaluasi_terbuka(kuesioner: Kuesioner) -> None:
    responden = Responden.objects.filter(kuesioner=kuesioner).select_related("evaluasi").first()
    if responden is not None and responden.evaluasi.final:
        raise TindakanTidakSah("Evaluasi ini sudah final dan tidak dapat diubah.")


@transaction.atomic
def kuesioner_serahkan(*, kuesioner: Kuesioner, oleh: Pengguna) -> scoring.Hasil:
    """Serahkan kuesioner lengkap: nilai dihitung mesin dan potretnya disimpan.

    GalatJawaban bila masih ada indikator yang belum dijawab."""
    kuesioner = _kunci_kuesioner(kuesioner)
    if kuesioner.selesai:
        raise TindakanTidakSah("Kuesioner ini sudah diserahkan.")
    _pastikan_evaluasi_terbuka(kuesioner)
    mesin = kuesioner.versi.mesin
    hkm = Responden.objects.filter(kuesioner=kuesioner).exists()
    hasil = scoring.nilai(mesin, jawaban_kuesioner(kuesioner), termasuk_prasyarat=not hkm)
    kuesioner.hasil = potret(hasil)
    kuesioner.status = Kuesioner.Status.SELESAI
    kuesioner.diserahkan_pada = timezone.now()
    kuesioner.save(update_fields=["hasil", "status", "diserahkan_pada"])
    return hasil


def potret(hasil: scoring.Hasil) -> dict:
    """Hasil mesin sebagai JSON eksak (pecahan sebagai teks)."""
    return {
        "kriteria": {k.kode: str(k.nilai) for k in hasil.kriteria},
        "kategori": {k.kode: k.kategori for k in hasil.kriteria},
        "aspek": {a.kode: str(a.nilai) for a in hasil.aspek},
        "total": None if hasil.total is None else str(hasil.total),
        "golongan": hasil.golongan,
    }


@transaction.atomic
def kuesioner_buka_kembali(*, kuesioner: Kuesioner, oleh: Pengguna) -> None:
    kuesioner = _kunci_kuesioner(kuesioner)
    if not kuesioner.selesai:
        raise TindakanTidakSah("Kuesioner ini masih draf.")
    _pastikan_evaluasi_terbuka(kuesioner)
    kuesioner.status = Kuesioner.Status.DRAF
    kuesioner.hasil = None
    kuesioner.diserahkan_pada = None
    kuesioner._change_reason = "Dibuka kembali untuk diperbaiki"
    kuesioner.save(update_fields=["status", "hasil", "diserahkan_pada"])


# ------------------------------------------------------------------ evaluasi HKm


@transaction.atomic
def evaluasi_buat(*, kps: Kps, oleh: Pengguna, tanggal) -> EvaluasiHkm:
    return EvaluasiHkm.objects.create(
        kps=kps, versi=versi_terbaru("HKM"), tanggal=tanggal, penilai=oleh
    )


@transaction.atomic
def responden_tambah(
    *, evaluasi: EvaluasiHkm, nama: str, peran: str, anggota: Anggota | None, oleh: Pengguna
) -> Responden:
    evaluasi = EvaluasiHkm.objects.select_for_update().get(pk=evaluasi.pk)
    if evaluasi.final:
        raise TindakanTidakSah("Evaluasi ini sudah final.")
    if anggota is not None and anggota.kps_id != evaluasi.kps_id:
        raise TindakanTidakSah("Responden harus anggota KPS yang dievaluasi.")
    if anggota is not None and evaluasi.responden.filter(anggota=anggota).exists():
        raise TindakanTidakSah(f"{anggota} sudah menjadi responden evaluasi ini.")
    urutan = evaluasi.responden.count() + 1
    return Responden.objects.create(
        evaluasi=evaluasi,
        kuesioner=Kuesioner.objects.create(versi=evaluasi.versi),
        anggota=anggota,
        nama=nama or str(anggota),
        peran=peran,
        urutan=urutan,
    )


@transaction.atomic
def prasyarat_simpan(*, evaluasi: EvaluasiHkm, jawaban: dict[str, str], oleh: Pengguna) -> None:
    evaluasi = EvaluasiHkm.objects.select_for_update().select_related("versi").get(pk=evaluasi.pk)
    if evaluasi.final:
        raise TindakanTidakSah("Evaluasi ini sudah final.")
    scoring.nilai_prasyarat(evaluasi.versi.mesin, jawaban)
    evaluasi.prasyarat = dict(jawaban)
    evaluasi.save(update_fields=["prasyarat"])


@transaction.atomic
def evaluasi_finalkan(*, evaluasi: EvaluasiHkm, oleh: Pengguna) -> EvaluasiHkm:
    """Kunci evaluasi: prasyarat lengkap, paling sedikit satu responden, semua diserahkan."""
    evaluasi = EvaluasiHkm.objects.select_for_update().select_related("versi").get(pk=evaluasi.pk)
    if evaluasi.final:
        raise TindakanTidakSah("Evaluasi ini sudah final.")
    try:
        scoring.nilai_prasyarat(evaluasi.versi.mesin, evaluasi.prasyarat)
    except scoring.GalatJawaban as e:
        raise TindakanTidakSah("Lengkapi jawaban prasyarat sebelum finalisasi.") from e
    responden = list(evaluasi.responden.select_related("kuesioner"))
    if not responden:
        raise TindakanTidakSah("Tambahkan paling sedikit satu responden.")
    belum = [r.nama for r in responden if not r.kuesioner.selesai]
    if belum:
        raise TindakanTidakSah("Kuesioner belum diserahkan: " + ", ".join(belum) + ".")
    evaluasi.status = EvaluasiHkm.Status.FINAL
    evaluasi.difinalkan_pada = timezone.now()
    evaluasi.save(update_fields=["status", "difinalkan_pada"])
    return evaluasi
