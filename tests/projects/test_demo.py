"""The demo research projects hold the seed's facts (loading twice: tests/site/test_demo.py)."""

import pytest
from django.core.management import call_command

from portal.models import Person
from projects.models import ResearchProject

pytestmark = pytest.mark.django_db


def test_the_demo_projects_and_their_contacts():
    call_command("load_demo", verbosity=0)

    assert ResearchProject.objects.published().count() == 9
    mette = Person.objects.get(name="Mette Fabricius Madsen")
    assert ResearchProject.objects.for_contact(mette).count() == 2
    english = ResearchProject.objects.exclude(title_en="").count()
    assert english >= 5
    bevaegelse = ResearchProject.objects.get(slug="det-boligsociale-arbejde-i-bevaegelse")
    assert bevaegelse.contact_links.public().first().person.name == "Helle Nielsen"
