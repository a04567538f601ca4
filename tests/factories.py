import factory
from django.contrib.auth.models import Group

from akun.models import Pengguna
from akun.peran import Peran

KATA_SANDI_UJI = "sandi-uji-yang-panjang"


class PenggunaFactory(factory.django.DjangoModelFactory):
    """Pengguna dengan peran: PenggunaFactory(peran=peran.PENDAMPING, provinsi_id="32")."""

    class Meta:
        model = Pengguna
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    nama = factory.Faker("name", locale="id_ID")
    email = factory.LazyAttribute(lambda o: f"{o.username}@uji.perhutanan.id")
    password = factory.django.Password(KATA_SANDI_UJI)

    @factory.post_generation
    def peran(self, create: bool, extracted: Peran | None, **kwargs) -> None:
        if create and extracted is not None:
            self.groups.add(Group.objects.get(name=extracted.nama_grup))
