"""Danish at the root, English under /en/, and a switcher that keeps the visitor's place."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_root_is_danish_whatever_the_browser_prefers(client):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})

    assert response.status_code == 200
    assert '<html lang="da">' in response.text
    assert response.headers["Content-Language"] == "da"


def test_english_lives_under_en(client):
    response = client.get("/en/nu-undersoeger-vi/")

    assert '<html lang="en">' in response.text
    assert "Current research" in response.text


def test_english_page_falls_back_to_danish_text_where_no_english_exists(client):
    ProjectFactory(title_da="Kun på dansk", title_en="", slug="kun-dansk")
    ProjectFactory(title_da="Også på dansk", title_en="Also in English", slug="begge")

    response = client.get("/en/nu-undersoeger-vi/")

    assert "Kun på dansk" in response.text
    assert "Also in English" in response.text
    assert "Også på dansk" not in response.text


def test_language_switcher_links_to_the_same_page_with_its_filters(client):
    person = PersonFactory(slug="helle-nielsen")
    ProjectFactory(contacts=[person])

    danish = client.get("/nu-undersoeger-vi/?kontakt=helle-nielsen")
    english = client.get("/en/nu-undersoeger-vi/?kontakt=helle-nielsen")

    assert 'href="/en/nu-undersoeger-vi/?kontakt=helle-nielsen" hreflang="en"' in danish.text
    assert 'href="/nu-undersoeger-vi/?kontakt=helle-nielsen" hreflang="da"' in english.text


def test_english_search_also_finds_danish_only_text(client):
    ProjectFactory(title_da="Stedsidentitet", title_en="", summary_da="Om image.", slug="s")

    response = client.get("/en/nu-undersoeger-vi/", {"q": "stedsidentitet"})

    assert [p.slug for p in response.context["projects"]] == ["s"]


def test_reverse_gives_prefixed_english_urls():
    with translation.override("en"):
        assert reverse("projects:list") == "/en/nu-undersoeger-vi/"
    with translation.override("da"):
        assert reverse("projects:list") == "/nu-undersoeger-vi/"


def test_danish_dates_read_naturally():
    import datetime

    from django.utils.formats import date_format

    with translation.override("da"):
        assert date_format(datetime.date(2021, 2, 15)) == "15. februar 2021"


def test_danish_fallback_text_is_marked_as_danish_on_english_pages(client):
    ProjectFactory(title_da="Kun på dansk", title_en="", slug="kun-dansk")

    response = client.get("/en/nu-undersoeger-vi/kun-dansk/")

    assert '<h1 lang="da">Kun på dansk</h1>' in response.text
