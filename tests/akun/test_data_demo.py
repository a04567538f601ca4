import pytest
from django.core.management import CommandError, call_command

from akun.demo import KATA_SANDI_DEMO, PENGGUNA_DEMO
from akun.models import Pengguna
from kelompok.models import Anggota, Kps, Kups


def jalankan(*args) -> str:
    from io import StringIO

    keluaran = StringIO()
    call_command("muat_data_demo", *args, stdout=keluaran)
    return keluaran.getvalue()


def test_the_demo_command_creates_one_user_per_role_and_runs_twice_without_changes(db, settings):
    settings.DEBUG = True
    pertama = jalankan()
    # 3 KPS, 3 KTH, 2 instrumen, 2 penilaian kelas KTH, 1 evaluasi HKm, 2 analisis usaha,
    # 1 mitra, 2 kerja sama
    assert (
        pertama.count(": dibuat") == len(PENGGUNA_DEMO) + 22
    )  # + kemitraan lingkungan, 2 laporan berkala, akun portal mitra
    assert "evaluasi HKm demo: dibuat" in pertama
    riwayat_awal = (Pengguna.history.count(), Kps.history.count(), Anggota.history.count())
    jumlah_awal = (Kps.objects.count(), Kups.objects.count(), Anggota.objects.count())

    kedua = jalankan()
    assert ": dibuat" not in kedua
    assert ": diperbarui" not in kedua
    assert (Pengguna.history.count(), Kps.history.count(), Anggota.history.count()) == riwayat_awal
    assert (Kps.objects.count(), Kups.objects.count(), Anggota.objects.count()) == jumlah_awal
    # Ditambah satu pendaftar akun mitra yang menunggu persetujuan (belum aktif).
    assert Pengguna.objects.count() == len(PENGGUNA_DEMO) + 1
    assert jumlah_awal == (3, 4, 3 * 8 + 3 * 15)

    for demo in PENGGUNA_DEMO:
        pengguna = Pengguna.objects.get(username=demo.username)
        assert pengguna.check_password(KATA_SANDI_DEMO)
        assert pengguna.peran_utama == demo.peran
        assert pengguna.provinsi_id == demo.provinsi
        assert pengguna.bpskl_id == demo.bpskl


def test_the_demo_command_repairs_a_changed_demo_user(db, settings):
    settings.DEBUG = True
    jalankan()
    Pengguna.objects.filter(username="pendamping").update(provinsi_id="11")
    Pengguna.objects.get(username="pendamping").groups.clear()
    keluaran = jalankan()
    assert "pengguna pendamping: diperbarui" in keluaran
    pengguna = Pengguna.objects.get(username="pendamping")
    assert pengguna.provinsi_id == "32"
    assert pengguna.groups.filter(name="Pendamping").exists()


def test_dry_run_saves_nothing(db, settings):
    settings.DEBUG = True
    keluaran = jalankan("--dry-run")
    assert "tidak disimpan" in keluaran
    assert Pengguna.objects.count() == 0


def test_it_refuses_to_plant_known_passwords_on_production_unless_forced(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG mati"):
        jalankan()
    assert Pengguna.objects.count() == 0
    jalankan("--paksa")
    # Ditambah satu pendaftar akun mitra yang menunggu persetujuan (belum aktif).
    assert Pengguna.objects.count() == len(PENGGUNA_DEMO) + 1
