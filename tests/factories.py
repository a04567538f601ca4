import datetime
from decimal import Decimal

import factory
from django.contrib.auth.models import Group

from akun.models import Pengguna
from akun.peran import Peran

KATA_SANDI_UJI = "sandi-uji-yang-panjang"


class PenggunaFactory(factory.django.DjangoModelFactory):
    """Pengguna dengan peran: PenggunaFactory(peran=peran.PENDAMPING, provinsi_id="32")."""

    class Meta:
        model = Pengguna
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    nama = factory.Faker("name", locale="id_ID")
    email = factory.LazyAttribute(lambda o: f"{o.username}@uji.perhutanan.id")
    password = factory.django.Password(KATA_SANDI_UJI)

    @factory.post_generation
    def peran(self, create: bool, extracted: Peran | None, **kwargs) -> None:
        if create and extracted is not None:
            self.groups.add(Group.objects.get(name=extracted.nama_grup))


def buat_desa(provinsi: str = "32", nomor: int = 1):
    """Desa uji lengkap dengan kabupaten dan kecamatannya: 32.90.01.2001 dst."""
    from kelompok.models import Desa, Kabupaten, Kecamatan

    kab, _ = Kabupaten.objects.get_or_create(
        kode=f"{provinsi}.90",
        defaults={"nama": f"Kabupaten Uji {provinsi}", "provinsi_id": provinsi},
    )
    kec, _ = Kecamatan.objects.get_or_create(
        kode=f"{kab.kode}.01", defaults={"nama": "Kecamatan Uji", "kabupaten": kab}
    )
    desa, _ = Desa.objects.get_or_create(
        kode=f"{kec.kode}.{2000 + nomor}", defaults={"nama": f"Desa Uji {nomor}", "kecamatan": kec}
    )
    return desa


class KpsFactory(factory.django.DjangoModelFactory):
    """KPS di desa uji; `pendamping=` menugaskan pendamping ke KPS itu."""

    class Meta:
        model = "kelompok.Kps"
        skip_postgeneration_save = True

    class Params:
        provinsi = "32"

    nama = factory.Sequence(lambda n: f"KPS Uji {n:05d}")
    desa = factory.LazyAttribute(lambda o: buat_desa(o.provinsi))
    bentuk_lembaga = "kelompok"
    skema = "HKm"
    nomor_sk = factory.Sequence(lambda n: f"SK.{n}/PSKL/2024")
    tanggal_sk = datetime.date(2024, 1, 15)
    luas_ha = Decimal("125.5")
    fungsi_hutan = "HL"
    ketua = "Ketua Uji"
    jumlah_kk = 40

    @factory.post_generation
    def pendamping(self, create, extracted, **kwargs):
        if create and extracted is not None:
            from kelompok.models import Penugasan

            Penugasan.objects.create(kps=self, pendamping=extracted)


class KupsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "kelompok.Kups"

    kps = factory.SubFactory(KpsFactory)
    nama = factory.Sequence(lambda n: f"KUPS Uji {n}")
    komoditas = "Kopi"


class KthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "kelompok.Kth"

    class Params:
        provinsi = "32"

    nama = factory.Sequence(lambda n: f"KTH Uji {n:05d}")
    nomor_register = factory.Sequence(lambda n: f"REG-{n:06d}")
    desa = factory.LazyAttribute(lambda o: buat_desa(o.provinsi))
    ketua = "Ketua KTH"


class AnggotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "kelompok.Anggota"

    nama = factory.Sequence(lambda n: f"Anggota {n}")
    jenis_kelamin = factory.Iterator(["L", "P"])
    tahun_lahir = factory.Iterator([1960, 1975, 1988, 1999, 2003])
    jabatan = "anggota"


def pdf_uji(judul: str = "uji") -> bytes:
    """PDF kecil yang sah (satu halaman kosong): unggahan diperiksa dengan mengurai isinya."""
    import io

    from pypdf import PdfWriter

    penulis = PdfWriter()
    penulis.add_blank_page(width=200, height=200)
    penulis.add_metadata({"/Title": judul})
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    return keluaran.getvalue()


def gambar_uji(format_: str = "PNG") -> bytes:
    """PNG atau JPEG kecil yang sah."""
    import io

    from PIL import Image

    keluaran = io.BytesIO()
    Image.new("RGB", (8, 8), (30, 120, 60)).save(keluaran, format=format_)
    return keluaran.getvalue()


def buat_wakil_mitra(username: str, *, nama_mitra: str = "CV Lebah Lestari", kategori="bums"):
    """Pengguna ber-peran Mitra dengan akun portal aktif yang tertaut ke mitra registri baru."""
    from akun import peran
    from kerjasama.models import AkunMitra, Mitra

    pengguna = PenggunaFactory(username=username, peran=peran.MITRA)
    mitra = Mitra.objects.create(
        nama=nama_mitra, kategori=kategori, provinsi_id="32", dibuat_oleh=pengguna
    )
    AkunMitra.objects.create(
        pengguna=pengguna,
        mitra=mitra,
        asal=AkunMitra.Asal.UNDANGAN,
        status=AkunMitra.Status.AKTIF,
        provinsi_id="32",
    )
    return pengguna
