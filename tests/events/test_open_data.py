"""/data/arrangementer.json and .csv: the published events, as the list orders them."""

import csv
import datetime
import io
import json

import pytest

from events.models import Event
from portal.models import PublishStatus
from tests.events.factories import EventFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def read(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def events(clock):
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse", slug="bevaegelse")
    soon = EventFactory(
        title="Netværksmøde",
        slug="netvaerksmoede",
        start_date=datetime.date(2027, 3, 29),
        start_time=datetime.time(10),
        end_time=datetime.time(12, 30),
        place="Online",
        themes=[theme],
    )
    later = EventFactory(
        title="Temadag", slug="temadag", start_date=datetime.date(2027, 5, 4), start_time=None
    )
    past = EventFactory(title="Seminar", slug="seminar", start_date=datetime.date(2027, 1, 12))
    EventFactory(title="Kladde", slug="kladde", status=PublishStatus.DRAFT)
    return soon, later, past


def test_the_json_export_holds_the_published_events_in_the_lists_order(client, events):
    data = json.loads(read(client.get("/data/arrangementer.json")))

    assert [item["slug"] for item in data["items"]] == ["netvaerksmoede", "temadag", "seminar"]
    first = data["items"][0]
    assert first["starts"] == "2027-03-29T10:00+02:00"
    assert first["ends"] == "2027-03-29T12:30+02:00"
    assert first["all_day"] == "false"
    assert first["themes"] == ["Det boligsociale arbejde i bevægelse"]
    assert first["url"] == "http://testserver/arrangementer/netvaerksmoede/"
    assert first["calendar_url"] == "http://testserver/arrangementer/netvaerksmoede/kalender.ics"
    assert data["items"][1]["starts"] == "2027-05-04"
    assert data["items"][1]["all_day"] == "true"
    assert data["count"] == Event.objects.published().count()


def test_the_csv_export_round_trips_against_the_database_and_honours_the_theme_filter(
    client, events
):
    text = read(client.get("/data/arrangementer.csv", {"tema": "bevaegelse"}))

    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))
    expected = Event.objects.published().filter(themes__slug="bevaegelse")
    assert [row["title"] for row in rows] == [event.title for event in expected]
    assert rows[0]["place"] == "Online"


def test_an_unknown_theme_is_refused_with_a_message_not_an_error(client, events):
    response = client.get("/data/arrangementer.csv", {"tema": "findes-ikke"})

    assert response.status_code == 400
    assert "findes-ikke" in response.content.decode()
