"""What events add to the home page, a theme's page and a person's page."""

import datetime

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.events.factories import EventFactory
from tests.portal.factories import PersonFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db

HOME = reverse("portal:home")


def on(day: int, **fields):
    return EventFactory(start_date=datetime.date(2027, 3, day), **fields)


def test_home_shows_the_next_three_upcoming_events(client, clock):
    on(1, title="Forbi")
    on(20, title="Fjerde")
    on(5, title="Første")
    on(12, title="Tredje")
    on(8, title="Anden")
    on(6, title="Kladde", status=PublishStatus.DRAFT)

    response = client.get(HOME)

    html = response.text
    assert "Kommende arrangementer" in html
    assert html.index("Første") < html.index("Anden") < html.index("Tredje")
    assert "Fjerde" not in html
    assert "Forbi" not in html
    assert "Kladde" not in html
    assert 'href="/arrangementer/"' in html


def test_home_shows_nothing_about_events_when_none_are_coming(client, clock):
    on(1, title="Forbi")

    html = client.get(HOME).text

    assert "Kommende arrangementer" not in html
    assert "Forbi" not in html


def test_theme_page_links_to_the_events_list_filtered_by_the_theme(client, clock):
    theme = ThemeFactory(title="I bevægelse", slug="i-bevaegelse")
    on(10, title="Om temaet", themes=[theme])
    on(11, title="Om noget andet")

    html = client.get(theme.get_absolute_url()).text

    assert "Kommende arrangementer" in html
    assert "Om temaet" in html
    assert "Om noget andet" not in html
    assert 'href="/arrangementer/?tema=i-bevaegelse"' in html
    listed = client.get("/arrangementer/?tema=i-bevaegelse")
    assert [event.title for event in listed.context["events"]] == ["Om temaet"]


def test_theme_page_counts_all_its_upcoming_events_in_the_link(client, clock):
    theme = ThemeFactory(slug="travlt")
    for day in range(10, 15):
        on(day, themes=[theme])

    html = client.get(theme.get_absolute_url()).text

    assert "Se alle 5 kommende arrangementer om temaet" in html


def test_theme_page_without_upcoming_events_shows_no_events_link(client, clock):
    theme = ThemeFactory(slug="stille")
    on(1, themes=[theme])

    html = client.get(theme.get_absolute_url()).text

    assert "?tema=stille" not in html
    assert "Kommende arrangementer" not in html


def test_person_page_lists_her_upcoming_events(client, clock):
    helle = PersonFactory(name="Helle Nielsen", slug="helle-nielsen")
    on(10, title="Hendes seminar", contacts=[helle])
    on(1, title="Hendes gamle seminar", contacts=[helle])
    on(11, title="Andres seminar")

    html = client.get(helle.get_absolute_url()).text

    assert "Hendes seminar" in html
    assert "Hendes gamle seminar" not in html
    assert "Andres seminar" not in html


def test_home_block_in_english(client, clock):
    on(10, title_da="Seminar", title_en="Seminar in English")

    html = client.get("/en/").text

    assert "Upcoming events" in html
    assert "Seminar in English" in html
