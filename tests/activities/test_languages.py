"""English under /en/, falling back to Danish where no English is written."""

import pytest

from tests.activities.factories import ActivityFactory, FocusAreaFactory, WelfareStepFactory

pytestmark = pytest.mark.django_db


def test_english_names_sort_with_the_danish_fallback(client):
    ActivityFactory(name_da="Aaa dansk", name_en="", slug="a")
    ActivityFactory(name_da="Zzz", name_en="Middle", slug="m")
    ActivityFactory(name_da="Bbb", name_en="Zulu", slug="z")

    response = client.get("/en/aktiviteter/")

    assert [a.slug for a in response.context["activities"]] == ["a", "m", "z"]


def test_english_facets_and_sections_fall_back_to_danish(client):
    area = FocusAreaFactory(name_da="Beskæftigelse", name_en="Employment", slug="beskaeftigelse")
    step = WelfareStepFactory(name_da="Evidensbaserede aktiviteter", name_en="", slug="evidens")
    activity = ActivityFactory(
        step=step, focus_areas=[area], evidence_da="Dansk evidens.", evidence_en=""
    )

    listing = client.get("/en/aktiviteter/").text
    detail = client.get(f"/en/aktiviteter/{activity.slug}/").text

    assert "Employment" in listing
    assert "Evidensbaserede aktiviteter" in listing
    assert "<p>Dansk evidens.</p>" in detail
