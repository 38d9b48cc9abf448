"""A visitor climbs the welfare staircase into the catalogue, narrows it, and comes back."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.activities.factories import ActivityFactory, FocusAreaFactory, WelfareStepFactory
from tests.browser.visit import visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue():
    jobs = FocusAreaFactory(name="Beskæftigelse", slug="beskaeftigelse", order=1)
    crime = FocusAreaFactory(name="Kriminalitetsforebyggelse", slug="kriminalitet", order=2)
    low = WelfareStepFactory(name="Innovative aktiviteter", slug="innovative", order=1)
    WelfareStepFactory(name="Aktiviteter for mellemgruppen", slug="mellemgruppen", order=2)
    top = WelfareStepFactory(name="Evidensbaserede aktiviteter", slug="evidens", order=3)
    ActivityFactory(name="Fritidsjob", step=top, focus_areas=[jobs, crime])
    ActivityFactory(name="Mentorordninger", step=top, focus_areas=[jobs])
    ActivityFactory(name="Brandkadetter", step=top, focus_areas=[crime])
    ActivityFactory(name="Fællesspisning", step=low, focus_areas=[crime])


def card_titles(page: Page) -> list[str]:
    return page.locator(".card__title").all_inner_texts()


def test_visitor_goes_from_the_staircase_to_a_filtered_catalogue_and_back(
    page: Page, live_server, catalogue
):
    visit(page, f"{live_server.url}/velfaerdstrappen/")
    steps = page.locator("ol.staircase > li")
    expect(steps).to_have_count(3)
    expect(steps.last.get_by_role("heading", level=2)).to_have_text("Evidensbaserede aktiviteter")

    page.get_by_role("link", name=re.compile(r"aktiviteter i kataloget – Evidensbaserede")).click()

    expect(page).to_have_url(f"{live_server.url}/aktiviteter/?trin=evidens")
    expect(page.get_by_role("heading", name="3 aktiviteter")).to_be_visible()
    assert card_titles(page) == ["Brandkadetter", "Fritidsjob", "Mentorordninger"]

    page.get_by_role("radio", name="Beskæftigelse (2)").check()
    page.get_by_role("button", name="Vis aktiviteter").click()

    filtered = f"{live_server.url}/aktiviteter/?indsatsomraade=beskaeftigelse&trin=evidens"
    expect(page).to_have_url(filtered)
    expect(page.get_by_role("heading", name="2 aktiviteter")).to_be_visible()
    assert card_titles(page) == ["Fritidsjob", "Mentorordninger"]

    page.get_by_role("link", name="Fritidsjob", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fritidsjob")

    page.go_back()

    expect(page).to_have_url(filtered)
    assert card_titles(page) == ["Fritidsjob", "Mentorordninger"]
    expect(page.get_by_role("radio", name=re.compile(r"^Beskæftigelse"))).to_be_checked()
    expect(page.get_by_role("radio", name=re.compile(r"^Evidensbaserede"))).to_be_checked()
    expect(
        page.get_by_role("link", name=re.compile(r"Indsatsområde: Beskæftigelse"))
    ).to_be_visible()


def test_removing_a_chip_widens_the_result(page: Page, live_server, catalogue):
    visit(page, f"{live_server.url}/aktiviteter/?indsatsomraade=beskaeftigelse&trin=evidens")

    page.get_by_role("link", name=re.compile(r"Trin på velfærdstrappen: Evidensbaserede")).click()

    expect(page).to_have_url(f"{live_server.url}/aktiviteter/?indsatsomraade=beskaeftigelse")
    assert card_titles(page) == ["Fritidsjob", "Mentorordninger"]
