"""The "Nu undersøger vi" list: what a visitor sees when filtering projects."""

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from projects.models import ResearchStatus
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("projects:list")


def titles(response) -> list[str]:
    return sorted(project.title for project in response.context["projects"])


@pytest.fixture
def mette():
    return PersonFactory(name="Mette Fabricius Madsen", slug="mette-fabricius-madsen")


@pytest.fixture
def helle():
    return PersonFactory(name="Helle Nielsen", slug="helle-nielsen")


def test_visitor_sees_every_published_project_and_no_drafts(client):
    ProjectFactory(title="Synligt")
    ProjectFactory(title="Hemmeligt", status=PublishStatus.DRAFT)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert titles(response) == ["Synligt"]
    assert "Hemmeligt" not in response.text


def test_visitor_filters_by_contact_and_sees_exactly_her_projects(client, mette, helle):
    ProjectFactory(title="Praktikpladser", contacts=[mette])
    ProjectFactory(title="Jobgaranti", contacts=[mette])
    ProjectFactory(title="I bevægelse", contacts=[helle])

    response = client.get(LIST_URL, {"kontakt": "mette-fabricius-madsen"})

    assert titles(response) == ["Jobgaranti", "Praktikpladser"]
    assert "2 projekter" in response.text


def test_a_filtered_url_reloads_to_the_same_result(client, mette, helle):
    ProjectFactory(title="Praktikpladser", contacts=[mette])
    ProjectFactory(title="I bevægelse", contacts=[helle])
    url = f"{LIST_URL}?kontakt=mette-fabricius-madsen"

    first, second = client.get(url), client.get(url)

    assert titles(first) == ["Praktikpladser"]
    assert second.content == first.content


def test_contact_select_lists_each_person_with_project_count(client, mette, helle):
    ProjectFactory(contacts=[mette])
    ProjectFactory(contacts=[mette, helle])
    ProjectFactory(contacts=[helle], status=PublishStatus.DRAFT)

    response = client.get(LIST_URL)

    assert '<option value="mette-fabricius-madsen">Mette Fabricius Madsen (2)</option>' in (
        response.text
    )
    assert '<option value="helle-nielsen">Helle Nielsen (1)</option>' in response.text


def test_inactive_people_are_not_offered_as_contacts(client):
    former = PersonFactory(name="Tidligere Kollega", is_active=False)
    ProjectFactory(title="Gammelt projekt", contacts=[former])

    response = client.get(LIST_URL)

    assert "Tidligere Kollega" not in response.text
    assert titles(response) == ["Gammelt projekt"]


def test_visitor_filters_by_tag(client):
    renovation = TagFactory(name="renovering", slug="renovering")
    ProjectFactory(title="Praktikpladser", tags=[renovation])
    ProjectFactory(title="Medborgerskab")

    response = client.get(LIST_URL, {"emne": "renovering"})

    assert titles(response) == ["Praktikpladser"]


def test_visitor_filters_by_status(client):
    ProjectFactory(title="Igang", research_status=ResearchStatus.ONGOING)
    ProjectFactory(title="Færdig", research_status=ResearchStatus.COMPLETED)

    assert titles(client.get(LIST_URL, {"status": "afsluttet"})) == ["Færdig"]
    assert titles(client.get(LIST_URL, {"status": "igangvaerende"})) == ["Igang"]


def test_visitor_searches_title_summary_and_contact_names(client, mette):
    ProjectFactory(title="Stedsidentitet", summary="Om image og identitet.")
    ProjectFactory(title="Renovering", summary="Lærlinge i byggeriet.", contacts=[mette])

    assert titles(client.get(LIST_URL, {"q": "image"})) == ["Stedsidentitet"]
    assert titles(client.get(LIST_URL, {"q": "Fabricius"})) == ["Renovering"]
    assert titles(client.get(LIST_URL, {"q": "renovering lærlinge"})) == ["Renovering"]


def test_filters_combine(client, mette, helle):
    jobs = TagFactory(name="beskæftigelse", slug="beskaeftigelse")
    ProjectFactory(title="A", contacts=[mette], tags=[jobs])
    ProjectFactory(title="B", contacts=[mette], research_status=ResearchStatus.COMPLETED)
    ProjectFactory(title="C", contacts=[helle], tags=[jobs])

    response = client.get(
        LIST_URL, {"kontakt": mette.slug, "emne": "beskaeftigelse", "status": "igangvaerende"}
    )

    assert titles(response) == ["A"]


def test_active_filters_are_shown_and_each_can_be_removed(client, mette):
    jobs = TagFactory(name="beskæftigelse", slug="beskaeftigelse")
    ProjectFactory(contacts=[mette], tags=[jobs])

    response = client.get(LIST_URL, {"kontakt": mette.slug, "emne": "beskaeftigelse"})

    chips = {chip["label"]: chip["remove_url"] for chip in response.context["active_filters"]}
    assert chips == {
        "Kontaktperson": f"{LIST_URL}?emne=beskaeftigelse",
        "Emne": f"{LIST_URL}?kontakt={mette.slug}",
    }
    assert f'href="{LIST_URL}?emne=beskaeftigelse"' in response.text


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(client, mette):
    ProjectFactory(contacts=[mette], research_status=ResearchStatus.ONGOING)

    response = client.get(LIST_URL, {"kontakt": mette.slug, "status": "afsluttet"})

    assert "Ingen projekter passer til dit valg." in response.text
    assert "Ryd alle filtre" in response.text
    assert "0 projekter" in response.text


def test_pagination_keeps_the_filters(client, mette):
    ProjectFactory.create_batch(15, contacts=[mette])

    first = client.get(LIST_URL, {"kontakt": mette.slug})
    assert f'href="?kontakt={mette.slug}&amp;page=2"' in first.text

    second = client.get(LIST_URL, {"kontakt": mette.slug, "page": "2"})
    assert len(second.context["projects"]) == 3
    assert second.context["page_obj"].number == 2


def test_contact_names_on_a_card_link_to_the_filtered_list(client, mette):
    ProjectFactory(contacts=[mette])

    response = client.get(LIST_URL)

    assert f'href="{LIST_URL}?kontakt={mette.slug}"' in response.text


@pytest.mark.parametrize("rows", [3, 30])
def test_list_query_count_does_not_grow_with_projects(client, django_assert_num_queries, rows):
    people = PersonFactory.create_batch(3)
    tags = TagFactory.create_batch(3)
    for _ in range(rows):
        ProjectFactory(contacts=people, tags=tags)

    # The next publishing edge, read once per content version, then:
    # people choices, tag choices, count, page, contacts, tags
    with django_assert_num_queries(7):
        response = client.get(LIST_URL, {"kontakt": people[0].slug})

    assert response.status_code == 200


def test_a_second_list_reuses_rendered_cards_and_shows_the_same(
    client, mette, django_assert_num_queries
):
    tag = TagFactory(name="renovering", slug="renovering")
    ProjectFactory.create_batch(3, contacts=[mette], tags=[tag])
    first = client.get(LIST_URL)

    # Another filter with the same projects: its count and its page of projects are read,
    # and the cards rendered for the first list are reused (no contacts, no subjects).
    with django_assert_num_queries(2):
        second = client.get(LIST_URL, {"emne": "renovering"})
    # The same rows at another address (so no stored page): nothing is read at all.
    with django_assert_num_queries(0):
        third = client.get(LIST_URL, {"page": "1"})
    assert third.text.count('class="card project-card"') == 3

    cards = first.text[first.text.index('<ul class="card-list">') :].split("</ul>")[0]
    assert cards in second.text
    assert "Mette Fabricius Madsen" in cards
    assert "renovering" in cards
