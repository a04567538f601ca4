"""Perubahan evaluasi HKm: membuat, menambah responden, prasyarat, finalisasi."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from akun.models import Pengguna
from kelompok.models import Anggota, Kps
from kerjasama.services import beritahu_setelah_commit, pendamping_kps
from penilaian.hkm.models import EvaluasiHkm, Responden
from penilaian.inti import scoring
from penilaian.inti.models import Kuesioner
from penilaian.inti.services import TindakanTidakSah, versi_terbaru


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
    evaluasi = (
        EvaluasiHkm.objects.select_for_update(of=("self",))
        .select_related("versi")
        .get(pk=evaluasi.pk)
    )
    if evaluasi.final:
        raise TindakanTidakSah("Evaluasi ini sudah final.")
    scoring.nilai_prasyarat(evaluasi.versi.mesin, jawaban)
    evaluasi.prasyarat = dict(jawaban)
    evaluasi.save(update_fields=["prasyarat"])


@transaction.atomic
def evaluasi_finalkan(*, evaluasi: EvaluasiHkm, oleh: Pengguna) -> EvaluasiHkm:
    """Kunci evaluasi: prasyarat lengkap, paling sedikit satu responden, semua diserahkan."""
    evaluasi = (
        EvaluasiHkm.objects.select_for_update(of=("self",))
        .select_related("versi")
        .get(pk=evaluasi.pk)
    )
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
    kps = evaluasi.kps
    beritahu_setelah_commit(
        penerima=[p for p in pendamping_kps(kps.pk) if p.pk != oleh.pk],
        judul=f"Evaluasi HKm {kps.nama} {evaluasi.tanggal:%d-%m-%Y} final",
        pesan=f"{len(responden)} responden. Rekap dan prioritas pendampingan dapat dibaca.",
        tautan=reverse("penilaian:rekap", args=[evaluasi.pk]),
    )
    return evaluasi
