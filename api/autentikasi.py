"""Autentikasi API dengan token pribadi: `Authorization: Bearer <kunci>` (atau `Token <kunci>`)."""

import datetime

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from api.models import TokenApi, sidik

# Waktu "terakhir dipakai" cukup diperbarui sekali per menit, bukan di setiap permintaan.
SELANG_CATAT = datetime.timedelta(minutes=1)


class TokenApiAuthentication(authentication.BaseAuthentication):
    kata = ("bearer", "token")

    def authenticate(self, request):
        kepala = authentication.get_authorization_header(request).split()
        if not kepala or kepala[0].lower().decode(errors="ignore") not in self.kata:
            return None
        if len(kepala) != 2:
            raise exceptions.AuthenticationFailed("Kepala Authorization: Bearer <token>.")
        try:
            kunci = kepala[1].decode()
        except UnicodeDecodeError as e:
            raise exceptions.AuthenticationFailed("Token tidak sah.") from e
        token = (
            TokenApi.objects.select_related("pengguna")
            .filter(sidik_kunci=sidik(kunci), dicabut_pada__isnull=True)
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed("Token tidak sah atau sudah dicabut.")
        if not token.pengguna.is_active:
            raise exceptions.AuthenticationFailed("Akun pemilik token tidak aktif.")
        sekarang = timezone.now()
        if token.terakhir_dipakai is None or sekarang - token.terakhir_dipakai > SELANG_CATAT:
            TokenApi.objects.filter(pk=token.pk).update(terakhir_dipakai=sekarang)
        return token.pengguna, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class SkemaTokenApi(OpenApiAuthenticationExtension):
    target_class = "api.autentikasi.TokenApiAuthentication"
    name = "tokenApi"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Token API pribadi dari halaman Token API di profil pengguna.",
        }
