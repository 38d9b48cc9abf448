"""Odd, hostile and unknown addresses under /temaer/ get a 404 page or the page, never a 500."""

import pytest
from django.urls import reverse

from tests.themes.factories import SectionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_an_unknown_theme_is_a_404_in_the_site_design(client):
    response = client.get(reverse("themes:detail", kwargs={"slug": "findes-ikke"}))

    assert response.status_code == 404
    assert "Siden findes ikke" in response.text
    assert 'class="main-nav"' in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/temaer/%3Cscript%3Ealert(1)%3C/script%3E/",
        "/temaer/<script>/",
        "/temaer/æøå/",
        "/temaer/..%2F..%2Fetc%2Fpasswd/",
        "/temaer/" + "a" * 500 + "/",
        "/en/temaer/findes-ikke/",
    ],
)
def test_odd_theme_addresses_are_404s_without_echoing_script(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "<script>" not in response.text


@pytest.mark.parametrize(
    "query",
    ["page=abc", "page=%00", "x=%FF%FE", "page=1&page=2", "q=<script>alert(1)</script>"],
)
def test_query_strings_on_a_theme_page_are_ignored(client, query):
    theme = ThemeFactory()
    SectionFactory(theme=theme)

    response = client.get(f"{theme.get_absolute_url()}?{query}")

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_a_draft_slug_looks_exactly_like_an_unknown_one_to_visitors(client):
    draft = ThemeFactory(status="draft")

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 404
    assert draft.title not in response.text
