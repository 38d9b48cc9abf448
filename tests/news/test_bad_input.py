"""Odd, hostile and oversized input under /nyheder/ gets an answer, never a crash."""

import datetime

import pytest
from django.urls import reverse

from tests.news.factories import NewsArticleFactory
from tests.portal.factories import TagFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("news:list")


@pytest.fixture(autouse=True)
def some_news():
    money = TagFactory(name="finansiering", slug="finansiering")
    NewsArticleFactory.create_batch(3, published_on=datetime.date(2021, 2, 15), tags=[money])


@pytest.mark.parametrize(
    ("year", "shown"),
    [("abc", "abc"), ("99999", "99999"), ("2019", "2019"), ("-1", "-1"), ("2021.0", "2021.0")],
)
def test_an_unknown_year_gets_a_clear_danish_message_and_all_news(client, year, shown):
    response = client.get(LIST_URL, {"aar": year})

    assert response.status_code == 200
    assert f"Vi har ingen nyheder fra året “{shown}”. Vælg et år fra listen." in response.text
    assert len(response.context["articles"]) == 3
    assert not response.context["active_filters"]


def test_an_unknown_subject_gets_a_message(client):
    response = client.get(LIST_URL, {"emne": "ukendt"})

    assert response.status_code == 200
    assert "Vi kender ikke emnet “ukendt”. Vælg et fra listen." in response.text
    assert len(response.context["articles"]) == 3


def test_a_valid_filter_still_applies_beside_an_invalid_one(client):
    NewsArticleFactory(published_on=datetime.date(2020, 1, 1))

    response = client.get(LIST_URL, {"emne": "finansiering", "aar": "abc"})

    assert len(response.context["articles"]) == 3
    assert "Vi har ingen nyheder fra året “abc”" in response.text


def test_script_in_subject_is_escaped_not_run(client):
    response = client.get(LIST_URL, {"emne": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


@pytest.mark.parametrize("param", ["emne", "aar"])
def test_a_5000_character_value_is_shortened_in_the_message(client, param):
    response = client.get(LIST_URL, {param: "a" * 5000})

    assert response.status_code == 200
    (notice,) = response.context["notices"]
    assert "“" + "a" * 39 + "…”" in notice
    assert len(notice) < 120
    assert len(response.context["articles"]) == 3


def test_a_very_long_search_is_refused_politely(client):
    response = client.get(LIST_URL, {"q": "boligsocial " * 420})

    assert response.status_code == 200
    assert "Søgeteksten er for lang. Skriv højst 200 tegn." in response.text
    assert len(response.context["articles"]) == 3


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "Sidetallet “abc” forstod vi ikke. Her er side 1."),
        ("99999", "Side 99999 findes ikke. Her er den sidste side, side 1."),
        ("-1", "Sidetallet “-1” forstod vi ikke."),
        ("0", "Sidetallet “0” forstod vi ikke."),
    ],
)
def test_odd_page_numbers_show_a_page_and_say_why(client, page, message):
    response = client.get(LIST_URL, {"page": page})

    assert response.status_code == 200
    assert message in response.text
    assert response.context["page_obj"].number == 1


def test_repeated_parameters_use_the_last_value(client):
    response = client.get(f"{LIST_URL}?aar=abc&aar=2021")

    assert response.status_code == 200
    assert len(response.context["articles"]) == 3
    assert not response.context["notices"]


@pytest.mark.parametrize(
    "query",
    [
        "aar=%00",
        "emne=%FF%FE",
        "aar=%0D%0ASet-Cookie:x=1",
        "q=' OR 1=1 --",
        "q=%25%25%25_",
        "page=%00",
        "unknown=1&emne=",
        "aar=" + "9" * 5000,
        "emne=" + "a" * 5000,
        "aar=1e9999",
    ],
)
def test_hostile_query_strings_never_break_the_page(client, query):
    response = client.get(f"{LIST_URL}?{query}", follow=True)

    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    "path",
    [
        "/nyheder/findes-ikke/",
        "/nyheder/%3Cscript%3Ealert(1)%3C/script%3E/",
        "/nyheder/<script>/",
        "/nyheder/æøå/",
        "/nyheder/" + "a" * 500 + "/",
        "/en/nyheder/findes-ikke/",
    ],
)
def test_odd_article_addresses_are_404s_without_echoing_script(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "<script>" not in response.text


def test_query_strings_on_an_article_are_ignored(client):
    article = NewsArticleFactory()

    response = client.get(f"{article.get_absolute_url()}?page=abc&emne=<script>")

    assert response.status_code == 200
    assert "<script>" not in response.text.split("<main")[1]
