"""/arrangementer/feed/: an Atom feed of the upcoming events, found from the list page."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from portal.models import PublishStatus
from tests.events.factories import EventFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_URL = "/arrangementer/feed/"


def entries(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own feed
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text
    assert root.find(f"{ATOM}id").text
    assert root.find(f"{ATOM}updated").text
    return root.findall(f"{ATOM}entry")


def test_the_feed_is_valid_atom_with_the_upcoming_events_soonest_first(client, clock):
    EventFactory(title="Senere", start_date=datetime.date(2027, 6, 1))
    EventFactory(
        title="Snart",
        slug="snart",
        start_date=datetime.date(2027, 3, 10),
        place="Online",
        description="<p>Om <em>samskabelse</em>.</p>",
    )
    EventFactory(title="Forbi", start_date=datetime.date(2027, 1, 10))
    EventFactory(title="Kladde", start_date=datetime.date(2027, 4, 1), status=PublishStatus.DRAFT)

    found = entries(client.get(FEED_URL))

    assert [entry.find(f"{ATOM}title").text for entry in found] == ["Snart", "Senere"]
    first = found[0]
    link = first.find(f"{ATOM}link").get("href")
    assert link == "http://testserver/arrangementer/snart/"
    summary = first.find(f"{ATOM}summary").text
    assert summary.startswith("10. marts 2027 kl. 10:00–12:00, Online.")
    assert "Om samskabelse." in summary
    for entry in found:
        assert entry.find(f"{ATOM}id").text
        assert datetime.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)


def test_the_feed_with_nothing_coming_is_still_valid(client, clock):
    assert entries(client.get(FEED_URL)) == []


def test_the_list_page_and_event_page_announce_the_feed(client, clock):
    event = EventFactory()
    tag = '<link rel="alternate" type="application/atom+xml"'

    assert tag in client.get("/arrangementer/").text
    assert tag in client.get(event.get_absolute_url()).text
    assert f'href="{FEED_URL}"' in client.get("/arrangementer/").text


def test_the_english_feed(client, clock):
    EventFactory(
        title_da="Seminar", title_en="Seminar in English", start_date=datetime.date(2027, 4, 1)
    )

    response = client.get(f"/en{FEED_URL}")
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own feed

    assert root.find(f"{ATOM}title").text == "Upcoming events · Center for Boligsocial Udvikling"
    assert [e.find(f"{ATOM}title").text for e in entries(response)] == ["Seminar in English"]


def test_a_lead_with_markup_reaches_the_reader_as_text_and_the_id_outlives_a_new_slug(
    client, clock
):
    event = EventFactory(
        slug="foer", lead="<img src=x onerror=alert(1)>", start_date=datetime.date(2027, 4, 1)
    )

    (entry,) = entries(client.get(FEED_URL))
    # The summary is HTML (type="html"): what the reader renders must be the text itself.
    assert entry.find(f"{ATOM}summary").text.endswith("&lt;img src=x onerror=alert(1)&gt;")
    before = entry.find(f"{ATOM}id").text

    event.slug = "efter"
    event.save()
    (entry,) = entries(client.get(FEED_URL))

    assert before.startswith("tag:testserver,")
    assert entry.find(f"{ATOM}id").text == before


def test_a_themes_feed_holds_exactly_its_upcoming_events_and_the_filtered_list_names_it(
    client, clock
):
    theme = ThemeFactory(slug="samskabelse", title="Samskabelse")
    EventFactory(title="Om temaet", themes=[theme], start_date=datetime.date(2027, 4, 1))
    EventFactory(title="Afholdt om temaet", themes=[theme], start_date=datetime.date(2027, 1, 4))
    EventFactory(title="Om noget andet", start_date=datetime.date(2027, 4, 2))

    response = client.get(FEED_URL, {"tema": "samskabelse"})
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own feed

    assert [e.find(f"{ATOM}title").text for e in entries(response)] == ["Om temaet"]
    assert root.find(f"{ATOM}title").text.endswith(": Samskabelse")
    listed = client.get("/arrangementer/", {"tema": "samskabelse"}).text
    assert f'href="{FEED_URL}?tema=samskabelse"' in listed
    assert "de kommende arrangementer, du har valgt" in listed
    searched = client.get("/arrangementer/", {"q": "temaet"}).text  # the feed takes no ?q=
    assert f'<a href="{FEED_URL}">Feed med kommende arrangementer (Atom)</a>' in searched


@pytest.mark.parametrize("query", [{"tema": "findes-ikke"}, {"aar": "1066"}, {"utm": "x"}])
def test_a_feed_for_an_unknown_filter_is_404(client, clock, query):
    assert client.get(FEED_URL, query).status_code == 404
