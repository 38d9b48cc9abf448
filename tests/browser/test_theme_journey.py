"""A visitor finds a section through the contents and opens its "Læs mere" by keyboard."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.visit import visit
from tests.portal.factories import PersonFactory
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from themes.models import SectionKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def theme():
    theme = ThemeFactory(
        title="Det boligsociale arbejde i bevægelse",
        slug="det-boligsociale-arbejde-i-bevaegelse",
        intro="Mange kommuner og boligorganisationer leder efter nye veje.\n\n" * 6,
        contact=PersonFactory(name="Rikke Engly Mygind"),
    )
    for order, heading in enumerate(
        ["Hvad er boligsocialt arbejde?", "Det geografiske fokus", "Placering af medarbejdere"]
    ):
        SectionFactory(
            theme=theme,
            order=order,
            heading=heading,
            body="Et afsnit uden links.\n\n" * 8,
            read_more=f"Uddybningen af {heading.lower()}",
        )
    process = SectionFactory(
        theme=theme, order=9, kind=SectionKind.PROCESS, heading="Proces", read_more=""
    )
    for order, title in enumerate(["Afklaring af behov og mål", "Finansiering"], start=1):
        SectionItemFactory(section=process, order=order, title=title)
    return theme


def test_visitor_follows_the_contents_and_opens_read_more_with_the_keyboard(
    page: Page, live_server, theme
):
    visit(page, f"{live_server.url}{theme.get_absolute_url()}")
    contents = page.get_by_role("navigation", name="Indhold på siden")

    contents.get_by_role("link", name="Placering af medarbejdere").click()

    expect(page).to_have_url(f"{live_server.url}/temaer/{theme.slug}/#placering-af-medarbejdere")
    heading = page.get_by_role("heading", name="Placering af medarbejdere", level=2)
    expect(heading).to_be_in_viewport()

    summary = page.get_by_text("Læs mere om Placering af medarbejdere")
    text = page.get_by_text("Uddybningen af placering af medarbejdere")
    expect(text).to_be_hidden()
    for _press in range(10):  # from the section just reached, Tab to its "Læs mere"
        page.keyboard.press("Tab")
        if summary.evaluate("node => node === document.activeElement"):
            break
    expect(summary).to_be_focused()

    page.keyboard.press("Enter")

    expect(text).to_be_visible()
    expect(page.locator("details:has-text('Uddybningen af placering')")).to_have_attribute(
        "open", ""
    )


def test_process_phases_read_in_order_as_a_list(page: Page, live_server, theme):
    visit(page, f"{live_server.url}{theme.get_absolute_url()}")

    phases = page.get_by_role("figure", name="Procesmodellen i 2 faser").get_by_role("listitem")

    expect(phases).to_have_count(2)
    expect(phases.nth(0)).to_contain_text("Afklaring af behov og mål")
    expect(phases.nth(1)).to_contain_text("Finansiering")
