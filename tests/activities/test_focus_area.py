"""/indsatsomraader/<slug>/: a focus area's goal and its activities, step by step."""

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.activities.factories import ActivityFactory, FocusAreaFactory, WelfareStepFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jobs():
    return FocusAreaFactory(
        name="Beskæftigelse",
        slug="beskaeftigelse",
        goal="Flere voksne beboere får fodfæste på arbejdsmarkedet.",
    )


def test_page_shows_the_goal_and_the_published_activities_grouped_by_step(client, jobs):
    low = WelfareStepFactory(name="Innovative aktiviteter", order=1)
    top = WelfareStepFactory(name="Evidensbaserede aktiviteter", order=3)
    ActivityFactory(name="Mentorordninger", step=top, focus_areas=[jobs])
    ActivityFactory(name="Netværksgrupper", step=low, focus_areas=[jobs])
    ActivityFactory(name="Uden trin", focus_areas=[jobs])
    ActivityFactory(name="Andet område", step=low, focus_areas=[FocusAreaFactory()])
    ActivityFactory(name="Kladde", step=low, focus_areas=[jobs], status=PublishStatus.DRAFT)

    response = client.get(jobs.get_absolute_url())

    assert response.status_code == 200
    text = response.text
    assert "<h1>Beskæftigelse</h1>" in text
    assert "Flere voksne beboere får fodfæste på arbejdsmarkedet." in text
    assert "3 aktiviteter under indsatsområdet" in text
    assert text.index("Netværksgrupper") < text.index("Mentorordninger") < text.index("Uden trin")
    assert "Uden trin på velfærdstrappen" in text
    assert "Andet område" not in text
    assert "Kladde" not in text


def test_page_links_to_the_catalogue_filtered_by_the_area(client, jobs):
    text = client.get(jobs.get_absolute_url()).text

    assert f'href="{reverse("activities:list")}?indsatsomraade=beskaeftigelse"' in text
    assert "Der er endnu ingen udgivne aktiviteter under dette indsatsområde." in text


def test_page_links_to_the_other_focus_areas(client, jobs):
    other = FocusAreaFactory(name="Kriminalitetsforebyggelse", slug="kriminalitetsforebyggelse")

    text = client.get(jobs.get_absolute_url()).text

    assert f'<a href="{other.get_absolute_url()}">Kriminalitetsforebyggelse</a>' in text


@pytest.mark.parametrize("rows", [3, 30])
def test_query_count_does_not_grow_with_activities(client, django_assert_num_queries, jobs, rows):
    step = WelfareStepFactory()
    ActivityFactory.create_batch(rows, step=step, focus_areas=[jobs, FocusAreaFactory()])

    # The next publishing edge, read once per content version, then:
    # the catalogue's five term lists (the areas among them), the count, the first
    # activities with their steps, their focus areas and target groups
    with django_assert_num_queries(10):
        response = client.get(jobs.get_absolute_url())
    assert response.status_code == 200

    # Another address for the same area: terms, count and the rendered activities are
    # stored, so nothing is read.
    with django_assert_num_queries(0):
        client.get(jobs.get_absolute_url(), {"page": "1"})


def test_a_large_area_shows_its_first_activities_and_links_to_all(client, jobs):
    for _ in range(30):
        ActivityFactory(focus_areas=[jobs])

    response = client.get(jobs.get_absolute_url())

    assert len(response.context["activities"]) == 24
    assert "30 aktiviteter under indsatsområdet" in response.text
    assert "Se alle 30 aktiviteter i kataloget" in response.text
