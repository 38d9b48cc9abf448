"""The news in English under /en/nyheder/, falling back to Danish where nothing is translated."""

import datetime

import pytest

from tests.news.factories import NewsArticleFactory
from tests.portal.factories import TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return NewsArticleFactory(
        slug="nye-veje",
        published_on=datetime.date(2021, 2, 15),
        title_da="CFBU sætter fokus på de nye veje",
        title_en="CFBU looks at the new directions",
        lead_da="Kun på dansk.",
        lead_en="",
        body_da="<p>Brødtekst på dansk.</p>",
        body_en="",
        tags=[TagFactory(name="finansiering", name_en="funding", slug="finansiering")],
    )


def test_english_page_shows_english_where_written_and_danish_otherwise(client, article):
    response = client.get("/en/nyheder/nye-veje/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "<h1>CFBU looks at the new directions</h1>" in response.text
    assert "Kun på dansk." in response.text
    assert "Brødtekst på dansk." in response.text
    assert "CFBU sætter fokus" not in response.text.split("<main")[1]


def test_a_danish_only_body_is_marked_as_danish(client, article):
    response = client.get("/en/nyheder/nye-veje/")

    assert '<div class="prose" lang="da"><p>Brødtekst på dansk.</p></div>' in response.text


def test_english_list_uses_english_titles_subjects_and_dates(client, article):
    response = client.get("/en/nyheder/")

    assert "CFBU looks at the new directions" in response.text
    assert "Kun på dansk." in response.text
    assert '<option value="finansiering">funding (1)</option>' in response.text
    assert '<time datetime="2021-02-15">' in response.text
    assert "15. februar 2021" not in response.text


def test_dates_read_day_month_year_in_both_languages(client, article):
    danish = client.get("/nyheder/nye-veje/").text
    english = client.get("/en/nyheder/nye-veje/").text

    assert '<time datetime="2021-02-15">15. februar 2021</time>' in danish
    assert '<time datetime="2021-02-15">15 February 2021</time>' in english
