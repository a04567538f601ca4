"""Mitra dan kerja sama demo: satu kerja sama usaha menunggu persetujuan BPSKL, satu sudah
disetujui dan berjalan (tahap f) dengan setiap dokumen juknisnya bernomor."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from akun.models import Pengguna
from dokumen.models import JenisDokumen
from kelompok.models import Kps
from kerjasama import portal, services
from kerjasama.models import (
    AkunMitra,
    HadirPertemuan,
    IndikatorKerjaSama,
    KerjaSama,
    Komitmen,
    LangkahKmp,
    Mitra,
    PemangkuKepentingan,
    Pertemuan,
)
from kerjasama.naskah import SEMUA_BUTIR
from kerjasama.surat import terbitkan_surat


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
    laporan.append(_kemitraan_lingkungan_demo(kps, pendamping))
    laporan += _portal_demo(kps, pendamping, mitra)
    return laporan


def _portal_demo(kps, pendamping, mitra) -> list[tuple[str, str]]:
    """Portal mitra: akun "mitra" mewakili PT Kopi Ciremai Lestari dengan dua permohonan
    menunggu tanggapan dan satu yang sudah diterima (siap dijadikan kerja sama), serta satu
    pendaftaran mandiri yang menunggu persetujuan staf BPSKL."""
    pengguna = Pengguna.objects.get(username="mitra")
    akun, dibuat = AkunMitra.objects.get_or_create(
        pengguna=pengguna,
        defaults={
            "mitra": mitra,
            "asal": AkunMitra.Asal.UNDANGAN,
            "status": AkunMitra.Status.AKTIF,
            "provinsi_id": "32",
            "dibuat_oleh": pendamping,
        },
    )
    if not dibuat:
        return [("akun mitra demo", "tetap")]
    kups = kps.kups.first()
    for nomor, (judul, terima) in enumerate(
        (
            ("Pelatihan pascapanen kopi specialty", True),
            ("Pembelian kopi ceri langsung dari KUPS", False),
            ("Pinjaman alat pengering kopi", False),
        ),
        start=2,
    ):
        p = portal.permohonan_ajukan(
            akun=akun,
            data={
                "kps": kps,
                "kups": kups,
                "jenis": "usaha",
                "judul": judul,
                "maksud": f"{judul} untuk anggota KUPS, dengan harga dan mutu yang disepakati.",
                "dukungan": "Pembelian terjamin, pelatihan mutu, pinjaman alat pengering.",
                "jangka_waktu_tahun": 3,
                "nomor_surat": f"KCL/{nomor:02d}/XI/2026",
                "tanggal_surat": datetime.date(2026, 11, 18 + nomor),
                "surat": ContentFile(b"%PDF-1.4\n% surat permohonan mitra\n", name="surat.pdf"),
            },
            bukti={
                "legalitas": (
                    "NIB 9120300123456",
                    ContentFile(b"%PDF-1.4\n% NIB\n", name="nib.pdf"),
                ),
                "pasar": ("Kontrak pembelian dengan tiga kedai kopi di Bandung", None),
            },
            oleh=pengguna,
        )
        if terima:
            portal.permohonan_putuskan(
                permohonan=p,
                oleh=pendamping,
                terima=True,
                catatan="Diterima; kita bahas jadwalnya di pertemuan KUPS berikutnya.",
            )
    calon = Pengguna(
        username="koperasi.kuningan@contoh.id",
        email="koperasi.kuningan@contoh.id",
        nama="Rina Marlina",
        is_active=False,
    )
    calon.set_unusable_password()
    calon.save()
    AkunMitra.objects.create(
        pengguna=calon,
        asal=AkunMitra.Asal.PENDAFTARAN,
        status=AkunMitra.Status.MENUNGGU,
        provinsi_id="32",
        nama_lembaga="Koperasi Hasil Hutan Kuningan",
        kategori="koperasi",
        alamat="Jl. Siliwangi 12, Kuningan",
        jabatan="Ketua",
    )
    return [("akun mitra demo dan permohonannya", "dibuat")]


def _kemitraan_lingkungan_demo(kps, pendamping) -> tuple[str, str]:
    """Kemitraan lingkungan dengan ruang kerja KMP yang sudah dimulai: langkah 1 selesai, peta
    para pihak, komitmen dan indikator bersama."""
    judul = "Pemulihan mata air lereng Ciremai"
    if KerjaSama.objects.filter(kps_utama=kps, judul=judul).exists():
        return (f"kerja sama {judul}", "tetap")
    ks = services.kerjasama_buat(
        kerjasama=KerjaSama(
            judul=judul,
            jenis="lingkungan",
            kps_utama=kps,
            kebutuhan="Debit mata air turun; lahan kritis di hulu perlu direhabilitasi bersama.",
        ),
        oleh=pendamping,
    )
    LangkahKmp.objects.create(
        kerjasama=ks,
        nomor=1,
        penanggung_jawab="KPS dan pendamping",
        status="selesai",
        hasil="Tantangan dirumuskan; 6 pihak dipetakan.",
    )
    LangkahKmp.objects.create(
        kerjasama=ks, nomor=2, penanggung_jawab="Forum DAS Cimanuk", status="berjalan"
    )
    PemangkuKepentingan.objects.create(
        kerjasama=ks,
        nama="PDAM Kabupaten Kuningan",
        unsur="bumd",
        kepentingan="Pasokan air baku",
        pengaruh=3,
        tingkat_kepentingan=3,
        peran="Imbal jasa lingkungan untuk rehabilitasi hulu",
    )
    Komitmen.objects.create(
        kerjasama=ks,
        pihak="PDAM Kabupaten Kuningan",
        uraian="Dana imbal jasa lingkungan Rp 50.000.000 per tahun",
        status="sebagian",
        bukti="Tahap pertama Rp 25.000.000 diterima KPS",
    )
    IndikatorKerjaSama.objects.create(
        kerjasama=ks, nama="Debit mata air Cikembulan", satuan="liter/detik", awal=8, target=12
    )
    return (f"kerja sama {judul}", "dibuat")


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
    hari_ini = timezone.localdate()
    terbitkan_surat(
        ks=ks, jenis=JenisDokumen.SURAT_PERMOHONAN, isian={"tanggal": hari_ini}, oleh=pendamping
    )
    services.kerjasama_ajukan(kerjasama=ks, oleh=pendamping)
    if setujui:
        services.kerjasama_putuskan(
            kerjasama=ks, oleh=bpskl, setuju=True, catatan="Bagi hasil proporsional."
        )
        services.kerjasama_pindah_tahap(
            kerjasama=ks, ke="e", oleh=pendamping, catatan="Naskah disepakati dalam pertemuan"
        )
        _pelaksanaan_demo(ks, pendamping, hari_ini)


def _pelaksanaan_demo(ks: KerjaSama, pendamping, hari_ini: datetime.date) -> None:
    """Kerja sama yang disetujui berjalan sampai tahap f dengan setiap dokumen juknisnya:
    berita acara pertemuan, naskah bernomor, pindaian bertanda tangan, surat pengantar ke OPD,
    rencana aksi, monitoring dan laporan pelaksanaan."""
    ks.refresh_from_db()
    pertemuan = Pertemuan.objects.create(
        kerjasama=ks,
        tanggal=hari_ini,
        pukul=datetime.time(9, 0),
        tempat="Balai Desa Cisantana",
        agenda="Pembahasan naskah kerja sama versi yang disetujui BPSKL.",
        hasil="Para pihak menyepakati seluruh pasal naskah dan jadwal penandatanganan.",
        dicatat_oleh=pendamping,
    )
    for nama, lembaga, jabatan, perempuan in (
        ("Dedi Supriadi", "KTH Wana Lestari Cisantana", "Ketua", False),
        ("Siti Aminah", "KUPS Kopi Ciremai", "Bendahara", True),
        ("Budi Hartono", "PT Kopi Ciremai Lestari", "Manajer kemitraan", False),
        ("Rina Marlina", "Pendamping Perhutanan Sosial", "Pendamping", True),
    ):
        HadirPertemuan.objects.create(
            pertemuan=pertemuan, nama=nama, lembaga=lembaga, jabatan=jabatan, perempuan=perempuan
        )
    terbitkan_surat(
        ks=ks,
        jenis=JenisDokumen.BERITA_ACARA,
        isian={"tanggal": hari_ini, "pertemuan": pertemuan},
        oleh=pendamping,
    )
    terbitkan_surat(
        ks=ks,
        jenis=JenisDokumen.NASKAH,
        isian={"tanggal": hari_ini, "tempat": "Kuningan"},
        oleh=pendamping,
    )
    services.naskah_tandatangani(
        naskah=ks.naskah_diputuskan,
        berkas=ContentFile(b"%PDF-1.4\n% naskah bertanda tangan demo\n", name="naskah-ttd.pdf"),
        tanggal=hari_ini,
        oleh=pendamping,
    )
    services.kerjasama_pindah_tahap(
        kerjasama=ks, ke="f", oleh=pendamping, catatan="Naskah ditandatangani para pihak"
    )
    terbitkan_surat(
        ks=ks, jenis=JenisDokumen.SURAT_PENGANTAR, isian={"tanggal": hari_ini}, oleh=pendamping
    )
    services.kerjasama_kirim_opd(kerjasama=ks, oleh=pendamping)
    ks.refresh_from_db()
    services.jangka_waktu_atur(
        kerjasama=ks,
        mulai=hari_ini,
        sampai=hari_ini.replace(year=hari_ini.year + 5),
        oleh=pendamping,
    )
    services.rencana_aksi_tambah(
        kerjasama=ks,
        data={
            "kegiatan": "Pelatihan pengolahan madu higienis",
            "penanggung_jawab": "PT Kopi Ciremai Lestari",
            "mulai": hari_ini,
            "selesai": hari_ini + datetime.timedelta(days=30),
            "anggaran": Decimal(15_000_000),
            "status": "rencana",
        },
        oleh=pendamping,
    )
    services.monitoring_tambah(
        kerjasama=ks,
        data={
            "tanggal": hari_ini,
            "kemajuan": "Alat pengolahan madu diterima KUPS; pelatihan pertama dijadwalkan.",
            "masalah": "",
            "kewajiban": ["perlindungan", "sesuai_perjanjian", "fungsi_hutan", "kohesi_sosial"],
            "peserta": 18,
            "peserta_perempuan": 8,
            "peserta_muda": 5,
        },
        oleh=pendamping,
    )
    terbitkan_surat(
        ks=ks,
        jenis=JenisDokumen.LAPORAN,
        isian={"tanggal": hari_ini, "dari": hari_ini, "sampai": hari_ini},
        oleh=pendamping,
    )
    _evaluasi_demo(ks, pendamping, hari_ini)


def _evaluasi_demo(ks: KerjaSama, pendamping, hari_ini: datetime.date) -> None:
    """Tahap g: indikator yang disepakati, evaluasi, dan perpanjangan yang menunggu BPSKL."""
    from kerjasama import evaluasi

    ks.refresh_from_db()
    IndikatorKerjaSama.objects.create(
        kerjasama=ks,
        nama="Madu hutan terjual melalui mitra",
        satuan="kg/tahun",
        awal=Decimal(400),
        target=Decimal(1500),
        capaian=Decimal(650),
        sumber="catatan penjualan KUPS",
    )
    services.kerjasama_pindah_tahap(
        kerjasama=ks, ke="g", oleh=pendamping, catatan="Monitoring dan evaluasi tahun pertama"
    )
    evaluasi.evaluasi_simpan(
        kerjasama=ks,
        data={
            "tanggal": hari_ini,
            "penilaian": "baik",
            "rekomendasi": "perpanjang",
            "pelajaran": "Pelatihan pengolahan sebelum alat datang membuat alat langsung dipakai; "
            "pencatatan penjualan perlu dibuat mingguan.",
        },
        oleh=pendamping,
    )
    evaluasi.perpanjangan_ajukan(
        kerjasama=ks,
        sampai=ks.berlaku_sampai.replace(year=ks.berlaku_sampai.year + 3),
        alasan="Penjualan madu naik dan KUPS siap menambah produksi.",
        surat=None,
        oleh=pendamping,
    )
