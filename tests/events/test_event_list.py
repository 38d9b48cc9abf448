"""/arrangementer/: upcoming events first (soonest at the top), then past events
(newest first), filtered by theme and year, never failing on odd input."""

import datetime

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.events.factories import EventFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("events:list")
DAY = datetime.date(2027, 3, 3)  # the clock's day


def main(html: str) -> str:
    """The page's main content (the head names the events too, as link-preview data)."""
    return html[html.index("<main") :]


def titles(events) -> list[str]:
    return [event.title for event in events]


def on(days: int, **fields):
    return EventFactory(start_date=DAY + datetime.timedelta(days), **fields)


def test_main_navigation_links_to_the_events(client, clock):
    response = client.get(reverse("portal:home"))

    assert f'href="{LIST_URL}"' in response.text
    assert ">Arrangementer</a>" in response.text


def test_upcoming_events_come_first_soonest_at_the_top_then_past_newest_first(client, clock):
    on(-40, title="Længe siden")
    on(30, title="Om en måned")
    on(-2, title="I forgårs")
    on(2, title="Om to dage")
    on(10, title="Om ti dage")

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert titles(response.context["groups"].upcoming) == [
        "Om to dage",
        "Om ti dage",
        "Om en måned",
    ]
    assert titles(response.context["groups"].past) == ["I forgårs", "Længe siden"]
    html = main(response.text)
    assert html.index("Kommende arrangementer") < html.index("Om to dage")
    assert (
        html.index("Om en måned") < html.index("Tidligere arrangementer") < html.index("I forgårs")
    )
    assert "5 arrangementer" in html


def test_an_event_is_upcoming_until_it_ends_and_past_from_then(client, clock):
    on(0, title="I dag", start_time=datetime.time(13), end_time=datetime.time(15))

    clock.moment = datetime.datetime(2027, 3, 3, 14, 59, tzinfo=clock.moment.tzinfo)
    assert titles(client.get(LIST_URL).context["groups"].upcoming) == ["I dag"]

    clock.moment = datetime.datetime(2027, 3, 3, 15, 0, tzinfo=clock.moment.tzinfo)
    response = client.get(LIST_URL)
    assert titles(response.context["groups"].upcoming) == []
    assert titles(response.context["groups"].past) == ["I dag"]


def test_the_stored_page_turns_over_when_an_event_ends_not_at_midnight(client, clock):
    """Anonymous pages are stored; the event's end is a schedule edge, so the copy
    stored at 14:00 is not served at 15:01."""
    on(0, title="Eftermiddagsseminar", start_time=datetime.time(13), end_time=datetime.time(15))
    tz = clock.moment.tzinfo

    clock.moment = datetime.datetime(2027, 3, 3, 14, 0, tzinfo=tz)
    before = main(client.get(LIST_URL).text)
    clock.moment = datetime.datetime(2027, 3, 3, 15, 1, tzinfo=tz)
    after = main(client.get(LIST_URL).text)

    assert before.index("Kommende arrangementer") < before.index("Eftermiddagsseminar")
    assert "Tidligere arrangementer" not in before
    assert after.index("Tidligere arrangementer") < after.index("Eftermiddagsseminar")


def test_drafts_are_hidden_from_visitors(client, clock):
    on(5, title="Synlig")
    on(6, title="Kladde", status=PublishStatus.DRAFT)

    assert titles(client.get(LIST_URL).context["events"]) == ["Synlig"]


def test_filter_by_theme_gives_a_shareable_address(client, clock):
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse", slug="i-bevaegelse")
    on(3, title="Om temaet", themes=[theme])
    on(4, title="Om noget andet")

    response = client.get(LIST_URL, {"tema": "i-bevaegelse"})

    assert titles(response.context["events"]) == ["Om temaet"]
    assert "Tema: Det boligsociale arbejde i bevægelse" in response.text
    assert '<option value="i-bevaegelse" selected>' in response.text


def test_filter_by_year(client, clock):
    EventFactory(title="2026", start_date=datetime.date(2026, 5, 1))
    EventFactory(title="2028", start_date=datetime.date(2028, 5, 1))

    assert titles(client.get(LIST_URL, {"aar": "2026"}).context["events"]) == ["2026"]


def test_past_events_are_paginated(client, clock):
    for days in range(1, 16):
        on(-days, title=f"Før {days}")

    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": "2"})

    assert len(first.context["groups"].past) == 12
    assert titles(second.context["groups"].past) == ["Før 13", "Før 14", "Før 15"]
    assert "Der er ingen kommende arrangementer lige nu." in first.text


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ({"tema": "nonsense"}, "Vi kender ikke temaet “nonsense”"),
        ({"aar": "abc"}, "Vi har ingen arrangementer fra året “abc”"),
        ({"page": "999"}, "Side 999 findes ikke. Her er den sidste side, side 1."),
        ({"page": "x"}, "Sidetallet “x” forstod vi ikke."),
        ({"tema": "<script>"}, "Vi kender ikke temaet “&lt;script&gt;”"),
    ],
)
def test_bad_input_gets_a_clear_message_never_an_error(client, clock, query, notice):
    on(3, title="Stadig vist")

    response = client.get(LIST_URL, query)

    assert response.status_code == 200
    assert notice in response.text
    assert titles(response.context["events"]) == ["Stadig vist"]


def test_unknown_event_is_404(client, clock):
    assert client.get("/arrangementer/findes-ikke/").status_code == 404
    assert client.get("/arrangementer/findes-ikke/kalender.ics").status_code == 404


def test_the_empty_list_says_so(client, clock):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert "Der er ingen arrangementer endnu." in response.text


def test_search_in_the_list(client, clock):
    on(3, title="Webinar", description="<p>Om samskabelse.</p>")
    on(4, title="Netværksmøde")

    assert titles(client.get(LIST_URL, {"q": "samskabelse"}).context["events"]) == ["Webinar"]


@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize("query", [{}, {"tema": "fast", "aar": "2027"}])
def test_list_query_count_does_not_grow_with_events(
    client, clock, django_assert_num_queries, rows, query
):
    theme = ThemeFactory(slug="fast")
    for n in range(rows):
        on(n - rows // 2, themes=[theme])

    # The next publishing edge, theme choices, year choices, count, page
    with django_assert_num_queries(5):
        response = client.get(LIST_URL, query)

    assert response.status_code == 200
    assert len(response.context["events"]) == min(rows, 12)


def test_the_same_rows_at_another_address_read_nothing(client, clock, django_assert_num_queries):
    on(3, title="Webinar")
    on(-3, title="Netværksmøde")
    first = client.get(LIST_URL)

    # Not a stored page (another address), but its count and rows fragment are stored.
    with django_assert_num_queries(0):
        again = client.get(LIST_URL, {"page": "1"})

    assert again.text.count('class="card event-card"') == 2
    rows = first.text[first.text.index('<section class="events-group"') :].split("</main>")[0]
    assert rows.split("</section>")[0] in again.text


def test_english_list(client, clock):
    on(3, title_da="Seminar", title_en="Seminar in English")

    response = client.get("/en/arrangementer/")

    assert '<html lang="en">' in response.text
    assert "Seminar in English" in response.text
    assert "Upcoming events" in response.text
    assert "6 March 2027" in response.text
