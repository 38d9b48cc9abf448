"""A visitor who searches for the legal basis or the fund finds "Hvad er boligsociale
indsatser?" (on SQLite and on PostgreSQL)."""

import pytest
from django.urls import reverse

from tests.activities.factories import OverviewFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("portal:search")


def found(client, query: str, prefix: str = "") -> dict[str, list[str]]:
    response = client.get(f"{prefix}{SEARCH_URL}", {"q": query})
    assert response.status_code == 200
    return {group.label: [hit.title for hit in group.hits] for group in response.context["groups"]}


@pytest.mark.parametrize("query", ["Landsbyggefonden", "almenboliglovens", "samarbejdsaftale"])
def test_a_word_of_the_page_finds_it(client, query):
    OverviewFactory(
        body="<h2>Lovgrundlag</h2><p>Efter almenboliglovens § 91a giver Landsbyggefonden "
        "tilskud.</p>",
        areas_intro="En samarbejdsaftale fastlægger aktiviteterne.",
    )

    assert found(client, query) == {
        "Om boligsociale indsatser": ["Hvad er boligsociale indsatser?"]
    }


def test_the_english_page_is_found_in_english(client):
    OverviewFactory(title_en="What are social housing efforts?", lead_en="Grants pay for it.")

    assert found(client, "grants", "/en") == {
        "About social housing efforts": ["What are social housing efforts?"]
    }


def test_a_word_not_on_the_page_does_not_find_it(client):
    OverviewFactory()

    assert "Om boligsociale indsatser" not in found(client, "sommerferie")
