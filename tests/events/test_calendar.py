""" "Tilføj til kalender": .ics files made with icalendar, read back with icalendar."""

import datetime

import icalendar
import pytest
import reversion
from reversion.models import Version

from portal.models import PublishStatus
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def calendar_of(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def only_event(response) -> icalendar.Event:
    events = calendar_of(response).walk("VEVENT")
    assert len(events) == 1
    return events[0]


def ics_url(event) -> str:
    return f"{event.get_absolute_url()}kalender.ics"


def test_the_file_is_a_download_with_a_name(client, clock):
    event = EventFactory(slug="netvaerksmoede")

    response = client.get(ics_url(event))

    assert response["Content-Disposition"] == 'attachment; filename="netvaerksmoede.ics"'
    calendar = calendar_of(response)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]


@pytest.mark.parametrize(
    ("day", "utc_start", "utc_end"),
    [
        # Winter time (UTC+1) the day before the clocks go forward on 28 March 2027 ...
        (
            datetime.date(2027, 3, 27),
            datetime.datetime(2027, 3, 27, 9, tzinfo=UTC),
            datetime.datetime(2027, 3, 27, 11, tzinfo=UTC),
        ),
        # ... and summer time (UTC+2) the day after.
        (
            datetime.date(2027, 3, 29),
            datetime.datetime(2027, 3, 29, 8, tzinfo=UTC),
            datetime.datetime(2027, 3, 29, 10, tzinfo=UTC),
        ),
        # Back to winter time after 31 October 2027.
        (
            datetime.date(2027, 11, 1),
            datetime.datetime(2027, 11, 1, 9, tzinfo=UTC),
            datetime.datetime(2027, 11, 1, 11, tzinfo=UTC),
        ),
    ],
)
def test_a_copenhagen_time_becomes_the_right_utc_instant_on_both_sides_of_daylight_saving(
    client, clock, day, utc_start, utc_end
):
    event = EventFactory(start_date=day, start_time=datetime.time(10), end_time=datetime.time(12))

    entry = only_event(client.get(ics_url(event)))

    assert entry.decoded("DTSTART") == utc_start
    assert entry.decoded("DTEND") == utc_end
    assert entry.decoded("DTSTART").utcoffset() == datetime.timedelta(0)


def test_summary_location_description_and_url(client, clock):
    event = EventFactory(
        title="Netværksmøde",
        slug="netvaerksmoede",
        place="Vesterbrogade 1, 1620 København V",
        description="<p>Vi mødes om <strong>samskabelse</strong>.</p><ul><li>Oplæg</li></ul>",
        signup_url="https://www.example.org/tilmelding",
    )

    entry = only_event(client.get(ics_url(event)))

    assert str(entry["SUMMARY"]) == "Netværksmøde"
    assert str(entry["LOCATION"]) == "Vesterbrogade 1, 1620 København V"
    assert str(entry["URL"]) == "http://testserver/arrangementer/netvaerksmoede/"
    description = str(entry["DESCRIPTION"])
    assert "Vi mødes om samskabelse." in description
    assert "• Oplæg" in description
    assert "<" not in description
    assert "https://www.example.org/tilmelding" in description
    assert entry.decoded("DTSTAMP").tzinfo is not None


def test_the_uid_stays_the_same_after_an_edit(client, clock):
    event = EventFactory(slug="foer")
    before = only_event(client.get(ics_url(event)))

    event.title = "Nyt navn"
    event.slug = "efter"
    event.start_time = datetime.time(13)
    event.end_time = datetime.time(15)
    event.save()
    after = only_event(client.get(ics_url(event)))

    assert str(after["UID"]) == str(before["UID"]) == f"event-{event.pk}@testserver"
    assert str(after["SUMMARY"]) == "Nyt navn"


def test_a_new_time_or_place_makes_a_newer_version_for_calendars_a_new_text_does_not(client, clock):
    event = EventFactory(start_time=datetime.time(10), end_time=datetime.time(12))
    assert only_event(client.get(ics_url(event)))["SEQUENCE"] == 0

    event.description = "<p>En ny beskrivelse.</p>"
    event.title = "Nyt navn"
    event.save()
    assert only_event(client.get(ics_url(event)))["SEQUENCE"] == 0

    event.start_time = datetime.time(13)
    event.end_time = datetime.time(15)
    event.save()
    assert only_event(client.get(ics_url(event)))["SEQUENCE"] == 1

    event.place = "Vejle Bibliotek"
    event.save()
    event.save()  # saved again unchanged: no new version
    assert only_event(client.get(ics_url(event)))["SEQUENCE"] == 2


def test_a_stale_copy_saved_late_never_lowers_the_version(clock):
    event = EventFactory(place="Aarhus")
    stale = type(event).objects.get(pk=event.pk)
    event.place = "Odense"
    event.save()

    stale.place = "Online"
    stale.save()

    stale.refresh_from_db()
    assert stale.sequence == 2


def test_restoring_an_older_time_or_place_is_a_newer_version_too(clock):
    with reversion.create_revision():
        event = EventFactory(place="Aarhus")
    with reversion.create_revision():
        event.place = "Odense"
        event.save()
    first = Version.objects.get_for_object(event).order_by("pk").first()

    first.revert()  # writes the stored row, its sequence 0 included

    event.refresh_from_db()
    assert event.place == "Aarhus"
    assert event.sequence == 2


def test_an_all_day_event_has_date_values_with_the_end_the_day_after(client, clock):
    event = EventFactory(
        start_date=datetime.date(2027, 4, 1),
        end_date=datetime.date(2027, 4, 2),
        start_time=None,
        end_time=None,
    )

    entry = only_event(client.get(ics_url(event)))

    assert entry.decoded("DTSTART") == datetime.date(2027, 4, 1)
    assert entry.decoded("DTEND") == datetime.date(2027, 4, 3)
    assert "VALUE=DATE" in client.get(ics_url(event)).text


def test_the_english_file_has_the_english_title_and_address(client, clock):
    event = EventFactory(slug="seminar", title_da="Seminar", title_en="Seminar in English")

    entry = only_event(client.get(f"/en{ics_url(event)}"))

    assert str(entry["SUMMARY"]) == "Seminar in English"
    assert str(entry["URL"]) == "http://testserver/en/arrangementer/seminar/"


def test_drafts_have_no_calendar_file(client, clock):
    event = EventFactory(status=PublishStatus.DRAFT)

    assert client.get(ics_url(event)).status_code == 404


def test_the_subscribable_calendar_holds_every_upcoming_published_event(client, clock):
    EventFactory(title="Snart", start_date=datetime.date(2027, 3, 10))
    EventFactory(title="Senere", start_date=datetime.date(2027, 6, 1))
    EventFactory(title="Forbi", start_date=datetime.date(2027, 1, 10))
    EventFactory(title="Kladde", start_date=datetime.date(2027, 4, 1), status=PublishStatus.DRAFT)

    response = client.get("/arrangementer/kalender.ics")

    calendar = calendar_of(response)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Snart", "Senere"]
    assert str(calendar["X-WR-CALNAME"]) == "CFBU's arrangementer"
    assert response["Content-Disposition"] == 'attachment; filename="arrangementer.ics"'


def test_the_list_page_offers_the_calendar_to_subscribe(client, clock):
    html = client.get("/arrangementer/").text

    assert '<link rel="alternate" type="text/calendar"' in html
    assert 'href="/arrangementer/kalender.ics"' in html


def test_the_uid_names_the_sites_domain_whichever_host_was_asked(client, clock, settings):
    settings.CALENDAR_DOMAIN = "boligsocialt.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "www.testserver"]
    event = EventFactory()

    uids = {
        str(only_event(client.get(ics_url(event), HTTP_HOST=host))["UID"])
        for host in ("testserver", "www.testserver")
    }

    assert uids == {f"event-{event.pk}@boligsocialt.example.org"}
