"""Property-based: no query string, however odd, makes a public page fail or echo script."""

from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.site.pages import discover_pages

pytestmark = pytest.mark.django_db

KNOWN_KEYS = [
    "q", "page", "kontakt", "emne", "status", "trin", "indsatsomraade", "form",
    "maalgruppe", "metode", "sortering", "aar",
]  # fmt: skip
FRAGMENTS = [
    "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "' OR 1=1 --", "%00", "\x00",
    "../../etc/passwd", "😀", "ÆØÅ", "\u202e", "\r\nSet-Cookie: x=1", "9" * 30, "-1", "",
    "²", "①", "٣", "1e3", "0x10", " 2 ",
]  # fmt: skip

values = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=500, max_size=6000),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map("".join),
)
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=12))
query_strings = st.lists(st.tuples(keys, values), max_size=6)


@pytest.fixture
def page_paths(client):
    call_command("load_demo", verbosity=0)
    return sorted(set(discover_pages(client).values()))


def test_hostile_query_strings_on_every_page(client, page_paths):
    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(pairs=query_strings)
    def check(path, pairs):
        url = f"{path.split('?')[0]}?{urlencode(pairs)}"
        response = client.get(url, follow=True)
        assert response.status_code < 500, url
        # Django keeps the cookies a response sets in response.cookies, never among
        # its headers; the client's jar holds those of the redirects followed too.
        assert not response.cookies, url
        assert not client.cookies, url
        body = response.content.decode()
        for _key, value in pairs:
            if "<script" in value.lower():
                assert "<script>alert(1)" not in body, url
            if "<svg onload" in value:
                assert "<svg onload" not in body, url

    for path in page_paths:
        check(path)
