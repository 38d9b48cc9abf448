"""/velfaerdstrappen/: the staircase as an ordered list of steps with their activities."""

import re

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.activities.factories import ActivityFactory, WelfareStepFactory

pytestmark = pytest.mark.django_db

URL = reverse("activities:staircase")


@pytest.fixture
def steps():
    # Created out of order: the page follows the step number, not the creation order.
    top = WelfareStepFactory(name="Evidensbaserede aktiviteter", slug="evidens", order=3)
    low = WelfareStepFactory(
        name="Innovative aktiviteter",
        slug="innovative",
        order=1,
        description="Beboere, der lever isoleret.",
        realistic_goal="Beboerne bliver mere synlige.",
    )
    middle = WelfareStepFactory(name="Mellemgruppen", slug="mellemgruppen", order=2)
    return low, middle, top


def test_the_steps_are_an_ordered_list_from_the_bottom_step_up(client, steps):
    response = client.get(URL)

    assert response.status_code == 200
    text = response.text
    assert '<ol class="staircase">' in text
    ids = re.findall(r'<li class="staircase__step" id="([\w-]+)"', text)
    assert ids == ["innovative", "mellemgruppen", "evidens"]


def test_each_step_shows_its_description_and_realistic_goal(client, steps):
    text = client.get(URL).text

    assert "Beboere, der lever isoleret." in text
    assert "Realistisk mål for beboerne" in text
    assert "Beboerne bliver mere synlige." in text


def test_each_step_lists_its_published_activities_in_order_of_name(client, steps):
    low, middle, top = steps
    ActivityFactory(name="Temaoplæg", step=low)
    ActivityFactory(name="Fællesspisning", step=low)
    ActivityFactory(name="Kladde", step=low, status=PublishStatus.DRAFT)
    ActivityFactory(name="Lektiecafé", step=middle)
    ActivityFactory(name="Mentorordninger", step=top)
    ActivityFactory(name="Fritidsjob", step=top)

    response = client.get(URL)

    listed = {
        step.slug: [activity.name for activity in step.published_activities]
        for step in response.context["steps"]
    }
    assert listed == {
        "innovative": ["Fællesspisning", "Temaoplæg"],
        "mellemgruppen": ["Lektiecafé"],
        "evidens": ["Fritidsjob", "Mentorordninger"],
    }
    text = response.text
    assert text.index("Fællesspisning") < text.index("Temaoplæg") < text.index("Lektiecafé")
    assert text.index("Lektiecafé") < text.index("Fritidsjob") < text.index("Mentorordninger")
    assert "Kladde" not in text


def test_each_step_links_to_the_catalogue_filtered_by_it(client, steps):
    top = steps[2]
    ActivityFactory(step=top)
    ActivityFactory(step=top)

    text = client.get(URL).text

    assert f'href="{reverse("activities:list")}?trin=evidens"' in text
    assert "Vis de 2 aktiviteter i kataloget" in text
    assert "Der er endnu ingen udgivne aktiviteter på dette trin." in text


@pytest.mark.parametrize("rows", [3, 30])
def test_query_count_does_not_grow_with_activities(client, django_assert_num_queries, steps, rows):
    for index in range(rows):
        ActivityFactory(step=steps[index % 3])

    # The next publishing edge, read once per content version, then:
    with django_assert_num_queries(3):  # steps, their published activities
        response = client.get(URL)

    assert response.status_code == 200


def test_a_crowded_step_shows_its_first_activities_and_counts_all(client, steps):
    for _ in range(20):
        ActivityFactory(step=steps[0])

    response = client.get(reverse("activities:staircase"))

    first = response.context["steps"][0]
    assert len(first.published_activities) == 15
    assert "Vis de 20 aktiviteter i kataloget" in response.text
