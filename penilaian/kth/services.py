"""Perubahan penilaian kelas KTH: dibuat, diajukan, dikembalikan, ditetapkan, ditarik.

Status hanya ditulis `_ubah_status_kth` menurut tabel TRANSISI_KTH; penetapan menerbitkan
sertifikat bernomor urut per provinsi per tahun, pencabutan menyimpan alasannya.
"""

import datetime
import secrets

from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from akun import peran
from akun.models import Pengguna
from dokumen.models import JenisKantor, Kantor
from dokumen.services import potret_kop, urut_berikut
from kelompok.models import KelasKth, Kth, RiwayatKelasKth
from kerjasama.services import (
    beritahu,
    beritahu_setelah_commit,
    kepala_dinas_provinsi,
    pendamping_kps,
)
from penilaian.inti import hari_kerja
from penilaian.inti.models import Kuesioner
from penilaian.inti.services import (
    TindakanTidakSah,
    desimal,
    hari_libur,
    kalender_berubah,
    kuesioner_buka_kembali,
    kuesioner_serahkan,
    versi_terbaru,
)
from penilaian.kth.models import (
    BuktiFisik,
    EksporSertifikat,
    PengaturanSertifikat,
    PenilaianKth,
    RiwayatStatusKth,
    Sertifikat,
    UrutanSertifikat,
)
from penilaian.kth.pekerjaan import buat_pdf_sertifikat, ekspor_sertifikat_zip
from penilaian.kth.selectors import catatan_tenggat
from penilaian.kth.sertifikat import url_verifikasi
from perhutanan.pekerjaan import antrekan

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


@transaction.atomic
def bukti_fisik_simpan(*, penilaian: PenilaianKth, indikator: str, berkas, oleh: Pengguna):
    """Bukti fisik satu indikator penilaian KTH (halaman penilaian dan API): indikator instrumen
    itu, selama penilaian masih draf atau dikembalikan, berkas diperiksa isinya."""
    from django.core.exceptions import ValidationError

    from perhutanan.berkas import validasi_berkas_pendukung

    kode_sah = {i.kode for i in penilaian.kuesioner.versi.mesin.semua_indikator()}
    if indikator not in kode_sah or berkas is None:
        raise TindakanTidakSah("Pilih berkas bukti untuk indikator yang dinilai.")
    if penilaian.status not in (S.DRAF, S.DIKEMBALIKAN):
        raise TindakanTidakSah("Penilaian ini sudah diajukan.")
    try:
        validasi_berkas_pendukung(berkas)
    except ValidationError as e:
        raise TindakanTidakSah(f"Bukti {indikator}: {' '.join(e.messages)}") from e
    return BuktiFisik.objects.create(
        kuesioner=penilaian.kuesioner, indikator=indikator, berkas=berkas
    )


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
    penilaian.total = desimal(str(hasil.total))
    penilaian.kelas = hasil.golongan
    penilaian.diajukan_pada = sekarang
    penilaian.tenggat = hari_kerja.tambah_hari_kerja(
        timezone.localdate(sekarang), HARI_KERJA_PENETAPAN, hari_libur()
    )
    _ubah_status_kth(
        penilaian, S.DIAJUKAN, oleh=oleh, catatan=f"Nilai {hasil.total}, {hasil.golongan}"
    )
    kth = penilaian.kth
    beritahu_setelah_commit(
        penerima=kepala_dinas_provinsi(kth.provinsi_id),
        judul=f"Penilaian kelas {kth.nama} {penilaian.tahun} menunggu penetapan",
        pesan=f"Nilai {penilaian.total:.0f}, kelas {penilaian.kelas}. Tenggat penetapan "
        f"{penilaian.tenggat:%d-%m-%Y} ({HARI_KERJA_PENETAPAN} hari kerja).",
        tautan=reverse("penilaian:kth_detail", args=[penilaian.pk]),
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
    beritahu_setelah_commit(
        penerima=[penilaian.penilai],
        judul=f"Penilaian kelas {penilaian.kth.nama} {penilaian.tahun} dikembalikan",
        pesan=f"Alasan Kepala Dinas: {alasan.strip()}",
        tautan=reverse("penilaian:kth_detail", args=[penilaian.pk]),
    )
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
    _kelas_ikut_penetapan(kth, alasan=f"Penetapan kelas {penilaian.tahun}")
    sertifikat = _terbitkan_sertifikat(penilaian, oleh=oleh, waktu=sekarang)
    beritahu_setelah_commit(
        penerima=[penilaian.penilai, *pendamping_kps(kth.kps_id)],
        judul=f"Kelas {penilaian.kelas} ditetapkan untuk {kth.nama}",
        pesan=f"Sertifikat {sertifikat.nomor} terbit (penilaian {penilaian.tahun}).",
        tautan=reverse("penilaian:kth_detail", args=[penilaian.pk]),
    )
    return sertifikat


def _kelas_ikut_penetapan(kth, *, alasan: str) -> str:
    """Kelas KTH saat ini = kelas penetapan berlaku (tidak dicabut) yang terbaru; kosong bila
    tidak ada. Perubahan tercatat di riwayat KTH dengan alasannya."""
    kth = type(kth).objects.select_for_update().get(pk=kth.pk)
    terbaru = (
        RiwayatKelasKth.objects.filter(kth=kth, dicabut_pada__isnull=True)
        .order_by("-tahun", "-ditetapkan_pada", "-pk")
        .first()
    )
    kelas = terbaru.kelas if terbaru else ""
    if kth.kelas != kelas:
        kth.kelas = kelas
        kth._change_reason = alasan[:100]
        kth.save(update_fields=["kelas", "diubah_pada"])
    return kelas


def _nomor_urut(provinsi_id: str, tahun: int) -> int:
    """Nomor urut sertifikat berikutnya per provinsi dan tahun (baris urutan terkunci sampai
    penetapan commit, jadi dipanggil paling akhir: sesudahnya hanya satu INSERT)."""
    return urut_berikut(UrutanSertifikat, provinsi_id=provinsi_id, tahun=tahun)


def _terbitkan_sertifikat(penilaian: PenilaianKth, *, oleh: Pengguna, waktu) -> Sertifikat:
    """Sertifikat bernomor dengan isi yang dipotret sekarang; PDF-nya dibuat pekerja setelah
    commit (penilaian.kth.pekerjaan.buat_pdf_sertifikat)."""
    kth = penilaian.kth
    pengaturan = PengaturanSertifikat.objects.get(provinsi_id=kth.provinsi_id)
    kode = secrets.token_urlsafe(18)
    versi = penilaian.kuesioner.versi
    data = {
        "nomor": "",
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
        # Kop Dinas kehutanan provinsi (Kop dan penomoran), bila sudah diisi admin provinsi.
        "kop": potret_kop(
            Kantor.objects.filter(jenis=JenisKantor.DINAS, provinsi_id=kth.provinsi_id).first()
        ),
    }
    urut = _nomor_urut(kth.provinsi_id, penilaian.tahun)
    nomor = pengaturan.pola_nomor.format(urut=urut, tahun=penilaian.tahun, provinsi=kth.provinsi_id)
    data["nomor"] = nomor
    sertifikat = Sertifikat.objects.create(
        penilaian=penilaian,
        provinsi_id=kth.provinsi_id,
        tahun=penilaian.tahun,
        urut=urut,
        nomor=nomor,
        kode=kode,
        data=data,
        diterbitkan_pada=waktu,
    )
    antrekan(buat_pdf_sertifikat, sertifikat_id=sertifikat.pk)
    return sertifikat


def sertifikat_siapkan_ulang(*, sertifikat: Sertifikat) -> None:
    """Antrekan lagi pembuatan PDF yang belum ada (tombol Coba lagi di halaman penilaian)."""
    if sertifikat.pdf_siap:
        raise TindakanTidakSah("PDF sertifikat ini sudah ada.")
    antrekan(buat_pdf_sertifikat, sertifikat_id=sertifikat.pk)


@transaction.atomic
def penilaian_kth_tarik(*, penilaian: PenilaianKth, oleh: Pengguna, alasan: str) -> PenilaianKth:
    """Tarik penilaian (agar bisa dinilai ulang tahun itu); sertifikatnya ikut dicabut."""
    if not alasan.strip():
        raise TindakanTidakSah("Tuliskan alasan penarikan.")
    penilaian = _kunci_penilaian(penilaian)
    sebelumnya = penilaian.status
    _ubah_status_kth(penilaian, S.DITARIK, oleh=oleh, catatan=alasan.strip())
    if (
        sebelumnya == S.DITETAPKAN
        and hasattr(penilaian, "sertifikat")
        and penilaian.sertifikat.status != Sertifikat.Status.DICABUT
    ):
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
    # Kelas mengikuti sertifikat: penetapan yang dicabut tidak berlaku, kelas KTH kembali ke
    # penetapan berlaku sebelumnya (atau tanpa kelas).
    penilaian = PenilaianKth.objects.select_related("kth").get(pk=sertifikat.penilaian_id)
    for r in RiwayatKelasKth.objects.select_for_update().filter(
        kth=penilaian.kth, keterangan=f"Penilaian {penilaian.pk}", dicabut_pada__isnull=True
    ):
        r.dicabut_pada = timezone.localdate(sertifikat.dicabut_pada)
        r.alasan_cabut = f"Sertifikat {sertifikat.nomor} dicabut: {alasan.strip()}"[:300]
        r._change_reason = "Sertifikat dicabut"
        r.save(update_fields=["dicabut_pada", "alasan_cabut"])
    kelas = _kelas_ikut_penetapan(
        penilaian.kth,
        alasan=f"Sertifikat {sertifikat.nomor} dicabut",
    )
    sertifikat.kelas_kth_sekarang = kelas
    label = dict(KelasKth.choices).get(kelas, "tanpa kelas")
    beritahu_setelah_commit(
        penerima=[
            penilaian.penilai,
            *pendamping_kps(penilaian.kth.kps_id),
            *kepala_dinas_provinsi(penilaian.kth.provinsi_id),
        ],
        judul=f"Sertifikat {sertifikat.nomor} ({penilaian.kth.nama}) dicabut",
        pesan=f"Alasan: {alasan.strip()}. Kelas KTH sekarang: {label}.",
        tautan=reverse("penilaian:kth_detail", args=[penilaian.pk]),
    )
    return sertifikat


# ------------------------------------------------------------------ ekspor dan pengingat


@transaction.atomic
def ekspor_minta(*, provinsi, tahun: int, kelas: str, oleh: Pengguna) -> EksporSertifikat:
    """Catat permintaan ekspor dan antrekan pembuatannya dalam transaksi yang sama."""
    permintaan = EksporSertifikat.objects.create(
        diminta_oleh=oleh, provinsi=provinsi, tahun=tahun, kelas=kelas
    )
    _antrekan_ekspor(permintaan)
    return permintaan


@transaction.atomic
def ekspor_ulang(*, permintaan: EksporSertifikat, oleh: Pengguna) -> EksporSertifikat:
    """Tombol "Coba lagi" untuk ekspor yang gagal, atau yang menunggu pekerja terlalu lama:
    antrekan ulang dari awal. Aman bila pekerjaan lamanya ternyata masih ada: keduanya memakai
    kunci yang sama (tidak berjalan bersamaan) dan yang kedua berhenti bila ekspor sudah selesai."""
    permintaan = EksporSertifikat.objects.select_for_update().get(pk=permintaan.pk)
    if not (permintaan.status == EksporSertifikat.Status.GAGAL or permintaan.menunggu_lama):
        raise TindakanTidakSah(
            "Hanya ekspor yang gagal, atau yang menunggu lebih dari lima menit, yang dapat "
            "dicoba lagi."
        )
    permintaan.status = EksporSertifikat.Status.ANTRI
    permintaan.galat = ""
    permintaan.selesai_n = 0
    permintaan.selesai_pada = None
    permintaan.dibuat_pada = timezone.now()
    permintaan.save()
    _antrekan_ekspor(permintaan)
    return permintaan


def _antrekan_ekspor(permintaan: EksporSertifikat) -> None:
    antrekan(
        ekspor_sertifikat_zip, kunci=f"ekspor-sertifikat-{permintaan.pk}", ekspor_id=permintaan.pk
    )


def tenggat_hitung_ulang(tahun: int | None = None) -> int:
    """Tenggat penilaian yang menunggu penetapan dihitung ulang dengan kalender terbaru (setelah
    SKB libur dimuat atau pengaturan cuti bersama berubah); `tahun` membatasi ke tenggat yang
    rentangnya menyentuh tahun itu. Kembalikan jumlah tenggat yang berubah."""
    libur = hari_libur()
    berubah = 0
    with transaction.atomic():
        for p in PenilaianKth.objects.select_for_update().filter(
            status=S.DIAJUKAN, diajukan_pada__isnull=False
        ):
            mulai = timezone.localdate(p.diajukan_pada)
            if tahun is not None and not (mulai.year <= tahun <= (p.tenggat or mulai).year):
                continue
            baru = hari_kerja.tambah_hari_kerja(mulai, HARI_KERJA_PENETAPAN, libur)
            if baru != p.tenggat:
                p.tenggat = baru
                p.save(update_fields=["tenggat"])
                berubah += 1
    return berubah


def _kalender_berubah(sender, tahun=None, **kwargs) -> None:
    tenggat_hitung_ulang(tahun)


kalender_berubah.connect(_kalender_berubah, dispatch_uid="kth-tenggat-hitung-ulang")


# Pengingat dikirim bila sisa hari kerja menuju tenggat sebanyak ini atau kurang (atau lewat).
SISA_HARI_PENGINGAT = 2


def ingatkan_tenggat_penetapan(hari_ini=None) -> int:
    """Kepala Dinas tiap provinsi diingatkan penilaian yang menunggu penetapan dengan tenggat
    dua hari kerja lagi atau sudah lewat; satu notifikasi per provinsi per hari."""
    hari_ini = hari_ini or timezone.localdate()
    libur = hari_libur()
    per_provinsi: dict[str, list[tuple[PenilaianKth, int]]] = {}
    for p in (
        PenilaianKth.objects.filter(status=PenilaianKth.Status.DIAJUKAN, tenggat__isnull=False)
        .select_related("kth")
        .order_by("tenggat", "pk")
    ):
        sisa = hari_kerja.sisa_hari_kerja(hari_ini, p.tenggat, libur)
        if sisa <= SISA_HARI_PENGINGAT:
            per_provinsi.setdefault(p.kth.provinsi_id, []).append((p, sisa))
    for provinsi_id, daftar in per_provinsi.items():
        lewat = sum(1 for _, sisa in daftar if sisa < 0)
        penerima = Pengguna.objects.filter(
            groups__name=peran.KEPALA_DINAS.nama_grup, provinsi_id=provinsi_id, is_active=True
        )
        beritahu(
            penerima=list(penerima),
            judul=f"{len(daftar)} penilaian kelas KTH menunggu penetapan Anda",
            pesan=(f"{lewat} sudah lewat tenggat. " if lewat else "")
            + "Tenggat terdekat: "
            + ", ".join(
                f"{p.kth} ({p.tenggat:%d-%m-%Y}"
                + (", perkiraan" if catatan_tenggat(p, libur) else "")
                + ")"
                for p, _ in daftar[:5]
            )
            + ".",
            tautan=reverse("penilaian:kth_antrean"),
        )
    return sum(len(d) for d in per_provinsi.values())


# Penilaian KTH paling lambat 30 November; penilai diingatkan sekian hari sebelumnya.
HARI_PENGINGAT_CAKUPAN = (30, 14, 7, 1)


def ingatkan_cakupan(hari_ini=None) -> int:
    """Pada 30, 14, 7 dan 1 hari sebelum 30 November: Penilai KTH tiap provinsi diberi tahu
    berapa KTH aktif di provinsinya yang belum dinilai tahun ini (satu notifikasi per provinsi).
    Kembalikan jumlah provinsi yang diingatkan."""
    hari_ini = hari_ini or timezone.localdate()
    batas = datetime.date(hari_ini.year, 11, 30)
    sisa = (batas - hari_ini).days
    if sisa not in HARI_PENGINGAT_CAKUPAN:
        return 0
    belum = dict(
        Kth.objects.filter(diarsipkan_pada__isnull=True)
        .filter(~Exists(PenilaianKth.objects.menilai(OuterRef("pk"), hari_ini.year)))
        .order_by()
        .values_list("provinsi_id")
        .annotate(n=Count("pk"))
        .values_list("provinsi_id", "n")
    )
    penerima: dict[str, list[Pengguna]] = {}
    for p in Pengguna.objects.filter(
        groups__name=peran.PENILAI_KTH.nama_grup, provinsi_id__in=belum, is_active=True
    ).distinct():
        penerima.setdefault(p.provinsi_id, []).append(p)
    for provinsi_id, daftar in penerima.items():
        beritahu(
            penerima=daftar,
            judul=f"{belum[provinsi_id]} KTH belum dinilai tahun {hari_ini.year}",
            pesan=f"Batas penilaian 30 November {hari_ini.year}: {sisa} hari lagi.",
            tautan=reverse("penilaian:cakupan"),
        )
    return len(penerima)
