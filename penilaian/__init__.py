"""Penilaian: satu inti dan tiga subjek, masing-masing dengan model, layanan dan halamannya.

- `inti/`: instrumen berversi dan isiannya (kuesioner, jawaban), mesin nilai `scoring`,
  `definisi` YAML, `hari_kerja` dan hari libur, grafik SVG, rubrik yang dimuat admin.
- `hkm/`: evaluasi HKm sebuah KPS: responden, prasyarat, rekap dan riwayatnya.
- `kth/`: kelas KTH: penilaian, penetapan Kepala Dinas, sertifikat, ekspor ZIP, cakupan.
- `usaha/`: analisis skala usaha ekonomis sebuah KUPS (agroforestri, ekowisata).

Aturannya: impor hanya menunjuk ke bawah. Subjek mengimpor dari `inti` (dan dari app lain),
tidak pernah dari subjek lain; `inti` tidak mengenal subjek. Subjek yang memiliki kuesioner
memakai `inti.models.PemilikKuesioner`, sehingga inti bisa bertanya "masih boleh diubah?"
tanpa mengimpor subjeknya. Modul murni (`scoring`, `definisi`, `hari_kerja`,
`usaha/ekonomi`) tidak menyentuh ORM. Berkas di puncak app (`models`, `admin`, `urls`,
`demo`) hanya mengumpulkan bagian-bagian itu untuk Django.
"""
