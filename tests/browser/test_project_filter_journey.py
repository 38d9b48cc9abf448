"""A visitor in a real browser narrows "Nu undersøger vi" to one contact person and back."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.visit import visit
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def projects():
    mette = PersonFactory(name="Mette Fabricius Madsen", slug="mette-fabricius-madsen")
    helle = PersonFactory(name="Helle Nielsen", slug="helle-nielsen")
    ProjectFactory(title="Praktikpladser og jobskabelse i renovering", contacts=[mette])
    ProjectFactory(title="Job- og uddannelsesgaranti", contacts=[mette])
    ProjectFactory(title="Det boligsociale arbejde i bevægelse", contacts=[helle])


def card_titles(page: Page) -> list[str]:
    return sorted(page.locator(".card__title").all_inner_texts())


def test_visitor_filters_by_contact_sees_her_projects_and_removes_the_filter(
    page: Page, live_server, projects
):
    visit(page, f"{live_server.url}/nu-undersoeger-vi/")
    expect(page.get_by_role("heading", name="3 projekter")).to_be_visible()

    page.get_by_label("Kontaktperson").select_option(label="Mette Fabricius Madsen (2)")
    page.get_by_role("button", name="Vis projekter").click()

    expect(page).to_have_url(f"{live_server.url}/nu-undersoeger-vi/?kontakt=mette-fabricius-madsen")
    expect(page.get_by_role("heading", name="2 projekter")).to_be_visible()
    assert card_titles(page) == [
        "Job- og uddannelsesgaranti",
        "Praktikpladser og jobskabelse i renovering",
    ]

    page.get_by_role("link", name="Kontaktperson: Mette Fabricius Madsen").click()

    expect(page.get_by_role("heading", name="3 projekter")).to_be_visible()
    assert len(card_titles(page)) == 3


def test_a_shared_filter_url_opens_the_same_result(page: Page, live_server, projects):
    visit(page, f"{live_server.url}/nu-undersoeger-vi/?kontakt=helle-nielsen")

    assert card_titles(page) == ["Det boligsociale arbejde i bevægelse"]
    expect(page.get_by_label("Kontaktperson")).to_have_value("helle-nielsen")
