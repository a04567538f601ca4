"""Kop demo: Dinas Kehutanan Provinsi Jawa Barat dan BPSKL Jawa, Bali dan Nusa Tenggara."""

import io

from django.core.files.base import ContentFile

from dokumen.models import JenisKantor, Kantor, Penandatangan, PolaNomor


def _logo() -> bytes:
    """Lambang sederhana (lingkaran hijau berdaun) sebagai PNG, dibuat tanpa berkas luar."""
    from PIL import Image, ImageDraw

    gambar = Image.new("RGB", (160, 160), "white")
    gores = ImageDraw.Draw(gambar)
    gores.ellipse((6, 6, 154, 154), fill="#1f5130")
    gores.polygon([(80, 24), (122, 96), (38, 96)], fill="#8bc34a")
    gores.rectangle((72, 96, 88, 134), fill="#8d6e63")
    berkas = io.BytesIO()
    gambar.save(berkas, format="PNG")
    return berkas.getvalue()


def muat_kantor_demo() -> list[tuple[str, str]]:
    dinas, dibuat = Kantor.objects.get_or_create(
        jenis=JenisKantor.DINAS,
        provinsi_id="32",
        defaults={
            "induk": "Pemerintah Daerah Provinsi Jawa Barat",
            "nama": "Dinas Kehutanan Provinsi Jawa Barat",
            "alamat": "Jalan Soekarno-Hatta No. 751, Bandung 40293",
            "kota": "Bandung",
            "telepon": "022 7562044",
            "surel": "dishut@jabarprov.go.id",
        },
    )
    if dibuat:
        dinas.logo.save("logo-dishut-jabar.png", ContentFile(_logo()))
        Penandatangan.objects.create(
            kantor=dinas,
            nama="Ir. Dewi Kartika, M.Si.",
            nip="197005121995032001",
            jabatan="Kepala Dinas Kehutanan Provinsi Jawa Barat",
            utama=True,
        )
        PolaNomor.objects.create(
            kantor=dinas,
            jenis_dokumen="surat_pengantar",
            pola="{urut:03d}/PKS.02/DISHUT/{bulan_romawi}/{tahun}",
        )
    bpskl, dibuat_bpskl = Kantor.objects.get_or_create(
        jenis=JenisKantor.BPSKL,
        bpskl_id="JBN",
        defaults={
            "induk": "Kementerian Kehutanan",
            "nama": "Balai Perhutanan Sosial dan Kemitraan Lingkungan Wilayah Jawa, Bali dan "
            "Nusa Tenggara",
            "alamat": "Jalan Tentara Pelajar, Yogyakarta",
            "kota": "Yogyakarta",
        },
    )
    if dibuat_bpskl:
        Penandatangan.objects.create(
            kantor=bpskl,
            nama="Dr. Agus Setiawan, S.Hut., M.Sc.",
            nip="197803152003121002",
            jabatan="Kepala Balai Perhutanan Sosial dan Kemitraan Lingkungan Wilayah Jawa, Bali "
            "dan Nusa Tenggara",
            utama=True,
        )
        PolaNomor.objects.create(
            kantor=bpskl,
            jenis_dokumen="surat_keputusan",
            pola="S.{urut}/BPSKL-JBN/PKL/{bulan_romawi}/{tahun}",
        )
    return [
        (f"kop {dinas}", "dibuat" if dibuat else "tetap"),
        (f"kop {bpskl}", "dibuat" if dibuat_bpskl else "tetap"),
    ]
