"""A visitor opens the news, reads the interview and follows it to the theme."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from tests.browser.visit import visit
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory, TagFactory
from tests.themes.factories import ThemeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INTERVIEW = "CFBU sætter fokus på de nye veje i det boligsociale arbejde"


@pytest.fixture
def news():
    theme = ThemeFactory(
        title="Det boligsociale arbejde i bevægelse",
        slug="det-boligsociale-arbejde-i-bevaegelse",
        lead="Viden og inspiration til det boligsociale arbejde lokalt.",
    )
    money = TagFactory(name="finansiering", slug="finansiering")
    NewsArticleFactory(
        title="Inspirations- og videnskataloget bliver opdateret",
        published_on=datetime.date(2021, 3, 9),
    )
    NewsArticleFactory(
        title=INTERVIEW,
        slug="nye-veje",
        published_on=datetime.date(2021, 2, 15),
        lead="Specialkonsulent Helle Nielsen fortæller, hvad CFBU ser.",
        body="<h2>Hvad er det boligsociale arbejde i dag?</h2><p>– Der findes ikke ét svar.</p>",
        contacts=[PersonFactory(name="Helle Nielsen", slug="helle-nielsen")],
        themes=[theme],
        tags=[money],
    )
    NewsArticleFactory(title="En ældre nyhed", published_on=datetime.date(2020, 5, 1))


def test_visitor_reads_the_interview_and_follows_the_link_to_the_theme(
    page: Page, live_server, news
):
    visit(page, f"{live_server.url}/nyheder/")
    expect(page.get_by_role("heading", name="3 nyheder")).to_be_visible()
    assert page.locator(".card__title").all_inner_texts() == [
        "Inspirations- og videnskataloget bliver opdateret",
        INTERVIEW,
        "En ældre nyhed",
    ]
    expect(page.get_by_text("15. februar 2021")).to_be_visible()

    page.get_by_role("link", name=INTERVIEW).click()

    expect(page).to_have_url(f"{live_server.url}/nyheder/nye-veje/")
    expect(page.get_by_role("heading", level=1)).to_have_text(INTERVIEW)
    expect(
        page.get_by_role("heading", name="Hvad er det boligsociale arbejde i dag?")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Helle Nielsen")).to_be_visible()

    page.get_by_role("link", name="Det boligsociale arbejde i bevægelse").click()

    expect(page).to_have_url(f"{live_server.url}/temaer/det-boligsociale-arbejde-i-bevaegelse/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Det boligsociale arbejde i bevægelse"
    )


def test_visitor_narrows_the_news_by_subject_and_year_and_clears_a_filter(
    page: Page, live_server, news
):
    visit(page, f"{live_server.url}/nyheder/")

    page.get_by_label("Emne", exact=True).select_option(label="finansiering (1)")
    page.get_by_label("År", exact=True).select_option("2021")
    page.get_by_role("button", name="Vis nyheder").click()

    expect(page).to_have_url(f"{live_server.url}/nyheder/?emne=finansiering&aar=2021")
    expect(page.get_by_role("heading", name="1 nyhed", exact=True)).to_be_visible()

    page.get_by_role("link", name="Emne: finansiering").click()

    expect(page).to_have_url(f"{live_server.url}/nyheder/?aar=2021")
    expect(page.get_by_role("heading", name="2 nyheder")).to_be_visible()
