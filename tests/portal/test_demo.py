"""The demo staff: who they are (loading twice: tests/site/test_demo.py)."""

import pytest
from django.core.management import call_command

from portal.models import Person

pytestmark = pytest.mark.django_db


def test_the_demo_has_eight_people_with_made_up_addresses():
    call_command("load_demo", verbosity=0)

    assert Person.objects.count() == 8
    assert all(p.email.endswith("@example.org") for p in Person.objects.all())
