"""Surat dan dokumen kerja sama menurut juknis, dibuat dari data yang sudah ada di aplikasi.

Setiap jenis punya syarat (kapan boleh diterbitkan, dengan alasan bila belum), kunci (satu
dokumen berlaku per kunci: per versi naskah, per pertemuan, per periode laporan) dan isi yang
dipotret saat terbit. Nomor diberikan kantor penerbitnya (`dokumen.services.terbitkan`) saat
terbit, tidak pernah pada draf.

- Langkah II: surat permohonan persetujuan KPS/KUPS kepada Kepala UPT (BPSKL);
- Langkah II: surat keputusan BPSKL (setuju atau tolak dengan alasan), terbit saat diputuskan;
- Langkah III: naskah kerja sama bernomor untuk ditandatangani;
- Langkah IV: surat pengantar naskah ke OPD kehutanan provinsi dengan tembusan;
- tahap e: berita acara pertemuan dengan daftar hadir (juga pertemuan multi pihak);
- pengakhiran atas kesepakatan para pihak: surat kesepakatan bersama;
- laporan pelaksanaan kerja sama dari rencana aksi dan catatan monitoring.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import formats, translation
from num2words import num2words

from dokumen import services as dokumen_services
from dokumen.models import Dokumen, JenisDokumen, StatusDokumen
from kerjasama.models import (
    AturanTembusan,
    KerjaSama,
    Monitoring,
    NaskahKerjaSama,
    Pertemuan,
    StatusPersetujuan,
    Tahap,
)
from kerjasama.naskah import SEMUA_BUTIR
from kerjasama.pelaksanaan import KEWAJIBAN
from perhutanan.angka import format_desimal

SP = StatusPersetujuan
DIRJEN_PSKL = "Direktur Jenderal Perhutanan Sosial dan Kemitraan Lingkungan"
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
URUTAN_TAHAP = [t.value for t in Tahap]


def tanggal_teks(tanggal: datetime.date | None) -> str:
    if tanggal is None:
        return ""
    with translation.override("id"):
        return formats.date_format(tanggal, "j F Y")


def terbilang(angka: int) -> str:
    return num2words(angka, lang="id")


def kalimat_hari_ini(tanggal: datetime.date, tempat: str) -> str:
    """'Pada hari ini Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh
    enam (23-11-2026), bertempat di …'."""
    with translation.override("id"):
        bulan = formats.date_format(tanggal, "F")
    return (
        f"Pada hari ini {HARI[tanggal.weekday()]} tanggal {terbilang(tanggal.day)} bulan {bulan} "
        f"tahun {terbilang(tanggal.year)} ({tanggal:%d-%m-%Y}), bertempat di {tempat}"
    )


def _persen(nilai) -> str:
    """40 -> '40', 12.5 -> '12,5' (bentuk Indonesia, tanpa nol di belakang koma)."""
    if nilai is None:
        return ""
    return format_desimal(nilai, 2).rstrip("0").rstrip(",")


def _sebutan(urutan: int) -> str:
    return "PIHAK " + num2words(urutan, lang="id", to="ordinal").upper()


def _lokasi_kps(kps) -> str:
    return (
        f"Desa {kps.desa.nama}, Kecamatan {kps.desa.kecamatan.nama}, {kps.kabupaten.nama}, "
        f"Provinsi {kps.provinsi.nama}"
    )


def para_pihak(ks: KerjaSama, potret: dict | None = None) -> list[dict]:
    """KPS (bersama KUPS-nya) sebagai PIHAK PERTAMA, mitra sebagai PIHAK KEDUA dan seterusnya,
    masing-masing dengan identitas hukumnya dan wakilnya.

    `potret`: para pihak yang dipotret bersama satu versi naskah (yang dinilai BPSKL); nama,
    alamat dan wakilnya diambil dari potret itu, nomor registrasi dari registri mitra."""
    kps = ks.kps_utama
    kups = [k.nama for k in ks.kups.all()]
    if potret is not None:
        kups = [k["nama"] for k in potret.get("kups", [])]
    pertama = {
        "sebutan": _sebutan(1),
        "nama": kps.nama,
        "identitas": (
            f"{kps.get_bentuk_lembaga_display()} pemegang persetujuan pengelolaan perhutanan "
            f"sosial skema {kps.get_skema_display()} Nomor {kps.nomor_sk} tanggal "
            f"{tanggal_teks(kps.tanggal_sk)}, berkedudukan di {_lokasi_kps(kps)}"
            + (f", bersama {', '.join(kups)}" if kups else "")
        ),
        "wakil": kps.ketua,
        "jabatan": f"Ketua {kps.nama}",
    }
    if potret is not None:
        pertama["wakil"] = potret["kps"]["ketua"]
    mitra = ks.mitra.order_by("nama")
    if potret is None:
        daftar = [
            (m.nama, m.get_kategori_display(), m.nomor_registrasi, m.alamat, m.kontak_nama)
            for m in mitra
        ]
    else:
        nomor = dict(mitra.values_list("nama", "nomor_registrasi"))
        daftar = [
            (m["nama"], m["kategori"], nomor.get(m["nama"], ""), m["alamat"], m["kontak"])
            for m in potret.get("mitra", [])
        ]
    hasil = [pertama]
    for n, (nama, kategori, registrasi, alamat, wakil) in enumerate(daftar, start=2):
        identitas = kategori
        if registrasi:
            identitas += f", nomor registrasi/izin {registrasi}"
        if alamat:
            identitas += f", beralamat di {alamat}"
        hasil.append(
            {
                "sebutan": _sebutan(n),
                "nama": nama,
                "identitas": identitas,
                "wakil": wakil,
                "jabatan": f"Wakil {nama}",
            }
        )
    return hasil


def _ringkas_pihak(pihak: list[dict]) -> str:
    return "; ".join(f"{p['sebutan']}: {p['nama']}" for p in pihak)


def _naskah_terakhir(ks: KerjaSama) -> NaskahKerjaSama | None:
    return ks.naskah.order_by("-versi").first()


def dokumen_berlaku(ks: KerjaSama, jenis: str, kunci: str | None = None) -> Dokumen | None:
    qs = ks.dokumen.filter(jenis=jenis, status=StatusDokumen.BERLAKU)
    if kunci is not None:
        qs = qs.filter(kunci=kunci)
    return qs.order_by("-diterbitkan_pada").first()


def _ringkas_dokumen(dokumen: Dokumen | None) -> dict | None:
    if dokumen is None:
        return None
    return {"nomor": dokumen.nomor, "tanggal": tanggal_teks(dokumen.tanggal)}


def _mengetahui(ks: KerjaSama) -> list[dict]:
    """Blok 'Mengetahui': Kepala Dinas kehutanan provinsi dan Kepala Balai (BPSKL)."""
    provinsi = ks.kps_utama.provinsi
    hasil = [dokumen_services.nama_dinas(provinsi)["penandatangan"]]
    bpskl = ks.bpskl or provinsi.bpskl
    if bpskl is not None:
        balai = dokumen_services.kantor_bpskl(bpskl, simpan=False)
        hasil.append(dokumen_services.potret_penandatangan(balai))
    return hasil


def _tembusan(ks: KerjaSama) -> list[str]:
    """Penerima tembusan menurut aturan Langkah IV; Balai disebut dengan nama kopnya."""
    bpskl = ks.bpskl or ks.kps_utama.provinsi.bpskl
    nama = {
        AturanTembusan.Penerima.DIRJEN: DIRJEN_PSKL,
        AturanTembusan.Penerima.UPT: f"Kepala {dokumen_services.kantor_bpskl(bpskl, simpan=False)}"
        if bpskl
        else "Kepala UPT (BPSKL) wilayah",
    }
    from kerjasama.services import tembusan_untuk

    return [nama[t] for t in (ks.tembusan or tembusan_untuk(ks))]


# ------------------------------------------------------------------ syarat per jenis


def _syarat_permohonan(ks: KerjaSama) -> list[str]:
    alasan = []
    if not ks.usaha:
        return ["Surat permohonan persetujuan hanya untuk kerja sama usaha."]
    if ks.status_persetujuan not in (SP.BELUM, SP.DITOLAK, SP.DIAJUKAN):
        alasan.append("Kerja sama ini sudah diputuskan BPSKL.")
    if not ks.surat_permohonan:
        alasan.append("Lampirkan dulu surat permohonan mitra (Langkah I).")
    if not ks.mitra.exists():
        alasan.append("Tambahkan mitra kerja sama.")
    naskah = _naskah_terakhir(ks)
    if naskah is None:
        alasan.append("Susun draf naskah kerja sama (15 butir).")
    elif naskah.kekurangan():
        alasan.append("Naskah belum lengkap: " + " ".join(naskah.kekurangan()))
    return alasan


def _syarat_keputusan(ks: KerjaSama) -> list[str]:
    if not ks.usaha or ks.status_persetujuan not in (SP.DISETUJUI, SP.DITOLAK):
        return ["Surat keputusan terbit setelah BPSKL menyetujui atau menolak kerja sama usaha."]
    return []


def _syarat_naskah(ks: KerjaSama) -> list[str]:
    naskah = _naskah_terakhir(ks)
    if naskah is None:
        return ["Susun draf naskah kerja sama (15 butir)."]
    alasan = []
    if naskah.kekurangan():
        alasan.append("Naskah belum lengkap: " + " ".join(naskah.kekurangan()))
    if not ks.mitra.exists():
        alasan.append("Tambahkan mitra kerja sama.")
    if ks.usaha:
        if ks.status_persetujuan != SP.DISETUJUI or ks.naskah_diputuskan_id != naskah.pk:
            alasan.append(
                "Naskah kerja sama usaha diterbitkan untuk ditandatangani setelah versi "
                "terakhirnya disetujui BPSKL."
            )
        elif dokumen_berlaku(ks, JenisDokumen.SURAT_KEPUTUSAN) is None:
            alasan.append("Surat persetujuan BPSKL belum terbit; minta BPSKL menerbitkannya.")
    return alasan


def _syarat_pengantar(ks: KerjaSama) -> list[str]:
    if not ks.usaha:
        return ["Surat pengantar ke OPD provinsi untuk kerja sama usaha (Langkah IV)."]
    if ks.status_persetujuan != SP.DISETUJUI:
        return ["Kerja sama usaha harus disetujui BPSKL dulu."]
    if dokumen_berlaku(ks, JenisDokumen.NASKAH) is None:
        return ["Terbitkan dulu naskah kerja sama bernomor."]
    naskah = ks.naskah_diputuskan
    if naskah is None or not naskah.scan_ditandatangani:
        return ["Unggah dulu pindaian naskah yang sudah ditandatangani para pihak."]
    return []


def _syarat_berita_acara(ks: KerjaSama) -> list[str]:
    if not ks.pertemuan.filter(hadir__isnull=False).exists():
        return ["Catat dulu pertemuan dengan daftar hadirnya."]
    return []


def _syarat_pengakhiran(ks: KerjaSama) -> list[str]:
    if ks.diakhiri_pada and ks.alasan_akhir != "kesepakatan":
        return ["Kerja sama ini sudah diakhiri dengan alasan lain."]
    if not ks.mitra.exists():
        return ["Tambahkan mitra kerja sama."]
    if URUTAN_TAHAP.index(ks.tahap) < URUTAN_TAHAP.index(Tahap.F):
        return ["Pengakhiran berlaku untuk kerja sama yang sudah dilaksanakan (tahap f)."]
    return []


def _syarat_laporan(ks: KerjaSama) -> list[str]:
    if URUTAN_TAHAP.index(ks.tahap) < URUTAN_TAHAP.index(Tahap.F):
        return ["Laporan pelaksanaan disusun sejak tahap f (pelaksanaan)."]
    if not ks.monitoring.exists() and not ks.rencana_aksi.exists():
        return ["Catat dulu rencana aksi atau monitoring."]
    return []


# ------------------------------------------------------------------ isi per jenis


def _isi_permohonan(ks: KerjaSama, isian: dict) -> tuple[str, dict]:
    from kerjasama.uji_tuntas import uji_tuntas_mitra

    naskah = _naskah_terakhir(ks)
    bpskl = ks.bpskl or ks.kps_utama.provinsi.bpskl
    kantor_bpskl = dokumen_services.kantor_bpskl(bpskl, simpan=False)
    uji = uji_tuntas_mitra(ks.mitra.prefetch_related("pemeriksaan").order_by("nama"))
    return f"Permohonan persetujuan kerja sama usaha {ks.judul}", {
        "kepada": f"Kepala {kantor_bpskl.nama}",
        "kepada_kota": kantor_bpskl.kota,
        "judul": ks.judul,
        "pihak": para_pihak(ks),
        "tanggal_permohonan_mitra": tanggal_teks(ks.tanggal_permohonan),
        "naskah_versi": naskah.versi,
        "naskah_sidik": naskah.sidik,
        "pola": naskah.get_pola_display(),
        "persen_modal": _persen(naskah.persen_modal_mitra),
        "uji_tuntas": [
            {
                "mitra": u.mitra.nama,
                "lengkap": u.lengkap,
                "kurang": [b.butir.teks for b in u.kurang],
            }
            for u in uji
        ],
        "lampiran": [
            f"Surat permohonan {', '.join(m.nama for m in ks.mitra.order_by('nama'))} tanggal "
            f"{tanggal_teks(ks.tanggal_permohonan)}",
            f"Draf naskah kerja sama usaha versi {naskah.versi} (15 butir dan klausul gender)",
            "Hasil uji tuntas dan penapisan gender calon mitra",
        ],
    }


def _isi_keputusan(ks: KerjaSama, isian: dict) -> tuple[str, dict]:
    setuju = ks.status_persetujuan == SP.DISETUJUI
    naskah = ks.naskah_diputuskan
    permohonan = dokumen_berlaku(ks, JenisDokumen.SURAT_PERMOHONAN)
    dinas = dokumen_services.nama_dinas(ks.kps_utama.provinsi)["nama"]
    return (
        f"{'Persetujuan' if setuju else 'Penolakan'} kerja sama usaha {ks.judul}"
        + (f" (naskah versi {naskah.versi})" if naskah else ""),
        {
            "setuju": setuju,
            "kepada": f"Ketua {ks.kps_utama.nama}",
            "kepada_kota": _lokasi_kps(ks.kps_utama),
            "judul": ks.judul,
            "pihak": para_pihak(ks),
            "permohonan": _ringkas_dokumen(permohonan),
            "diajukan": tanggal_teks(ks.diajukan_pada.date() if ks.diajukan_pada else None),
            "naskah_versi": naskah.versi if naskah else None,
            "naskah_sidik": ks.sidik_naskah_diputuskan,
            "alasan": ks.catatan_keputusan,
            "dinas": dinas,
            "tembusan": [f"Kepala {dinas}", DIRJEN_PSKL],
        },
    )


def _lampiran_peta(ks: KerjaSama) -> dict:
    from kelompok.peta import baca_geojson, svg_batas

    kps = ks.kps_utama
    peta = {"luas_sk": str(kps.luas_ha), "svg": "", "luas_batas": "", "titik": ""}
    if kps.wilayah_kerja:
        batas = baca_geojson(kps.wilayah_kerja)
        peta["svg"] = svg_batas(batas)
        peta["luas_batas"] = str(batas.luas_ha)
    elif kps.lintang is not None and kps.bujur is not None:
        peta["titik"] = f"{kps.lintang}, {kps.bujur}"
    return peta


def _rencana_aksi(ks: KerjaSama) -> list[dict]:
    return [
        {
            "kegiatan": a.kegiatan,
            "penanggung_jawab": a.penanggung_jawab,
            "jadwal": f"{tanggal_teks(a.mulai)} s.d. {tanggal_teks(a.selesai)}",
            "anggaran": str(a.anggaran),
            "status": a.get_status_display(),
        }
        for a in ks.rencana_aksi.all()
    ]


def isi_draf_naskah(ks: KerjaSama, naskah: NaskahKerjaSama) -> dict:
    """Isi PDF draf satu versi naskah: sama dengan naskah bernomor, tanpa nomor dan tanggal."""
    perihal, data = _isi_naskah(ks, {}, naskah)
    kantor = dokumen_services.kantor_kps(ks.kps_utama, simpan=False)
    return {
        **data,
        "perihal": perihal,
        "jenis": JenisDokumen.NASKAH,
        "jenis_label": f"Draf naskah kerja sama versi {naskah.versi}",
        "kop": dokumen_services.potret_kop(kantor),
    }


def _isi_naskah(
    ks: KerjaSama, isian: dict, naskah: NaskahKerjaSama | None = None
) -> tuple[str, dict]:
    """Isi naskah bernomor (versi terakhir), atau draf satu versi (`naskah`, tanpa tanggal)."""
    naskah = naskah or _naskah_terakhir(ks)
    tanggal = isian.get("tanggal")
    tempat = isian.get("tempat") or dokumen_services.kantor_kps(ks.kps_utama, simpan=False).kota
    pihak = para_pihak(ks, naskah.para_pihak)
    persetujuan = (
        _ringkas_dokumen(dokumen_berlaku(ks, JenisDokumen.SURAT_KEPUTUSAN)) if ks.usaha else None
    )
    kps = ks.kps_utama
    kebutuhan = ks.kebutuhan.strip().rstrip(".")
    menimbang = [
        f"bahwa {pihak[0]['sebutan']} adalah {pihak[0]['identitas']};",
        *(f"bahwa {p['sebutan']} adalah {p['nama']}, {p['identitas']};" for p in pihak[1:]),
        f"bahwa {pihak[0]['sebutan']} membutuhkan kerja sama untuk: {kebutuhan};",
        "bahwa para pihak sepakat bekerja sama dengan prinsip keseimbangan sosial, ekologi dan "
        "ekonomi, keadilan gender, serta saling menguntungkan;",
    ]
    if persetujuan:
        menimbang.append(
            f"bahwa kerja sama usaha ini telah disetujui Kepala Balai Perhutanan Sosial dan "
            f"Kemitraan Lingkungan dengan surat Nomor {persetujuan['nomor']} tanggal "
            f"{persetujuan['tanggal']};"
        )
    return f"Perjanjian kerja sama {ks.judul}", {
        "judul": ks.judul,
        "jenis_kerjasama": ks.get_jenis_display(),
        "pembuka": kalimat_hari_ini(tanggal, tempat)
        if tanggal
        else f"Pada hari ini ........ tanggal ........ bulan ........ tahun ........, bertempat "
        f"di {tempat}",
        "tempat": tempat,
        "pihak": pihak,
        "menimbang": menimbang,
        "mengingat": naskah.isi.get("dasar", ""),
        "pasal": [
            {"nomor": n, "judul": b.judul, "teks": naskah.isi.get(b.kode, "")}
            for n, b in enumerate(SEMUA_BUTIR, start=1)
        ],
        "pola": naskah.get_pola_display(),
        "bagi_hasil": naskah.pola == NaskahKerjaSama.Pola.BAGI_HASIL,
        "persen_modal": _persen(naskah.persen_modal_mitra),
        "rangkap": f"{len(pihak) + 2} ({terbilang(len(pihak) + 2)})",
        "bermeterai": f"{len(pihak)} ({terbilang(len(pihak))})",
        "persetujuan": persetujuan,
        "naskah_versi": naskah.versi,
        "naskah_sidik": naskah.sidik,
        "mengetahui": _mengetahui(ks),
        "peta": _lampiran_peta(ks),
        "kps": kps.nama,
        "rencana_aksi": _rencana_aksi(ks),
    }


def _isi_pengantar(ks: KerjaSama, isian: dict) -> tuple[str, dict]:
    naskah = dokumen_berlaku(ks, JenisDokumen.NASKAH)
    dinas = dokumen_services.nama_dinas(ks.kps_utama.provinsi)
    return f"Penyampaian naskah kerja sama usaha {ks.judul}", {
        "kepada": f"Kepala {dinas['nama']}",
        "kepada_kota": dinas["kota"],
        "judul": ks.judul,
        "pihak": para_pihak(ks),
        "naskah": _ringkas_dokumen(naskah),
        "ditandatangani": tanggal_teks(ks.naskah_diputuskan.ditandatangani_pada),
        "persetujuan": _ringkas_dokumen(dokumen_berlaku(ks, JenisDokumen.SURAT_KEPUTUSAN)),
        "tembusan": _tembusan(ks),
        "lampiran": [
            f"Naskah kerja sama Nomor {naskah.nomor} yang telah ditandatangani para pihak",
            "Surat persetujuan Kepala Balai Perhutanan Sosial dan Kemitraan Lingkungan",
        ],
    }


def _isi_berita_acara(ks: KerjaSama, isian: dict) -> tuple[str, dict]:
    pertemuan: Pertemuan = isian["pertemuan"]
    hadir = list(pertemuan.hadir.all())
    multi = ks.jenis in ("multi_pihak", "lingkungan")
    return f"Berita acara pertemuan {ks.judul}, {tanggal_teks(pertemuan.tanggal)}", {
        "judul": ks.judul,
        "multi_pihak": multi,
        "pembuka": kalimat_hari_ini(pertemuan.tanggal, pertemuan.tempat),
        "pukul": pertemuan.pukul.strftime("%H.%M") if pertemuan.pukul else "",
        "tahap": Tahap.E.label,
        "agenda": pertemuan.agenda,
        "hasil": pertemuan.hasil,
        "pihak": para_pihak(ks),
        "hadir": [
            {"nama": h.nama, "lembaga": h.lembaga, "jabatan": h.jabatan, "perempuan": h.perempuan}
            for h in hadir
        ],
        "jumlah_hadir": len(hadir),
        "jumlah_perempuan": sum(h.perempuan for h in hadir),
    }


def _isi_pengakhiran(ks: KerjaSama, isian: dict) -> tuple[str, dict]:
    naskah = dokumen_berlaku(ks, JenisDokumen.NASKAH)
    pihak = para_pihak(ks)
    return f"Kesepakatan bersama pengakhiran kerja sama {ks.judul}", {
        "judul": ks.judul,
        "pembuka": kalimat_hari_ini(
            isian["tanggal"],
            isian.get("tempat") or dokumen_services.kantor_kps(ks.kps_utama, simpan=False).kota,
        ),
        "pihak": pihak,
        "naskah": _ringkas_dokumen(naskah),
        "berlaku_mulai": tanggal_teks(ks.berlaku_mulai),
        "tanggal_akhir": tanggal_teks(isian["tanggal_akhir"]),
        "ketentuan": isian.get("ketentuan", ""),
        "mengetahui": _mengetahui(ks),
    }


def _isi_laporan(ks: KerjaSama, isian: dict) -> tuple[str, dict]:
    dari, sampai = isian["dari"], isian["sampai"]
    catatan = list(
        Monitoring.objects.filter(kerjasama=ks, tanggal__range=(dari, sampai)).order_by("tanggal")
    )
    label = dict(KEWAJIBAN)
    peserta = sum(m.peserta for m in catatan)
    dinas = dokumen_services.nama_dinas(ks.kps_utama.provinsi)
    return f"Laporan pelaksanaan kerja sama {ks.judul}", {
        "kepada": f"Kepala {dinas['nama']}",
        "kepada_kota": dinas["kota"],
        "judul": ks.judul,
        "jenis_kerjasama": ks.get_jenis_display(),
        "pihak": para_pihak(ks),
        "periode": f"{tanggal_teks(dari)} sampai {tanggal_teks(sampai)}",
        "jangka_waktu": f"{tanggal_teks(ks.berlaku_mulai)} sampai {tanggal_teks(ks.berlaku_sampai)}"
        if ks.berlaku_mulai and ks.berlaku_sampai
        else "",
        "naskah": _ringkas_dokumen(dokumen_berlaku(ks, JenisDokumen.NASKAH)),
        "rencana_aksi": _rencana_aksi(ks),
        "monitoring": [
            {
                "tanggal": tanggal_teks(m.tanggal),
                "kemajuan": m.kemajuan,
                "masalah": m.masalah,
                "dipenuhi": len(m.kewajiban),
                "belum": [teks for kode, teks in KEWAJIBAN if kode not in m.kewajiban],
                "peserta": m.peserta,
                "perempuan": m.peserta_perempuan,
                "muda": m.peserta_muda,
            }
            for m in catatan
        ],
        "kewajiban": [
            {"teks": label[kode], "dipenuhi": sum(kode in m.kewajiban for m in catatan)}
            for kode, _ in KEWAJIBAN
        ],
        "jumlah_catatan": len(catatan),
        "peserta": peserta,
        "perempuan": sum(m.peserta_perempuan for m in catatan),
        "muda": sum(m.peserta_muda for m in catatan),
        "tembusan": _tembusan(ks) if ks.usaha else [],
    }


# ------------------------------------------------------------------ daftar jenis


@dataclass(frozen=True)
class JenisSurat:
    jenis: str
    tombol: str
    keterangan: str
    bidang: tuple[str, ...]
    penerbit: str  # "kps" atau "bpskl"
    syarat: Callable[[KerjaSama], list[str]]
    kunci: Callable[[KerjaSama, dict], str]
    isi: Callable[[KerjaSama, dict], tuple[str, dict]]
    hanya_usaha: bool = False  # Langkah I-IV: hanya untuk kerja sama usaha

    @property
    def label(self) -> str:
        return JenisDokumen(self.jenis).label

    def sudah_terbit(self, ks: KerjaSama) -> Dokumen | None:
        """Dokumen berlaku dengan kunci yang tidak bergantung isian (bukan berita acara per
        pertemuan atau laporan per periode), bila sudah ada."""
        if "pertemuan" in self.bidang or "dari" in self.bidang:
            return None
        return dokumen_berlaku(ks, self.jenis, self.kunci(ks, {}))


def _kunci_keputusan(ks: KerjaSama, isian: dict) -> str:
    """Satu surat per keputusan: keputusan ke-n atas kerja sama ini (urutan di linimasa)."""
    n = ks.riwayat.filter(peristiwa__in=("disetujui BPSKL", "ditolak BPSKL")).count()
    return f"putusan-{n}"


def _kunci_naskah(ks: KerjaSama, isian: dict) -> str:
    naskah = _naskah_terakhir(ks)
    return f"naskah-v{naskah.versi}" if naskah else "naskah"


DAFTAR_SURAT: dict[str, JenisSurat] = {
    s.jenis: s
    for s in (
        JenisSurat(
            JenisDokumen.SURAT_PERMOHONAN,
            "Surat permohonan ke BPSKL",
            "Langkah II: KPS/KUPS meminta persetujuan Kepala UPT (BPSKL) atas naskah terakhir.",
            ("tanggal",),
            "kps",
            _syarat_permohonan,
            _kunci_naskah,
            _isi_permohonan,
            hanya_usaha=True,
        ),
        JenisSurat(
            JenisDokumen.SURAT_KEPUTUSAN,
            "Surat keputusan BPSKL",
            "Langkah II: persetujuan atau penolakan dengan alasannya, ditandatangani Kepala "
            "Balai. Terbit otomatis saat BPSKL memutuskan.",
            ("tanggal",),
            "bpskl",
            _syarat_keputusan,
            _kunci_keputusan,
            _isi_keputusan,
            hanya_usaha=True,
        ),
        JenisSurat(
            JenisDokumen.NASKAH,
            "Naskah kerja sama untuk ditandatangani",
            "Langkah III: naskah bernomor dengan para pihak, pasal-pasal, rujukan persetujuan "
            "BPSKL, tempat meterai, blok Mengetahui dan lampiran peta serta rencana aksi.",
            ("tanggal", "tempat"),
            "kps",
            _syarat_naskah,
            _kunci_naskah,
            _isi_naskah,
        ),
        JenisSurat(
            JenisDokumen.SURAT_PENGANTAR,
            "Surat pengantar ke OPD provinsi",
            "Langkah IV: naskah yang ditandatangani dikirim ke Dinas kehutanan provinsi dengan "
            "tembusan menurut kategori mitra.",
            ("tanggal",),
            "kps",
            _syarat_pengantar,
            lambda ks, isian: "opd",
            _isi_pengantar,
            hanya_usaha=True,
        ),
        JenisSurat(
            JenisDokumen.BERITA_ACARA,
            "Berita acara pertemuan",
            "Tahap e (dan pertemuan multi pihak): hasil dan kesepakatan dengan daftar hadir.",
            ("tanggal", "pertemuan"),
            "kps",
            _syarat_berita_acara,
            lambda ks, isian: f"pertemuan-{isian['pertemuan'].pk}",
            _isi_berita_acara,
        ),
        JenisSurat(
            JenisDokumen.SURAT_PENGAKHIRAN,
            "Surat kesepakatan bersama pengakhiran",
            "Pengakhiran atas kesepakatan para pihak: ditandatangani semua pihak, kewajiban "
            "yang sudah timbul tetap mengikat.",
            ("tanggal", "tempat", "tanggal_akhir", "ketentuan"),
            "kps",
            _syarat_pengakhiran,
            lambda ks, isian: "pengakhiran",
            _isi_pengakhiran,
        ),
        JenisSurat(
            JenisDokumen.LAPORAN,
            "Laporan pelaksanaan kerja sama",
            "Dari rencana aksi dan catatan monitoring dalam periode yang dipilih.",
            ("tanggal", "dari", "sampai"),
            "kps",
            _syarat_laporan,
            lambda ks, isian: f"laporan-{isian['dari']:%Y%m%d}-{isian['sampai']:%Y%m%d}",
            _isi_laporan,
        ),
    )
}


def kantor_penerbit(ks: KerjaSama, surat: JenisSurat):
    if surat.penerbit == "bpskl":
        return dokumen_services.kantor_bpskl(ks.bpskl or ks.kps_utama.provinsi.bpskl)
    return dokumen_services.kantor_kps(ks.kps_utama)


def terbitkan_surat(*, ks: KerjaSama, jenis: str, isian: dict, oleh) -> Dokumen:
    """Periksa syarat, potret isi, beri nomor dan daftarkan; catat di linimasa kerja sama."""
    from kerjasama.services import TindakanTidakSah, catat_peristiwa

    surat = DAFTAR_SURAT[jenis]
    # Dibaca ulang: syarat dan isi memakai keadaan tersimpan terakhir, bukan salinan lama.
    ks = KerjaSama.objects.select_related(
        "kps_utama__provinsi__bpskl",
        "kps_utama__desa__kecamatan",
        "kps_utama__kabupaten",
        "bpskl",
        "naskah_diputuskan",
    ).get(pk=ks.pk)
    alasan = surat.syarat(ks)
    if alasan:
        raise TindakanTidakSah(" ".join(alasan))
    perihal, data = surat.isi(ks, isian)
    try:
        dokumen = dokumen_services.terbitkan(
            jenis=jenis,
            kantor=kantor_penerbit(ks, surat),
            tanggal=isian["tanggal"],
            perihal=perihal,
            pihak=_ringkas_pihak(data.get("pihak", [])),
            data={**data, "perihal": perihal},
            oleh=oleh,
            kerjasama=ks,
            kunci=surat.kunci(ks, isian),
        )
    except dokumen_services.DokumenTidakDapatDiterbitkan as e:
        raise TindakanTidakSah(str(e)) from e
    catat_peristiwa(
        ks, "dokumen diterbitkan", oleh, catatan=f"{surat.label}, nomor {dokumen.nomor}"
    )
    return dokumen
