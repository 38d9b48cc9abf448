"""The theme in English under /en/temaer/, falling back to Danish where nothing is translated."""

import pytest

from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    theme = ThemeFactory(
        slug="i-bevaegelse",
        title_da="Det boligsociale arbejde i bevægelse",
        title_en="Housing-related social work in transition",
        lead_da="Kun på dansk.",
        lead_en="",
    )
    section = SectionFactory(
        theme=theme, heading_da="Tre tilgange", heading_en="Three approaches", read_more_da="Mere."
    )
    SectionItemFactory(section=section, title_da="Forankring", title_en="", read_more_da="Dansk.")
    return theme


def test_english_page_shows_english_where_written_and_danish_otherwise(client, theme):
    response = client.get("/en/temaer/i-bevaegelse/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Housing-related social work in transition</h1>" in response.text
    assert "Three approaches" in response.text
    assert "Kun på dansk." in response.text
    assert "Forankring" in response.text
    assert "Det boligsociale arbejde i bevægelse" not in response.text.split("<main")[1]


def test_danish_only_items_are_marked_as_danish_and_english_headings_are_not(client, theme):
    response = client.get("/en/temaer/i-bevaegelse/")

    assert '<h3 class="items__title" lang="da">Forankring</h3>' in response.text
    assert 'class="theme-section__heading">Three approaches</h2>' in response.text
