"""Scheduled items appear at their "vises fra" and go at their "vises til", with no save.

The clock is frozen and moved across both edges of one day (09:00 and 17:00) while the
page cache and the derived caches stay warm from the step before: a stored page, a
stored count or a rendered fragment must not outlive an edge.
"""

import datetime

import pytest
from django.urls import reverse

from portal import cache as stores
from tests.activities.factories import ActivityFactory
from tests.clock import Clock, at
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.site.pages import sitemap_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(at(7))
    monkeypatch.setattr("django.utils.timezone.now", clock)
    return clock


@pytest.fixture
def window():
    return {"publish_from": at(9), "publish_until": at(17)}


@pytest.fixture
def scheduled(clock, window):
    """One item of each kind, shown from 09:00 to 17:00, beside others always shown."""
    helle = PersonFactory(name="Helle Planlagt", slug="helle-planlagt")
    ProjectFactory(title="Altid synligt projekt")
    NewsArticleFactory(title="Altid synlig nyhed", published_on=at(7).date())
    ActivityFactory(name="Altid synlig aktivitet")
    return {
        "project": ProjectFactory(title="Planlagt projekt", contacts=[helle], **window),
        "article": NewsArticleFactory(title="Planlagt nyhed", published_on=at(7).date(), **window),
        "activity": ActivityFactory(name="Planlagt aktivitet", **window),
        "person": helle,
    }


def visitor_sees(client, scheduled) -> dict[str, object]:
    project, article = scheduled["project"], scheduled["article"]
    projects = client.get(reverse("projects:list")).text
    by_contact = client.get(reverse("projects:list"), {"kontakt": "helle-planlagt"})
    catalogue = client.get(reverse("activities:list")).text
    return {
        "projects list": "Planlagt projekt" in projects,
        "contact filter": "Helle Planlagt" in projects,
        "filtered list": "Planlagt projekt" in by_contact.text,
        "news list": "Planlagt nyhed" in client.get(reverse("news:list")).text,
        "catalogue count": "2 aktiviteter" in catalogue,
        "project page": client.get(project.get_absolute_url()).status_code,
        "article page": client.get(article.get_absolute_url()).status_code,
        "home": "Planlagt nyhed" in client.get(reverse("portal:home")).text,
        "sitemap": project.get_absolute_url() in sitemap_paths(client),
    }


HIDDEN = {
    "projects list": False,
    "contact filter": False,
    "filtered list": False,
    "news list": False,
    "catalogue count": False,
    "project page": 404,
    "article page": 404,
    "home": False,
    "sitemap": False,
}
SHOWN = {key: True if value is False else 200 for key, value in HIDDEN.items()}


def test_visitors_see_a_scheduled_item_from_its_start_to_its_end_with_no_save(
    client, clock, scheduled
):
    seen = {}
    for moment in (at(8, 59, 59), at(9), at(16, 59, 59), at(17)):
        clock.moment = moment
        # Twice each: the second answer comes from the stores the first one filled.
        seen[moment.strftime("%H:%M:%S")] = [visitor_sees(client, scheduled) for _ in "12"]

    assert seen == {
        "08:59:59": [HIDDEN, HIDDEN],
        "09:00:00": [SHOWN, SHOWN],
        "16:59:59": [SHOWN, SHOWN],
        "17:00:00": [HIDDEN, HIDDEN],
    }


def test_pages_are_served_from_the_page_cache_between_the_edges(client, clock, scheduled):
    url = reverse("projects:list")
    clock.moment = at(9, 30)
    client.get(url)
    clock.moment = at(16, 30)

    assert client.get(url)["X-Page-Cache"] == "hit"
    clock.moment = at(17)
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_derived_data_outlives_no_edge(clock, scheduled):
    from projects.models import ResearchProject

    def count():
        return stores.cached_by_content(
            "test-count", lambda: ResearchProject.objects.published().count()
        )

    clock.moment = at(8)
    assert count() == 1
    clock.moment = at(12)
    assert count() == 2
    clock.moment = at(18)
    assert count() == 1


def test_staff_see_the_scheduled_item_before_its_start(client, admin_user, clock, scheduled):
    clock.moment = at(8)
    client.force_login(admin_user)

    assert client.get(scheduled["project"].get_absolute_url()).status_code == 200


# The marker on its own ----------------------------------------------------------------


def test_the_next_edge_is_the_nearest_opening_or_closing_of_a_published_window(clock, window):
    from portal.models import PublishStatus

    ProjectFactory(**window)
    ProjectFactory(status=PublishStatus.DRAFT, publish_from=at(8))  # a draft opens nothing
    NewsArticleFactory(publish_until=at(12))
    marker = stores.ScheduleMarker()
    version = stores.content_version()

    moments = {}
    for hour in (7, 9, 12, 17):
        clock.moment = at(hour)
        moments[hour] = marker.next_edge(version)

    assert moments == {7: at(9), 9: at(12), 12: at(17), 17: None}


def test_the_next_edge_is_read_in_one_query_and_again_only_after_it_has_passed(
    clock, window, django_assert_num_queries
):
    ProjectFactory(**window)
    ActivityFactory(**window)
    NewsArticleFactory(**window)
    marker = stores.ScheduleMarker()
    version = stores.content_version()

    with django_assert_num_queries(1):
        assert marker.next_edge(version) == at(9)
    with django_assert_num_queries(0):
        for minute in range(0, 60, 5):
            clock.moment = at(8, minute)
            assert marker.next_edge(version) == at(9)
    clock.moment = at(9)
    with django_assert_num_queries(1):
        assert marker.next_edge(version) == at(17)


def test_a_new_content_version_reads_the_edge_again(clock, window, django_assert_num_queries):
    marker = stores.ScheduleMarker()
    assert marker.next_edge(stores.content_version()) is None

    project = ProjectFactory(**window)  # the save gives a new content version

    with django_assert_num_queries(1):
        assert marker.next_edge(stores.content_version()) == project.publish_from


def test_an_earlier_clock_reads_the_edge_again(clock, window):
    ProjectFactory(**window)
    marker = stores.ScheduleMarker()
    version = stores.content_version()
    clock.moment = at(10)
    assert marker.next_edge(version) == at(17)

    clock.moment = at(8)

    assert marker.next_edge(version) == at(9)


def test_the_marker_is_part_of_every_key(clock, window):
    ProjectFactory(**window)
    clock.moment = at(8)
    before = stores.scope()
    clock.moment = at(8, 30)
    assert stores.scope() == before
    clock.moment = at(9)

    assert stores.scope() != before


def test_an_unreadable_database_gives_a_marker_that_matches_nothing(clock, monkeypatch, caplog):
    def fail(now):
        from django.db import OperationalError

        raise OperationalError("the database went away")

    monkeypatch.setattr(stores, "read_next_edge", fail)
    monkeypatch.setattr(stores, "schedule", stores.ScheduleMarker())

    first, second = stores.scope(), stores.scope()

    assert first != second
    assert not stores.is_before(stores.next_edge())


def test_a_stored_page_from_before_an_edge_is_not_served_after_it(client, clock, window):
    ProjectFactory(title="Planlagt projekt", **window)
    clock.moment = at(8)
    assert "Planlagt projekt" not in client.get(reverse("projects:list")).text

    clock.moment = at(9)
    response = client.get(reverse("projects:list"))

    assert response["X-Page-Cache"] == "miss"
    assert "Planlagt projekt" in response.text


def test_the_sitemap_dates_an_item_by_the_moment_its_window_opened(client, clock):
    clock.moment = at(7) - datetime.timedelta(days=30)
    project = ProjectFactory(publish_from=at(9))
    clock.moment = at(10)

    section = client.get("/sitemap-project.xml").text

    assert project.get_absolute_url() in section
    assert "<lastmod>2027-03-03</lastmod>" in section
