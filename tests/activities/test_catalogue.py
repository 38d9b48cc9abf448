"""The catalogue /aktiviteter/: facets with counts, search, sorting and paging."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal.models import PublishStatus
from tests.activities.factories import (
    ActivityFactory,
    ActivityFormFactory,
    FocusAreaFactory,
    MethodFactory,
    TargetGroupFactory,
    WelfareStepFactory,
)
from tests.portal.factories import TagFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("activities:list")


def names(response) -> list[str]:
    return [activity.name for activity in response.context["activities"]]


def counts(response, param: str) -> dict[str, int]:
    """Return {option slug: count} of one facet as the page shows it."""
    facet = next(f for f in response.context["facets"] if f["param"] == param)
    return {option["value"]: option["count"] for option in facet["options"]}


@pytest.fixture
def catalogue():
    """A small known catalogue: four published activities and one draft."""
    terms = {
        "jobs": FocusAreaFactory(name="Beskæftigelse", slug="beskaeftigelse", order=1),
        "edu": FocusAreaFactory(name="Uddannelse", slug="uddannelse", order=2),
        "civic": FocusAreaFactory(name="Medborgerskab", slug="medborgerskab", order=3),
        "low": WelfareStepFactory(name="Innovative aktiviteter", slug="innovative", order=1),
        "top": WelfareStepFactory(name="Evidensbaserede aktiviteter", slug="evidens", order=3),
        "one": ActivityFormFactory(name="En-til-en", slug="en-til-en"),
        "group": ActivityFormFactory(name="Gruppebaseret", slug="gruppebaseret"),
        "young": TargetGroupFactory(name="Unge", slug="unge"),
        "adults": TargetGroupFactory(name="Voksne", slug="voksne"),
        "bridge": MethodFactory(name="Individuel brobygning", slug="individuel-brobygning"),
        "cocreate": MethodFactory(name="Samskabelse", slug="samskabelse"),
    }
    t = terms
    ActivityFactory(
        name="Fritidsjob",
        step=t["top"],
        focus_areas=[t["jobs"], t["edu"]],
        forms=[t["one"]],
        target_groups=[t["young"]],
        methods=[t["bridge"]],
    )
    ActivityFactory(
        name="Netværksgrupper",
        step=t["top"],
        focus_areas=[t["jobs"]],
        forms=[t["group"]],
        target_groups=[t["adults"]],
        methods=[t["cocreate"]],
    )
    ActivityFactory(
        name="Fællesspisning",
        step=t["low"],
        focus_areas=[t["civic"]],
        forms=[t["group"]],
        target_groups=[t["young"], t["adults"]],
        methods=[t["cocreate"]],
    )
    ActivityFactory(
        name="Lektiecafé",
        step=t["low"],
        focus_areas=[t["edu"]],
        forms=[t["one"]],
        target_groups=[t["young"]],
        methods=[t["bridge"]],
    )
    ActivityFactory(
        name="Hemmelig kladde",
        status=PublishStatus.DRAFT,
        step=t["top"],
        focus_areas=[t["jobs"]],
        forms=[t["one"]],
        target_groups=[t["young"]],
        methods=[t["bridge"]],
    )
    return terms


def test_visitor_sees_every_published_activity_by_name_and_no_drafts(client, catalogue):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert names(response) == ["Fritidsjob", "Fællesspisning", "Lektiecafé", "Netværksgrupper"]
    assert "Hemmelig kladde" not in response.text
    assert "4 aktiviteter" in response.text


def test_without_choices_each_option_counts_all_published_activities(client, catalogue):
    response = client.get(LIST_URL)

    assert counts(response, "indsatsomraade") == {
        "beskaeftigelse": 2,
        "uddannelse": 2,
        "medborgerskab": 1,
    }
    assert counts(response, "trin") == {"innovative": 2, "evidens": 2}
    assert counts(response, "maalgruppe") == {"unge": 3, "voksne": 2}


def test_one_choice_narrows_the_result_and_the_other_facets_counts(client, catalogue):
    response = client.get(LIST_URL, {"indsatsomraade": "beskaeftigelse"})

    assert names(response) == ["Fritidsjob", "Netværksgrupper"]
    # The chosen facet still counts over everything, so the visitor can switch area.
    assert counts(response, "indsatsomraade") == {
        "beskaeftigelse": 2,
        "uddannelse": 2,
        "medborgerskab": 1,
    }
    assert counts(response, "trin") == {"innovative": 0, "evidens": 2}
    assert counts(response, "form") == {"en-til-en": 1, "gruppebaseret": 1}
    assert counts(response, "metode") == {"individuel-brobygning": 1, "samskabelse": 1}


def test_combined_choices_count_each_facet_against_the_other_choices(client, catalogue):
    response = client.get(LIST_URL, {"indsatsomraade": "beskaeftigelse", "form": "en-til-en"})

    assert names(response) == ["Fritidsjob"]
    # Focus areas are counted among one-to-one activities: Fritidsjob and Lektiecafé.
    assert counts(response, "indsatsomraade") == {
        "beskaeftigelse": 1,
        "uddannelse": 2,
        "medborgerskab": 0,
    }
    # Forms are counted among the employment activities.
    assert counts(response, "form") == {"en-til-en": 1, "gruppebaseret": 1}
    assert counts(response, "trin") == {"innovative": 0, "evidens": 1}
    assert counts(response, "maalgruppe") == {"unge": 1, "voksne": 0}


def test_choices_combine_with_and_across_all_facets(client, catalogue):
    response = client.get(
        LIST_URL,
        {
            "indsatsomraade": "uddannelse",
            "trin": "innovative",
            "form": "en-til-en",
            "maalgruppe": "unge",
            "metode": "individuel-brobygning",
        },
    )

    assert names(response) == ["Lektiecafé"]


def test_counts_and_chosen_options_are_in_the_form(client, catalogue):
    response = client.get(LIST_URL, {"trin": "evidens"})

    text = response.text
    assert 'name="trin" id="id_trin_2" value="evidens" checked' in text
    assert 'Beskæftigelse <span class="facet__count">(2' in text
    assert 'Medborgerskab <span class="facet__count">(0' in text
    assert 'name="indsatsomraade" id="id_indsatsomraade_0" value="" checked' in text


def test_a_filter_url_reloads_to_the_same_result(client, catalogue):
    url = f"{LIST_URL}?indsatsomraade=beskaeftigelse&maalgruppe=voksne"

    first = client.get(url)
    cache.clear()  # render the page afresh rather than from the page cache
    second = client.get(url)

    assert names(first) == names(second) == ["Netværksgrupper"]
    assert counts(first, "form") == counts(second, "form")


def test_active_filters_are_chips_that_each_remove_one_filter(client, catalogue):
    response = client.get(LIST_URL, {"indsatsomraade": "beskaeftigelse", "trin": "evidens"})

    chips = {chip["label"]: chip["remove_url"] for chip in response.context["active_filters"]}
    assert chips == {
        "Indsatsområde": f"{LIST_URL}?trin=evidens",
        "Trin på velfærdstrappen": f"{LIST_URL}?indsatsomraade=beskaeftigelse",
    }
    assert "Indsatsområde: Beskæftigelse" in response.text


def test_an_empty_result_offers_to_remove_each_filter_with_what_it_would_give(client, catalogue):
    response = client.get(LIST_URL, {"indsatsomraade": "medborgerskab", "trin": "evidens"})

    assert names(response) == []
    assert "Ingen aktiviteter passer til alle dine valg." in response.text
    widen = {option["url"]: option["count"] for option in response.context["widen"]}
    assert widen == {f"{LIST_URL}?trin=evidens": 2, f"{LIST_URL}?indsatsomraade=medborgerskab": 1}
    assert f'href="{LIST_URL}?trin=evidens"' in response.text
    assert "Ryd alle filtre" in response.text


def test_search_finds_words_in_name_summary_sections_and_subjects(client, catalogue):
    ActivityFactory(name="Brandkadetter", summary="Unge hos beredskabet.", economy="Udstyr.")
    ActivityFactory(name="Mentorer", tags=[TagFactory(name="frivillighed")])

    assert names(client.get(LIST_URL, {"q": "beredskabet"})) == ["Brandkadetter"]
    assert names(client.get(LIST_URL, {"q": "udstyr"})) == ["Brandkadetter"]
    assert names(client.get(LIST_URL, {"q": "frivillighed"})) == ["Mentorer"]
    assert names(client.get(LIST_URL, {"q": "brand unge"})) == ["Brandkadetter"]


def test_search_combines_with_facets_and_is_shown_as_a_chip(client, catalogue):
    response = client.get(LIST_URL, {"q": "Fritidsjob", "trin": "innovative"})

    assert names(response) == []
    assert counts(response, "trin") == {"innovative": 0, "evidens": 1}
    assert "Søgning: Fritidsjob" in response.text


def test_sorting_by_step_puts_the_lowest_step_first(client, catalogue):
    ActivityFactory(name="Uden trin")

    response = client.get(LIST_URL, {"sortering": "trin"})

    assert names(response) == [
        "Fællesspisning",
        "Lektiecafé",
        "Fritidsjob",
        "Netværksgrupper",
        "Uden trin",
    ]
    assert '<span aria-current="true">Trin på velfærdstrappen</span>' in response.text
    # The filter form keeps the sort order when the visitor narrows further.
    assert '<input type="hidden" name="sortering" value="trin">' in response.text


def test_sort_links_keep_the_filters(client, catalogue):
    response = client.get(LIST_URL, {"indsatsomraade": "beskaeftigelse"})

    assert 'href="?indsatsomraade=beskaeftigelse&amp;sortering=trin"' in response.text


def test_results_show_step_and_focus_areas_at_a_glance(client, catalogue):
    response = client.get(LIST_URL, {"indsatsomraade": "beskaeftigelse", "maalgruppe": "voksne"})

    card = response.text[response.text.index("Netværksgrupper</a>") :]
    assert "Trin 3" in card[:600]
    assert "Evidensbaserede aktiviteter" in card[:800]
    assert '<span class="tag">Beskæftigelse</span>' in card


def test_pagination_keeps_the_filters(client, catalogue):
    ActivityFactory.create_batch(14, focus_areas=[catalogue["civic"]])

    first = client.get(LIST_URL, {"indsatsomraade": "medborgerskab"})
    assert 'href="?indsatsomraade=medborgerskab&amp;page=2"' in first.text

    second = client.get(LIST_URL, {"indsatsomraade": "medborgerskab", "page": "2"})
    assert len(second.context["activities"]) == 3
    assert second.context["page_obj"].number == 2


def test_the_intro_links_to_the_staircase_and_each_focus_area(client, catalogue):
    response = client.get(LIST_URL)

    assert f'href="{reverse("activities:staircase")}"' in response.text
    assert 'href="/indsatsomraader/beskaeftigelse/"' in response.text


def test_the_main_navigation_shows_the_catalogue(client, catalogue):
    response = client.get("/")

    assert f'<a href="{LIST_URL}">Aktiviteter</a>' in response.text


@pytest.mark.parametrize("rows", [3, 30])
def test_query_count_with_every_facet_active_does_not_grow(client, django_assert_num_queries, rows):
    area = FocusAreaFactory(slug="beskaeftigelse")
    step = WelfareStepFactory(slug="evidens")
    form = ActivityFormFactory(slug="en-til-en")
    group = TargetGroupFactory(slug="unge")
    method = MethodFactory(slug="samskabelse")
    other_area = FocusAreaFactory()
    for _ in range(rows):
        ActivityFactory(
            name="Fritidsjob",
            step=step,
            focus_areas=[area, other_area],
            forms=[form],
            target_groups=[group, TargetGroupFactory()],
            methods=[method],
        )
    params = {
        "indsatsomraade": area.slug,
        "trin": step.slug,
        "form": form.slug,
        "maalgruppe": group.slug,
        "metode": method.slug,
        "q": "fritidsjob",
        "sortering": "trin",
    }

    # The next publishing edge, read once per content version, then:
    # 5 facet term lists (until the next save), all facet counts in one query,
    # result count, page, focus areas, target groups
    with django_assert_num_queries(11):
        response = client.get(LIST_URL, params)
    assert response.status_code == 200
    assert len(response.context["activities"]) == min(rows, 12)

    # The same choices sorted otherwise: terms and the rendered cards come from the
    # stores; free text is never stored, so the facet counts, the result count and the
    # page are fetched again.
    with django_assert_num_queries(3):
        client.get(LIST_URL, {**params, "sortering": "navn"})

    # Without free text the facet counts are stored per choice, and the result count and
    # the rendered page of rows per choice and sort order: nothing is read again.
    choices = {key: value for key, value in params.items() if key != "q"}
    client.get(LIST_URL, choices)
    with django_assert_num_queries(0):
        client.get(LIST_URL, {**choices, "page": "1"})
