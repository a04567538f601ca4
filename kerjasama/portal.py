"""Portal mitra (Langkah I): akun mitra, permohonan dari mitra sendiri, tanggapan pendamping.

Akun mitra lahir dari undangan (pendamping atau staf BPSKL, untuk mitra yang sudah di
registri) atau dari pendaftaran mandiri yang disetujui salah satunya. Mitra mengajukan
permohonan kepada sebuah KPS/KUPS dengan surat dan bukti uji tuntas, melihat status
permohonan lembaganya saja, dan diberi tahu setiap keputusan: tanggapan pendamping, kerja
sama yang lahir darinya, dan keputusan BPSKL atas kerja sama itu.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from akun import peran
from akun.models import Pengguna
from kerjasama.models import (
    AkunMitra,
    BuktiPermohonan,
    KerjaSama,
    Mitra,
    PemeriksaanMitra,
    PermohonanMitra,
    akun_mitra_aktif,
)
from kerjasama.services import (
    TindakanTidakSah,
    _catat,
    beritahu_setelah_commit,
    pendamping_kps,
    staf_bpskl,
)
from kerjasama.uji_tuntas import butir_untuk

# Pendaftaran mandiri dari satu alamat dalam satu jam: lebih dari ini hampir pasti bukan orang.
PENDAFTARAN_PER_JAM = 5
ST = AkunMitra.Status
SPM = PermohonanMitra.Status


def masa_undangan_hari() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def _grup_mitra() -> Group:
    grup, _ = Group.objects.get_or_create(name=peran.MITRA.nama_grup)
    return grup


def surel_terpakai(surel: str) -> bool:
    surel = surel.strip().lower()
    return Pengguna.objects.filter(username__iexact=surel).exists() or (
        Pengguna.objects.filter(email__iexact=surel).exists()
    )


def akun_lembaga(mitra_id) -> list[Pengguna]:
    """Pengguna aktif yang mewakili mitra ini di portal (penerima notifikasi keputusan)."""
    return list(
        Pengguna.objects.filter(
            akun_mitra__mitra_id=mitra_id, akun_mitra__status=ST.AKTIF, is_active=True
        )
    )


# ------------------------------------------------------------------ undangan


def tautan_undangan(pengguna: Pengguna) -> str:
    uid = urlsafe_base64_encode(force_bytes(pengguna.pk))
    token = default_token_generator.make_token(pengguna)
    return settings.SITUS_URL.rstrip("/") + reverse("kerjasama:portal_undangan", args=[uid, token])


def _kirim_undangan(akun: AkunMitra) -> None:
    """Surel undangan berisi tautan pembuatan kata sandi. Kegagalan mengirim dinaikkan agar
    pengundang melihatnya (dan undangannya dibatalkan bersama transaksinya)."""
    pengguna = akun.pengguna
    send_mail(
        f"[Perhutanan] Undangan akun mitra {akun.mitra}",
        f"Yth. {pengguna.get_full_name()},\n\n"
        f"{akun.dibuat_oleh.get_full_name()} mengundang Anda mewakili {akun.mitra} di "
        "Perhutanan, untuk mengajukan permohonan kerja sama kepada KPS/KUPS dan mengikuti "
        "statusnya.\n\n"
        f"Buat kata sandi Anda di tautan berikut (berlaku {masa_undangan_hari()} hari):\n"
        f"{tautan_undangan(pengguna)}\n\n"
        f"Nama pengguna Anda: {pengguna.username}",
        None,
        [pengguna.email],
        fail_silently=False,
    )


@transaction.atomic
def undang(*, mitra: Mitra, nama: str, surel: str, oleh: Pengguna) -> AkunMitra:
    if not Mitra.objects.boleh_diundang(oleh).filter(pk=mitra.pk).exists():
        raise TindakanTidakSah(
            "Wakil mitra ini diundang oleh pendamping, staf BPSKL atau admin wilayah mitra atau "
            "kerja samanya."
        )
    surel = surel.strip().lower()
    if surel_terpakai(surel):
        raise TindakanTidakSah(f"Surel {surel} sudah dipakai akun lain.")
    pengguna = Pengguna(username=surel, email=surel, nama=nama.strip(), is_active=False)
    pengguna.set_unusable_password()
    pengguna.save()
    akun = AkunMitra.objects.create(
        pengguna=pengguna,
        mitra=mitra,
        asal=AkunMitra.Asal.UNDANGAN,
        status=ST.DIUNDANG,
        provinsi_id=mitra.provinsi_id or oleh.provinsi_id,
        dibuat_oleh=oleh,
    )
    _kirim_undangan(akun)
    return akun


def kirim_ulang_undangan(*, akun: AkunMitra, oleh: Pengguna) -> None:
    if akun.status != ST.DIUNDANG:
        raise TindakanTidakSah("Undangan ini sudah diterima atau tidak berlaku lagi.")
    if not AkunMitra.objects.untuk(oleh).filter(pk=akun.pk).exists():
        raise TindakanTidakSah("Undangan ini di luar wilayah Anda.")
    _kirim_undangan(akun)


@transaction.atomic
def terima_undangan(*, pengguna: Pengguna, sandi: str) -> AkunMitra:
    akun = AkunMitra.objects.select_for_update().get(pengguna=pengguna)
    if akun.status != ST.DIUNDANG:
        raise TindakanTidakSah("Undangan ini sudah dipakai.")
    pengguna.set_password(sandi)
    pengguna.is_active = True
    pengguna.save()
    pengguna.groups.add(_grup_mitra())
    akun.status = ST.AKTIF
    akun.save(update_fields=["status"])
    beritahu_setelah_commit(
        penerima=[akun.dibuat_oleh],
        judul=f"Undangan akun mitra diterima: {pengguna.get_full_name()} ({akun.mitra})",
        tautan=akun.mitra.get_absolute_url(),
    )
    return akun


# ------------------------------------------------------------------ pendaftaran mandiri


def _penyetuju(provinsi) -> list[Pengguna]:
    """Yang diberi tahu pendaftaran baru: staf BPSKL wilayah provinsinya dan admin provinsi."""
    admin = Pengguna.objects.filter(
        groups__name=peran.ADMIN.nama_grup, provinsi=provinsi, is_active=True
    )
    return [*(staf_bpskl(provinsi.bpskl_id) if provinsi.bpskl_id else []), *admin]


@transaction.atomic
def daftar_mandiri(*, data: dict, sandi: str, alamat_ip: str | None) -> AkunMitra:
    sejam = timezone.now() - datetime.timedelta(hours=1)
    if (
        alamat_ip
        and AkunMitra.objects.filter(
            asal=AkunMitra.Asal.PENDAFTARAN, alamat_ip=alamat_ip, dibuat_pada__gte=sejam
        ).count()
        >= PENDAFTARAN_PER_JAM
    ):
        raise TindakanTidakSah(
            "Terlalu banyak pendaftaran dari alamat jaringan ini dalam satu jam terakhir. "
            "Coba lagi nanti, atau minta undangan dari pendamping KPS yang dituju."
        )
    surel = data["surel"].strip().lower()
    if surel_terpakai(surel):
        raise TindakanTidakSah(f"Surel {surel} sudah dipakai akun lain.")
    pengguna = Pengguna(
        username=surel,
        email=surel,
        nama=data["nama"].strip(),
        telepon=data.get("telepon", ""),
        is_active=False,
    )
    pengguna.set_password(sandi)
    pengguna.save()
    akun = AkunMitra.objects.create(
        pengguna=pengguna,
        asal=AkunMitra.Asal.PENDAFTARAN,
        status=ST.MENUNGGU,
        provinsi=data["provinsi"],
        nama_lembaga=data["nama_lembaga"].strip(),
        kategori=data["kategori"],
        nomor_registrasi=data.get("nomor_registrasi", "").strip(),
        alamat=data.get("alamat", ""),
        jabatan=data.get("jabatan", ""),
        alamat_ip=alamat_ip,
    )
    beritahu_setelah_commit(
        penerima=_penyetuju(data["provinsi"]),
        judul=f"Pendaftaran akun mitra menunggu persetujuan: {akun.nama_lembaga}",
        pesan=f"{pengguna.get_full_name()} ({surel}) mendaftar mewakili {akun.nama_lembaga}.",
        tautan=akun.get_absolute_url(),
    )
    return akun


@transaction.atomic
def pendaftaran_putuskan(
    *, akun: AkunMitra, oleh: Pengguna, setuju: bool, mitra: Mitra | None = None, alasan=""
) -> AkunMitra:
    """Setujui (tautkan ke mitra registri yang dipilih, atau buat mitra baru dari usulannya)
    atau tolak dengan alasan. Baris dikunci: keputusan serentak hanya berlaku sekali."""
    akun = AkunMitra.objects.select_for_update().select_related("pengguna").get(pk=akun.pk)
    if not AkunMitra.objects.untuk(oleh).filter(pk=akun.pk).exists():
        raise TindakanTidakSah("Pendaftaran ini di luar wilayah Anda.")
    if akun.status != ST.MENUNGGU:
        raise TindakanTidakSah(
            f"Pendaftaran ini sudah diputuskan ({akun.get_status_display().lower()})."
        )
    if not setuju and not alasan.strip():
        raise TindakanTidakSah("Tuliskan alasan penolakan.")
    pengguna = akun.pengguna
    akun.diputuskan_oleh = oleh
    akun.diputuskan_pada = timezone.now()
    if setuju:
        if mitra is None:
            mitra = Mitra.objects.create(
                nama=akun.nama_lembaga,
                kategori=akun.kategori,
                nomor_registrasi=akun.nomor_registrasi,
                alamat=akun.alamat,
                provinsi=akun.provinsi,
                kontak_nama=pengguna.nama,
                telepon=pengguna.telepon,
                email=pengguna.email,
                dibuat_oleh=oleh,
            )
        akun.mitra = mitra
        akun.status = ST.AKTIF
        pengguna.is_active = True
        pengguna.save()
        pengguna.groups.add(_grup_mitra())
        beritahu_setelah_commit(
            penerima=[pengguna],
            judul=f"Akun mitra Anda disetujui: {mitra}",
            pesan="Anda sekarang dapat mengajukan permohonan kerja sama kepada KPS/KUPS.",
            tautan=reverse("beranda"),
        )
    else:
        akun.status = ST.DITOLAK
        akun.alasan_tolak = alasan.strip()
        # Akunnya belum aktif, jadi tidak ada notifikasi di aplikasi: alasannya dikirim lewat surel.
        transaction.on_commit(
            lambda: send_mail(
                "[Perhutanan] Pendaftaran akun mitra tidak disetujui",
                f"Yth. {pengguna.get_full_name()},\n\nPendaftaran {akun.nama_lembaga} tidak "
                f"disetujui oleh {oleh.get_full_name()} dengan alasan:\n{akun.alasan_tolak}",
                None,
                [pengguna.email],
                fail_silently=True,
            )
        )
    akun._change_reason = alasan.strip()
    akun.save()
    return akun


# ------------------------------------------------------------------ permohonan


@transaction.atomic
def permohonan_ajukan(*, akun: AkunMitra, data: dict, bukti: dict, oleh: Pengguna):
    """Permohonan baru dari mitra. `bukti`: kode butir uji tuntas -> (keterangan, berkas)."""
    kps, kups = data["kps"], data.get("kups")
    if kps.diarsipkan_pada is not None:
        raise TindakanTidakSah("KPS ini sudah diarsipkan dan tidak menerima permohonan.")
    if kups is not None and kups.kps_id != kps.pk:
        raise TindakanTidakSah("KUPS yang dipilih bukan unit usaha KPS ini.")
    if PermohonanMitra.objects.filter(
        mitra_id=akun.mitra_id, kps=kps, judul__iexact=data["judul"].strip(), status=SPM.DIAJUKAN
    ).exists():
        raise TindakanTidakSah(
            "Permohonan dengan judul ini kepada KPS yang sama masih menunggu tanggapan."
        )
    p = PermohonanMitra.objects.create(
        mitra_id=akun.mitra_id,
        diajukan_oleh=oleh,
        kps=kps,
        kups=kups,
        jenis=data["jenis"],
        judul=data["judul"].strip(),
        maksud=data["maksud"],
        dukungan=data["dukungan"],
        jangka_waktu_tahun=data["jangka_waktu_tahun"],
        nomor_surat=data["nomor_surat"].strip(),
        tanggal_surat=data["tanggal_surat"],
        surat=data["surat"],
    )
    kode_sah = {b.kode for b in butir_untuk(akun.mitra.kategori)}
    for kode, (keterangan, berkas) in bukti.items():
        if kode in kode_sah and (keterangan or berkas):
            BuktiPermohonan.objects.create(
                permohonan=p, kode=kode, keterangan=keterangan, berkas=berkas or ""
            )
    beritahu_setelah_commit(
        penerima=pendamping_kps(kps.pk),
        judul=f"Permohonan kerja sama dari {akun.mitra}: {p.judul}",
        pesan=f"Kepada {kps}{f' / KUPS {kups}' if kups else ''}. Tanggapi di halaman permohonan.",
        tautan=p.get_absolute_url(),
    )
    return p


@transaction.atomic
def permohonan_tarik(*, permohonan: PermohonanMitra, oleh: Pengguna) -> PermohonanMitra:
    p = PermohonanMitra.objects.select_for_update().get(pk=permohonan.pk)
    akun = akun_mitra_aktif(oleh)
    if akun is None or akun.mitra_id != p.mitra_id:
        raise TindakanTidakSah("Hanya mitra pemohon yang dapat menarik permohonannya.")
    if p.status != SPM.DIAJUKAN:
        raise TindakanTidakSah("Permohonan yang sudah ditanggapi tidak dapat ditarik.")
    p.status = SPM.DITARIK
    p.save(update_fields=["status"])
    beritahu_setelah_commit(
        penerima=pendamping_kps(p.kps_id),
        judul=f"Permohonan ditarik {p.mitra}: {p.judul}",
        tautan=p.get_absolute_url(),
    )
    return p


@transaction.atomic
def permohonan_putuskan(
    *, permohonan: PermohonanMitra, oleh: Pengguna, terima: bool, catatan: str = ""
) -> PermohonanMitra:
    p = PermohonanMitra.objects.select_for_update().get(pk=permohonan.pk)
    if not PermohonanMitra.objects.untuk(oleh, ubah=True).filter(pk=p.pk).exists():
        raise TindakanTidakSah("Permohonan ini ditanggapi pendamping KPS yang dituju.")
    if p.status != SPM.DIAJUKAN:
        raise TindakanTidakSah(
            f"Permohonan ini sudah {p.get_status_display().lower()}; tanggapan Anda tidak disimpan."
        )
    if not terima and not catatan.strip():
        raise TindakanTidakSah("Tuliskan alasan penolakan; mitra akan membacanya.")
    p.status = SPM.DITERIMA if terima else SPM.DITOLAK
    p.diputuskan_oleh = oleh
    p.diputuskan_pada = timezone.now()
    p.catatan_keputusan = catatan.strip()
    p._change_reason = p.catatan_keputusan
    p.save(update_fields=["status", "diputuskan_oleh", "diputuskan_pada", "catatan_keputusan"])
    beritahu_setelah_commit(
        penerima=akun_lembaga(p.mitra_id),
        judul=f"Permohonan Anda {'diterima' if terima else 'ditolak'}: {p.judul}",
        pesan=p.catatan_keputusan,
        tautan=p.get_absolute_url(),
    )
    return p


def permohonan_untuk_kerjasama(user, kps, nilai: str) -> PermohonanMitra | None:
    """Permohonan diterima kepada KPS ini yang belum menjadi kerja sama (?permohonan=)."""
    if not nilai.isdigit():
        return None
    return (
        PermohonanMitra.objects.untuk(user, ubah=True)
        .filter(pk=int(nilai), kps=kps, status=SPM.DITERIMA, kerjasama__isnull=True)
        .select_related("mitra", "kups")
        .first()
    )


def awal_kerjasama(p: PermohonanMitra) -> dict:
    """Isian awal formulir kerja sama dari permohonan: tanpa mengetik ulang."""
    return {
        "judul": p.judul,
        "jenis": p.jenis,
        "kebutuhan": f"{p.maksud}\n\nDukungan yang ditawarkan mitra: {p.dukungan}",
        "mitra": [p.mitra_id],
        "kups": [p.kups_id] if p.kups_id else [],
    }


def tautkan_kerjasama(*, permohonan: PermohonanMitra, kerjasama: KerjaSama, oleh) -> bool:
    """Dipanggil di transaksi kerjasama_buat: tautkan permohonan, bawa suratnya sebagai surat
    permohonan Langkah I, bawa bukti uji tuntasnya ke uji tuntas mitra (butir yang belum
    berbukti; belum dinyatakan terpenuhi, itu pemeriksaan pendamping), lalu beri tahu mitra."""
    tertaut = PermohonanMitra.objects.filter(
        pk=permohonan.pk, status=SPM.DITERIMA, kerjasama__isnull=True
    ).update(kerjasama=kerjasama)
    if not tertaut:
        return False
    p = permohonan
    if kerjasama.usaha:
        kerjasama.surat_permohonan = p.surat.name
        kerjasama.tanggal_permohonan = p.tanggal_surat
        kerjasama.save(update_fields=["surat_permohonan", "tanggal_permohonan"])
    ada = {x.kode: x for x in PemeriksaanMitra.objects.filter(mitra_id=p.mitra_id)}
    for b in p.bukti.all():
        lama = ada.get(b.kode)
        if lama is not None and (lama.catatan_bukti or lama.berkas_bukti):
            continue
        baris = lama or PemeriksaanMitra(mitra_id=p.mitra_id, kode=b.kode)
        baris.catatan_bukti = f"{b.keterangan}\n(Dari permohonan mitra {p.nomor_surat})".strip()
        if b.berkas:
            baris.berkas_bukti = b.berkas.name
        baris._change_reason = "Bukti dari permohonan mitra lewat portal"
        baris.save()
    _catat(
        kerjasama,
        "dari permohonan mitra",
        oleh,
        catatan=f"Permohonan {p.mitra} nomor {p.nomor_surat} tanggal "
        f"{p.tanggal_surat:%d-%m-%Y}, diajukan lewat portal mitra",
    )
    beritahu_setelah_commit(
        penerima=akun_lembaga(p.mitra_id),
        judul=f"Permohonan Anda menjadi kerja sama: {kerjasama.judul}",
        pesan=f"Pendamping {p.kps} mulai menyiapkan kerja samanya (tahap a).",
        tautan=p.get_absolute_url(),
    )
    return True


def beritahu_keputusan_bpskl(ks: KerjaSama, setuju: bool, catatan: str) -> None:
    """Keputusan BPSKL atas kerja sama yang lahir dari permohonan portal sampai ke mitranya."""
    p = PermohonanMitra.objects.filter(kerjasama=ks).first()
    if p is None:
        return
    beritahu_setelah_commit(
        penerima=akun_lembaga(p.mitra_id),
        judul=f"Kerja sama {ks.judul} {'disetujui' if setuju else 'ditolak'} BPSKL",
        pesan=catatan.strip(),
        tautan=p.get_absolute_url(),
    )
