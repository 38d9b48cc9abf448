"""Editors add events in the admin; the model works out its moments in Copenhagen time."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib import admin
from django.urls import reverse

from events.models import Event
from portal.models import PublishStatus
from tests.events.factories import EventFactory
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:events_event_add")
CHANGELIST = reverse("admin:events_event_changelist")
CPH = ZoneInfo("Europe/Copenhagen")


def form(**fields) -> dict:
    data = {
        "title_da": "Netværksmøde",
        "title_en": "",
        "slug": "",
        "status": PublishStatus.PUBLISHED,
        "description_da": "<p>Tekst</p><script>alert(1)</script>",
        "description_en": "",
        "start_date": "2027-03-29",
        "start_time": "10:00",
        "end_date": "",
        "end_time": "12:00",
        "place": "Online",
        "signup_url": "",
        "signup_deadline": "",
    }
    data.update(fields)
    return data


def test_events_are_registered_in_the_admin():
    assert Event in admin.site._registry


def test_an_editor_adds_an_event_with_relations(admin_client):
    person, theme = PersonFactory(), ThemeFactory()
    project = ProjectFactory(contacts=[person])

    response = admin_client.post(
        ADD,
        form(contacts=[person.pk], themes=[theme.pk], research_projects=[project.pk]),
    )

    assert response.status_code == 302, response.context["adminform"].errors
    event = Event.objects.get(title_da="Netværksmøde")
    assert event.slug == "netvaerksmoede"
    assert event.description_da == "<p>Tekst</p>"
    assert event.starts_at == datetime.datetime(2027, 3, 29, 10, tzinfo=CPH)
    assert list(event.themes.all()) == [theme]
    assert list(event.contacts.all()) == [person]
    assert list(event.research_projects.all()) == [project]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"end_time": "09:00"}, "Arrangementet slutter, før det begynder."),
        ({"start_time": "", "end_time": "12:00"}, "Skriv et starttidspunkt"),
        ({"end_date": "2027-03-28"}, "Slutdatoen ligger før datoen."),
        ({"signup_deadline": "2027-03-20"}, "Skriv linket til tilmelding"),
        ({"title_da": ""}, "Dette felt er påkrævet."),
        ({"description_da": ""}, "Dette felt er påkrævet."),
        ({"start_date": "i morgen"}, "Indtast en gyldig dato."),
        # The hour skipped when summer time begins exists on no clock in Denmark.
        (
            {"start_date": "2027-03-28", "start_time": "02:30", "end_time": "04:00"},
            "Klokken 02.30 findes ikke den 28. marts 2027",
        ),
        (
            {"start_date": "2027-03-28", "start_time": "01:00", "end_time": "02:15"},
            "Klokken 02.15 findes ikke den 28. marts 2027",
        ),
    ],
)
def test_the_form_explains_what_is_wrong_in_danish(admin_client, fields, message):
    response = admin_client.post(ADD, form(**fields))

    assert response.status_code == 200
    assert message in response.text
    assert not Event.objects.exists()


def test_the_changelist_lists_events(admin_client):
    EventFactory(title="Netværksmøde")

    response = admin_client.get(CHANGELIST)

    assert response.status_code == 200
    assert "Netværksmøde" in response.text


def test_moments_follow_copenhagen_daylight_saving():
    winter = EventFactory(start_date=datetime.date(2027, 3, 27), start_time=datetime.time(10))
    summer = EventFactory(start_date=datetime.date(2027, 3, 29), start_time=datetime.time(10))

    assert winter.starts_at == datetime.datetime(2027, 3, 27, 9, tzinfo=datetime.UTC)
    assert summer.starts_at == datetime.datetime(2027, 3, 29, 8, tzinfo=datetime.UTC)


def test_an_event_without_an_end_time_lasts_to_the_end_of_its_last_day():
    event = EventFactory(
        start_date=datetime.date(2027, 3, 27),
        end_date=datetime.date(2027, 3, 28),
        start_time=None,
        end_time=None,
    )

    assert event.all_day
    assert event.starts_at == datetime.datetime(2027, 3, 27, tzinfo=CPH)
    assert event.ends_at == datetime.datetime(2027, 3, 29, tzinfo=CPH)


def test_the_end_of_an_event_is_a_schedule_edge(clock):
    from portal.cache import read_next_edge

    EventFactory(
        start_date=datetime.date(2027, 3, 3),
        start_time=datetime.time(13),
        end_time=datetime.time(15),
    )

    assert read_next_edge(clock()) == datetime.datetime(2027, 3, 3, 15, tzinfo=CPH)
