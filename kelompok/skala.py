"""Data sintetis berskala nasional untuk mengukur kinerja (bukan data demo).

Semua baris sintetis mudah dikenali: kabupaten berkode xx.80-xx.84, nomor SK "SINTETIS/...",
nomor register "SINTETIS-KTH/...", pengguna "sintetis_...". Pemanggilan berulang menambah data
sampai jumlah yang diminta (bukan menggandakan), sehingga tolok ukur bisa mengukur di 1.000 KPS
lalu menumbuhkannya ke skala penuh.

Baris dibuat dengan bulk_create sehingga tidak punya riwayat simple-history; itu disengaja:
riwayat mencatat perubahan oleh pengguna, bukan data buatan.
"""

import datetime
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction

from akun import peran
from akun.models import Pengguna
from kelompok.kelas_kups import SYARAT_KUPS, KelasKups, kelas_dari
from kelompok.models import (
    Anggota,
    BentukLembaga,
    Desa,
    FungsiHutan,
    Jabatan,
    Kabupaten,
    Kecamatan,
    KelasKth,
    Kps,
    Kth,
    Kups,
    Penugasan,
    Provinsi,
    Skema,
    SyaratKupsTerpenuhi,
)

BATCH = 5000
KABUPATEN_PER_PROVINSI = 5
KECAMATAN_PER_KABUPATEN = 4
DESA_PER_KECAMATAN = 10
PENDAMPING_PER_PROVINSI = 5
# Sebaran kelas KUPS dan jumlah syarat awal yang terpenuhi untuk tiap kelas.
SEBARAN_KELAS_KUPS = [
    (KelasKups.BELUM, 30, 1),
    (KelasKups.BLUE, 30, 3),
    (KelasKups.SILVER, 25, 7),
    (KelasKups.GOLD, 12, 15),
    (KelasKups.PLATINUM, 3, 17),
]


@dataclass
class Target:
    kps: int = 20_000
    kups: int = 50_000
    kth: int = 100_000
    anggota: int = 500_000


def _tulis(lapor: Callable[[str], None] | None, pesan: str) -> None:
    if lapor:
        lapor(pesan)


def _wilayah_sintetis() -> list[str]:
    kab, kec, desa = [], [], []
    for prov in Provinsi.objects.values_list("kode", flat=True):
        for k in range(KABUPATEN_PER_PROVINSI):
            kode_kab = f"{prov}.8{k}"
            kab.append(
                Kabupaten(kode=kode_kab, nama=f"Kabupaten Sintetis {kode_kab}", provinsi_id=prov)
            )
            for c in range(1, KECAMATAN_PER_KABUPATEN + 1):
                kode_kec = f"{kode_kab}.{c:02d}"
                kec.append(
                    Kecamatan(
                        kode=kode_kec, nama=f"Kecamatan Sintetis {kode_kec}", kabupaten_id=kode_kab
                    )
                )
                for d in range(1, DESA_PER_KECAMATAN + 1):
                    kode_desa = f"{kode_kec}.{2000 + d}"
                    desa.append(
                        Desa(
                            kode=kode_desa, nama=f"Desa Sintetis {kode_desa}", kecamatan_id=kode_kec
                        )
                    )
    Kabupaten.objects.bulk_create(kab, ignore_conflicts=True, batch_size=BATCH)
    Kecamatan.objects.bulk_create(kec, ignore_conflicts=True, batch_size=BATCH)
    Desa.objects.bulk_create(desa, ignore_conflicts=True, batch_size=BATCH)
    return [d.kode for d in desa]


def _pendamping_sintetis() -> dict[str, list[int]]:
    grup = Group.objects.get(name=peran.PENDAMPING.nama_grup)
    baru = []
    for prov in Provinsi.objects.values_list("kode", flat=True):
        for i in range(PENDAMPING_PER_PROVINSI):
            pengguna = Pengguna(
                username=f"sintetis_pendamping_{prov}_{i}",
                nama=f"Pendamping Sintetis {prov}-{i}",
                provinsi_id=prov,
            )
            pengguna.set_unusable_password()
            baru.append(pengguna)
    Pengguna.objects.bulk_create(baru, ignore_conflicts=True, batch_size=BATCH)
    semua = Pengguna.objects.filter(username__startswith="sintetis_pendamping_")
    Through = Pengguna.groups.through
    Through.objects.bulk_create(
        [Through(pengguna_id=p.pk, group_id=grup.pk) for p in semua], ignore_conflicts=True
    )
    per_provinsi: dict[str, list[int]] = {}
    for pk, prov in semua.values_list("pk", "provinsi_id"):
        per_provinsi.setdefault(prov, []).append(pk)
    return per_provinsi


@transaction.atomic
def _beri_lokasi(kps: Kps, n: int, acak) -> None:
    """Sepertiga KPS sintetis berbatas (segi enam seluas kira-kira luas SK), sisanya bertitik
    kecuali satu dari sepuluh: peta wilayah diukur dengan campuran seperti data sungguhan."""
    if n % 10 == 9:
        return
    lintang = Decimal(acak.randrange(-800_000, 200_000)) / 100_000
    bujur = Decimal(acak.randrange(9_600_000, 14_000_000)) / 100_000
    kps.lintang, kps.bujur = lintang, bujur
    if n % 3:
        return
    jari = float(kps.luas_ha) ** 0.5 * 100 / 111_000 * 0.62  # derajat
    sudut = [i * math.pi / 3 for i in range(6)]
    cincin = [
        [round(float(bujur) + jari * math.cos(a), 6), round(float(lintang) + jari * math.sin(a), 6)]
        for a in sudut
    ]
    kps.wilayah_kerja = {"type": "Polygon", "coordinates": [[*cincin, cincin[0]]]}
    kps.hitung_batas()  # bulk_create tidak memanggil save()


def buat_data_skala(target: Target, *, seed: int = 2026, lapor=None) -> dict[str, int]:
    """Tumbuhkan data sintetis sampai jumlah target. Mengembalikan jumlah baris sintetis."""
    # Acak yang dapat diulang untuk data uji, bukan untuk rahasia.
    acak = random.Random(seed + Kps.objects.filter(nomor_sk__startswith="SINTETIS/").count())  # noqa: S311
    semua_desa = _wilayah_sintetis()
    pendamping = _pendamping_sintetis()
    _tulis(lapor, f"wilayah sintetis: {len(semua_desa)} desa; pendamping sintetis siap")

    ada_kps = Kps.objects.filter(nomor_sk__startswith="SINTETIS/").count()
    kps_baru = []
    for n in range(ada_kps, target.kps):
        desa = acak.choice(semua_desa)
        kps_baru.append(
            Kps(
                nama=f"KPS Sintetis {n:06d}",
                desa_id=desa,
                kabupaten_id=desa[:5],
                provinsi_id=desa[:2],
                bentuk_lembaga=acak.choice(BentukLembaga.values),
                skema=acak.choice(Skema.values),
                nomor_sk=f"SINTETIS/{n:06d}",
                tanggal_sk=datetime.date(2015, 1, 1)
                + datetime.timedelta(days=acak.randrange(3650)),
                luas_ha=Decimal(acak.randrange(100, 500_000)) / 100,
                fungsi_hutan=acak.choice(FungsiHutan.values),
                ketua=f"Ketua {n}",
                jumlah_kk=acak.randrange(15, 600),
            )
        )
        _beri_lokasi(kps_baru[-1], n, acak)
    Kps.objects.bulk_create(kps_baru, batch_size=BATCH)
    kps_ids = list(
        Kps.objects.filter(nomor_sk__startswith="SINTETIS/").values_list(
            "pk", "provinsi_id", "desa_id"
        )
    )
    baru_ids = {k.nomor_sk for k in kps_baru}
    Penugasan.objects.bulk_create(
        [
            Penugasan(kps_id=pk, pendamping_id=acak.choice(pendamping[prov]))
            for pk, prov, _ in Kps.objects.filter(nomor_sk__in=baru_ids).values_list(
                "pk", "provinsi_id", "desa_id"
            )
        ],
        batch_size=BATCH,
    )
    _tulis(lapor, f"KPS: +{len(kps_baru)}")

    ada_kups = Kups.objects.filter(kps__nomor_sk__startswith="SINTETIS/").count()
    bobot = [b for _, b, _ in SEBARAN_KELAS_KUPS]
    jumlah_syarat = {kelas: n for kelas, _, n in SEBARAN_KELAS_KUPS}
    kups_baru = []
    for n in range(ada_kups, target.kups):
        kelas = acak.choices([k for k, _, _ in SEBARAN_KELAS_KUPS], bobot)[0]
        kode = [s.kode for s in SYARAT_KUPS[: jumlah_syarat[kelas]]]
        kups = Kups(
            kps_id=acak.choice(kps_ids)[0],
            nama=f"KUPS Sintetis {n:06d}",
            komoditas=acak.choice(["Kopi", "Madu", "Ekowisata", "Aren", "Rotan", "Getah karet"]),
            kelas=kelas_dari(kode),
        )
        kups._syarat = kode
        kups_baru.append(kups)
    Kups.objects.bulk_create(kups_baru, batch_size=BATCH)
    syarat = [
        SyaratKupsTerpenuhi(
            kups_id=k.pk, kode=kode, terpenuhi=True, tanggal=datetime.date(2024, 1, 1)
        )
        for k in kups_baru
        for kode in k._syarat
    ]
    SyaratKupsTerpenuhi.objects.bulk_create(syarat, batch_size=BATCH)
    _tulis(lapor, f"KUPS: +{len(kups_baru)} (syarat: +{len(syarat)})")

    ada_kth = Kth.objects.filter(nomor_register__startswith="SINTETIS-KTH/").count()
    kth_baru = []
    for n in range(ada_kth, target.kth):
        terkait = acak.random() < 0.5
        kps_pk, _, desa = acak.choice(kps_ids) if terkait else (None, None, acak.choice(semua_desa))
        kth_baru.append(
            Kth(
                nama=f"KTH Sintetis {n:07d}",
                nomor_register=f"SINTETIS-KTH/{n:07d}",
                desa_id=desa,
                kabupaten_id=desa[:5],
                provinsi_id=desa[:2],
                kps_id=kps_pk,
                ketua=f"Ketua KTH {n}",
                kelas=acak.choice(["", *KelasKth.values]),
            )
        )
    Kth.objects.bulk_create(kth_baru, batch_size=BATCH)
    _tulis(lapor, f"KTH: +{len(kth_baru)}")

    kth_ids = list(
        Kth.objects.filter(nomor_register__startswith="SINTETIS-KTH/").values_list("pk", flat=True)
    )
    ada_anggota = Anggota.objects.filter(nama__startswith="Anggota Sintetis ").count()
    jabatan = [Jabatan.ANGGOTA] * 12 + [
        Jabatan.KETUA,
        Jabatan.SEKRETARIS,
        Jabatan.BENDAHARA,
        Jabatan.SEKSI,
    ]
    for mulai in range(ada_anggota, target.anggota, BATCH):
        batch = []
        for n in range(mulai, min(mulai + BATCH, target.anggota)):
            ke_kps = acak.random() < 0.6
            batch.append(
                Anggota(
                    kps_id=acak.choice(kps_ids)[0] if ke_kps else None,
                    kth_id=None if ke_kps else acak.choice(kth_ids),
                    nama=f"Anggota Sintetis {n:07d}",
                    jenis_kelamin=acak.choice("LP"),
                    tahun_lahir=acak.randrange(1945, 2008),
                    jabatan=acak.choice(jabatan),
                )
            )
        Anggota.objects.bulk_create(batch, batch_size=BATCH)
    _tulis(lapor, f"anggota: sampai {target.anggota}")

    return {
        "kps": Kps.objects.filter(nomor_sk__startswith="SINTETIS/").count(),
        "kups": Kups.objects.filter(kps__nomor_sk__startswith="SINTETIS/").count(),
        "kth": len(kth_ids),
        "anggota": Anggota.objects.filter(nama__startswith="Anggota Sintetis ").count(),
    }
