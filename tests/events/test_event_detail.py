"""/arrangementer/<slug>/: when, where, sign-up, related content, breadcrumbs."""

import datetime
import json
import re

import pytest

from portal.models import PublishStatus
from tests.events.factories import EventFactory
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def test_the_page_shows_time_place_and_description_with_breadcrumbs(client, clock):
    event = EventFactory(
        title="Netværksmøde",
        slug="netvaerksmoede",
        start_date=datetime.date(2027, 3, 29),
        start_time=datetime.time(10),
        end_time=datetime.time(12, 30),
        place="Online",
        description="<p>Vi mødes om samskabelse.</p>",
    )

    response = client.get(event.get_absolute_url())

    assert response.status_code == 200
    html = response.text
    assert "<h1>Netværksmøde</h1>" in html
    assert '<time datetime="2027-03-29T10:00+02:00">29. marts 2027 kl. 10:00–12:30</time>' in html
    assert "Online" in html
    assert "Vi mødes om samskabelse." in html
    assert '<a href="/arrangementer/">Arrangementer</a>' in html
    assert '<span aria-current="page">Netværksmøde</span>' in html
    assert 'href="/arrangementer/netvaerksmoede/kalender.ics"' in html
    assert "Tilføj til kalender" in html


def test_an_all_day_event_over_two_days_shows_no_times(client, clock):
    event = EventFactory(
        start_date=datetime.date(2027, 4, 1),
        end_date=datetime.date(2027, 4, 2),
        start_time=None,
        end_time=None,
    )

    html = client.get(event.get_absolute_url()).text

    assert '<time datetime="2027-04-01">1. april 2027 til 2. april 2027</time>' in html


def test_open_sign_up_links_to_the_form_and_names_the_deadline(client, clock):
    event = EventFactory(
        signup_url="https://www.example.org/tilmelding",
        signup_deadline=datetime.date(2027, 3, 3),  # today: still open all day
    )

    html = client.get(event.get_absolute_url()).text

    assert '<a href="https://www.example.org/tilmelding">Tilmeld dig</a>' in html
    assert "Frist: 3. marts 2027" in html
    assert "Tilmeldingen er lukket" not in html


def test_a_passed_sign_up_deadline_says_so(client, clock):
    event = EventFactory(
        signup_url="https://www.example.org/tilmelding",
        signup_deadline=datetime.date(2027, 3, 2),
    )

    html = client.get(event.get_absolute_url()).text

    assert "Tilmeldingen er lukket. Fristen var 2. marts 2027." in html
    assert "https://www.example.org/tilmelding" not in html


def test_a_past_event_says_it_was_held_and_offers_no_calendar_file(client, clock):
    event = EventFactory(start_date=datetime.date(2027, 1, 5))

    html = client.get(event.get_absolute_url()).text

    assert "(afholdt)" in html
    assert "Tilføj til kalender" not in html


def test_related_content_shows_only_what_is_published(client, clock):
    helle = PersonFactory(name="Helle Nielsen")
    event = EventFactory(
        contacts=[helle],
        themes=[
            ThemeFactory(title="Synligt tema"),
            ThemeFactory(title="Kladdetema", status=PublishStatus.DRAFT),
        ],
        research_projects=[
            ProjectFactory(title="Synligt projekt", contacts=[helle]),
            ProjectFactory(title="Kladdeprojekt", contacts=[helle], status=PublishStatus.DRAFT),
        ],
    )

    html = client.get(event.get_absolute_url()).text

    assert "Synligt tema" in html
    assert "Synligt projekt" in html
    assert "Kladdetema" not in html
    assert "Kladdeprojekt" not in html
    assert "Helle Nielsen" in html


def test_a_draft_is_404_for_visitors(client, clock):
    event = EventFactory(status=PublishStatus.DRAFT)

    assert client.get(event.get_absolute_url()).status_code == 404


def test_english_page(client, clock):
    event = EventFactory(
        title_da="Seminar", title_en="Seminar in English", start_date=datetime.date(2027, 3, 29)
    )

    html = client.get(f"/en{event.get_absolute_url()}").text

    assert "<h1>Seminar in English</h1>" in html
    assert "Add to calendar" in html
    assert "29 March 2027" in html


@pytest.mark.parametrize("rows", [3, 30])
def test_detail_query_count_is_fixed(client, clock, django_assert_num_queries, rows):
    people = PersonFactory.create_batch(rows)
    event = EventFactory(
        contacts=people,
        themes=ThemeFactory.create_batch(rows),
        research_projects=[ProjectFactory(contacts=people[:1]) for _ in range(rows)],
    )

    # edge, the event, then contacts, themes, projects
    with django_assert_num_queries(5):
        response = client.get(event.get_absolute_url())

    assert response.status_code == 200


def event_data(html: str) -> dict:
    """The page's schema.org Event, read from its JSON-LD."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    found = [data for data in map(json.loads, blocks) if data.get("@type") == "Event"]
    assert len(found) == 1
    return found[0]


def test_search_engines_read_the_event_in_danish_time_with_its_place(client, clock):
    event = EventFactory(
        title="Temadag om beboerdemokrati",
        start_date=datetime.date(2027, 3, 29),
        start_time=datetime.time(10),
        end_time=datetime.time(12, 30),
        place="Vesterbrogade 1, 1620 København V",
    )

    data = event_data(client.get(event.get_absolute_url()).text)

    assert data["name"] == "Temadag om beboerdemokrati"
    assert data["startDate"] == "2027-03-29T10:00:00+02:00"
    assert data["endDate"] == "2027-03-29T12:30:00+02:00"
    assert data["location"] == {
        "@type": "Place",
        "name": "Vesterbrogade 1, 1620 København V",
        "address": "Vesterbrogade 1, 1620 København V",
    }
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert data["url"] == f"http://testserver{event.get_absolute_url()}"


def test_an_online_all_day_event_is_dated_without_times_and_held_online(client, clock):
    event = EventFactory(
        start_date=datetime.date(2027, 3, 27), start_time=None, end_time=None, place="Online"
    )

    data = event_data(client.get(event.get_absolute_url()).text)

    assert (data["startDate"], data["endDate"]) == ("2027-03-27", "2027-03-27")
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
