"""API v1: cakupan dan izin yang sama dengan halaman.

Setiap daftar memakai satu metode queryset per model (`Model.objects.untuk(user)`), setiap
penyaring memakai FilterSet daftar halamannya, dan setiap penulisan memanggil layanan (serta
formulir atau pengambil berhak) yang sama dengan halamannya. Tidak ada aturan tandingan.
"""

import uuid

from django.core.exceptions import ValidationError as GalatDjango
from django.db.models import Prefetch
from django_filters import rest_framework as saring
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    OpenApiTypes,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import BaseParser, FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from api import serializers as s
from api.paginasi import Halaman
from api.penyaring import (
    PenyaringAnggota,
    PenyaringEvaluasiHkm,
    PenyaringKerjaSamaApi,
    PenyaringKpsApi,
    PenyaringKthApi,
    PenyaringKups,
    PenyaringMitra,
    PenyaringPenilaianKth,
    PenyaringSertifikat,
)
from kelompok import pertukaran
from kelompok.models import Anggota, Kps, Kth, Kups
from kerjasama import services as layanan_ks
from kerjasama.forms import MonitoringForm
from kerjasama.models import KerjaSama, Mitra, RiwayatTahap
from kerjasama.views.bersama import ambil_kerjasama
from penilaian.hkm import services as layanan_hkm
from penilaian.hkm.akses import ambil_evaluasi, ambil_responden
from penilaian.hkm.forms import FormEvaluasiBaru, FormResponden
from penilaian.hkm.models import EvaluasiHkm, Responden
from penilaian.inti import services as layanan_kuesioner
from penilaian.inti.scoring import GalatJawaban
from penilaian.kth import akses as akses_kth
from penilaian.kth import services as layanan_kth
from penilaian.kth.forms import FormPenilaianBaru
from penilaian.kth.models import PenilaianKth, Sertifikat
from perhutanan import unggahan as unggahan_bertahap
from perhutanan.akses import ambil
from perhutanan.forms import MasukanTidakSah


class IzinBaca(permissions.BasePermission):
    """Izin model yang sama dengan menu halaman (`view.izin_baca`); cakupan ada di queryset."""

    message = "Peran Anda tidak membuka data ini."

    def has_permission(self, request, view):
        izin = getattr(view, "izin_baca", None)
        return bool(request.user and request.user.is_authenticated) and (
            izin is None or request.user.has_perm(izin)
        )


class BacaanBerwilayah(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.IsAuthenticated, IzinBaca]
    lookup_value_regex = "[0-9]+"
    filter_backends = [saring.DjangoFilterBackend]

    def cakupan(self):
        """Bawaan: `Model.objects.untuk(user)` menurut nama; viewset lain menimpanya."""
        model = self.queryset.model
        return model.objects.untuk(self.request.user).order_by("nama", "pk")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # pembuatan skema OpenAPI
            return self.queryset
        return self.cakupan()


def _tidak_sah(e: Exception) -> exceptions.ValidationError:
    return exceptions.ValidationError({"non_field_errors": [str(e)]})


def _form_sah(form):
    """Formulir halaman yang sama menilai masukan API; galatnya menjadi 400 per kolom."""
    if not form.is_valid():
        raise exceptions.ValidationError(form.errors)
    return form.cleaned_data


def _masukan(serializer_class, request):
    masuk = serializer_class(data=request.data)
    masuk.is_valid(raise_exception=True)
    return masuk.validated_data


# ------------------------------------------------------------------ registri


@extend_schema_view(
    list=extend_schema(summary="Daftar KPS dalam cakupan wilayah pengguna"),
    retrieve=extend_schema(summary="Satu KPS"),
)
class KpsViewSet(BacaanBerwilayah):
    queryset = Kps.objects.none()
    serializer_class = s.KpsSerializer
    filterset_class = PenyaringKpsApi
    izin_baca = "kelompok.view_kps"


@extend_schema_view(
    list=extend_schema(summary="Daftar KUPS"), retrieve=extend_schema(summary="Satu KUPS")
)
class KupsViewSet(BacaanBerwilayah):
    queryset = Kups.objects.none()
    serializer_class = s.KupsSerializer
    filterset_class = PenyaringKups
    izin_baca = "kelompok.view_kups"


@extend_schema_view(
    list=extend_schema(summary="Daftar KTH"), retrieve=extend_schema(summary="Satu KTH")
)
class KthViewSet(BacaanBerwilayah):
    queryset = Kth.objects.none()
    serializer_class = s.KthSerializer
    filterset_class = PenyaringKthApi
    izin_baca = "kelompok.view_kth"


@extend_schema_view(
    list=extend_schema(summary="Daftar anggota KPS/KTH (tanpa NIK)"),
    retrieve=extend_schema(summary="Satu anggota (tanpa NIK)"),
)
class AnggotaViewSet(BacaanBerwilayah):
    queryset = Anggota.objects.none()
    serializer_class = s.AnggotaSerializer
    filterset_class = PenyaringAnggota
    izin_baca = "kelompok.view_anggota"

    def cakupan(self):
        return (
            Anggota.objects.untuk(self.request.user)
            .filter(diarsipkan_pada__isnull=True)
            .defer("nik")
            .order_by("nama", "pk")
        )


@extend_schema_view(
    list=extend_schema(summary="Registri mitra nasional"),
    retrieve=extend_schema(summary="Satu mitra"),
)
class MitraViewSet(BacaanBerwilayah):
    queryset = Mitra.objects.none()
    serializer_class = s.MitraSerializer
    filterset_class = PenyaringMitra
    izin_baca = "kerjasama.view_mitra"

    def cakupan(self):
        return Mitra.objects.order_by("nama", "pk")


# ------------------------------------------------------------------ kerja sama


@extend_schema_view(
    list=extend_schema(summary="Daftar kerja sama dalam cakupan"),
    retrieve=extend_schema(summary="Satu kerja sama dengan riwayat tahapnya"),
)
class KerjaSamaViewSet(BacaanBerwilayah):
    queryset = KerjaSama.objects.none()
    filterset_class = PenyaringKerjaSamaApi
    izin_baca = "kerjasama.view_kerjasama"

    def get_serializer_class(self):
        if self.action == "retrieve":
            return s.KerjaSamaDetailSerializer
        if self.action == "monitoring":
            return s.MonitoringMasukSerializer
        return s.KerjaSamaSerializer

    def cakupan(self):
        qs = KerjaSama.objects.untuk(self.request.user).prefetch_related("mitra", "kups")
        if self.action == "retrieve":
            qs = qs.prefetch_related(
                Prefetch("riwayat", queryset=RiwayatTahap.objects.select_related("oleh"))
            )
        return qs.order_by("-dibuat_pada", "-pk")

    @extend_schema(
        summary="Catat monitoring kerja sama yang berjalan (tahap f/g)",
        request=s.MonitoringMasukSerializer,
        responses={201: s.MonitoringSerializer},
    )
    @action(detail=True, methods=["post"])
    def monitoring(self, request, pk=None):
        ks = ambil_kerjasama(request.user, int(pk), ubah=True)
        data = request.data
        form = MonitoringForm(
            {
                **{k: data.get(k) for k in MonitoringForm.Meta.fields if k != "kewajiban"},
                "kewajiban": data.getlist("kewajiban")
                if hasattr(data, "getlist")
                else data.get("kewajiban") or [],
            }
        )
        if not form.is_valid():
            raise exceptions.ValidationError(form.errors)
        try:
            catatan = layanan_ks.monitoring_tambah(
                kerjasama=ks, data=form.cleaned_data, oleh=request.user
            )
        except layanan_ks.TindakanTidakSah as e:
            raise _tidak_sah(e) from e
        return Response(s.MonitoringSerializer(catatan).data, status=status.HTTP_201_CREATED)


# ------------------------------------------------------------------ penilaian


@extend_schema_view(
    list=extend_schema(summary="Daftar evaluasi HKm"),
    retrieve=extend_schema(summary="Satu evaluasi HKm dengan responden dan rekap resminya"),
)
class EvaluasiHkmViewSet(BacaanBerwilayah):
    queryset = EvaluasiHkm.objects.none()
    izin_baca = "penilaian.view_evaluasihkm"
    filterset_class = PenyaringEvaluasiHkm

    def get_serializer_class(self):
        return (
            s.EvaluasiHkmDetailSerializer if self.action == "retrieve" else s.EvaluasiHkmSerializer
        )

    def cakupan(self):
        qs = EvaluasiHkm.objects.untuk(self.request.user).select_related("versi__instrumen")
        if self.action != "retrieve":
            qs = qs.defer("versi__isi")
        return qs.order_by("-tanggal", "-pk")

    @extend_schema(
        summary="Mulai evaluasi HKm untuk satu KPS (pendamping KPS itu)",
        request=s.EvaluasiBaruSerializer,
        responses={201: s.EvaluasiHkmSerializer},
    )
    def create(self, request):
        masuk = _masukan(s.EvaluasiBaruSerializer, request)
        kps = ambil(Kps, request.user, masuk["kps"], ubah=True)
        if not request.user.has_perm("penilaian.add_evaluasihkm"):
            raise exceptions.PermissionDenied("Peran Anda tidak membuat evaluasi HKm.")
        data = _form_sah(FormEvaluasiBaru({"tanggal": request.data.get("tanggal")}))
        evaluasi = layanan_hkm.evaluasi_buat(kps=kps, oleh=request.user, tanggal=data["tanggal"])
        return Response(s.EvaluasiHkmSerializer(evaluasi).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Tambah responden; kuesionernya lalu diisi lewat /responden-hkm/{id}/",
        request=s.RespondenBaruSerializer,
        responses={201: s.RespondenSerializer},
    )
    @action(detail=True, methods=["post"], url_path="responden")
    def responden_tambah(self, request, pk=None):
        evaluasi = ambil_evaluasi(request.user, int(pk), ubah=True)
        _masukan(s.RespondenBaruSerializer, request)
        form = FormResponden(
            {k: request.data.get(k) or "" for k in ("anggota", "nama", "peran")},
            evaluasi=evaluasi,
        )
        data = _form_sah(form)
        try:
            responden = layanan_hkm.responden_tambah(
                evaluasi=evaluasi,
                nama=(data["nama"] or "").strip(),
                peran=data["peran"],
                anggota=data["anggota"],
                oleh=request.user,
            )
        except layanan_kuesioner.TindakanTidakSah as e:
            raise _tidak_sah(e) from e
        responden = ambil_responden(request.user, responden.pk)
        return Response(s.RespondenSerializer(responden).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Simpan jawaban prasyarat evaluasi HKm (semua indikator prasyarat sekaligus)",
        request=s.PrasyaratSerializer,
        responses={200: s.PrasyaratSerializer},
    )
    @action(detail=True, methods=["post"])
    def prasyarat(self, request, pk=None):
        evaluasi = ambil_evaluasi(request.user, int(pk), ubah=True)
        jawaban = {
            k: v.strip() for k, v in _masukan(s.PrasyaratSerializer, request)["jawaban"].items()
        }
        try:
            layanan_hkm.prasyarat_simpan(evaluasi=evaluasi, jawaban=jawaban, oleh=request.user)
        except GalatJawaban as e:
            raise exceptions.ValidationError({k: [v] for k, v in e.galat.items()}) from e
        except layanan_kuesioner.TindakanTidakSah as e:
            raise _tidak_sah(e) from e
        return Response({"jawaban": jawaban})

    @extend_schema(
        summary="Finalkan evaluasi HKm (prasyarat lengkap, semua kuesioner diserahkan)",
        request=None,
        responses={200: s.EvaluasiHkmSerializer},
    )
    @action(detail=True, methods=["post"])
    def finalkan(self, request, pk=None):
        evaluasi = ambil_evaluasi(request.user, int(pk), ubah=True)
        try:
            evaluasi = layanan_hkm.evaluasi_finalkan(evaluasi=evaluasi, oleh=request.user)
        except layanan_kuesioner.TindakanTidakSah as e:
            raise _tidak_sah(e) from e
        return Response(s.EvaluasiHkmSerializer(evaluasi).data)


def _simpan_jawaban(request, kuesioner):
    masuk = s.JawabanSerializer(data=request.data)
    masuk.is_valid(raise_exception=True)
    indikator = masuk.validated_data["indikator"]
    try:
        layanan_kuesioner.jawaban_simpan(
            kuesioner=kuesioner,
            indikator=indikator,
            nilai=masuk.validated_data["nilai"].strip(),
            oleh=request.user,
        )
    except (layanan_kuesioner.TindakanTidakSah, MasukanTidakSah) as e:
        raise exceptions.ValidationError({"nilai": [str(e)]}) from e
    tersimpan = layanan_kuesioner.jawaban_kuesioner(kuesioner).get(indikator)
    return Response(
        {"indikator": indikator, "tersimpan": None if tersimpan is None else str(tersimpan)}
    )


def _serahkan(request, kuesioner):
    try:
        hasil = layanan_kuesioner.kuesioner_serahkan(kuesioner=kuesioner, oleh=request.user)
    except GalatJawaban as e:
        raise exceptions.ValidationError({"non_field_errors": [str(e)]}) from e
    except layanan_kuesioner.TindakanTidakSah as e:
        raise _tidak_sah(e) from e
    return Response(
        {
            "status": "selesai",
            "golongan": hasil.golongan,
            "total": None if hasil.total is None else str(hasil.total),
        }
    )


class RespondenViewSet(viewsets.GenericViewSet):
    """Kuesioner HKm seorang responden: isi (indikator dan jawaban), jawaban, penjelasan
    kondisi terkini per indikator, dan penyerahan."""

    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = "[0-9]+"
    queryset = Responden.objects.none()
    serializer_class = s.RespondenSerializer

    @extend_schema(summary="Isi kuesioner HKm seorang responden: indikator, opsi dan jawaban")
    def retrieve(self, request, pk=None):
        responden = ambil_responden(request.user, int(pk))
        return Response(s.RespondenSerializer(responden).data)

    @extend_schema(
        summary="Serahkan kuesioner HKm (semua indikator sudah dijawab)",
        request=None,
        responses={200: s.HasilSerahSerializer},
    )
    @action(detail=True, methods=["post"])
    def serahkan(self, request, pk=None):
        responden = ambil_responden(request.user, int(pk), ubah=True)
        return _serahkan(request, responden.kuesioner)

    @extend_schema(
        summary="Simpan satu jawaban kuesioner HKm",
        request=s.JawabanSerializer,
        responses={200: s.HasilJawabanSerializer},
    )
    @action(detail=True, methods=["post"])
    def jawaban(self, request, pk=None):
        responden = ambil_responden(request.user, int(pk), ubah=True)
        return _simpan_jawaban(request, responden.kuesioner)

    @extend_schema(
        summary="Simpan penjelasan kondisi terkini satu indikator HKm",
        request=s.PenjelasanSerializer,
        responses={200: s.PenjelasanSerializer},
    )
    @action(detail=True, methods=["post"])
    def penjelasan(self, request, pk=None):
        responden = ambil_responden(request.user, int(pk), ubah=True)
        masuk = s.PenjelasanSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        try:
            layanan_kuesioner.penjelasan_simpan(
                kuesioner=responden.kuesioner, oleh=request.user, **masuk.validated_data
            )
        except (layanan_kuesioner.TindakanTidakSah, MasukanTidakSah) as e:
            raise exceptions.ValidationError({"teks": [str(e)]}) from e
        return Response(masuk.validated_data)


@extend_schema_view(
    list=extend_schema(summary="Daftar penilaian kelas KTH"),
    retrieve=extend_schema(summary="Satu penilaian kelas KTH"),
)
class PenilaianKthViewSet(BacaanBerwilayah):
    queryset = PenilaianKth.objects.none()
    izin_baca = "penilaian.view_penilaiankth"
    filterset_class = PenyaringPenilaianKth
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def get_serializer_class(self):
        if self.action == "jawaban":
            return s.JawabanSerializer
        if self.action == "bukti":
            return s.BuktiMasukSerializer
        if self.action == "retrieve":
            return s.PenilaianKthDetailSerializer
        return s.PenilaianKthSerializer

    def cakupan(self):
        qs = akses_kth.terbaca(self.request.user).order_by("-tahun", "-pk")
        if self.action == "retrieve":
            qs = qs.select_related("kuesioner__versi")
        return qs

    @extend_schema(
        summary="Mulai penilaian kelas KTH (Penilai KTH provinsi KTH itu)",
        request=s.PenilaianKthBaruSerializer,
        responses={201: s.PenilaianKthSerializer},
    )
    def create(self, request):
        masuk = _masukan(s.PenilaianKthBaruSerializer, request)
        kth = ambil(Kth, request.user, masuk["kth"])
        if not akses_kth.boleh_nilai(request.user, kth):
            raise exceptions.PermissionDenied(
                "Penilaian kelas dilakukan Penilai KTH provinsi KTH ini."
            )
        data = _form_sah(FormPenilaianBaru({"tahun": masuk["tahun"]}))
        try:
            penilaian = layanan_kth.penilaian_kth_buat(
                kth=kth, tahun=data["tahun"], oleh=request.user
            )
        except (layanan_kuesioner.TindakanTidakSah, MasukanTidakSah) as e:
            raise exceptions.ValidationError({"tahun": [str(e)]}) from e
        return Response(s.PenilaianKthSerializer(penilaian).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Ajukan penilaian KTH yang lengkap ke Kepala Dinas",
        request=None,
        responses={200: s.PenilaianKthSerializer},
    )
    @action(detail=True, methods=["post"])
    def ajukan(self, request, pk=None):
        penilaian = akses_kth.ambil_penilaian(request.user, int(pk), ubah=True)
        try:
            penilaian = layanan_kth.penilaian_kth_ajukan(penilaian=penilaian, oleh=request.user)
        except GalatJawaban as e:
            raise exceptions.ValidationError({k: [v] for k, v in e.galat.items()}) from e
        except (layanan_kuesioner.TindakanTidakSah, MasukanTidakSah) as e:
            raise _tidak_sah(e) from e
        return Response(s.PenilaianKthSerializer(penilaian).data)

    @extend_schema(
        summary="Simpan satu skor indikator penilaian KTH",
        request=s.JawabanSerializer,
        responses={200: s.HasilJawabanSerializer},
    )
    @action(detail=True, methods=["post"])
    def jawaban(self, request, pk=None):
        penilaian = akses_kth.ambil_penilaian(request.user, int(pk), ubah=True)
        return _simpan_jawaban(request, penilaian.kuesioner)

    @extend_schema(
        summary="Unggah bukti fisik satu indikator penilaian KTH (PDF, JPEG, PNG)",
        request={
            "multipart/form-data": s.BuktiMasukSerializer,
            "application/json": s.BuktiMasukSerializer,  # dengan id unggahan bertahap
        },
        responses={201: s.BuktiSerializer, 400: OpenApiResponse(description="Berkas ditolak")},
    )
    @action(detail=True, methods=["post"])
    def bukti(self, request, pk=None):
        penilaian = akses_kth.ambil_penilaian(request.user, int(pk), ubah=True)
        masuk = _masukan(s.BuktiMasukSerializer, request)
        berkas, unggahan = masuk.get("berkas"), None
        if masuk.get("unggahan"):
            hasil = unggahan_bertahap.berkas_unggahan(request.user, masuk["unggahan"])
            if hasil is None:
                raise exceptions.ValidationError(
                    {"unggahan": ["Unggahan tidak ada, bukan milik Anda, atau belum lengkap."]}
                )
            unggahan, berkas = hasil
        try:
            bukti = layanan_kth.bukti_fisik_simpan(
                penilaian=penilaian,
                indikator=masuk["indikator"],
                berkas=berkas,
                oleh=request.user,
            )
        except (layanan_kuesioner.TindakanTidakSah, GalatDjango) as e:
            raise exceptions.ValidationError({"berkas": [str(e)]}) from e
        if unggahan is not None:
            unggahan.delete()
        return Response(s.BuktiSerializer(bukti).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Daftar sertifikat kelas KTH"),
    retrieve=extend_schema(summary="Satu sertifikat kelas KTH"),
)
class SertifikatViewSet(BacaanBerwilayah):
    queryset = Sertifikat.objects.none()
    serializer_class = s.SertifikatSerializer
    filterset_class = PenyaringSertifikat
    izin_baca = "penilaian.view_penilaiankth"

    def cakupan(self):
        return (
            Sertifikat.objects.filter(penilaian__in=akses_kth.terbaca(self.request.user))
            .select_related("penilaian")
            .order_by("-tahun", "urut")
        )


# ------------------------------------------------------------------ unggahan bertahap


class ParserBiner(BaseParser):
    """Isi permintaan apa adanya (potongan berkas), paling banyak 1 MB."""

    media_type = "application/octet-stream"

    def parse(self, stream, media_type=None, parser_context=None):
        isi = stream.read(unggahan_bertahap.POTONGAN_MAKS + 1) if stream else b""
        return isi


def _galat_unggahan(e: unggahan_bertahap.GalatUnggahan):
    if e.status == 404:
        return exceptions.NotFound(str(e))
    if e.status == 409:
        return Response({"detail": str(e), "diterima": e.diterima}, status=409)
    return exceptions.ValidationError({"non_field_errors": [str(e)]})


class UnggahanViewSet(viewsets.ViewSet):
    """Unggahan bertahap untuk sinyal lemah (protokol yang sama dengan halaman): mulai,
    kirim potongan berurutan, tanyakan posisi setelah putus lalu lanjutkan; id unggahan yang
    lengkap dipakai di tempat berkas (misalnya bukti fisik KTH). Hanya pemiliknya yang melihat
    unggahannya; yang tidak dipakai hilang setelah 24 jam."""

    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = "[0-9a-fA-F-]{36}"

    @extend_schema(
        summary="Mulai unggahan bertahap",
        request=s.UnggahanBaruSerializer,
        responses={201: s.UnggahanSerializer},
    )
    def create(self, request):
        masuk = _masukan(s.UnggahanBaruSerializer, request)
        try:
            u = unggahan_bertahap.unggahan_mulai(request.user, **masuk)
        except unggahan_bertahap.GalatUnggahan as e:
            raise _galat_unggahan(e) from e
        data = {**unggahan_bertahap.keadaan(u), "potongan": unggahan_bertahap.POTONGAN}
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Keadaan unggahan: berapa bita sudah diterima (lanjutkan dari situ)",
        responses={200: s.UnggahanSerializer},
    )
    def retrieve(self, request, pk=None):
        try:
            u = unggahan_bertahap.unggahan_milik(request.user, _uuid(pk))
        except unggahan_bertahap.GalatUnggahan as e:
            raise _galat_unggahan(e) from e
        return Response(unggahan_bertahap.keadaan(u))

    @extend_schema(
        summary="Kirim potongan berikutnya (maks. 1 MB) mulai bita `mulai`",
        parameters=[
            OpenApiParameter(
                "mulai", int, required=True, description="Posisi bita awal potongan ini"
            )
        ],
        request={"application/octet-stream": OpenApiTypes.BINARY},
        responses={
            200: s.UnggahanSerializer,
            409: OpenApiResponse(
                s.PosisiUnggahanSerializer, description="Bukan posisi yang sudah diterima"
            ),
        },
    )
    @action(detail=True, methods=["put"], parser_classes=[ParserBiner])
    def potongan(self, request, pk=None):
        try:
            mulai = int(request.query_params.get("mulai", ""))
        except ValueError:
            raise exceptions.ValidationError({"mulai": ["Wajib berupa angka."]}) from None
        isi = request.data if isinstance(request.data, bytes) else b""
        try:
            u = unggahan_bertahap.unggahan_tambah(request.user, _uuid(pk), mulai=mulai, isi=isi)
        except unggahan_bertahap.GalatUnggahan as e:
            hasil = _galat_unggahan(e)
            if isinstance(hasil, Response):
                return hasil
            raise hasil from e
        return Response(unggahan_bertahap.keadaan(u))


def _uuid(pk) -> uuid.UUID:
    try:
        return uuid.UUID(str(pk))
    except ValueError:
        raise exceptions.NotFound("Unggahan tidak ada.") from None


# ------------------------------------------------------------------ pertukaran data


class PertukaranViewSet(viewsets.ViewSet):
    """Data pertukaran (KUPS dan KTH dengan kelasnya) dengan kolom dan versi yang sama dengan
    berkas .xlsx/CSV di /kelompok/pertukaran/: satu definisi kolom (kelompok.pertukaran)."""

    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = "[a-z-]+"

    @extend_schema(
        summary="Daftar data pertukaran dengan kolomnya",
        responses={200: s.DataPertukaranSerializer(many=True)},
    )
    def list(self, request):
        return Response(
            [
                {
                    "kode": d.kode,
                    "judul": d.judul,
                    "versi_format": pertukaran.VERSI_FORMAT,
                    "kolom": [
                        {"kode": k.kode, "jenis": k.jenis, "keterangan": k.keterangan}
                        for k in d.kolom
                    ],
                }
                for d in pertukaran.DATA.values()
            ]
        )

    @extend_schema(
        summary="Baris data pertukaran (kups-kelas atau kth-kelas) dalam cakupan wilayah",
        parameters=[
            OpenApiParameter("halaman", int, description="Nomor halaman"),
            OpenApiParameter("per_halaman", int, description="Baris per halaman (maks. 200)"),
        ],
        responses={200: s.HalamanPertukaranSerializer},
    )
    def retrieve(self, request, pk=None):
        data = pertukaran.DATA.get(pk)
        if data is None:
            raise exceptions.NotFound("Data pertukaran tidak dikenal: kups-kelas atau kth-kelas.")
        paginator = Halaman()
        halaman = paginator.paginate_queryset(data.baris(request.user), request, view=self)
        baris = [{k.kode: k.nilai(o) for k in data.kolom} for o in halaman]
        respons = paginator.get_paginated_response(baris)
        respons.data["versi_format"] = pertukaran.VERSI_FORMAT
        respons["X-Versi-Format"] = pertukaran.VERSI_FORMAT
        return respons
