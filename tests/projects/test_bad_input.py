"""Odd, hostile and oversized input on "Nu undersøger vi" gets an answer, never a crash."""

import pytest
from django.urls import reverse

from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("projects:list")


@pytest.fixture(autouse=True)
def some_projects():
    mette = PersonFactory(name="Mette Fabricius Madsen", slug="mette-fabricius-madsen")
    ProjectFactory.create_batch(3, contacts=[mette])


def test_unknown_contact_gets_a_clear_danish_message_and_all_projects(client):
    response = client.get(LIST_URL, {"kontakt": "findes-ikke"})

    assert response.status_code == 200
    assert "Vi kender ikke kontaktpersonen “findes-ikke”" in response.text
    assert len(response.context["projects"]) == 3


def test_script_in_contact_is_escaped_not_run(client):
    response = client.get(LIST_URL, {"kontakt": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_unknown_status_gets_a_message(client):
    response = client.get(LIST_URL, {"status": "x"})

    assert response.status_code == 200
    assert "Status “x” findes ikke" in response.text


def test_unknown_tag_gets_a_message(client):
    response = client.get(LIST_URL, {"emne": "ukendt"})

    assert "Vi kender ikke emnet “ukendt”" in response.text


@pytest.mark.parametrize(
    ("page", "message", "shown"),
    [
        ("abc", "Sidetallet “abc” forstod vi ikke. Her er side 1.", 1),
        ("99999", "Side 99999 findes ikke. Her er den sidste side, side 1.", 1),
        ("-1", "Sidetallet “-1” forstod vi ikke.", 1),
        ("1.5", "Sidetallet “1.5” forstod vi ikke.", 1),
        ("²", "Sidetallet “²” forstod vi ikke.", 1),
        ("①", "Sidetallet “①” forstod vi ikke.", 1),
    ],
)
def test_odd_page_numbers_show_a_page_and_say_why(client, page, message, shown):
    response = client.get(LIST_URL, {"page": page})

    assert response.status_code == 200
    assert message in response.text
    assert response.context["page_obj"].number == shown


def test_a_very_long_search_is_refused_politely(client):
    response = client.get(LIST_URL, {"q": "boligsocial " * 420})

    assert response.status_code == 200
    assert "Søgeteksten er for lang. Skriv højst 200 tegn." in response.text
    assert len(response.context["projects"]) == 3


def test_repeated_parameters_use_the_last_value(client):
    response = client.get(f"{LIST_URL}?kontakt=findes-ikke&kontakt=mette-fabricius-madsen")

    assert response.status_code == 200
    assert len(response.context["projects"]) == 3
    assert not response.context["notices"]


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "kontakt=%00",
        "emne=%FF%FE",
        "status=%0D%0ASet-Cookie:x=1",
        "q=' OR 1=1 --",
        "q=%25%25%25_",
        "page=%00",
        "unknown=1&kontakt=",
        "kontakt=" + "a" * 5000,
    ],
)
def test_hostile_query_strings_never_break_the_page(client, query):
    response = client.get(f"{LIST_URL}?{query}", follow=True)

    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_an_unknown_project_is_a_404_in_the_site_design(client):
    response = client.get(reverse("projects:detail", kwargs={"slug": "findes-ikke"}))

    assert response.status_code == 404
    assert "Siden findes ikke" in response.text
    assert "Nu undersøger vi" in response.text


def test_a_non_slug_project_address_is_a_404(client):
    response = client.get("/nu-undersoeger-vi/%3Cscript%3E/")

    assert response.status_code == 404
    assert "<script>" not in response.text
