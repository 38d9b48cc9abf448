"""Events in the site search and the sitemap, the demo events and the benchmark data."""

import datetime
import random

import pytest
from django.core.management import call_command
from django.utils import timezone

from events import scale
from events.models import Event
from events.search import providers
from portal import scale as portal_scale
from portal.models import PublishStatus
from portal.search import group
from tests.events.factories import EventFactory
from tests.site.pages import sitemap_xml

pytestmark = pytest.mark.django_db


def test_site_search_finds_published_events(client):
    EventFactory(title="Webinar om samskabelse", start_date=datetime.date(2030, 2, 15))
    EventFactory(title="Samskabelse i kladden", status=PublishStatus.DRAFT)

    response = client.get("/soeg/", {"q": "samskabelse"})

    assert response.status_code == 200
    assert "Webinar om samskabelse" in response.text
    assert "Samskabelse i kladden" not in response.text
    assert "15. februar 2030" in response.text


def test_search_group_counts_and_links_to_the_filtered_list():
    EventFactory.create_batch(3, place="Aarhus")

    found = group(providers[0], "aarhus", size=2)

    assert found.label == "Arrangementer"
    assert found.total == 3
    assert len(found.hits) == 2
    assert found.more_url == "/arrangementer/?q=aarhus"


def test_sitemap_lists_the_list_and_each_public_event_but_no_calendar_files(client):
    visible = EventFactory(slug="synlig")
    EventFactory(slug="kladde", status=PublishStatus.DRAFT)

    xml = sitemap_xml(client)

    assert "/arrangementer/</loc>" in xml
    assert f"{visible.get_absolute_url()}</loc>" in xml
    assert "/en/arrangementer/synlig/" in xml
    assert "/arrangementer/kladde/" not in xml
    assert ".ics" not in xml


def test_demo_events_are_example_content_with_upcoming_and_past_ones():
    call_command("load_demo", verbosity=0)

    events = Event.objects.published()
    assert events.count() >= 3
    assert events.upcoming().count() >= 2
    assert events.past().count() >= 1
    for event in events:
        assert event.title_da.startswith("Eksempel")
        assert "Eksempelindhold" in event.description_da
    assert events.upcoming().order_by("starts_at").first().start_date > timezone.localdate()


def test_the_demo_theme_page_links_to_its_events(client):
    call_command("load_demo", verbosity=0)

    html = client.get("/temaer/det-boligsociale-arbejde-i-bevaegelse/").text

    assert 'href="/arrangementer/?tema=det-boligsociale-arbejde-i-bevaegelse"' in html
    assert "example.org/arrangementer" not in html


def test_scale_data_has_400_public_events_on_both_sides_of_today():
    rng = random.Random(1)
    portal_scale.load(rng)

    assert scale.load(rng) == {"events": 400}

    events = Event.objects.published()
    assert events.count() == 400
    assert events.upcoming().count() > 100
    assert events.past().count() > 100
    first = events.get(slug="skalaarrangement-1")
    assert first.starts_at.date() == first.start_date or first.start_time is not None
