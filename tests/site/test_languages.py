"""Danish at the root, English under /en/, and Danish wherever nothing is translated.

The same checks run over every section's pages (tests/site/content.py); what only one
section shows in English (a theme's sections, the catalogue's facets) is tested in its
own folder.
"""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import date_format

from tests.site.content import DETAILS, FILTERED_LISTINGS, PUBLISHABLE_DETAILS, listed_content
from tests.site.pages import public_route_names

pytestmark = pytest.mark.django_db


def english(path: str) -> str:
    return f"/en{path}"


def danish_only(detail, **fields):
    """Make one whose title and lead are written in Danish only."""
    written = {
        f"{detail.title}_da": "Kun på dansk",
        f"{detail.title}_en": "",
        f"{detail.lead}_da": "Kun på dansk.",
        f"{detail.lead}_en": "",
    }
    return detail.make(**{**written, **fields})


def test_root_is_danish_whatever_the_browser_prefers(client):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})

    assert response.status_code == 200
    assert '<html lang="da">' in response.text
    assert response.headers["Content-Language"] == "da"


def test_english_lives_under_en(client):
    response = client.get("/en/nu-undersoeger-vi/")

    assert '<html lang="en">' in response.text
    assert "Current research" in response.text


def test_danish_dates_read_naturally():
    with translation.override("da"):
        assert date_format(datetime.date(2021, 2, 15)) == "15. februar 2021"


@pytest.mark.parametrize("detail", PUBLISHABLE_DETAILS, ids=str)
def test_danish_fallback_text_is_marked_as_danish_on_english_pages(client, detail):
    url = danish_only(detail).get_absolute_url()

    response = client.get(english(url))

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert '<h1 lang="da">Kun på dansk</h1>' in response.text
    assert '<p class="lead" lang="da">Kun på dansk.</p>' in response.text


@pytest.mark.parametrize("detail", PUBLISHABLE_DETAILS, ids=str)
def test_the_danish_page_marks_nothing_extra(client, detail):
    url = danish_only(detail).get_absolute_url()

    response = client.get(url)

    assert "<h1>Kun på dansk</h1>" in response.text
    assert '<p class="lead">Kun på dansk.</p>' in response.text


@pytest.mark.parametrize("detail", PUBLISHABLE_DETAILS, ids=str)
def test_english_lists_fall_back_to_danish_where_no_english_exists(client, detail):
    danish_only(detail)
    detail.make(**{f"{detail.title}_da": "Også på dansk", f"{detail.title}_en": "In English"})

    response = client.get(english(reverse(detail.listing.route)))

    assert '<html lang="en">' in response.text
    assert "Kun på dansk" in response.text
    assert '<p class="card__summary" lang="da">Kun på dansk.</p>' in response.text
    assert "In English" in response.text
    assert "Også på dansk" not in response.text


@pytest.mark.parametrize("detail", [d for d in PUBLISHABLE_DETAILS if d.listing.messages], ids=str)
def test_english_search_also_finds_danish_only_text(client, detail):
    wanted = danish_only(detail, **{f"{detail.lead}_da": "Om stedets image."})
    detail.make(**{f"{detail.title}_en": "Something else", f"{detail.lead}_en": "Other."})

    response = client.get(english(reverse(detail.listing.route)), {"q": "image"})

    assert list(response.context[detail.listing.rows]) == [wanted]


@pytest.mark.parametrize("detail", DETAILS, ids=str)
def test_language_switcher_links_to_the_same_page(client, detail):
    url = detail.make().get_absolute_url()

    danish, in_english = client.get(url), client.get(english(url))

    assert f'href="{english(url)}" hreflang="en"' in danish.text
    assert f'href="{url}" hreflang="da"' in in_english.text


@pytest.mark.parametrize("listing", FILTERED_LISTINGS, ids=str)
def test_language_switcher_keeps_the_filters(client, listing):
    listed_content()
    param, value = listing.narrowing
    url = f"{reverse(listing.route)}?{param}={value}"

    danish, in_english = client.get(url), client.get(english(url))

    assert len(danish.context[listing.rows]) == len(in_english.context[listing.rows]) == 2
    assert f'href="{english(url)}" hreflang="en"' in danish.text
    assert f'href="{url}" hreflang="da"' in in_english.text


@pytest.mark.parametrize(
    "path", ["//evil.example/", "//evil.example/en/", "/en//evil.example/", "/\\evil.example/"]
)
def test_language_links_on_a_404_never_leave_the_site(client, path):
    # The test client would read "//host/" as a host; a server passes it on as the path.
    answer = client.get("/", PATH_INFO=path)

    assert answer.status_code == 404
    links = answer.context["language_links"]
    assert [link["url"] for link in links] == ["/", "/en/"]
    assert "evil.example" not in answer.text.split("<main", 1)[0]


def reverse_any(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return reverse(name, kwargs={"slug": "x"})


@pytest.mark.parametrize("name", sorted(public_route_names()))
def test_every_public_address_has_its_english_twin_under_en(name):
    with translation.override("da"):
        danish = reverse_any(name)
    with translation.override("en"):
        assert reverse_any(name) == english(danish)
    assert not danish.startswith("/en/")


@pytest.mark.parametrize(
    ("name", "danish"),
    [
        ("projects:list", "/nu-undersoeger-vi/"),
        ("activities:list", "/aktiviteter/"),
        ("activities:staircase", "/velfaerdstrappen/"),
        ("news:list", "/nyheder/"),
        ("news:detail", "/nyheder/x/"),
        ("themes:list", "/temaer/"),
        ("themes:detail", "/temaer/x/"),
    ],
)
def test_reverse_gives_prefixed_english_urls(name, danish):
    with translation.override("da"):
        assert reverse_any(name) == danish
    with translation.override("en"):
        assert reverse_any(name) == english(danish)
