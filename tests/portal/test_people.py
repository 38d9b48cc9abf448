"""The staff pages: who works here and what each person is contact for."""

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def projects_shown(response) -> list:
    """Return the projects the person page's projects block shows."""
    (block,) = [b for b in response.context["blocks"] if "projects" in b]
    return list(block["projects"])


def test_staff_list_shows_active_people_only(client):
    PersonFactory(name="Helle Nielsen")
    PersonFactory(name="Tidligere Kollega", is_active=False)

    response = client.get(reverse("portal:person_list"))

    assert "Helle Nielsen" in response.text
    assert "Tidligere Kollega" not in response.text


def test_person_page_lists_their_published_projects_with_contact_links(client):
    rikke = PersonFactory(
        name="Rikke Engly Mygind", slug="rikke-engly-mygind", phone="12345678",
        email="rem@example.org",
    )  # fmt: skip
    ProjectFactory(title="Medborgerskab", contacts=[rikke])
    ProjectFactory(title="Kladdeprojekt", contacts=[rikke], status=PublishStatus.DRAFT)
    ProjectFactory(title="Andres projekt")

    response = client.get(rikke.get_absolute_url())

    assert response.status_code == 200
    assert [p.title for p in projects_shown(response)] == ["Medborgerskab"]
    assert 'href="tel:+4512345678">12 34 56 78</a>' in response.text
    assert 'href="mailto:rem@example.org"' in response.text


def test_an_inactive_person_has_no_page(client):
    former = PersonFactory(is_active=False)

    assert client.get(former.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("rows", [3, 30])
def test_person_page_query_count_does_not_grow_with_projects(
    client, django_assert_num_queries, rows
):
    person = PersonFactory()
    others = PersonFactory.create_batch(2)
    tags = TagFactory.create_batch(3)
    for _ in range(rows):
        ProjectFactory(contacts=[person, *others], tags=tags)

    # The next publishing edge, read once per content version, then: person, projects,
    # contacts, tags, themes, news, upcoming events, and the contacts with feeds (kept
    # until the next save)
    with django_assert_num_queries(9):
        response = client.get(person.get_absolute_url())

    assert len(projects_shown(response)) == min(rows, 12)


@pytest.mark.parametrize("rows", [3, 30])
def test_staff_list_query_count_does_not_grow(client, django_assert_num_queries, rows):
    PersonFactory.create_batch(rows)

    # The next publishing edge, read once per content version, then:
    # count, page, project counts (the last two stored until the next save)
    with django_assert_num_queries(4):
        client.get(reverse("portal:person_list"))


def test_a_person_with_many_projects_links_to_the_list_filtered_by_them(client):
    from projects.people import SHOWN

    person = PersonFactory(name="Helle Nielsen", slug="helle-nielsen")
    ProjectFactory.create_batch(SHOWN + 1, contacts=[person])

    response = client.get(person.get_absolute_url())

    assert len(projects_shown(response)) == SHOWN
    assert 'href="/nu-undersoeger-vi/?kontakt=helle-nielsen"' in response.text
    assert "Se alle projekter med Helle Nielsen som kontaktperson" in response.text


def test_a_person_with_few_projects_has_no_link_to_more(client):
    person = PersonFactory(slug="helle-nielsen")
    ProjectFactory.create_batch(2, contacts=[person])

    response = client.get(person.get_absolute_url())

    assert "Se alle projekter med" not in response.text
