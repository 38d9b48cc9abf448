"""Site-wide search: one box, results from every section."""

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("portal:search")


def test_search_finds_projects_themes_and_people(client):
    PersonFactory(name="Helle Nielsen", job_title="Specialkonsulent i geografi")
    ProjectFactory(title="Geografisk fokus i helhedsplaner")
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse")
    SectionFactory(theme=theme, heading="Det geografiske fokus", body="Om geografi.")
    ProjectFactory(title="Geografi i kladde", status=PublishStatus.DRAFT)

    response = client.get(SEARCH_URL, {"q": "geografi"})

    labels = {group.label: group.total for group in response.context["groups"]}
    assert labels == {"Medarbejdere": 1, "Nu undersøger vi": 1, "Temaer": 1}
    assert "Geografi i kladde" not in response.text
    assert "3 resultater for “geografi”" in response.text


def test_every_word_must_match(client):
    ProjectFactory(title="Praktikpladser i renovering")
    ProjectFactory(title="Renovering af boliger")

    response = client.get(SEARCH_URL, {"q": "renovering praktikpladser"})

    assert response.context["total"] == 1


def test_no_result_says_so_and_points_onwards(client):
    response = client.get(SEARCH_URL, {"q": "xyzzy"})

    assert "Vi fandt ingenting" in response.text


def test_the_empty_search_page_shows_just_the_form(client):
    response = client.get(SEARCH_URL)

    assert response.status_code == 200
    assert 'type="search"' in response.text
    assert "resultat" not in response.text


def test_a_hostile_search_is_answered_and_not_echoed(client):
    hostile = client.get(SEARCH_URL, {"q": "<script>alert(1)</script>"})

    assert hostile.status_code == 200
    assert "<script>alert(1)</script>" not in hostile.text


@pytest.mark.parametrize("rows", [3, 30])
def test_search_query_count_does_not_grow(client, django_assert_max_num_queries, rows):
    for n in range(rows):
        PersonFactory(name=f"Boligsocial Person {n}")
        ProjectFactory(title=f"Boligsocialt projekt {n}")
        ThemeFactory(title=f"Boligsocialt tema {n}")

    with django_assert_max_num_queries(12):
        response = client.get(SEARCH_URL, {"q": "boligsocial"})

    assert response.context["total"] == rows * 3


def test_search_finds_activities(client):
    from tests.activities.factories import ActivityFactory

    ActivityFactory(name="Lektiecafé", summary="Hjælp til lektier i boligområdet.")

    response = client.get(SEARCH_URL, {"q": "lektier"})

    assert {group.label for group in response.context["groups"]} == {"Aktiviteter"}


def test_a_snippet_is_escaped_as_a_whole_and_only_the_match_is_marked():
    from portal.search import MARK_START, MARK_STOP, marked

    raw = f'<script>alert(1)</script> <b onclick="x">{MARK_START}tryghed{MARK_STOP}</b> &amp;'

    assert marked(raw) == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick=&quot;x&quot;&gt;"
        "<mark>tryghed</mark>&lt;/b&gt; &amp;"
    )
