"""What the page cache stores: only the variants a page really serves, with the same
headers as a rendered page, and pages that follow the calendar without a save."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from portal.cache import PAGE_TIMEOUT
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("projects:list")
PRIVACY_URL = reverse("portal:privacy")


def stored_pages() -> list[str]:
    return [key for key in cache._cache if ":portal:page:" in key]


def junk_requests(count: int):
    """Yield (path, params, headers): parameters no page uses, unknown choices, free
    text, pages out of range and Host headers with ports."""
    for n in range(count):
        kind = n % 8
        if kind == 0:
            yield PRIVACY_URL, {"q": f"søg {n}"}, {}
        elif kind == 1:
            yield PRIVACY_URL, {"page": str(n)}, {}
        elif kind == 2:
            yield PRIVACY_URL, {"utm_source": f"n{n}"}, {}
        elif kind == 3:
            yield PRIVACY_URL, {}, {"host": f"testserver:{1024 + n}"}
        elif kind == 4:
            yield LIST_URL, {"kontakt": f"ukendt-{n}"}, {}
        elif kind == 5:
            yield LIST_URL, {"page": str(1000 + n)}, {}
        elif kind == 6:
            yield LIST_URL, {"q": f"ord{n}"}, {}
        else:
            yield LIST_URL, {"status": "igangvaerende", "x": str(n)}, {}


def test_junk_variants_leave_the_number_of_stored_pages_bounded(client, settings, monkeypatch):
    # Five thousand requests take long enough to cross midnight now and then; a page
    # stored yesterday is rightly a miss today, so the clock stands still here.
    set_clock(monkeypatch, timezone.now())
    settings.ALLOWED_HOSTS = ["testserver"]
    ProjectFactory.create_batch(2, contacts=[PersonFactory(slug="helle-nielsen")])
    assert client.get(LIST_URL)["X-Page-Cache"] == "miss"
    assert client.get(PRIVACY_URL)["X-Page-Cache"] == "miss"

    for path, params, headers in junk_requests(5000):
        assert client.get(path, params, headers=headers).status_code == 200

    assert len(stored_pages()) == 2
    assert client.get(LIST_URL)["X-Page-Cache"] == "hit"
    assert client.get(PRIVACY_URL)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "params",
    [
        {"kontakt": "helle-nielsen"},
        {"kontakt": "helle-nielsen", "page": "1"},
        {"status": "afsluttet"},
    ],
)
def test_the_choices_a_page_offers_are_stored(client, params):
    ProjectFactory(contacts=[PersonFactory(slug="helle-nielsen")])

    client.get(LIST_URL, params)

    assert client.get(LIST_URL, params)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "params",
    [
        {"kontakt": "findes-ikke"},
        {"page": "99"},
        {"page": "²"},
        {"q": "boligsocial"},
        {"status": "igangvaerende", "utm_source": "nyhedsbrev"},
    ],
)
def test_variants_a_page_does_not_serve_are_answered_but_not_stored(client, params):
    ProjectFactory()

    client.get(LIST_URL, params)
    response = client.get(LIST_URL, params)

    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert stored_pages() == []


def test_a_host_with_a_foreign_port_is_answered_but_not_stored(client):
    client.get(PRIVACY_URL, headers={"host": "testserver:8443"})

    assert stored_pages() == []
    assert client.get(PRIVACY_URL)["X-Page-Cache"] == "miss"


def test_a_stored_page_has_the_headers_of_the_rendered_page(client):
    ProjectFactory()
    rendered = client.get(LIST_URL)
    stored = client.get(LIST_URL)

    assert stored["X-Page-Cache"] == "hit"
    assert stored.content == rendered.content
    without_marker = {k: v for k, v in rendered.headers.items() if k != "X-Page-Cache"}
    assert {k: v for k, v in stored.headers.items() if k != "X-Page-Cache"} == without_marker
    for header in ("Content-Security-Policy", "X-Frame-Options", "Permissions-Policy"):
        assert header in stored.headers


class CountingCache:
    """The real cache, with a list of the calls made to it."""

    def __init__(self, real) -> None:
        self.real, self.calls = real, []

    def __getattr__(self, name):
        attribute = getattr(self.real, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            self.calls.append(name)
            return attribute(*args, **kwargs)

        return call


def test_a_hit_costs_one_round_trip_to_the_cache(client, monkeypatch):
    client.get(PRIVACY_URL)
    counting = CountingCache(cache)
    monkeypatch.setattr("portal.middleware.cache", counting)
    monkeypatch.setattr("portal.cache.cache", counting)

    assert client.get(PRIVACY_URL)["X-Page-Cache"] == "hit"
    assert counting.calls == ["get_many"]


COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def set_clock(monkeypatch, moment: datetime.datetime) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)


def test_an_article_dated_tomorrow_appears_at_midnight_without_a_save(client, monkeypatch):
    """The list, its count, the home page and the sitemap follow the calendar."""
    evening = datetime.datetime(2027, 3, 2, 23, 55, tzinfo=COPENHAGEN)
    set_clock(monkeypatch, evening)
    NewsArticleFactory(title="Dagens nyhed", slug="i-dag", published_on=evening.date())
    NewsArticleFactory(
        title="Morgendagens nyhed", slug="i-morgen", published_on=datetime.date(2027, 3, 3)
    )
    pages = {
        "list": reverse("news:list"),
        "year": f"{reverse('news:list')}?aar=2027",
        "home": reverse("portal:home"),
        "sitemap": "/sitemap-news_article.xml",
    }
    before = {name: client.get(url) for name, url in pages.items()}
    assert "Morgendagens nyhed" not in before["list"].text
    assert "1 nyhed" in before["list"].text
    assert "1 nyhed" in before["year"].text
    assert "Morgendagens nyhed" not in before["home"].text
    assert "/nyheder/i-morgen/" not in before["sitemap"].text
    assert all(client.get(url)["X-Page-Cache"] == "hit" for url in pages.values())

    # Ten minutes later, past midnight, within the page cache's lifetime; no one saved.
    assert PAGE_TIMEOUT > 10 * 60 - 1
    set_clock(monkeypatch, evening + datetime.timedelta(minutes=10))
    after = {name: client.get(url) for name, url in pages.items()}

    assert "Morgendagens nyhed" in after["list"].text
    assert "2 nyheder" in after["list"].text
    assert "2 nyheder" in after["year"].text
    assert "Morgendagens nyhed" in after["home"].text
    assert "/nyheder/i-morgen/" in after["sitemap"].text


def test_the_health_check_never_asks_the_cache(client, monkeypatch):
    counting = CountingCache(cache)
    monkeypatch.setattr("portal.middleware.cache", counting)
    monkeypatch.setattr("portal.cache.cache", counting)

    assert client.get("/healthz/").status_code == 200
    assert counting.calls == []


def test_a_parameter_a_list_does_not_use_reuses_its_stored_count_fields_and_cards(
    client, django_assert_num_queries
):
    ProjectFactory.create_batch(3, contacts=[PersonFactory(slug="helle-nielsen")])
    client.get(LIST_URL, {"kontakt": "helle-nielsen"})

    # Answered but not stored, and nothing read again: the count, the fields and the
    # page of rows are the ones the plain variant stored.
    with django_assert_num_queries(0):
        response = client.get(LIST_URL, {"kontakt": "helle-nielsen", "utm_source": "n"})

    assert "X-Page-Cache" not in response
    assert response.content.count(b'class="card project-card"') == 3
