"""Perubahan data inti: memuat instrumen sebagai versi baru, mengisi dan menyerahkan kuesioner.

Kuesioner dimiliki subjek (responden HKm, penilaian KTH); sebelum jawaban berubah inti
menanyai pemiliknya lewat protokol `PemilikKuesioner`, jadi aturan kunci tiap subjek tetap
di subjeknya.
"""

from decimal import Decimal
from fractions import Fraction
from functools import cache

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from akun.models import Pengguna
from penilaian.inti import definisi, kalender, scoring
from penilaian.inti.models import (
    AspekInstrumen,
    HariLibur,
    IndikatorInstrumen,
    Instrumen,
    Jawaban,
    KalenderLibur,
    KriteriaInstrumen,
    Kuesioner,
    OpsiInstrumen,
    PemilikKuesioner,
    PengaturanKalender,
    Penjelasan,
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
            maks=desimal(a["maks"]),
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
                    bobot=desimal(i["bobot"]),
                    maks=desimal(i["maks"]),
                    isian=i["isian"],
                    sementara=i["sementara"],
                )
                OpsiInstrumen.objects.bulk_create(
                    OpsiInstrumen(
                        indikator=indikator,
                        urutan=uo,
                        kode=o["kode"],
                        teks=o["teks"],
                        skor=desimal(o.get("skor")),
                        ada=o.get("ada"),
                        sementara=o["sementara"],
                    )
                    for uo, o in enumerate(i["opsi"])
                )


def desimal(teks: str | None) -> Decimal | None:
    """Pecahan dalam teks ("7/2") sebagai Decimal; None tetap None."""
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


# Dikirim setelah daftar libur atau pengaturan hari kerja berubah (sesudah commit); subjek yang
# menyimpan tenggat hari kerja menghitungnya ulang (lihat penilaian.kth.services).
kalender_berubah = Signal()


def hari_libur() -> kalender.Kalender:
    """Kalender hari kerja nasional: dipakai seperti himpunan tanggal libur."""
    return kalender.Kalender(
        tersimpan={
            t: kalender.Hari(t, nama, jenis)
            for t, nama, jenis in HariLibur.objects.values_list("tanggal", "nama", "jenis")
        },
        resmi=dict(KalenderLibur.objects.values_list("tahun", "sumber")),
        cuti_bersama_hari_kerja=bool(
            PengaturanKalender.objects.filter(pk=1)
            .values_list("cuti_bersama_hari_kerja", flat=True)
            .first()
        ),
    )


@transaction.atomic
def kalender_muat(
    *, tahun: int, sumber: str, hari: list[kalender.Hari], oleh: Pengguna | None
) -> KalenderLibur:
    """Ganti daftar satu tahun dengan daftar resmi dari SKB; tahun itu tidak lagi perkiraan."""
    if not hari:
        raise TindakanTidakSah("Daftar hari libur kosong.")
    if any(h.tanggal.year != tahun for h in hari):
        raise TindakanTidakSah(f"Semua tanggal harus di tahun {tahun}.")
    ada = {h.tanggal: h for h in HariLibur.objects.filter(tanggal__year=tahun)}
    tetap = {h.tanggal for h in hari}
    for tanggal, lama in ada.items():
        if tanggal not in tetap:
            lama.delete()  # satu per satu agar tercatat di riwayat
    for h in hari:
        obj = ada.get(h.tanggal) or HariLibur(tanggal=h.tanggal)
        if not obj.pk or (obj.nama, obj.jenis) != (h.nama, h.jenis):
            obj.nama, obj.jenis = h.nama, h.jenis
            obj.save()
    kal, _ = KalenderLibur.objects.update_or_create(
        tahun=tahun, defaults={"sumber": sumber.strip(), "dimuat_oleh": oleh}
    )
    transaction.on_commit(lambda: kalender_berubah.send(sender=KalenderLibur, tahun=tahun))
    return kal


@transaction.atomic
def kalender_atur(*, cuti_bersama_hari_kerja: bool, oleh: Pengguna | None = None) -> None:
    pengaturan = PengaturanKalender.aktif()
    if pengaturan.cuti_bersama_hari_kerja == cuti_bersama_hari_kerja:
        return
    pengaturan.cuti_bersama_hari_kerja = cuti_bersama_hari_kerja
    pengaturan._history_user = oleh
    pengaturan.save()
    transaction.on_commit(lambda: kalender_berubah.send(sender=PengaturanKalender, tahun=None))


# ------------------------------------------------------------------ kuesioner


@cache
def _relasi_pemilik() -> tuple:
    """Relasi satu-ke-satu ke Kuesioner dari model yang memakai `PemilikKuesioner`."""
    return tuple(
        rel
        for rel in Kuesioner._meta.related_objects
        if rel.one_to_one and issubclass(rel.related_model, PemilikKuesioner)
    )


def pemilik_kuesioner(kuesioner: Kuesioner) -> PemilikKuesioner | None:
    """Objek subjek yang memiliki kuesioner ini (satu kueri per jenis pemilik)."""
    for rel in _relasi_pemilik():
        model = rel.related_model
        pemilik = (
            model._default_manager.select_related(*model.pemilik_select_related)
            .filter(**{rel.field.name: kuesioner})
            .first()
        )
        if pemilik is not None:
            return pemilik
    return None


def _pastikan_terbuka(pemilik: PemilikKuesioner | None) -> None:
    alasan = pemilik.alasan_terkunci() if pemilik is not None else None
    if alasan:
        raise TindakanTidakSah(alasan)


def _kunci_kuesioner(kuesioner: Kuesioner) -> Kuesioner:
    """Baris kuesioner ini saja yang dikunci (`of=self`): tanpa itu PostgreSQL ikut mengunci baris
    versi instrumen yang di-join, sehingga semua simpanan jawaban di seluruh negeri untuk versi
    yang sama saling menunggu. Isi instrumen tidak diurai ulang (mesinnya disimpan per proses)."""
    return (
        Kuesioner.objects.select_for_update(of=("self",))
        .select_related("versi")
        .defer("versi__isi")
        .get(pk=kuesioner.pk)
    )


@transaction.atomic
def jawaban_simpan(*, kuesioner: Kuesioner, indikator: str, nilai: str, oleh: Pengguna) -> Jawaban:
    """Simpan satu jawaban begitu dipilih (draf). Nilai kosong menghapus jawabannya."""
    kuesioner = _kunci_kuesioner(kuesioner)
    if kuesioner.selesai:
        raise TindakanTidakSah("Kuesioner ini sudah diserahkan; buka kembali untuk mengubah.")
    _pastikan_terbuka(pemilik_kuesioner(kuesioner))
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


PENJELASAN_MAKS = 2000


@transaction.atomic
def penjelasan_simpan(*, kuesioner: Kuesioner, indikator: str, teks: str, oleh: Pengguna) -> None:
    """Penjelasan kondisi terkini satu indikator; teks kosong menghapusnya. Aturannya sama
    dengan jawaban: hanya selama kuesioner masih draf dan penilaiannya terbuka."""
    kuesioner = _kunci_kuesioner(kuesioner)
    if kuesioner.selesai:
        raise TindakanTidakSah("Kuesioner ini sudah diserahkan; buka kembali untuk mengubah.")
    _pastikan_terbuka(pemilik_kuesioner(kuesioner))
    if indikator not in {i.kode for i in kuesioner.versi.mesin.semua_indikator()}:
        raise TindakanTidakSah("Indikator tidak dikenal di instrumen ini.")
    teks = (teks or "").strip()
    if len(teks) > PENJELASAN_MAKS:
        raise TindakanTidakSah(f"Penjelasan paling panjang {PENJELASAN_MAKS} karakter.")
    if not teks:
        kuesioner.penjelasan.filter(indikator=indikator).delete()
        return
    Penjelasan.objects.update_or_create(
        kuesioner=kuesioner, indikator=indikator, defaults={"teks": teks}
    )


def penjelasan_kuesioner(kuesioner: Kuesioner) -> dict[str, str]:
    return {p.indikator: p.teks for p in kuesioner.penjelasan.all()}


def jawaban_kuesioner(kuesioner: Kuesioner) -> dict[str, object]:
    return {j.indikator: j.nilai_mentah for j in kuesioner.jawaban.all()}


@transaction.atomic
def kuesioner_serahkan(*, kuesioner: Kuesioner, oleh: Pengguna) -> scoring.Hasil:
    """Serahkan kuesioner lengkap: nilai dihitung mesin dan potretnya disimpan.

    GalatJawaban bila masih ada indikator yang belum dijawab."""
    kuesioner = _kunci_kuesioner(kuesioner)
    if kuesioner.selesai:
        raise TindakanTidakSah("Kuesioner ini sudah diserahkan.")
    pemilik = pemilik_kuesioner(kuesioner)
    _pastikan_terbuka(pemilik)
    termasuk_prasyarat = pemilik.termasuk_prasyarat if pemilik is not None else True
    hasil = scoring.nilai(
        kuesioner.versi.mesin, jawaban_kuesioner(kuesioner), termasuk_prasyarat=termasuk_prasyarat
    )
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
    _pastikan_terbuka(pemilik_kuesioner(kuesioner))
    kuesioner.status = Kuesioner.Status.DRAF
    kuesioner.hasil = None
    kuesioner.diserahkan_pada = None
    kuesioner._change_reason = "Dibuka kembali untuk diperbaiki"
    kuesioner.save(update_fields=["status", "hasil", "diserahkan_pada"])
