"""Mitra dan kerja sama demo: satu kerja sama usaha menunggu persetujuan BPSKL, satu sudah
disetujui dan menunggu naskahnya ditandatangani."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile

from akun.models import Pengguna
from kelompok.models import Kps
from kerjasama import services
from kerjasama.models import KerjaSama, Mitra
from kerjasama.naskah import SEMUA_BUTIR


def muat_kerjasama_demo() -> list[tuple[str, str]]:
    pendamping = Pengguna.objects.get(username="pendamping")
    mitra, dibuat = Mitra.objects.get_or_create(
        nama="PT Kopi Ciremai Lestari",
        defaults={
            "kategori": "bums",
            "nomor_registrasi": "NIB-9120300123456",
            "provinsi_id": "32",
            "kontak_nama": "Budi Hartono",
            "telepon": "0812 3456 7890",
            "dibuat_oleh": pendamping,
        },
    )
    laporan = [(f"mitra {mitra}", "dibuat" if dibuat else "tetap")]
    kps = Kps.objects.get(nomor_sk="SK.1234/MENLHK-PSKL/PKPS/PSL.0/3/2021")
    bpskl = Pengguna.objects.get(username="bpskl")
    for judul, kebutuhan, setujui in (
        (
            "Pemasaran kopi arabika Ciremai",
            "Pembeli tetap dan harga yang layak untuk kopi anggota.",
            False,
        ),
        (
            "Pengolahan madu hutan Ciremai",
            "Alat pengolahan dan pembeli madu hutan anggota.",
            True,
        ),
    ):
        if KerjaSama.objects.filter(kps_utama=kps, judul=judul).exists():
            laporan.append((f"kerja sama {judul}", "tetap"))
            continue
        _kerjasama_usaha(kps, pendamping, mitra, judul, kebutuhan, setujui=setujui, bpskl=bpskl)
        laporan.append((f"kerja sama {judul}", "dibuat"))
    return laporan


def _kerjasama_usaha(kps, pendamping, mitra, judul, kebutuhan, *, setujui: bool, bpskl) -> None:
    ks = services.kerjasama_buat(
        kerjasama=KerjaSama(judul=judul, jenis="usaha", kps_utama=kps, kebutuhan=kebutuhan),
        oleh=pendamping,
        mitra=[mitra],
        kups=list(kps.kups.all()),
    )
    for ke, catatan in [
        ("b", "Tiga calon pembeli diinventarisasi"),
        ("c", "Kunjungan ke PT Kopi Ciremai"),
        ("d", "Draf naskah disusun bersama"),
    ]:
        services.kerjasama_pindah_tahap(kerjasama=ks, ke=ke, oleh=pendamping, catatan=catatan)
    services.naskah_simpan(
        kerjasama=ks,
        isi={
            b.kode: f"Ketentuan tentang {b.judul.lower()} disepakati para pihak."
            for b in SEMUA_BUTIR
        },
        pola="bagi_hasil",
        persen_modal=Decimal(40),
        oleh=pendamping,
    )
    services.permohonan_simpan(
        kerjasama=ks,
        surat=ContentFile(b"%PDF-1.4\n% surat permohonan demo\n", name="permohonan.pdf"),
        tanggal=datetime.date(2026, 11, 2),
        oleh=pendamping,
    )
    services.kerjasama_ajukan(kerjasama=ks, oleh=pendamping)
    if setujui:
        services.kerjasama_putuskan(
            kerjasama=ks, oleh=bpskl, setuju=True, catatan="Bagi hasil proporsional."
        )
        services.kerjasama_pindah_tahap(
            kerjasama=ks, ke="e", oleh=pendamping, catatan="Naskah disepakati dalam pertemuan"
        )
