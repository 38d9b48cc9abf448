"""An editor prepares a change to a published project while visitors keep the old page."""

import os

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.admin import log_in
from tests.browser.visit import visit
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("PORTAL_SCREENSHOTS", "var/screenshots")


def main_text(visitor: Page, url: str) -> str:
    visit(visitor, url)
    return visitor.locator("main").inner_text()


def test_save_as_draft_then_publish(page: Page, browser: Browser, live_server):
    project = ProjectFactory(
        title="Boligsocial indsats i Vollsmose",
        summary_da="Det gamle resumé.",
        contacts=[PersonFactory(name="Helle Nielsen")],
    )
    public_url = f"{live_server.url}{project.get_absolute_url()}"
    visitor = browser.new_page()
    log_in(page, live_server.url)
    assert "Det gamle resumé." in main_text(visitor, public_url)  # now in the page cache

    visit(page, f"{live_server.url}/admin/projects/researchproject/{project.pk}/change/")
    page.locator("#id_summary_da").fill("Det nye resumé.")
    page.get_by_role("button", name="Gem som kladde").first.click()
    expect(page.locator(".messagelist .success")).to_contain_text("gemt som kladde")
    expect(page.get_by_role("status").first).to_contain_text(
        "Denne side har ændringer i kladde, som endnu ikke er udgivet"
    )
    expect(page.locator("#id_summary_da")).to_have_value("Det nye resumé.")
    os.makedirs(SCREENSHOTS, exist_ok=True)
    page.screenshot(path=f"{SCREENSHOTS}/draft-change-form.png", full_page=True)

    seen = main_text(visitor, public_url)
    assert "Det gamle resumé." in seen
    assert "Det nye resumé." not in seen

    page.get_by_role("link", name="Se på siden").click()
    expect(page.get_by_role("status")).to_contain_text("Du ser ændringer i kladde")
    expect(page.locator("main")).to_contain_text("Det nye resumé.")
    page.screenshot(path=f"{SCREENSHOTS}/draft-preview.png", full_page=True)

    visit(page, f"{live_server.url}/admin/projects/researchproject/{project.pk}/change/")
    page.get_by_role("button", name="Udgiv").first.click()
    expect(page.locator(".messagelist .success")).to_contain_text("udgivet")

    seen = main_text(visitor, public_url)
    assert "Det nye resumé." in seen
    assert "Det gamle resumé." not in seen
    visitor.close()
