"""From the home page a visitor reaches the next event and downloads its calendar file."""

import datetime

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.visit import visit
from tests.events.factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def events():
    today = timezone.localdate()
    EventFactory(
        title="Netværksmøde om samskabelse",
        slug="netvaerksmoede",
        start_date=today + datetime.timedelta(days=14),
        start_time=datetime.time(13),
        end_time=datetime.time(15, 30),
        place="Online",
    )
    EventFactory(title="Et senere seminar", start_date=today + datetime.timedelta(days=40))
    EventFactory(title="Et afholdt seminar", start_date=today - datetime.timedelta(days=10))


def test_visitor_finds_the_next_event_and_adds_it_to_her_calendar(
    page: Page, live_server, events, tmp_path
):
    visit(page, f"{live_server.url}/")
    upcoming = page.get_by_role("region", name="Kommende arrangementer")
    expect(upcoming.locator(".card__title")).to_have_text(
        ["Netværksmøde om samskabelse", "Et senere seminar"]
    )

    upcoming.get_by_role("link", name="Netværksmøde om samskabelse").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Netværksmøde om samskabelse")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tilføj til kalender").click()
    download = download_info.value
    assert download.suggested_filename == "netvaerksmoede.ics"
    saved = tmp_path / "netvaerksmoede.ics"
    download.save_as(saved)

    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Netværksmøde om samskabelse"
    assert str(entry["URL"]) == f"{live_server.url}/arrangementer/netvaerksmoede/"
    assert entry.decoded("DTEND") - entry.decoded("DTSTART") == datetime.timedelta(
        hours=2, minutes=30
    )
