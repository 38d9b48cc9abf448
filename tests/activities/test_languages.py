"""English under /en/, falling back to Danish where no English is written."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.activities.factories import ActivityFactory, FocusAreaFactory, WelfareStepFactory

pytestmark = pytest.mark.django_db


def test_english_catalogue_falls_back_to_danish_text(client):
    ActivityFactory(name_da="Kun på dansk", name_en="", slug="kun-dansk")
    ActivityFactory(name_da="Fritidsjob", name_en="Spare-time jobs", slug="fritidsjob")

    response = client.get("/en/aktiviteter/")

    assert '<html lang="en">' in response.text
    assert "Kun på dansk" in response.text
    assert "Spare-time jobs" in response.text
    assert ">Fritidsjob<" not in response.text


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


def test_english_search_also_finds_danish_only_text(client):
    ActivityFactory(name_da="Lektiecafé", name_en="", summary_da="Hjælp til lektier.", slug="l")

    response = client.get("/en/aktiviteter/", {"q": "lektier"})

    assert [a.slug for a in response.context["activities"]] == ["l"]


def test_reverse_gives_prefixed_english_urls():
    with translation.override("en"):
        assert reverse("activities:staircase") == "/en/velfaerdstrappen/"
    with translation.override("da"):
        assert reverse("activities:list") == "/aktiviteter/"


def test_danish_fallback_text_is_marked_as_danish(client):
    ActivityFactory(name_da="Lektiecafé", name_en="", slug="lektiecafe", summary_da="Hjælp.")

    response = client.get("/en/aktiviteter/lektiecafe/")

    assert '<h1 lang="da">Lektiecafé</h1>' in response.text
