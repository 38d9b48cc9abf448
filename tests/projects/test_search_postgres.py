"""Search behaviour that only PostgreSQL gets right (SQLite folds case for ASCII only)."""

import pytest
from django.urls import reverse

from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_search_ignores_case_of_danish_letters(client):
    ProjectFactory(title="ØKONOMI I ÅRHUS OG ÆRØ", slug="oekonomi")
    ProjectFactory(title="Noget andet", slug="andet")

    response = client.get(reverse("projects:list"), {"q": "økonomi århus ærø"})

    assert [p.slug for p in response.context["projects"]] == ["oekonomi"]


def test_nul_bytes_never_reach_postgresql(client):
    # PostgreSQL rejects NUL in text; the form must stop it first.
    response = client.get(reverse("projects:list"), {"q": "a\x00b", "kontakt": "x\x00"})

    assert response.status_code == 200
    assert response.context["notices"]
