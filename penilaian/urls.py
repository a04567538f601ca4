"""Alamat app penilaian (ruang nama "penilaian"), dikumpulkan dari inti dan tiap subjek."""

from penilaian.hkm import urls as hkm
from penilaian.inti import urls as inti
from penilaian.kth import urls as kth
from penilaian.usaha import urls as usaha

app_name = "penilaian"

urlpatterns = [*hkm.urlpatterns, *kth.urlpatterns, *inti.urlpatterns, *usaha.urlpatterns]
