"""Anonymous visitors get stored pages; every save shows up at once."""

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory

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


def test_a_bulk_status_change_shows_at_once(client):
    from projects.models import ResearchProject

    ProjectFactory(title="Trækkes tilbage")
    assert "Trækkes tilbage" in client.get(LIST_URL).text

    ResearchProject.objects.update(status=PublishStatus.DRAFT)

    assert "Trækkes tilbage" not in client.get(LIST_URL).text


def test_unknown_query_parameters_are_served_but_not_stored(client):
    ProjectFactory()

    client.get(LIST_URL, {"utm_source": "nyhedsbrev"})
    response = client.get(LIST_URL, {"utm_source": "nyhedsbrev"})

    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_filter_parameters_are_stored(client):
    person = PersonFactory(slug="helle-nielsen")
    ProjectFactory(contacts=[person])

    client.get(LIST_URL, {"kontakt": "helle-nielsen", "page": "1"})

    assert client.get(LIST_URL, {"kontakt": "helle-nielsen", "page": "1"})["X-Page-Cache"] == "hit"


def test_each_host_gets_its_own_copy(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "boligsocial.example.org"]

    client.get("/sitemap.xml")
    other = client.get("/sitemap.xml", headers={"host": "boligsocial.example.org"})

    assert other["X-Page-Cache"] == "miss"
    assert "http://boligsocial.example.org/" in other.text


def test_a_page_that_hands_out_a_csrf_token_is_not_stored(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from portal.middleware import PublicPageCacheMiddleware

    def view(request):
        return HttpResponse(get_token(request))

    middleware = PublicPageCacheMiddleware(view)
    first = middleware(rf.get("/formular/"))
    second = middleware(rf.get("/formular/"))

    assert "X-Page-Cache" not in first
    assert second.content != first.content


def test_a_save_bumps_the_content_version_again_when_it_commits(
    django_capture_on_commit_callbacks,
):
    from portal.cache import bump_content_version, content_version

    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        bump_content_version()
        # Another process may read the version now, before the commit, and store a
        # page rendered from the old, still committed data under it.
        between = content_version()

    after = content_version()
    assert between != before
    assert after not in (before, between)


def test_a_page_stored_between_a_save_and_its_commit_is_not_served_after(
    client, django_capture_on_commit_callbacks
):
    project = ProjectFactory(title="Gammel titel")

    with django_capture_on_commit_callbacks(execute=True):
        project.title = "Ny titel"
        project.save()
        client.get(LIST_URL)

    assert client.get(LIST_URL)["X-Page-Cache"] == "miss"
