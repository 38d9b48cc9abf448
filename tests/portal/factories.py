import factory

from portal.models import Organisation, Person, SiteNotice, Tag


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Medarbejder {n}")
    slug = factory.Sequence(lambda n: f"medarbejder-{n}")
    job_title = "Konsulent"
    phone = "00000000"
    email = factory.Sequence(lambda n: f"m{n}@example.org")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"emne {n}")
    slug = factory.Sequence(lambda n: f"emne-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")


class SiteNoticeFactory(factory.django.DjangoModelFactory):
    """The one row of the demo notice's switch (its migration makes it)."""

    class Meta:
        model = SiteNotice
        django_get_or_create = ("id",)

    id = 1
