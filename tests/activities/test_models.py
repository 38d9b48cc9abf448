"""Rules that live on the catalogue's models and QuerySets."""

import pytest
from django.db import IntegrityError
from django.utils import translation

from activities.models import Activity, FocusArea, Source
from tests.activities.factories import (
    ActivityFactory,
    FocusAreaFactory,
    MethodFactory,
    WelfareStepFactory,
)

pytestmark = pytest.mark.django_db


def test_slugs_keep_danish_letters_readable_and_unique():
    first = Activity.objects.create(name_da="Fællesspisning for ældre", summary_da="Kort.")
    second = Activity.objects.create(name_da="Fællesspisning for ældre", summary_da="Kort.")
    area = FocusArea.objects.create(name_da="Sammenhængskraft og medborgerskab", goal_da="Mål.")

    assert first.slug == "faellesspisning-for-aeldre"
    assert second.slug == "faellesspisning-for-aeldre-2"
    assert area.slug == "sammenhaengskraft-og-medborgerskab"


@translation.override("da")
def test_terms_link_to_the_catalogue_filtered_by_them():
    assert FocusAreaFactory(slug="beskaeftigelse").catalogue_url == (
        "/aktiviteter/?indsatsomraade=beskaeftigelse"
    )
    assert WelfareStepFactory(slug="evidens").catalogue_url == "/aktiviteter/?trin=evidens"
    assert MethodFactory(slug="samskabelse").catalogue_url == "/aktiviteter/?metode=samskabelse"


def test_queryset_methods_chain():
    area, step, method = FocusAreaFactory(), WelfareStepFactory(), MethodFactory()
    ActivityFactory(name="Match", focus_areas=[area], step=step, methods=[method])
    ActivityFactory(name="Andet trin", focus_areas=[area], methods=[method])

    found = Activity.objects.published().in_focus_area(area).on_step(step).with_method(method)

    assert [a.name for a in found] == ["Match"]


def test_search_needs_every_word_in_some_field_of_either_language():
    ActivityFactory(name_da="Lektiecafé", name_en="Homework café", summary_da="Frivillige.")
    ActivityFactory(name_da="Fritidsjob", summary_da="Job til unge.")

    assert [a.name_da for a in Activity.objects.search("homework frivillige")] == ["Lektiecafé"]
    assert not Activity.objects.search("homework job").exists()


def test_sections_come_in_a_fixed_order():
    activity = ActivityFactory()

    assert [section["anchor"] for section in activity.sections] == [
        "maalgruppe",
        "metode",
        "implementering",
        "evidens",
        "oekonomi",
    ]


def test_a_source_year_must_be_plausible():
    with pytest.raises(IntegrityError):
        Source.objects.create(activity=ActivityFactory(), title="For gammel", year=1800)
