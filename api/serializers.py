"""Bentuk data API v1: kolom eksplisit, hanya baca kecuali masukan lapangan. NIK anggota tidak
pernah dikirim (tidak ada di serializer mana pun)."""

from rest_framework import serializers

from api.penyaring import BILANGAN_MAKS
from kelompok.models import Anggota, KelasKth, Kps, Kth, Kups
from kerjasama.models import KerjaSama, Mitra, RiwayatTahap
from penilaian.hkm.models import EvaluasiHkm, Responden
from penilaian.kth.models import PenilaianKth, Sertifikat


class KpsSerializer(serializers.ModelSerializer):
    desa = serializers.CharField(source="desa_id", read_only=True)
    kabupaten = serializers.CharField(source="kabupaten_id", read_only=True)
    provinsi = serializers.CharField(source="provinsi_id", read_only=True)

    class Meta:
        model = Kps
        fields = [
            "id",
            "nama",
            "bentuk_lembaga",
            "skema",
            "nomor_sk",
            "tanggal_sk",
            "luas_ha",
            "fungsi_hutan",
            "ketua",
            "jumlah_kk",
            "lintang",
            "bujur",
            "desa",
            "kabupaten",
            "provinsi",
            "diarsipkan_pada",
        ]
        read_only_fields = fields


class KupsSerializer(serializers.ModelSerializer):
    class Meta:
        model = Kups
        fields = ["id", "kps", "nama", "komoditas", "ketua", "kelas", "diarsipkan_pada"]
        read_only_fields = fields


class KthSerializer(serializers.ModelSerializer):
    kelas = serializers.ChoiceField(
        choices=KelasKth.choices,
        allow_blank=True,
        read_only=True,
        help_text="Kelas yang berlaku; kosong bila belum pernah ditetapkan.",
    )
    desa = serializers.CharField(source="desa_id", read_only=True)
    kabupaten = serializers.CharField(source="kabupaten_id", read_only=True)
    provinsi = serializers.CharField(source="provinsi_id", read_only=True)

    class Meta:
        model = Kth
        fields = [
            "id",
            "nama",
            "nomor_register",
            "kps",
            "tanggal_berdiri",
            "ketua",
            "kelas",
            "desa",
            "kabupaten",
            "provinsi",
            "diarsipkan_pada",
        ]
        read_only_fields = fields


class AnggotaSerializer(serializers.ModelSerializer):
    class Meta:
        model = Anggota
        fields = ["id", "kps", "kth", "nama", "jenis_kelamin", "tahun_lahir", "jabatan"]
        read_only_fields = fields


class MitraSerializer(serializers.ModelSerializer):
    provinsi = serializers.CharField(source="provinsi_id", read_only=True, allow_null=True)

    class Meta:
        model = Mitra
        fields = ["id", "nama", "kategori", "nomor_registrasi", "provinsi"]
        read_only_fields = fields


class RiwayatTahapSerializer(serializers.ModelSerializer):
    oleh = serializers.CharField(source="oleh.get_full_name", read_only=True)

    class Meta:
        model = RiwayatTahap
        fields = ["peristiwa", "dari", "ke", "oleh", "catatan", "waktu"]
        read_only_fields = fields


class KerjaSamaSerializer(serializers.ModelSerializer):
    mitra = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    kups = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = KerjaSama
        fields = [
            "id",
            "judul",
            "jenis",
            "kebutuhan",
            "kps_utama",
            "kups",
            "mitra",
            "tahap",
            "status_persetujuan",
            "berlaku_mulai",
            "berlaku_sampai",
            "diakhiri_pada",
            "alasan_akhir",
            "dibuat_pada",
        ]
        read_only_fields = fields


class KerjaSamaDetailSerializer(KerjaSamaSerializer):
    riwayat = RiwayatTahapSerializer(many=True, read_only=True)

    class Meta(KerjaSamaSerializer.Meta):
        fields = [*KerjaSamaSerializer.Meta.fields, "riwayat"]
        read_only_fields = fields


class OpsiSerializer(serializers.Serializer):
    kode = serializers.CharField()
    teks = serializers.CharField()


class IndikatorSerializer(serializers.Serializer):
    kode = serializers.CharField()
    teks = serializers.CharField()
    aspek = serializers.CharField()
    kriteria = serializers.CharField()
    isian = serializers.BooleanField(help_text="Benar: nilai angka 0..maks, bukan pilihan opsi.")
    maks = serializers.IntegerField(allow_null=True)
    opsi = OpsiSerializer(many=True)


class EvaluasiHkmSerializer(serializers.ModelSerializer):
    versi = serializers.StringRelatedField(help_text="Instrumen dan nomor versinya.")

    class Meta:
        model = EvaluasiHkm
        fields = ["id", "kps", "tanggal", "status", "versi", "difinalkan_pada"]
        read_only_fields = fields


class KolomRekapSerializer(serializers.Serializer):
    kode = serializers.CharField()
    nama = serializers.CharField()
    total = serializers.DecimalField(max_digits=8, decimal_places=1)
    rata_rata = serializers.DecimalField(max_digits=5, decimal_places=1)
    kategori = serializers.CharField()


class AspekRekapSerializer(serializers.Serializer):
    kode = serializers.CharField()
    nama = serializers.CharField()
    rata_rata = serializers.DecimalField(max_digits=5, decimal_places=1)
    kategori = serializers.CharField()


class RekapHkmSerializer(serializers.Serializer):
    """Rekap resmi (DOMAIN 4.1) atas kuesioner yang sudah diserahkan."""

    jumlah_responden = serializers.IntegerField()
    kriteria = KolomRekapSerializer(many=True)
    aspek = AspekRekapSerializer(many=True)
    terlemah = serializers.ListField(child=serializers.CharField())


class PrasyaratEvaluasiSerializer(serializers.Serializer):
    """Indikator prasyarat (dijawab sekali per evaluasi) dan jawaban yang tersimpan."""

    indikator = IndikatorSerializer(many=True)
    jawaban = serializers.DictField(child=serializers.CharField())


class EvaluasiHkmDetailSerializer(EvaluasiHkmSerializer):
    responden = serializers.SerializerMethodField()
    prasyarat = serializers.SerializerMethodField()
    rekap = serializers.SerializerMethodField()

    class Meta(EvaluasiHkmSerializer.Meta):
        fields = [*EvaluasiHkmSerializer.Meta.fields, "responden", "prasyarat", "rekap"]
        read_only_fields = fields

    def get_prasyarat(self, obj) -> PrasyaratEvaluasiSerializer:
        return {
            "indikator": daftar_indikator(obj.versi.mesin, lambda a: a.jenis == "prasyarat"),
            "jawaban": {k: str(v) for k, v in (obj.prasyarat or {}).items()},
        }

    def get_responden(self, obj) -> list[dict]:
        return [
            {"id": r.pk, "nama": r.nama, "peran": r.peran, "kuesioner": r.kuesioner_id}
            for r in obj.responden.order_by("urutan", "pk")
        ]

    @staticmethod
    def _rekap(obj):
        from penilaian.hkm.selectors import rekap_evaluasi

        data = rekap_evaluasi(obj)
        if data.rekap is None:
            return None
        return {
            "jumlah_responden": len(data.responden),
            "kriteria": list(data.rekap.kolom),
            "aspek": data.aspek,
            "terlemah": [k.kode for k in data.terlemah],
        }

    def get_rekap(self, obj) -> RekapHkmSerializer(allow_null=True):
        isi = self._rekap(obj)
        return None if isi is None else RekapHkmSerializer(isi).data


class PenilaianKthSerializer(serializers.ModelSerializer):
    class Meta:
        model = PenilaianKth
        fields = [
            "id",
            "kth",
            "tahun",
            "status",
            "kuesioner",
            "total",
            "kelas",
            "tenggat",
            "diajukan_pada",
            "ditetapkan_pada",
        ]
        read_only_fields = fields


class SertifikatSerializer(serializers.ModelSerializer):
    kth = serializers.IntegerField(source="penilaian.kth_id", read_only=True)
    pdf_siap = serializers.BooleanField(read_only=True)
    url_verifikasi = serializers.SerializerMethodField()

    class Meta:
        model = Sertifikat
        fields = [
            "id",
            "penilaian",
            "kth",
            "nomor",
            "kode",
            "tahun",
            "status",
            "diterbitkan_pada",
            "pdf_siap",
            "url_verifikasi",
        ]
        read_only_fields = fields

    def get_url_verifikasi(self, obj) -> str:
        from django.urls import reverse

        return self.context["request"].build_absolute_uri(reverse("verifikasi", args=[obj.kode]))


# ------------------------------------------------------------------ masukan lapangan


class EvaluasiBaruSerializer(serializers.Serializer):
    """Bentuk masukan (untuk skema); aturan tanggal di FormEvaluasiBaru, sama dengan halaman."""

    kps = serializers.IntegerField(min_value=1, max_value=BILANGAN_MAKS)
    tanggal = serializers.DateField()


class RespondenBaruSerializer(serializers.Serializer):
    """Bentuk masukan (untuk skema); aturannya di FormResponden, sama dengan halaman."""

    anggota = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=BILANGAN_MAKS,
        help_text="Anggota KPS; kosong bila menulis nama.",
    )
    nama = serializers.CharField(required=False, allow_blank=True, max_length=150)
    peran = serializers.ChoiceField(choices=Responden.Peran.choices)


class PrasyaratSerializer(serializers.Serializer):
    jawaban = serializers.DictField(
        child=serializers.CharField(max_length=20, allow_blank=True),
        help_text="Kode indikator prasyarat ke nilainya (lihat isi kuesioner).",
    )


class PenilaianKthBaruSerializer(serializers.Serializer):
    """Bentuk masukan (untuk skema); aturan tahun di FormPenilaianBaru, sama dengan halaman."""

    kth = serializers.IntegerField(min_value=1, max_value=BILANGAN_MAKS)
    tahun = serializers.IntegerField(min_value=2000, max_value=2100)


class JawabanSerializer(serializers.Serializer):
    indikator = serializers.CharField(max_length=10)
    nilai = serializers.CharField(max_length=20, allow_blank=True)


class PenjelasanSerializer(serializers.Serializer):
    indikator = serializers.CharField(max_length=10)
    teks = serializers.CharField(max_length=4000, allow_blank=True)


class HasilJawabanSerializer(serializers.Serializer):
    indikator = serializers.CharField()
    tersimpan = serializers.CharField(allow_null=True)


class MonitoringMasukSerializer(serializers.Serializer):
    """Bentuk masukan saja (untuk skema); aturannya di MonitoringForm, sama dengan halaman."""

    tanggal = serializers.DateField()
    kemajuan = serializers.CharField()
    masalah = serializers.CharField(required=False, allow_blank=True)
    kewajiban = serializers.ListField(child=serializers.CharField(), required=False)
    peserta = serializers.IntegerField(min_value=0)
    peserta_perempuan = serializers.IntegerField(min_value=0)
    peserta_muda = serializers.IntegerField(min_value=0)


class MonitoringSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kerjasama = serializers.IntegerField(source="kerjasama_id")
    tanggal = serializers.DateField()
    kemajuan = serializers.CharField()
    masalah = serializers.CharField()
    kewajiban = serializers.ListField(child=serializers.CharField())
    peserta = serializers.IntegerField()
    peserta_perempuan = serializers.IntegerField()
    peserta_muda = serializers.IntegerField()


class BuktiMasukSerializer(serializers.Serializer):
    indikator = serializers.CharField(max_length=10)
    berkas = serializers.FileField(required=False, help_text="Berkasnya langsung, atau:")
    unggahan = serializers.UUIDField(
        required=False,
        help_text="Id unggahan bertahap yang sudah lengkap (/api/v1/unggahan/), untuk sinyal "
        "lemah: berlanjut setelah putus.",
    )

    def validate(self, data):
        if bool(data.get("berkas")) == bool(data.get("unggahan")):
            raise serializers.ValidationError(
                {"berkas": ["Kirim berkas atau id unggahan (salah satu)."]}
            )
        return data


class UnggahanBaruSerializer(serializers.Serializer):
    nama = serializers.CharField(max_length=255)
    ukuran = serializers.IntegerField(min_value=1, help_text="Ukuran berkas dalam bita.")
    jenis = serializers.CharField(max_length=100, required=False, allow_blank=True)


class UnggahanSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    diterima = serializers.IntegerField(help_text="Bita yang sudah diterima server.")
    ukuran = serializers.IntegerField()
    selesai = serializers.BooleanField()
    potongan = serializers.IntegerField(
        required=False, help_text="Ukuran potongan yang disarankan (bita)."
    )


class PosisiUnggahanSerializer(serializers.Serializer):
    detail = serializers.CharField()
    diterima = serializers.IntegerField(help_text="Lanjutkan dari bita ini.")


class BuktiSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    indikator = serializers.CharField()
    ukuran = serializers.IntegerField(source="berkas.size")


# ------------------------------------------------------------------ kuesioner


class KuesionerSerializer(serializers.Serializer):
    """Isi kuesioner: indikator instrumen (dengan opsi) dan jawaban yang tersimpan."""

    kuesioner = serializers.IntegerField()
    status = serializers.CharField()
    diserahkan_pada = serializers.DateTimeField(allow_null=True)
    indikator = IndikatorSerializer(many=True)
    jawaban = serializers.DictField(child=serializers.CharField())
    penjelasan = serializers.DictField(child=serializers.CharField())


def daftar_indikator(mesin, pilih_aspek) -> list[dict]:
    """Indikator instrumen (dengan opsinya) dari aspek yang dipilih `pilih_aspek(aspek)`."""
    return [
        {
            "kode": i.kode,
            "teks": i.teks,
            "aspek": a.nama,
            "kriteria": k.nama,
            "isian": i.isian,
            "maks": int(i.maks) if i.isian and i.maks is not None else None,
            "opsi": [{"kode": o.kode, "teks": o.teks} for o in i.opsi],
        }
        for a in mesin.aspek
        if pilih_aspek(a)
        for k in a.kriteria
        for i in k.indikator
    ]


def isi_kuesioner(kuesioner, *, termasuk_prasyarat: bool = True) -> dict:
    from penilaian.inti import services as layanan

    indikator = daftar_indikator(
        kuesioner.versi.mesin, lambda a: termasuk_prasyarat or a.jenis != "prasyarat"
    )
    return {
        "kuesioner": kuesioner.pk,
        "status": kuesioner.status,
        "diserahkan_pada": kuesioner.diserahkan_pada,
        "indikator": indikator,
        "jawaban": {k: str(v) for k, v in layanan.jawaban_kuesioner(kuesioner).items()},
        "penjelasan": layanan.penjelasan_kuesioner(kuesioner),
    }


class RespondenSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    evaluasi = serializers.IntegerField(source="evaluasi_id")
    nama = serializers.CharField()
    peran = serializers.CharField()
    isi = serializers.SerializerMethodField()

    def get_isi(self, obj) -> KuesionerSerializer:
        return KuesionerSerializer(
            isi_kuesioner(obj.kuesioner, termasuk_prasyarat=obj.termasuk_prasyarat)
        ).data


class PenilaianKthDetailSerializer(PenilaianKthSerializer):
    isi = serializers.SerializerMethodField()

    class Meta(PenilaianKthSerializer.Meta):
        fields = [*PenilaianKthSerializer.Meta.fields, "isi"]
        read_only_fields = fields

    def get_isi(self, obj) -> KuesionerSerializer:
        return KuesionerSerializer(isi_kuesioner(obj.kuesioner)).data


class HasilSerahSerializer(serializers.Serializer):
    status = serializers.CharField()
    golongan = serializers.CharField(allow_null=True)
    total = serializers.CharField(allow_null=True)


class KolomPertukaranSerializer(serializers.Serializer):
    kode = serializers.CharField()
    jenis = serializers.CharField()
    keterangan = serializers.CharField()


class DataPertukaranSerializer(serializers.Serializer):
    kode = serializers.CharField()
    judul = serializers.CharField()
    versi_format = serializers.CharField()
    kolom = KolomPertukaranSerializer(many=True)


class HalamanPertukaranSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    versi_format = serializers.CharField()
    results = serializers.ListField(
        child=serializers.DictField(),
        help_text="Satu objek per baris, kuncinya kode kolom (lihat daftar data pertukaran).",
    )
