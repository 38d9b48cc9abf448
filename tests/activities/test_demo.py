"""The catalogue's demo content holds the seeds' facts (loading twice: tests/site/test_demo.py)."""

import pytest
from django.core.management import call_command

from activities.models import Activity, FocusArea, Method, Source, WelfareStep

pytestmark = pytest.mark.django_db

# Seed 004: every example on the welfare staircase, on its step.
STAIRCASE = {
    "evidensbaserede-aktiviteter": [
        "Lommepengeprojekter",
        "Fritidsjob",
        "Brandkadetter",
        "Mentorordninger",
    ],
    "aktiviteter-for-mellemgruppen": [
        "Job- og uddannelsesvejledning",
        "Fritids- og foreningsguides",
        "Rollespilsaktiviteter",
        "Kreativ læring for børn og unge",
        "Demokrati og ungeråd",
    ],
    "innovative-aktiviteter": [
        "Opsøgende rådgivning",
        "Fællesspisning",
        "Højtidsarrangementer",
        "Temaoplæg",
    ],
}


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_the_catalogue_has_its_size_and_no_activity_twice(demo):
    assert FocusArea.objects.count() == 4
    assert WelfareStep.objects.count() == 3
    assert Method.objects.count() == 4
    assert Activity.objects.published().count() >= 20
    assert Activity.objects.count() == len(set(Activity.objects.values_list("slug", flat=True)))
    assert Source.objects.filter(activity__slug="fritidsjob").count() == 1


def test_the_four_focus_areas_and_the_rising_staircase(demo):
    assert list(FocusArea.objects.values_list("name_da", flat=True)) == [
        "Uddannelse og livschancer",
        "Beskæftigelse",
        "Kriminalitetsforebyggelse",
        "Sammenhængskraft og medborgerskab",
    ]
    assert list(WelfareStep.objects.order_by("order").values_list("slug", flat=True)) == [
        "innovative-aktiviteter",
        "aktiviteter-for-mellemgruppen",
        "evidensbaserede-aktiviteter",
    ]
    assert all(area.goal for area in FocusArea.objects.all())
    assert all(step.description and step.realistic_goal for step in WelfareStep.objects.all())
    assert set(Method.objects.values_list("name_da", flat=True)) == {
        "Praksisnær læring",
        "Individuel brobygning",
        "Gruppebaseret læring",
        "Samskabelse",
    }


@pytest.mark.parametrize(("step", "names"), STAIRCASE.items())
def test_every_example_of_the_staircase_stands_on_its_step(demo, step, names):
    on_step = set(Activity.objects.filter(step__slug=step).values_list("name_da", flat=True))

    assert set(names) <= on_step


def test_every_activity_is_described_and_placed(demo):
    for activity in Activity.objects.prefetch_related("focus_areas", "forms", "methods"):
        assert activity.summary_da, activity.slug
        assert all(section["text"] for section in activity.sections), activity.slug
        assert activity.focus_areas.all(), activity.slug
        assert activity.forms.all(), activity.slug
        assert activity.methods.all(), activity.slug
    english = Activity.objects.exclude(name_en="").exclude(summary_en="").count()
    assert english >= Activity.objects.count() / 2


def test_some_activities_link_to_the_centres_research(demo):
    renovation = Activity.objects.get(slug="praktikpladser-i-renovering")

    assert list(renovation.research_projects.values_list("slug", flat=True)) == [
        "praktikpladser-og-jobskabelse-i-renovering"
    ]


def test_every_demo_activity_says_its_text_is_an_example(demo, client):
    assert not Activity.objects.filter(text_is_example=False).exists()

    for activity in Activity.objects.published():
        page = client.get(activity.get_absolute_url()).text
        assert "Eksempeltekst" in page, activity.slug
        assert "Beskrivelsen bygger på erfaringer fra praksis" not in page, activity.slug
