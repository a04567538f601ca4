"""Perubahan data penilaian: memuat instrumen, mengisi dan menyerahkan kuesioner, evaluasi HKm."""

import hashlib
import secrets
from decimal import Decimal
from fractions import Fraction

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from akun.models import Pengguna
from kelompok.models import Anggota, Kps, RiwayatKelasKth
from penilaian import definisi, ekonomi, hari_kerja, scoring
from penilaian.forms_ekonomi import masukan_agroforestri, masukan_ekowisata
from penilaian.models import (
    AnalisisUsaha,
    AspekInstrumen,
    EvaluasiHkm,
    HariLibur,
    IndikatorInstrumen,
    Instrumen,
    Jawaban,
    KriteriaInstrumen,
    Kuesioner,
    OpsiInstrumen,
    PengaturanSertifikat,
    PenilaianKth,
    Responden,
    RiwayatStatusKth,
    Sertifikat,
    UrutanSertifikat,
    VersiInstrumen,
)
from penilaian.sertifikat import pdf_sertifikat, url_verifikasi


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
    penilaian = PenilaianKth.objects.filter(kuesioner=kuesioner).only("status").first()
    if penilaian is not None and penilaian.status not in (
        PenilaianKth.Status.DRAF,
        PenilaianKth.Status.DIKEMBALIKAN,
    ):
        raise TindakanTidakSah(f"Penilaian ini {penilaian.get_status_display().lower()}.")


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


# ------------------------------------------------------------------ kelas KTH

S = PenilaianKth.Status
TRANSISI_KTH = {
    S.DRAF: {S.DIAJUKAN, S.DITARIK},
    S.DIAJUKAN: {S.DITETAPKAN, S.DIKEMBALIKAN, S.DITARIK},
    S.DIKEMBALIKAN: {S.DIAJUKAN, S.DITARIK},
    S.DITETAPKAN: {S.DITARIK},
    S.DITARIK: set(),
}
HARI_KERJA_PENETAPAN = 10


def _ubah_status_kth(
    penilaian: PenilaianKth, ke: str, *, oleh: Pengguna, catatan: str = ""
) -> None:
    """Satu-satunya penulis status penilaian KTH: periksa tabel transisi, simpan, catat riwayat."""
    if ke not in TRANSISI_KTH[penilaian.status]:
        raise TindakanTidakSah(
            f"Penilaian berstatus {penilaian.get_status_display()} tidak dapat menjadi "
            f"{PenilaianKth.Status(ke).label}."
        )
    dari = penilaian.status
    penilaian.status = ke
    penilaian.catatan = catatan
    penilaian._change_reason = catatan
    penilaian.save()
    RiwayatStatusKth.objects.create(
        penilaian=penilaian, dari=dari, ke=ke, oleh=oleh, catatan=catatan
    )


def _kunci_penilaian(penilaian: PenilaianKth) -> PenilaianKth:
    return (
        PenilaianKth.objects.select_for_update(of=("self",))
        .select_related(
            "kuesioner__versi", "kth__desa__kecamatan", "kth__kabupaten", "kth__provinsi"
        )
        .get(pk=penilaian.pk)
    )


def hari_libur() -> set:
    return set(HariLibur.objects.values_list("tanggal", flat=True))


@transaction.atomic
def penilaian_kth_buat(*, kth, tahun: int, oleh: Pengguna) -> PenilaianKth:
    if PenilaianKth.objects.filter(kth=kth, tahun=tahun).exclude(status=S.DITARIK).exists():
        raise TindakanTidakSah(
            f"{kth} sudah dinilai untuk tahun {tahun}. Tarik penilaian itu dengan alasan "
            "sebelum membuat penilaian baru."
        )
    penilaian = PenilaianKth.objects.create(
        kth=kth,
        tahun=tahun,
        penilai=oleh,
        kuesioner=Kuesioner.objects.create(versi=versi_terbaru("KTH")),
    )
    RiwayatStatusKth.objects.create(penilaian=penilaian, ke=S.DRAF, oleh=oleh, catatan="Dibuat")
    return penilaian


@transaction.atomic
def penilaian_kth_ajukan(*, penilaian: PenilaianKth, oleh: Pengguna) -> PenilaianKth:
    """Serahkan penilaian lengkap ke Kepala Dinas; tenggat 10 hari kerja sejak diterima."""
    penilaian = _kunci_penilaian(penilaian)
    if S.DIAJUKAN not in TRANSISI_KTH[penilaian.status]:
        raise TindakanTidakSah(f"Penilaian berstatus {penilaian.get_status_display()}.")
    hasil = kuesioner_serahkan(kuesioner=penilaian.kuesioner, oleh=oleh)
    sekarang = timezone.now()
    penilaian.total = _desimal(str(hasil.total))
    penilaian.kelas = hasil.golongan
    penilaian.diajukan_pada = sekarang
    penilaian.tenggat = hari_kerja.tambah_hari_kerja(
        timezone.localdate(sekarang), HARI_KERJA_PENETAPAN, hari_libur()
    )
    _ubah_status_kth(
        penilaian, S.DIAJUKAN, oleh=oleh, catatan=f"Nilai {hasil.total}, {hasil.golongan}"
    )
    return penilaian


@transaction.atomic
def penilaian_kth_kembalikan(
    *, penilaian: PenilaianKth, oleh: Pengguna, alasan: str
) -> PenilaianKth:
    if not alasan.strip():
        raise TindakanTidakSah("Tuliskan alasan pengembalian.")
    penilaian = _kunci_penilaian(penilaian)
    _ubah_status_kth(penilaian, S.DIKEMBALIKAN, oleh=oleh, catatan=alasan.strip())
    kuesioner_buka_kembali(kuesioner=penilaian.kuesioner, oleh=oleh)
    return penilaian


@transaction.atomic
def penilaian_kth_tetapkan(*, penilaian: PenilaianKth, oleh: Pengguna) -> Sertifikat:
    """Penetapan kelas oleh Kepala Dinas: kelas masuk riwayat KTH dan sertifikat terbit.

    Baris penilaian dikunci sehingga dua klik bersamaan hanya menghasilkan satu penetapan.
    """

    penilaian = _kunci_penilaian(penilaian)
    _ubah_status_kth(penilaian, S.DITETAPKAN, oleh=oleh, catatan=f"Kelas {penilaian.kelas}")
    sekarang = timezone.now()
    penilaian.ditetapkan_oleh = oleh
    penilaian.ditetapkan_pada = sekarang
    penilaian.save(update_fields=["ditetapkan_oleh", "ditetapkan_pada"])
    kth = penilaian.kth
    kelas_kode = penilaian.kelas.lower()
    RiwayatKelasKth.objects.create(
        kth=kth,
        tahun=penilaian.tahun,
        kelas=kelas_kode,
        nilai=penilaian.total,
        ditetapkan_pada=timezone.localdate(sekarang),
        keterangan=f"Penilaian {penilaian.pk}",
    )
    if kth.kelas != kelas_kode:
        kth.kelas = kelas_kode
        kth._change_reason = f"Penetapan kelas {penilaian.tahun}"
        kth.save(update_fields=["kelas", "diubah_pada"])
    return _terbitkan_sertifikat(penilaian, oleh=oleh, waktu=sekarang)


def _nomor_urut(provinsi_id: str, tahun: int) -> int:
    """Nomor urut berikutnya; baris urutan dikunci sampai transaksi penetapan selesai."""

    if not UrutanSertifikat.objects.filter(provinsi_id=provinsi_id, tahun=tahun).exists():
        try:
            with transaction.atomic():
                UrutanSertifikat.objects.create(provinsi_id=provinsi_id, tahun=tahun)
        except IntegrityError:
            pass  # dibuat bersamaan oleh penetapan lain; baris itu yang dipakai
    urutan = UrutanSertifikat.objects.select_for_update().get(provinsi_id=provinsi_id, tahun=tahun)
    urutan.terakhir += 1
    urutan.save(update_fields=["terakhir"])
    return urutan.terakhir


def _terbitkan_sertifikat(penilaian: PenilaianKth, *, oleh: Pengguna, waktu) -> Sertifikat:
    kth = penilaian.kth
    pengaturan = PengaturanSertifikat.objects.get(provinsi_id=kth.provinsi_id)
    urut = _nomor_urut(kth.provinsi_id, penilaian.tahun)
    nomor = pengaturan.pola_nomor.format(urut=urut, tahun=penilaian.tahun, provinsi=kth.provinsi_id)
    kode = secrets.token_urlsafe(18)
    versi = penilaian.kuesioner.versi
    data = {
        "nomor": nomor,
        "kth": kth.nama,
        "nomor_register": kth.nomor_register,
        "desa": kth.desa.nama,
        "kecamatan": kth.desa.kecamatan.nama,
        "kabupaten": kth.kabupaten.nama,
        "provinsi": kth.provinsi.nama,
        "kelas": penilaian.kelas,
        "total": str(penilaian.total.normalize()),
        "tahun": penilaian.tahun,
        "dasar_hukum": versi.isi.get("dasar_hukum", []),
        "kantor": pengaturan.kantor,
        "penandatangan": oleh.get_full_name(),
        "nip": oleh.nip,
        "tempat": pengaturan.tempat,
        "tanggal": timezone.localdate(waktu).isoformat(),
        "kode": kode,
        "url_verifikasi": url_verifikasi(kode),
        "instrumen": str(versi),
        "nilai_sementara": versi.ada_sementara,
    }
    isi_pdf = pdf_sertifikat(data)
    sertifikat = Sertifikat(
        penilaian=penilaian,
        provinsi_id=kth.provinsi_id,
        tahun=penilaian.tahun,
        urut=urut,
        nomor=nomor,
        kode=kode,
        data=data,
        sha256=hashlib.sha256(isi_pdf).hexdigest(),
        diterbitkan_pada=waktu,
    )
    sertifikat.berkas.save(
        f"sertifikat-kth-{kth.pk}-{penilaian.tahun}-{urut}.pdf", ContentFile(isi_pdf), save=False
    )
    sertifikat.save()
    return sertifikat


@transaction.atomic
def penilaian_kth_tarik(*, penilaian: PenilaianKth, oleh: Pengguna, alasan: str) -> PenilaianKth:
    """Tarik penilaian (agar bisa dinilai ulang tahun itu); sertifikatnya ikut dicabut."""
    if not alasan.strip():
        raise TindakanTidakSah("Tuliskan alasan penarikan.")
    penilaian = _kunci_penilaian(penilaian)
    sebelumnya = penilaian.status
    _ubah_status_kth(penilaian, S.DITARIK, oleh=oleh, catatan=alasan.strip())
    if sebelumnya == S.DITETAPKAN and hasattr(penilaian, "sertifikat"):
        sertifikat_cabut(
            sertifikat=penilaian.sertifikat,
            oleh=oleh,
            alasan=f"Penilaian ditarik: {alasan.strip()}",
        )
    return penilaian


@transaction.atomic
def sertifikat_cabut(*, sertifikat: Sertifikat, oleh: Pengguna, alasan: str) -> Sertifikat:
    if not alasan.strip():
        raise TindakanTidakSah("Tuliskan alasan pencabutan.")
    sertifikat = Sertifikat.objects.select_for_update().get(pk=sertifikat.pk)
    if sertifikat.status == Sertifikat.Status.DICABUT:
        raise TindakanTidakSah("Sertifikat ini sudah dicabut.")
    sertifikat.status = Sertifikat.Status.DICABUT
    sertifikat.alasan_cabut = alasan.strip()
    sertifikat.dicabut_oleh = oleh
    sertifikat.dicabut_pada = timezone.now()
    sertifikat._change_reason = alasan.strip()
    sertifikat.save(update_fields=["status", "alasan_cabut", "dicabut_oleh", "dicabut_pada"])
    return sertifikat


# ------------------------------------------------------------------ skala usaha KUPS


def _teks_angka(v) -> str | None:
    """Decimal sebagai teks posisi biasa (3600, bukan 3.60E+3); nilai lain apa adanya."""

    if v is None:
        return None
    return format(v, "f") if isinstance(v, Decimal) else str(v)


def _ke_json(data: dict) -> dict:
    return {k: _teks_angka(v) for k, v in data.items()}


def _dari_json(data: dict) -> dict:
    hasil = {}
    for k, v in data.items():
        if v is None or k in ("nama", "satuan", "judul"):
            hasil[k] = v
        elif k == "periode":
            hasil[k] = int(v)
        else:
            hasil[k] = Decimal(v)
    return hasil


def analisis_hitung(jenis: str, umum: dict, baris: list[dict]):
    """(masukan, hasil) dari data formulir; GalatMasukan bila tidak mungkin dihitung."""

    if jenis == AnalisisUsaha.Jenis.AGROFORESTRI:
        masukan = masukan_agroforestri(umum, baris)
        return masukan, ekonomi.hitung_agroforestri(masukan)
    masukan = masukan_ekowisata(umum, baris)
    return masukan, ekonomi.hitung_ekowisata(masukan)


@transaction.atomic
def analisis_buat(
    *, kups, jenis: str, umum: dict, baris: list[dict], oleh: Pengguna
) -> AnalisisUsaha:
    _, hasil = analisis_hitung(jenis, umum, baris)
    ringkas = {
        "npv": _teks_angka(hasil.npv),
        "bcr": _teks_angka(hasil.bcr),
        "tercapai": hasil.tercapai,
    }
    if jenis == AnalisisUsaha.Jenis.AGROFORESTRI:
        ringkas["bep_paket"] = _teks_angka(hasil.bep_paket)
        ringkas["luas_minimum"] = _teks_angka(hasil.luas_minimum)
    else:
        ringkas["bep_rupiah"] = _teks_angka(hasil.bep_rupiah)
        ringkas["kunjungan_tahunan"] = _teks_angka(hasil.kunjungan_tahunan)
    return AnalisisUsaha.objects.create(
        kups=kups,
        jenis=jenis,
        judul=umum["judul"],
        masukan={"umum": _ke_json(umum), "baris": [_ke_json(b) for b in baris]},
        hasil=ringkas,
        penulis=oleh,
    )


def analisis_muat(analisis: AnalisisUsaha):
    """Hitung ulang hasil lengkap dari masukan yang tersimpan (perhitungan murni, deterministik)."""
    umum = _dari_json(analisis.masukan["umum"])
    baris = [_dari_json(b) for b in analisis.masukan["baris"]]
    return umum, baris, analisis_hitung(analisis.jenis, umum, baris)[1]
