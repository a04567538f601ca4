"""Perubahan kerja sama: satu fungsi per transisi, riwayat di setiap langkah, notifikasi
dikirim sesudah transaksi tersimpan (transaction.on_commit)."""

import datetime
import logging
import re

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone

from akun import peran
from akun.models import Pengguna
from kelompok.models import JenisDokumen
from kerjasama import naskah as butir_naskah
from kerjasama.models import (
    AlasanAkhir,
    AturanTembusan,
    BuktiTahap,
    JawabanKmp,
    JenisKerjaSama,
    KerjaSama,
    Mitra,
    Monitoring,
    NaskahKerjaSama,
    Notifikasi,
    RencanaAksi,
    RiwayatTahap,
    StatusPersetujuan,
    Tahap,
)
from kerjasama.pelaksanaan import KEWAJIBAN, tahap_kmp
from perhutanan.angka import format_desimal

log = logging.getLogger(__name__)

URUTAN = [t.value for t in Tahap]
LANGKAH_BERIKUT = {
    Tahap.A: "Inventarisasi calon mitra",
    Tahap.B: "Hubungi calon mitra",
    Tahap.C: "Susun draf naskah kerja sama",
    Tahap.D: "Adakan pertemuan dan sepakati naskah",
    Tahap.E: "Tanda tangani dan laksanakan kerja sama",
    Tahap.F: "Lakukan monitoring dan evaluasi",
    Tahap.G: "Teruskan monitoring; beri umpan balik ke KPS-KUPS",
}
SP = StatusPersetujuan


class TindakanTidakSah(Exception):
    """Ditolak aturan; pesannya untuk pengguna."""


# ------------------------------------------------------------------ mitra


def _nama_baku(nama: str) -> str:
    nama = nama.casefold()
    nama = re.sub(r"\b(pt|cv|tbk|ud|persero|koperasi|kop)\b\.?", " ", nama)
    return " ".join(re.sub(r"[^\w\s]", " ", nama).split())


def mitra_serupa(*, nama: str, nomor_registrasi: str, kecuali: int | None = None) -> list[Mitra]:
    """Mitra yang kemungkinan sama: nama sama setelah dibakukan, atau nomor registrasi sama."""
    baku = _nama_baku(nama)
    kata = baku.split()
    q = (
        Q(nomor_registrasi__iexact=nomor_registrasi.strip())
        if nomor_registrasi.strip()
        else Q(pk__in=[])
    )
    if kata:
        q |= Q(nama__icontains=max(kata, key=len))
    calon = Mitra.objects.filter(q).exclude(pk=kecuali)[:50]
    return [
        m
        for m in calon
        if _nama_baku(m.nama) == baku
        or (
            nomor_registrasi.strip()
            and m.nomor_registrasi.strip().casefold() == nomor_registrasi.strip().casefold()
        )
    ]


# ------------------------------------------------------------------ notifikasi


def notifikasi_hitung_ulang(pengguna) -> int:
    """Samakan angka lencana dengan jumlah notifikasi yang belum dibaca (satu UPDATE)."""
    belum = (
        Notifikasi.objects.filter(penerima=OuterRef("pk"), dibaca=False)
        .order_by()
        .values("penerima")
        .annotate(n=Count("*"))
        .values("n")
    )
    Pengguna.objects.filter(pk=pengguna.pk).update(
        notifikasi_belum_dibaca=Coalesce(Subquery(belum), 0)
    )
    pengguna.refresh_from_db(fields=["notifikasi_belum_dibaca"])
    return pengguna.notifikasi_belum_dibaca


def notifikasi_tandai_dibaca(pengguna) -> None:
    Notifikasi.objects.filter(penerima=pengguna, dibaca=False).update(dibaca=True)
    notifikasi_hitung_ulang(pengguna)


def beritahu(*, penerima, judul: str, pesan: str = "", tautan: str = "") -> None:
    """Catat notifikasi di aplikasi dan kirim surel menurut pilihan tiap penerima (segera,
    ringkasan harian, atau tidak); panggil lewat transaction.on_commit."""
    unik = {p.pk: p for p in penerima if p is not None and p.is_active}
    penerima = list(unik.values())  # pendamping yang juga pembuat hanya menerima satu
    Notifikasi.objects.bulk_create(
        Notifikasi(
            penerima=p,
            judul=judul,
            pesan=pesan,
            tautan=tautan,
            menunggu_ringkasan=p.surel_notifikasi == "harian" and bool(p.email),
        )
        for p in penerima
    )
    Pengguna.objects.filter(pk__in=[p.pk for p in penerima]).update(
        notifikasi_belum_dibaca=F("notifikasi_belum_dibaca") + 1
    )
    alamat = [p.email for p in penerima if p.email and p.surel_notifikasi == "segera"]
    if alamat:
        send_mail(
            f"[Perhutanan] {judul}",
            f"{pesan}\n\n{_alamat_penuh(tautan)}".strip(),
            None,
            alamat,
            fail_silently=True,
        )


def _alamat_penuh(tautan: str) -> str:
    return settings.SITUS_URL.rstrip("/") + tautan if tautan else ""


def kirim_ringkasan_notifikasi() -> int:
    """Satu surel per penerima berisi notifikasi yang menunggu ringkasan; jumlah surel terkirim.

    Baris notifikasi dikunci (SKIP LOCKED) dan ditandai terkirim dalam transaksi yang sama
    dengan pengirimannya, sehingga dua pekerja tidak pernah mengirim ringkasan yang sama. Surel
    yang gagal dikirim dibatalkan transaksinya: notifikasinya tetap menunggu ringkasan
    berikutnya, dan kegagalannya dicatat di log.
    """
    terkirim = 0
    penerima_ids = (
        Notifikasi.objects.filter(menunggu_ringkasan=True)
        .values_list("penerima_id", flat=True)
        .distinct()
        .order_by("penerima_id")
    )
    for penerima_id in list(penerima_ids):
        try:
            with transaction.atomic():
                terkirim += _kirim_ringkasan(penerima_id)
        except Exception:
            log.exception("Ringkasan notifikasi untuk pengguna %s gagal dikirim", penerima_id)
    return terkirim


def _kirim_ringkasan(penerima_id: int) -> int:
    penerima = Pengguna.objects.get(pk=penerima_id)
    daftar = list(
        Notifikasi.objects.select_for_update(skip_locked=True)
        .filter(penerima_id=penerima_id, menunggu_ringkasan=True)
        .order_by("dibuat_pada", "pk")
    )
    if not daftar:
        return 0
    Notifikasi.objects.filter(pk__in=[n.pk for n in daftar]).update(menunggu_ringkasan=False)
    if penerima.surel_notifikasi != "harian" or not penerima.email or not penerima.is_active:
        return 0
    baris = []
    for n in daftar:
        waktu = timezone.localtime(n.dibuat_pada)
        baris.append(f"- {waktu:%d-%m-%Y %H.%M} {n.judul}")
        if n.pesan:
            baris.append(f"  {n.pesan}")
        if n.tautan:
            baris.append(f"  {_alamat_penuh(n.tautan)}")
    isi = (
        f"Yth. {penerima.get_full_name()},\n\n"
        f"Ada {len(daftar)} notifikasi sejak ringkasan terakhir:\n\n"
        + "\n".join(baris)
        + "\n\nSemua notifikasi: "
        + _alamat_penuh(reverse("kerjasama:notifikasi"))
        + "\nPilihan surel dapat diubah di halaman Notifikasi."
    )
    send_mail(
        f"[Perhutanan] Ringkasan notifikasi: {len(daftar)} baru",
        isi,
        None,
        [penerima.email],
        fail_silently=False,
    )
    return 1


def surel_notifikasi_atur(*, pengguna: Pengguna, pilihan: str) -> None:
    """Ganti pilihan surel; notifikasi yang menunggu ringkasan dilepas bila tidak lagi harian."""
    pengguna.surel_notifikasi = pilihan
    pengguna.save(update_fields=["surel_notifikasi"])
    if pilihan != "harian":
        Notifikasi.objects.filter(penerima=pengguna, menunggu_ringkasan=True).update(
            menunggu_ringkasan=False
        )


def beritahu_setelah_commit(**kwargs) -> None:
    """Notifikasi (aplikasi dan surel) dikirim hanya bila transaksi perubahannya commit, sekali
    per perubahan: setiap perubahan status dikunci dan hanya berlaku sekali."""
    transaction.on_commit(lambda: beritahu(**kwargs))


_setelah_commit = beritahu_setelah_commit


def _pendamping(kerjasama: KerjaSama) -> list[Pengguna]:
    return list(
        Pengguna.objects.filter(
            penugasan__kps=kerjasama.kps_utama_id, penugasan__selesai__isnull=True
        ).distinct()
    )


def kepala_dinas_provinsi(provinsi_id: str | None) -> list[Pengguna]:
    if not provinsi_id:
        return []
    return list(
        Pengguna.objects.filter(
            groups__name=peran.KEPALA_DINAS.nama_grup, provinsi_id=provinsi_id, is_active=True
        )
    )


def pendamping_kps(kps_id) -> list[Pengguna]:
    if not kps_id:
        return []
    return list(
        Pengguna.objects.filter(penugasan__kps=kps_id, penugasan__selesai__isnull=True).distinct()
    )


def staf_bpskl(bpskl_id: str) -> list[Pengguna]:
    return list(
        Pengguna.objects.filter(
            groups__name=peran.STAF_BPSKL.nama_grup, bpskl_id=bpskl_id, is_active=True
        )
    )


# ------------------------------------------------------------------ kerja sama


def _catat(
    kerjasama, peristiwa: str, oleh, *, dari="", ke="", catatan="", berkas=()
) -> RiwayatTahap:
    riwayat = RiwayatTahap.objects.create(
        kerjasama=kerjasama, peristiwa=peristiwa, dari=dari, ke=ke, oleh=oleh, catatan=catatan
    )
    for b in berkas:
        BuktiTahap.objects.create(riwayat=riwayat, berkas=b)
    return riwayat


catat_peristiwa = _catat


def _tanda_naskah(naskah: NaskahKerjaSama) -> str:
    return f"Naskah versi {naskah.versi}, SHA-256 {naskah.sidik}"


def naskah_disetujui(ks: KerjaSama) -> NaskahKerjaSama | None:
    """Versi naskah yang disetujui BPSKL dan masih berlaku (None bila belum/tidak lagi)."""
    if ks.status_persetujuan != SP.DISETUJUI:
        return None
    return ks.naskah_diputuskan


def _pastikan_ditandatangani_versi_disetujui(ks: KerjaSama, tindakan: str) -> None:
    disetujui = naskah_disetujui(ks)
    if disetujui is None:
        raise TindakanTidakSah(
            f"Naskah kerja sama usaha tidak dapat {tindakan} sebelum disetujui BPSKL."
        )
    if not disetujui.scan_ditandatangani:
        raise TindakanTidakSah(
            f"Unggah pindaian naskah versi {disetujui.versi} (yang disetujui BPSKL) yang sudah "
            f"ditandatangani sebelum {tindakan}."
        )


def langkah_berikut(ks: KerjaSama) -> str:
    """Petunjuk langkah berikutnya menurut tahap dan, untuk kerja sama usaha, status persetujuan."""
    if ks.diakhiri_pada:
        return "Kerja sama sudah diakhiri; riwayatnya tetap dapat dibaca."
    if ks.usaha and URUTAN.index(ks.tahap) >= URUTAN.index(Tahap.D):
        if ks.status_persetujuan == SP.BELUM:
            return (
                "Lengkapi naskah dan surat permohonan mitra, lalu ajukan persetujuan ke BPSKL"
                if URUTAN.index(ks.tahap) < URUTAN.index(Tahap.F)
                else "Ajukan ulang persetujuan BPSKL untuk naskah yang berubah"
            )
        if ks.status_persetujuan == SP.DIAJUKAN:
            return "Tunggu keputusan BPSKL; naskah tidak dapat diubah selama ditinjau"
        if ks.status_persetujuan == SP.DITOLAK:
            return "Perbaiki naskah sesuai catatan BPSKL, lalu ajukan ulang"
        if ks.tahap in (Tahap.D, Tahap.E) and not ks.naskah_diputuskan.scan_ditandatangani:
            return (
                f"Tanda tangani naskah versi {ks.naskah_diputuskan.versi} yang disetujui BPSKL, "
                "unggah pindaiannya, lalu laksanakan kerja sama"
            )
    return LANGKAH_BERIKUT[ks.tahap]


def perubahan_naskah_diajukan(ks: KerjaSama):
    """(versi pembanding, [PerubahanButir]) untuk BPSKL: naskah yang diajukan dibandingkan dengan
    versi yang diputuskan sebelumnya (ditolak atau disetujui lalu diubah), atau dengan versi
    sebelumnya bila belum pernah ada keputusan. (None, []) bila tidak ada pembanding."""
    baru = ks.naskah_diajukan
    if baru is None:
        return None, []
    lama = ks.naskah_diputuskan
    if lama is None or lama.pk == baru.pk:
        lama = ks.naskah.filter(versi__lt=baru.versi).order_by("-versi").first()
    if lama is None:
        return None, []
    return lama, butir_naskah.perubahan(lama.untuk_dibandingkan(), baru.untuk_dibandingkan())


@transaction.atomic
def kerjasama_buat(
    *,
    kerjasama: KerjaSama,
    oleh: Pengguna,
    mitra=(),
    kups=(),
    kps_lain=(),
    aksi=None,
    permohonan=None,
) -> KerjaSama:
    """Kerja sama baru di tahap a; `aksi` (rencana tindak lanjut) ditautkan bila belum punya
    kerja sama, sehingga kemajuan rencananya terbaca dan evaluasi berikutnya menunjukkan
    apakah kriterianya bergerak. `permohonan` (permohonan mitra lewat portal yang diterima)
    ditautkan dengan surat dan bukti uji tuntasnya (kerjasama.portal.tautkan_kerjasama)."""
    kerjasama.dibuat_oleh = oleh
    kerjasama.status_persetujuan = SP.BELUM if kerjasama.usaha else SP.TIDAK_PERLU
    kerjasama.tahap = Tahap.A
    kerjasama.save()
    kerjasama.mitra.set(mitra)
    kerjasama.kups.set(kups)
    kerjasama.kps_lain.set(kps_lain)
    _catat(kerjasama, "dibuat", oleh, ke=Tahap.A, catatan=kerjasama.kebutuhan)
    if aksi is not None:
        from kerjasama.models import AksiTindakLanjut

        tertaut = AksiTindakLanjut.objects.filter(pk=aksi.pk, kerjasama__isnull=True).update(
            kerjasama=kerjasama
        )
        if tertaut:
            _catat(
                kerjasama,
                "dari rencana tindak lanjut",
                oleh,
                catatan=f"{aksi.kode} {aksi.nama}: nilai {format_desimal(aksi.nilai, 1)}% "
                f"({aksi.kategori}) pada {aksi.rencana.keterangan_sumber}",
            )
    if permohonan is not None:
        from kerjasama.portal import tautkan_kerjasama

        tautkan_kerjasama(permohonan=permohonan, kerjasama=kerjasama, oleh=oleh)
    return kerjasama


def boleh_pindah(dari: str, ke: str) -> bool:
    """Maju hanya ke tahap berikutnya; mundur ke tahap mana pun sebelumnya."""
    i, j = URUTAN.index(dari), URUTAN.index(ke)
    return j == i + 1 or j < i


@transaction.atomic
def kerjasama_pindah_tahap(
    *, kerjasama: KerjaSama, ke: str, oleh: Pengguna, catatan: str, berkas=()
) -> KerjaSama:
    ks = KerjaSama.objects.select_for_update().get(pk=kerjasama.pk)
    if ke not in URUTAN or not boleh_pindah(ks.tahap, ke):
        raise TindakanTidakSah(
            f"Dari tahap {ks.get_tahap_display()} hanya boleh maju ke tahap berikutnya "
            "atau kembali."
        )
    mundur = URUTAN.index(ke) < URUTAN.index(ks.tahap)
    if mundur and not catatan.strip():
        raise TindakanTidakSah("Tuliskan alasan kembali ke tahap sebelumnya.")
    if ks.usaha and ke in (Tahap.F, Tahap.G):
        _pastikan_ditandatangani_versi_disetujui(ks, "dilaksanakan (tahap f)")
    dari = ks.tahap
    ks.tahap = ke
    ks._change_reason = catatan
    ks.save(update_fields=["tahap"])
    _catat(
        ks,
        "mundur" if mundur else "maju",
        oleh,
        dari=dari,
        ke=ke,
        catatan=catatan.strip(),
        berkas=berkas,
    )
    return ks


def peringatan_kesiapan(kerjasama: KerjaSama) -> list[str]:
    """Peringatan (bukan larangan) untuk pengembangan usaha yang dimulai terlalu dini."""
    if kerjasama.jenis not in (JenisKerjaSama.USAHA, JenisKerjaSama.MULTI_PIHAK):
        return []
    pesan = []
    tata_kelola = KerjaSama.objects.filter(
        kps_utama_id=kerjasama.kps_utama_id,
        jenis__in=[JenisKerjaSama.KELEMBAGAAN, JenisKerjaSama.KAWASAN],
        tahap__in=[Tahap.F, Tahap.G],
    ).exists()
    if not tata_kelola:
        pesan.append(
            "KPS ini belum memiliki kerja sama penguatan tata kelola kelembagaan atau kawasan yang "
            "sudah berjalan; pengembangan usaha sebaiknya dimulai sesudahnya."
        )
    ada = set(kerjasama.kps_utama.dokumen.values_list("jenis", flat=True))
    kurang = [j.label for j in JenisDokumen if j.value not in ada]
    if kurang:
        pesan.append("Bahan pendukung kerja sama belum lengkap: " + "; ".join(kurang) + ".")
    return pesan


@transaction.atomic
def permohonan_simpan(*, kerjasama: KerjaSama, surat, tanggal, oleh: Pengguna) -> KerjaSama:
    """Langkah I: permohonan mitra dicatat pendamping dengan suratnya."""
    ks = KerjaSama.objects.select_for_update().get(pk=kerjasama.pk)
    if not ks.usaha:
        raise TindakanTidakSah("Permohonan dan persetujuan BPSKL hanya untuk kerja sama usaha.")
    if ks.status_persetujuan not in (SP.BELUM, SP.DITOLAK):
        raise TindakanTidakSah("Permohonan sudah diajukan.")
    ks.surat_permohonan = surat
    ks.tanggal_permohonan = tanggal
    ks.save(update_fields=["surat_permohonan", "tanggal_permohonan"])
    _catat(ks, "permohonan mitra", oleh, catatan=f"Surat permohonan tanggal {tanggal:%d-%m-%Y}")
    return ks


@transaction.atomic
def kerjasama_ajukan(*, kerjasama: KerjaSama, oleh: Pengguna) -> KerjaSama:
    """Langkah II: KPS/KUPS meminta persetujuan Kepala UPT (BPSKL) wilayahnya."""
    ks = (
        KerjaSama.objects.select_for_update(of=("self",))  # bukan baris KPS dan provinsinya
        .select_related("kps_utama__provinsi")
        .get(pk=kerjasama.pk)
    )
    if not ks.usaha or ks.status_persetujuan not in (SP.BELUM, SP.DITOLAK):
        raise TindakanTidakSah("Kerja sama ini tidak dapat diajukan ke BPSKL sekarang.")
    if not ks.surat_permohonan or not ks.tanggal_permohonan:
        raise TindakanTidakSah("Lampirkan dulu surat permohonan mitra (Langkah I).")
    if not ks.mitra.exists():
        raise TindakanTidakSah("Tambahkan mitra kerja sama sebelum mengajukan.")
    naskah = ks.naskah.order_by("-versi").first()
    if naskah is None:
        raise TindakanTidakSah("Susun draf naskah kerja sama (15 butir) sebelum mengajukan.")
    kurang = naskah.kekurangan()
    if kurang:
        raise TindakanTidakSah("Naskah belum dapat diajukan: " + " ".join(kurang))
    ks.bpskl_id = ks.kps_utama.provinsi.bpskl_id
    ks.status_persetujuan = SP.DIAJUKAN
    ks.diajukan_pada = timezone.now()
    ks.naskah_diajukan = naskah
    ks.save(update_fields=["bpskl", "status_persetujuan", "diajukan_pada", "naskah_diajukan"])
    _catat(ks, "diajukan ke BPSKL", oleh, ke=SP.DIAJUKAN, catatan=_tanda_naskah(naskah))
    _setelah_commit(
        penerima=staf_bpskl(ks.bpskl_id),
        judul=f"Permohonan persetujuan kerja sama usaha: {ks.judul}",
        pesan=f"{ks.kps_utama} mengajukan persetujuan kerja sama usaha.",
        tautan=ks.get_absolute_url(),
    )
    return ks


@transaction.atomic
def kerjasama_putuskan(
    *, kerjasama: KerjaSama, oleh: Pengguna, setuju: bool, catatan: str = ""
) -> KerjaSama:
    """Langkah II: Staf BPSKL wilayah itu menyetujui atau menolak (baris dikunci)."""
    ks = KerjaSama.objects.select_for_update().get(pk=kerjasama.pk)
    if ks.status_persetujuan in (SP.DISETUJUI, SP.DITOLAK) and ks.diputuskan_pada:
        # Keputusan serentak: yang kalah diberi tahu siapa memutuskan apa, kapan.
        waktu = timezone.localtime(ks.diputuskan_pada)
        siapa = ks.diputuskan_oleh.get_full_name() if ks.diputuskan_oleh else "pengguna lain"
        putusan = "disetujui" if ks.status_persetujuan == SP.DISETUJUI else "ditolak"
        raise TindakanTidakSah(
            f"Keputusan Anda tidak disimpan: kerja sama ini sudah {putusan} oleh {siapa} pada "
            f"{formats.date_format(waktu, 'j F Y')} pukul {waktu:%H.%M}"
            + (f" dengan catatan: {ks.catatan_keputusan}" if ks.catatan_keputusan else "")
            + "."
        )
    if ks.status_persetujuan != SP.DIAJUKAN:
        raise TindakanTidakSah("Kerja sama ini tidak sedang menunggu persetujuan.")
    if not (oleh.punya_peran(peran.STAF_BPSKL) and oleh.bpskl_id == ks.bpskl_id):
        raise TindakanTidakSah("Hanya Staf BPSKL wilayah kerja sama ini yang dapat memutuskan.")
    if not setuju and not catatan.strip():
        raise TindakanTidakSah("Tuliskan alasan penolakan.")
    naskah = ks.naskah_diajukan
    if naskah is None or ks.naskah.order_by("-versi").first() != naskah:
        raise TindakanTidakSah(
            "Naskah yang diajukan tidak lagi versi terakhir; minta pendamping mengajukan ulang."
        )
    ks.status_persetujuan = SP.DISETUJUI if setuju else SP.DITOLAK
    ks.diputuskan_oleh = oleh
    ks.diputuskan_pada = timezone.now()
    ks.catatan_keputusan = catatan.strip()
    ks.naskah_diputuskan = naskah
    ks.sidik_naskah_diputuskan = naskah.sidik
    ks.save(
        update_fields=[
            "status_persetujuan",
            "diputuskan_oleh",
            "diputuskan_pada",
            "catatan_keputusan",
            "naskah_diputuskan",
            "sidik_naskah_diputuskan",
        ]
    )
    _catat(
        ks,
        "disetujui BPSKL" if setuju else "ditolak BPSKL",
        oleh,
        dari=SP.DIAJUKAN,
        ke=ks.status_persetujuan,
        catatan=" ".join(filter(None, [_tanda_naskah(naskah) + ".", catatan.strip()])),
    )
    # Keputusan adalah suratnya: surat keputusan bernomor BPSKL terbit dalam transaksi yang sama.
    from kerjasama.surat import terbitkan_surat

    terbitkan_surat(
        ks=ks, jenis="surat_keputusan", isian={"tanggal": timezone.localdate()}, oleh=oleh
    )
    _setelah_commit(
        penerima=[*_pendamping(ks), ks.dibuat_oleh],
        judul=f"Kerja sama {ks.judul} {'disetujui' if setuju else 'ditolak'} BPSKL",
        pesan=catatan.strip(),
        tautan=ks.get_absolute_url(),
    )
    from kerjasama.portal import beritahu_keputusan_bpskl

    beritahu_keputusan_bpskl(ks, setuju, catatan)
    return ks


def tembusan_untuk(kerjasama: KerjaSama) -> list[str]:
    """Gabungan penerima tembusan menurut kategori semua mitra (aturan yang dapat diubah admin)."""
    kategori = set(kerjasama.mitra.values_list("kategori", flat=True))
    penerima = set()
    for aturan in AturanTembusan.objects.filter(kategori__in=kategori):
        penerima.update(aturan.tembusan)
    tanpa_aturan = kategori - set(
        AturanTembusan.objects.filter(kategori__in=kategori).values_list("kategori", flat=True)
    )
    if tanpa_aturan:
        penerima.update({AturanTembusan.Penerima.DIRJEN, AturanTembusan.Penerima.UPT})
    urutan = [AturanTembusan.Penerima.DIRJEN, AturanTembusan.Penerima.UPT]
    return [p.value for p in urutan if p.value in penerima]


@transaction.atomic
def kerjasama_kirim_opd(*, kerjasama: KerjaSama, oleh: Pengguna) -> KerjaSama:
    """Langkah IV: naskah yang sudah ditandatangani dikirim ke OPD kehutanan provinsi."""
    ks = KerjaSama.objects.select_for_update().get(pk=kerjasama.pk)
    _pastikan_ditandatangani_versi_disetujui(ks, "dikirim ke OPD")
    if URUTAN.index(ks.tahap) < URUTAN.index(Tahap.F):
        raise TindakanTidakSah("Kirim ke OPD setelah kerja sama masuk tahap f (pelaksanaan).")
    if ks.dikirim_ke_opd_pada:
        raise TindakanTidakSah("Naskah sudah dikirim ke OPD.")
    ks.tembusan = tembusan_untuk(ks)
    ks.dikirim_ke_opd_pada = timezone.now()
    ks.save(update_fields=["tembusan", "dikirim_ke_opd_pada"])
    label = dict(AturanTembusan.Penerima.choices)
    _catat(
        ks, "dikirim ke OPD", oleh, catatan="Tembusan: " + ", ".join(label[t] for t in ks.tembusan)
    )
    if AturanTembusan.Penerima.UPT in ks.tembusan:
        _setelah_commit(
            penerima=staf_bpskl(ks.bpskl_id),
            judul=f"Tembusan naskah kerja sama usaha: {ks.judul}",
            tautan=ks.get_absolute_url(),
        )
    # Naskah dikirim ke OPD kehutanan provinsi: Kepala Dinas provinsi menerimanya di aplikasi.
    _setelah_commit(
        penerima=kepala_dinas_provinsi(ks.kps_utama.provinsi_id),
        judul=f"Naskah kerja sama diterima: {ks.judul}",
        pesan=f"{ks.kps_utama.nama}. Dikirim "
        f"{timezone.localdate(ks.dikirim_ke_opd_pada):%d-%m-%Y}.",
        tautan=ks.get_absolute_url(),
    )
    return ks


# ------------------------------------------------------------------ naskah


def _potret_para_pihak(ks: KerjaSama) -> dict:
    kps = ks.kps_utama
    return {
        "kps": {
            "nama": kps.nama,
            "ketua": kps.ketua,
            "sk": kps.nomor_sk,
            "lokasi": f"Desa {kps.desa.nama}, {kps.kabupaten.nama}, {kps.provinsi.nama}",
        },
        "kups": [{"nama": k.nama, "ketua": k.ketua} for k in ks.kups.all()],
        "mitra": [
            {
                "nama": m.nama,
                "kategori": m.get_kategori_display(),
                "alamat": m.alamat,
                "kontak": m.kontak_nama,
            }
            for m in ks.mitra.order_by("nama")
        ],
    }


@transaction.atomic
def naskah_simpan(
    *,
    kerjasama: KerjaSama,
    isi: dict,
    pola: str,
    persen_modal,
    oleh: Pengguna,
    batalkan_persetujuan: bool = False,
):
    """Simpan draf sebagai versi baru bila isinya berubah; versi lama tetap ada.

    Selama ditinjau BPSKL naskah dibekukan. Sesudah disetujui, draf baru hanya dengan
    `batalkan_persetujuan`: persetujuan gugur, status kembali "belum diajukan" dan perlu
    keputusan baru atas versi yang baru."""

    ks = KerjaSama.objects.select_for_update().get(pk=kerjasama.pk)
    terakhir = ks.naskah.order_by("-versi").first()
    if terakhir and terakhir.scan_ditandatangani:
        raise TindakanTidakSah(
            "Naskah sudah ditandatangani; perubahan dibuat lewat adendum di luar aplikasi."
        )
    if ks.status_persetujuan == SP.DIAJUKAN:
        raise TindakanTidakSah(
            f"Naskah versi {ks.naskah_diajukan.versi} sedang ditinjau BPSKL dan tidak dapat "
            "diubah sampai ada keputusan."
        )
    bersih = {k: (v or "").strip() for k, v in isi.items()}
    if terakhir and (terakhir.isi, terakhir.pola, terakhir.persen_modal_mitra) == (
        bersih,
        pola,
        persen_modal,
    ):
        return terakhir, False
    disetujui = naskah_disetujui(ks)
    if disetujui is not None and not batalkan_persetujuan:
        raise TindakanTidakSah(
            f"Naskah versi {disetujui.versi} sudah disetujui BPSKL. Draf baru membatalkan "
            "persetujuan itu dan harus diajukan ulang; centang konfirmasinya bila memang ingin "
            "mengubah naskah."
        )
    naskah = NaskahKerjaSama.objects.create(
        kerjasama=ks,
        versi=(terakhir.versi + 1) if terakhir else 1,
        isi=bersih,
        pola=pola,
        persen_modal_mitra=persen_modal,
        para_pihak=_potret_para_pihak(ks),
        dibuat_oleh=oleh,
    )
    _catat(ks, "draf naskah", oleh, catatan=f"Versi {naskah.versi}")
    if disetujui is not None:
        ks.status_persetujuan = SP.BELUM
        ks.naskah_diajukan = None
        ks._change_reason = f"Draf versi {naskah.versi} setelah versi {disetujui.versi} disetujui"
        ks.save(update_fields=["status_persetujuan", "naskah_diajukan"])
        _catat(
            ks,
            "persetujuan BPSKL gugur",
            oleh,
            dari=SP.DISETUJUI,
            ke=SP.BELUM,
            catatan=(
                f"Naskah versi {disetujui.versi} yang disetujui diubah menjadi versi "
                f"{naskah.versi}; perlu diajukan dan diputuskan ulang."
            ),
        )
        _setelah_commit(
            penerima=staf_bpskl(ks.bpskl_id),
            judul=f"Persetujuan kerja sama {ks.judul} gugur",
            pesan=f"Naskah yang disetujui (versi {disetujui.versi}) diubah menjadi versi "
            f"{naskah.versi}.",
            tautan=ks.get_absolute_url(),
        )
    return naskah, True


@transaction.atomic
def naskah_tandatangani(*, naskah, berkas, tanggal, oleh: Pengguna):
    """Pindaian naskah yang ditandatangani disimpan di samping PDF buatan aplikasi."""
    ks = KerjaSama.objects.select_for_update().get(pk=naskah.kerjasama_id)
    if ks.usaha:
        disetujui = naskah_disetujui(ks)
        if disetujui is None:
            raise TindakanTidakSah(
                "Naskah kerja sama usaha tidak dapat ditandatangani sebelum disetujui BPSKL."
            )
        if disetujui.pk != naskah.pk or disetujui.sidik != ks.sidik_naskah_diputuskan:
            raise TindakanTidakSah(
                f"Yang ditandatangani harus naskah versi {disetujui.versi}, versi yang "
                "disetujui BPSKL."
            )
    kurang = naskah.kekurangan()
    if kurang:
        raise TindakanTidakSah("Naskah belum lengkap: " + " ".join(kurang))
    if ks.naskah.filter(versi__gt=naskah.versi).exists():
        raise TindakanTidakSah("Hanya versi terakhir yang dapat ditandatangani.")
    naskah.scan_ditandatangani = berkas
    naskah.ditandatangani_pada = tanggal
    naskah.save(update_fields=["scan_ditandatangani", "ditandatangani_pada"])
    _catat(ks, "naskah ditandatangani", oleh, catatan=f"Versi {naskah.versi}, {tanggal:%d-%m-%Y}")
    return naskah


# ------------------------------------------------------------------ pelaksanaan


def _pastikan_berjalan(ks: KerjaSama) -> None:
    if ks.diakhiri_pada:
        raise TindakanTidakSah("Kerja sama ini sudah diakhiri.")
    if URUTAN.index(ks.tahap) < URUTAN.index(Tahap.F):
        raise TindakanTidakSah("Rencana aksi dan monitoring dicatat sejak tahap f (pelaksanaan).")


@transaction.atomic
def jangka_waktu_atur(*, kerjasama: KerjaSama, mulai, sampai, oleh: Pengguna) -> KerjaSama:
    if sampai <= mulai:
        raise TindakanTidakSah("Tanggal berakhir harus sesudah tanggal mulai.")
    ks = KerjaSama.objects.select_for_update().get(pk=kerjasama.pk)
    ks.berlaku_mulai, ks.berlaku_sampai, ks.peringatan_terkirim = mulai, sampai, []
    ks.save(update_fields=["berlaku_mulai", "berlaku_sampai", "peringatan_terkirim"])
    _catat(ks, "jangka waktu", oleh, catatan=f"{mulai:%d-%m-%Y} sampai {sampai:%d-%m-%Y}")
    return ks


@transaction.atomic
def rencana_aksi_tambah(*, kerjasama: KerjaSama, data: dict, oleh: Pengguna):
    _pastikan_berjalan(kerjasama)
    if data["selesai"] < data["mulai"]:
        raise TindakanTidakSah("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    aksi = RencanaAksi.objects.create(kerjasama=kerjasama, **data)
    _catat(kerjasama, "rencana aksi", oleh, catatan=aksi.kegiatan)
    return aksi


@transaction.atomic
def monitoring_tambah(*, kerjasama: KerjaSama, data: dict, oleh: Pengguna):
    _pastikan_berjalan(kerjasama)
    if data["peserta_perempuan"] > data["peserta"] or data["peserta_muda"] > data["peserta"]:
        raise TindakanTidakSah("Peserta perempuan atau muda tidak boleh lebih dari jumlah peserta.")
    kode_sah = {k for k, _ in KEWAJIBAN}
    data = {**data, "kewajiban": [k for k in data.get("kewajiban", []) if k in kode_sah]}
    catatan = Monitoring.objects.create(kerjasama=kerjasama, oleh=oleh, **data)
    _catat(kerjasama, "monitoring", oleh, catatan=catatan.kemajuan[:200])
    return catatan


@transaction.atomic
def kmp_simpan(
    *, kerjasama: KerjaSama, jawaban: dict[str, tuple[bool, str]], oleh: Pengguna
) -> None:
    if kerjasama.jenis not in (JenisKerjaSama.MULTI_PIHAK, JenisKerjaSama.LINGKUNGAN):
        raise TindakanTidakSah(
            "Daftar periksa KMP untuk kerja sama multi pihak dan kemitraan lingkungan."
        )
    kode_sah = {k for t in tahap_kmp() for k, _ in t["pertanyaan"]}
    for kode, (ya, catatan) in jawaban.items():
        if kode in kode_sah:
            JawabanKmp.objects.update_or_create(
                kerjasama=kerjasama, kode=kode, defaults={"ya": ya, "catatan": catatan.strip()}
            )
    _catat(kerjasama, "daftar periksa KMP", oleh)


def kemajuan_kmp(kerjasama: KerjaSama) -> list[dict]:
    ya = set(kerjasama.kmp.filter(ya=True).values_list("kode", flat=True))
    return [
        {
            **t,
            "selesai": sum(k in ya for k, _ in t["pertanyaan"]),
            "jumlah": len(t["pertanyaan"]),
            "lengkap": all(k in ya for k, _ in t["pertanyaan"]),
        }
        for t in tahap_kmp()
    ]


@transaction.atomic
def kerjasama_akhiri(
    *, kerjasama: KerjaSama, alasan: str, catatan: str, tanggal, surat, oleh: Pengguna
):
    ks = KerjaSama.objects.select_for_update().get(pk=kerjasama.pk)
    if ks.diakhiri_pada:
        raise TindakanTidakSah("Kerja sama ini sudah diakhiri.")
    if alasan not in AlasanAkhir.values:
        raise TindakanTidakSah("Pilih salah satu alasan pengakhiran.")
    if alasan == AlasanAkhir.KESEPAKATAN and not surat:
        raise TindakanTidakSah(
            "Pengakhiran atas kesepakatan para pihak membutuhkan surat kesepakatan bersama."
        )
    ks.diakhiri_pada, ks.alasan_akhir, ks.catatan_akhir = tanggal, alasan, catatan.strip()
    if surat:
        ks.surat_akhir = surat
    ks.save(update_fields=["diakhiri_pada", "alasan_akhir", "catatan_akhir", "surat_akhir"])
    _catat(ks, "diakhiri", oleh, catatan=f"{AlasanAkhir(alasan).label}. {catatan}".strip())
    return ks


def kirim_peringatan_berakhir(hari_ini) -> int:
    """Peringatan 90 dan 30 hari sebelum jangka waktu berakhir, masing-masing sekali."""

    jumlah = 0
    for batas in (90, 30):
        tanggal = hari_ini + datetime.timedelta(days=batas)
        for ks in KerjaSama.objects.filter(
            diakhiri_pada__isnull=True,
            berlaku_sampai__isnull=False,
            berlaku_sampai__lte=tanggal,
            berlaku_sampai__gte=hari_ini,
        ).select_related("kps_utama", "dibuat_oleh"):
            if batas in ks.peringatan_terkirim:
                continue
            with transaction.atomic():
                ks.peringatan_terkirim = sorted({*ks.peringatan_terkirim, batas}, reverse=True)
                ks.save(update_fields=["peringatan_terkirim"])
                sisa = (ks.berlaku_sampai - hari_ini).days
                _setelah_commit(
                    penerima=[*_pendamping(ks), ks.dibuat_oleh],
                    judul=f"Kerja sama {ks.judul} berakhir dalam {sisa} hari",
                    pesan=f"Jangka waktu berakhir {ks.berlaku_sampai:%d-%m-%Y}. "
                    "Siapkan perpanjangan atau pengakhiran.",
                    tautan=ks.get_absolute_url(),
                )
            jumlah += 1
    return jumlah
