"""Anonymous visitors get stored pages; every save shows up at once."""

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.factories import PersonFactory, ProjectFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("projects:list")


def test_a_repeated_anonymous_view_costs_no_queries(client, django_assert_num_queries):
    ProjectFactory.create_batch(3, contacts=[PersonFactory()])
    first = client.get(LIST_URL)

    with django_assert_num_queries(0):
        second = client.get(LIST_URL)

    assert second.content == first.content
    assert second["X-Page-Cache"] == "hit"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_saving_a_project_shows_the_change_at_once(client):
    project = ProjectFactory(title="Gammel titel")
    client.get(LIST_URL)

    project.title = "Ny titel"
    project.save()

    assert "Ny titel" in client.get(LIST_URL).text


def test_changing_contacts_invalidates_pages(client):
    project = ProjectFactory()
    person = PersonFactory(name="Ny Kontakt")
    client.get(LIST_URL)

    project.contacts.add(person, through_defaults={"order": 1})

    assert "Ny Kontakt" in client.get(LIST_URL).text


def test_deleting_a_project_removes_it_at_once(client):
    project = ProjectFactory(title="Forsvinder")
    assert "Forsvinder" in client.get(LIST_URL).text

    project.delete()

    assert "Forsvinder" not in client.get(LIST_URL).text


def test_languages_and_query_strings_are_stored_apart(client):
    ProjectFactory(title_da="Dansk titel", title_en="English title")

    assert "Dansk titel" in client.get(LIST_URL).text
    assert "English title" in client.get("/en/nu-undersoeger-vi/").text
    assert "Ingen projekter" in client.get(LIST_URL, {"status": "afsluttet"}).text


def test_staff_bypass_the_cache_and_see_drafts(client, admin_client):
    project = ProjectFactory(status=PublishStatus.DRAFT)
    client.get(project.get_absolute_url())

    response = admin_client.get(project.get_absolute_url())

    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_not_found_pages_are_not_stored(client):
    client.get("/nu-undersoeger-vi/findes-ikke/")

    assert "X-Page-Cache" not in client.get("/nu-undersoeger-vi/findes-ikke/")


def test_an_unreachable_cache_does_not_take_the_site_down(client, monkeypatch):
    from django.core.cache.backends.redis import RedisCache

    nothing_listens_here = RedisCache("redis://127.0.0.1:1/0", {})
    monkeypatch.setattr("portal.cache.cache", nothing_listens_here)
    monkeypatch.setattr("portal.middleware.cache", nothing_listens_here)
    ProjectFactory(title="Stadig synlig")

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert "Stadig synlig" in response.text
