"""The demo content loads, loads again without duplicates, and holds the seed's facts."""

import pytest
from django.core.management import call_command

from portal.models import Person
from projects.models import ResearchProject

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_complete():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)

    assert ResearchProject.objects.published().count() == 9
    assert Person.objects.count() == 8
    mette = Person.objects.get(name="Mette Fabricius Madsen")
    assert ResearchProject.objects.for_contact(mette).count() == 2
    assert all(p.email.endswith("@example.org") for p in Person.objects.all())
    english = ResearchProject.objects.exclude(title_en="").count()
    assert english >= 5
    bevaegelse = ResearchProject.objects.get(slug="det-boligsociale-arbejde-i-bevaegelse")
    assert bevaegelse.main_contact.name == "Helle Nielsen"
