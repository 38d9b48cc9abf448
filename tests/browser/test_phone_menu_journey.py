"""On a phone the main menu folds into one "Menu" button that opens with the keyboard,
without JavaScript, and the header stays short enough to leave the page room."""

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.visit import visit
from tests.events.factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture(params=[True, False], ids=["with-js", "without-js"])
def phone(browser: Browser, request):
    context = browser.new_context(viewport=PHONE, locale="da-DK", java_script_enabled=request.param)
    yield context.new_page()
    context.close()


def test_a_visitor_on_a_phone_opens_the_menu_with_the_keyboard_and_reaches_the_events(
    phone, live_server
):
    EventFactory(title="Netværksmøde om samskabelse")
    visit(phone, f"{live_server.url}/")

    header = phone.locator(".site-header")
    assert header.bounding_box()["height"] < 160, "the header takes most of the screen"
    menu_bar = phone.get_by_role("navigation", name="Hovedmenu")
    expect(menu_bar).to_have_count(0)  # folded away: nothing for a screen reader either

    toggle = phone.get_by_text("Menu", exact=True)
    toggle.focus()
    phone.keyboard.press("Enter")

    menu = phone.get_by_role("navigation", name="Hovedmenu")
    expect(menu).to_be_visible()
    menu.get_by_role("link", name="Arrangementer").focus()
    phone.keyboard.press("Enter")

    expect(phone.get_by_role("heading", level=1)).to_have_text("Arrangementer")
    expect(phone.get_by_role("navigation", name="Hovedmenu")).to_have_count(0)
    phone.get_by_text("Menu", exact=True).click()
    current = phone.get_by_role("navigation", name="Hovedmenu").get_by_role(
        "link", name="Arrangementer"
    )
    expect(current).to_have_attribute("aria-current", "page")


def test_a_wide_screen_shows_the_menu_as_a_bar_and_no_menu_button(page, live_server):
    visit(page, f"{live_server.url}/")

    expect(page.get_by_role("navigation", name="Hovedmenu")).to_have_count(1)
    expect(page.get_by_role("navigation", name="Hovedmenu")).to_be_visible()
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
