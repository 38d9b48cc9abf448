"""A visitor types a word with a typo in the header's search box, takes the suggestion,
and opens the top hit. Runs on both backends (the suggestion is the same code)."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.visit import visit
from tests.news.factories import NewsArticleFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    ProjectFactory(
        title="Mentorordning for unge i boligområdet",
        slug="mentorordning",
        summary="Unge får en mentor, der hjælper med skole og job.",
    )
    NewsArticleFactory(
        title="Nyt fra centret",
        lead="Kort nyt.",
        body="<p>Vi har talt med en mentorordning i Aarhus.</p>",
    )


def test_visitor_follows_did_you_mean_to_the_top_hit(page: Page, live_server, content):
    visit(page, f"{live_server.url}/nyheder/")

    header_search = page.locator(".site-header").get_by_role("searchbox")
    header_search.fill("mentorordnig")
    header_search.press("Enter")

    expect(page).to_have_url(f"{live_server.url}/soeg/?q=mentorordnig")
    page.get_by_role("link", name="mentorordning", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/soeg/?q=mentorordning")
    expect(page.get_by_role("searchbox", name="Søg på hele sitet").last).to_have_value(
        "mentorordning"
    )
    top_hit = page.locator(".search-group .card__title a").first
    expect(top_hit).to_have_text("Mentorordning for unge i boligområdet")
    top_hit.click()

    expect(page).to_have_url(f"{live_server.url}/nu-undersoeger-vi/mentorordning/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Mentorordning for unge i boligområdet"
    )
