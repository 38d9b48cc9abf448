"""Odd years under /nyheder/ get an answer, never a crash.

The checks every list shares (unknown values, page numbers, hostile query strings) are
in tests/site/test_bad_input.py.
"""

import datetime

import pytest
from django.urls import reverse

from tests.news.factories import NewsArticleFactory
from tests.portal.factories import TagFactory
from tests.site.answers import get_without_cookies

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


@pytest.mark.parametrize("query", ["aar=" + "9" * 5000, "aar=1e9999"])
def test_huge_years_never_break_the_page(client, query):
    get_without_cookies(client, f"{LIST_URL}?{query}")
