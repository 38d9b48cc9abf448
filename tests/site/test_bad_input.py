"""Odd, hostile and oversized input on every section's pages gets an answer, never a crash.

The same checks run over every list and detail page (tests/site/content.py). Input that
only one section understands, such as a news year, is tested in that section's folder.
"""

import pytest
from django.urls import reverse

from tests.site.answers import get_without_cookies
from tests.site.content import DETAILS, FILTERED_LISTINGS, FILTERS, LISTINGS, listed_content

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def content():
    listed_content()


def rows(response, listing) -> list:
    return list(response.context[listing.rows])


@pytest.mark.parametrize(("listing", "param"), FILTERS, ids=str)
def test_an_unknown_filter_value_gets_its_own_message_and_the_whole_list(
    client, content, listing, param
):
    response = client.get(reverse(listing.route), {param: "ukendt"})

    assert response.status_code == 200
    assert listing.messages[param].format("ukendt") in response.text
    assert len(rows(response, listing)) == 3


@pytest.mark.parametrize(("listing", "param"), FILTERS, ids=str)
def test_script_in_a_filter_is_escaped_not_run(client, content, listing, param):
    response = client.get(reverse(listing.route), {param: SCRIPT})

    assert response.status_code == 200
    assert SCRIPT not in response.text
    assert listing.messages[param].format(ESCAPED_SCRIPT) in response.text


@pytest.mark.parametrize(("listing", "param"), FILTERS, ids=str)
def test_a_5000_character_value_is_shortened_in_the_message(client, content, listing, param):
    response = client.get(reverse(listing.route), {param: "a" * 5000})

    assert response.status_code == 200
    (notice,) = response.context["notices"]
    assert "“" + "a" * 39 + "…”" in notice
    assert len(notice) < 120
    assert len(rows(response, listing)) == 3


@pytest.mark.parametrize("listing", FILTERED_LISTINGS, ids=str)
def test_an_unknown_value_is_ignored_while_a_valid_one_still_applies(client, content, listing):
    param, value = listing.narrowing
    for other in (p for p in listing.messages if p != param):
        response = client.get(reverse(listing.route), {param: value, other: "ukendt"})

        assert len(rows(response, listing)) == 2, other
        assert response.context["notices"] == [listing.messages[other].format("ukendt")]


@pytest.mark.parametrize("listing", FILTERED_LISTINGS, ids=str)
def test_repeated_parameters_use_the_last_value(client, content, listing):
    param, value = listing.narrowing

    response = client.get(f"{reverse(listing.route)}?{param}=ukendt&{param}={value}")

    assert response.status_code == 200
    assert len(rows(response, listing)) == 2
    assert not response.context["notices"]


@pytest.mark.parametrize("listing", FILTERED_LISTINGS, ids=str)
def test_a_submitted_form_redirects_to_the_short_shareable_url(client, content, listing):
    url = reverse(listing.route)
    param, value = listing.narrowing
    empty = dict.fromkeys(listing.messages, "")

    everything_empty = client.get(url, {"q": " ", **empty})
    one_chosen = client.get(url, {"q": " ", **empty, param: value})

    assert everything_empty.status_code == 302
    assert everything_empty["Location"] == url
    assert one_chosen.status_code == 302
    assert one_chosen["Location"] == f"{url}?{param}={value}"


@pytest.mark.parametrize("listing", LISTINGS, ids=str)
@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "Sidetallet “abc” forstod vi ikke. Her er side 1."),
        ("99999", "Side 99999 findes ikke. Her er den sidste side, side 1."),
        ("-1", "Sidetallet “-1” forstod vi ikke. Her er side 1."),
        ("0", "Sidetallet “0” forstod vi ikke. Her er side 1."),
        ("1.5", "Sidetallet “1.5” forstod vi ikke. Her er side 1."),
        ("²", "Sidetallet “²” forstod vi ikke. Her er side 1."),
        ("①", "Sidetallet “①” forstod vi ikke. Her er side 1."),
        ("\x00", "forstod vi ikke. Her er side 1."),
    ],
)
def test_odd_page_numbers_show_a_page_and_say_why(client, content, listing, page, message):
    response = client.get(reverse(listing.route), {"page": page})

    assert response.status_code == 200
    assert "Bemærk" in response.text
    assert message in response.text
    assert response.context["page_obj"].number == 1
    assert len(rows(response, listing)) == 3


@pytest.mark.parametrize(
    "route", [*(listing.route for listing in FILTERED_LISTINGS), "portal:search"]
)
@pytest.mark.parametrize("query", ["x" * 5000, "boligsocial " * 420], ids=["5000 x", "420 words"])
def test_a_very_long_search_is_refused_politely(client, content, route, query):
    response = client.get(reverse(route), {"q": query})

    assert response.status_code == 200
    assert "Søgeteksten er for lang. Skriv højst 200 tegn." in response.text
    listing = next((item for item in FILTERED_LISTINGS if item.route == route), None)
    if listing:
        assert len(rows(response, listing)) == 3


# NUL bytes, bytes that are not UTF-8, a header injection, empty and huge values.
HOSTILE_VALUES = [
    "{}=%00",
    "{}=%FF%FE",
    "{}=%0D%0ASet-Cookie:x=1",
    "unknown=1&{}=",
    "{}=" + "a" * 5000,
]
HOSTILE_QUERIES = [
    "q=%00",
    "q=' OR 1=1 --",
    "q=%25%25%25_",
    "q=%0D%0ASet-Cookie:x=1",
    "page=%00",
    "page=%0D%0ASet-Cookie:x=1",
]


@pytest.mark.parametrize(("listing", "param"), FILTERS, ids=str)
def test_hostile_filter_values_never_break_the_page(client, content, listing, param):
    for template in HOSTILE_VALUES:
        get_without_cookies(client, f"{reverse(listing.route)}?{template.format(param)}")


@pytest.mark.parametrize("route", [*(listing.route for listing in LISTINGS), "portal:search"])
def test_hostile_searches_and_page_numbers_never_break_the_page(client, content, route):
    for query in HOSTILE_QUERIES:
        get_without_cookies(client, f"{reverse(route)}?{query}")


@pytest.mark.parametrize("detail", DETAILS, ids=str)
def test_an_unknown_slug_is_a_404_in_the_site_design(client, detail):
    response = client.get(f"{detail.prefix}findes-ikke/")

    assert response.status_code == 404
    assert "Siden findes ikke" in response.text
    assert 'class="main-nav"' in response.text
    assert "Nu undersøger vi" in response.text
    assert "<script>" not in response.text


ODD_SLUGS = [
    "%3Cscript%3E",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "<script>",
    "æøå",
    "..%2F..%2Fetc%2Fpasswd",
    "a" * 500,
]


@pytest.mark.parametrize("detail", DETAILS, ids=str)
@pytest.mark.parametrize("slug", ODD_SLUGS, ids=lambda slug: slug[:20])
def test_odd_addresses_are_404s_without_echoing_script(client, detail, slug):
    response = client.get(f"{detail.prefix}{slug}/")

    assert response.status_code == 404
    assert "Siden findes ikke" in response.text
    assert "<script>" not in response.text


@pytest.mark.parametrize("detail", DETAILS, ids=str)
def test_an_unknown_slug_is_a_404_in_english_too(client, detail):
    response = client.get(f"/en{detail.prefix}findes-ikke/")

    assert response.status_code == 404
    assert "<script>" not in response.text


DETAIL_QUERIES = [
    "page=abc",
    "page=%00",
    "x=%FF%FE",
    "page=1&page=2",
    "q=<script>alert(1)</script>",
    "page=abc&emne=<script>",
]


@pytest.mark.parametrize("detail", DETAILS, ids=str)
def test_query_strings_on_a_detail_page_are_ignored(client, detail):
    url = detail.make().get_absolute_url()

    for query in DETAIL_QUERIES:
        response = client.get(f"{url}?{query}")

        assert response.status_code == 200, query
        assert SCRIPT not in response.text, query
        assert "<script>" not in response.text.split("<main")[1], query


def test_a_refused_action_gets_a_danish_page(client, django_user_model):
    staff = django_user_model.objects.create_user("kollega", password="x", is_staff=True)
    client.force_login(staff)

    response = client.get("/admin/projects/researchproject/add/")

    assert response.status_code == 403
    assert "Adgang nægtet" in response.text
    assert "Forbidden" not in response.text
