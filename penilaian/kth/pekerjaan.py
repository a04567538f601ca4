"""Pekerjaan latar belakang kelas KTH: ekspor ZIP sertifikat, dan pengingat tenggat penetapan."""

from procrastinate.contrib.django import app

from penilaian.kth import ekspor
from perhutanan.pekerjaan import saat_gagal


@app.task(queue="ekspor", name="ekspor_sertifikat_zip")
def ekspor_sertifikat_zip(ekspor_id: int) -> None:
    ekspor.jalankan(ekspor_id)


saat_gagal(
    ekspor_sertifikat_zip, lambda kwargs, pesan: ekspor.tandai_gagal(kwargs["ekspor_id"], pesan)
)


# Cron procrastinate dihitung dalam UTC: 00.00 UTC = 07.00 WIB.
@app.periodic(cron="0 0 * * *")
@app.task(queue="pemeliharaan", name="pengingat_penetapan_kth")
def pengingat_penetapan_kth(timestamp: int) -> int:
    """Pukul 07.00: Kepala Dinas diingatkan penilaian yang tenggatnya dekat atau lewat."""
    from penilaian.kth.services import ingatkan_tenggat_penetapan

    return ingatkan_tenggat_penetapan()
