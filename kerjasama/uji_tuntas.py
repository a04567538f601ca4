"""Butir uji tuntas mitra usaha dan penapisan gender (juknis 2.4.4 a dan 1.5)."""

from dataclasses import dataclass

from kerjasama.models import KategoriMitra

K = KategoriMitra


@dataclass(frozen=True)
class Butir:
    kode: str
    teks: str
    kelompok: str  # "uji tuntas" atau "gender"


DASAR = (
    Butir("legalitas", "Legalitas usaha", "uji tuntas"),
    Butir("usaha_pokok", "Usaha pokok yang jelas", "uji tuntas"),
    Butir("kompetensi", "Kompetensi teknis", "uji tuntas"),
    Butir("pasar", "Pasar yang kuat", "uji tuntas"),
    Butir(
        "komitmen",
        "Komitmen jangka panjang dengan pola agroforestry/silvopastura/"
        "agrosilvopastura/silvofishery",
        "uji tuntas",
    ),
    Butir(
        "keseimbangan",
        "Siap menjalankan prinsip keseimbangan sosial, ekologi, ekonomi",
        "uji tuntas",
    ),
    Butir("transfer", "Siap transfer pengetahuan, keterampilan dan manajemen", "uji tuntas"),
    Butir("pembiayaan", "Menyediakan pembiayaan usaha", "uji tuntas"),
)
REKENING = Butir("rekening_koran", "Memiliki rekening koran", "uji tuntas")
LAPORAN = Butir(
    "laporan_keuangan",
    "Laporan keuangan paling sedikit 2 tahun terakhir dengan penilaian baik",
    "uji tuntas",
)
RENCANA = Butir(
    "rencana_kerja", "Rencana kerja 10 tahun dan rencana tahunan yang sudah disahkan", "uji tuntas"
)
GENDER = (
    Butir("gender_perspektif", "Memiliki perspektif keadilan gender", "gender"),
    Butir(
        "gender_kekerasan", "Tidak memiliki catatan kekerasan atau ketidakadilan gender", "gender"
    ),
    Butir("pekerja_anak", "Tidak mempekerjakan anak di bawah usia kerja", "gender"),
)


def butir_untuk(kategori: str) -> list[Butir]:
    """Delapan syarat dasar, tambahan menurut jenis mitra, lalu penapisan gender."""
    tambahan = []
    if kategori == K.PERORANGAN:
        tambahan.append(REKENING)
    if kategori in (K.KOPERASI, K.BUMDES, K.BUMD, K.BUMN, K.BUMS):
        tambahan.append(LAPORAN)
    if kategori == K.PENGELOLA_HUTAN:
        tambahan.append(RENCANA)
    return [*DASAR, *tambahan, *GENDER]


@dataclass(frozen=True)
class BarisUjiTuntas:
    butir: Butir
    pemeriksaan: object  # PemeriksaanMitra atau None (belum diperiksa)

    @property
    def status(self) -> str:
        if self.pemeriksaan is None:
            return "belum diperiksa"
        return "terpenuhi" if self.pemeriksaan.terpenuhi else "tidak terpenuhi"


@dataclass(frozen=True)
class UjiTuntasMitra:
    mitra: object
    baris: list[BarisUjiTuntas]

    @property
    def kurang(self) -> list[BarisUjiTuntas]:
        return [b for b in self.baris if b.status != "terpenuhi"]

    @property
    def lengkap(self) -> bool:
        return not self.kurang


def uji_tuntas_mitra(daftar_mitra) -> list[UjiTuntasMitra]:
    """Uji tuntas dan penapisan gender setiap mitra, dengan butir yang belum terpenuhi.

    `daftar_mitra` sebaiknya sudah membawa `prefetch_related("pemeriksaan")`."""
    hasil = []
    for mitra in daftar_mitra:
        ada = {p.kode: p for p in mitra.pemeriksaan.all()}
        hasil.append(
            UjiTuntasMitra(
                mitra,
                [BarisUjiTuntas(b, ada.get(b.kode)) for b in butir_untuk(mitra.kategori)],
            )
        )
    return hasil
