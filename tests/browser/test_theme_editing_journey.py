"""An editor rearranges a theme on its own admin form, by keyboard, and loses no work."""

import pytest
from playwright.sync_api import Dialog, Page, expect

from tests.browser.admin import log_in, write
from tests.browser.visit import visit
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from themes.models import SectionKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def theme():
    theme = ThemeFactory(
        title="Det boligsociale arbejde i bevægelse", slug="det-boligsociale-arbejde"
    )
    SectionFactory(theme=theme, order=0, heading="Baggrund", body="Om baggrunden.")
    process = SectionFactory(
        theme=theme, order=1, heading="Proces", kind=SectionKind.PROCESS, body="Faserne."
    )
    SectionItemFactory(section=process, order=0, title="Afklaring af behov")
    return theme


@pytest.fixture
def problems(page: Page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda msg: found.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def open_theme_form(page: Page, live_server, theme) -> None:
    log_in(page, live_server.url)
    visit(page, f"{live_server.url}/admin/themes/theme/{theme.pk}/change/")


def tab_to(page: Page, name: str, limit: int = 200) -> None:
    """Press Tab until the button called ``name`` has focus, as a keyboard user would."""
    target = page.get_by_role("button", name=name, exact=True)
    for _press in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("node => node === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached the button {name!r}")


def section_headings(page: Page, live_server, theme) -> list[str]:
    visit(page, f"{live_server.url}{theme.get_absolute_url()}")
    return page.locator(".theme-section__heading").all_inner_texts()


def test_editor_moves_a_section_up_by_keyboard_and_the_page_follows(
    page: Page, live_server, theme, problems
):
    open_theme_form(page, live_server, theme)

    tab_to(page, "Flyt afsnittet »Proces« op")
    page.keyboard.press("Enter")

    moved = page.get_by_role("button", name="Flyt afsnittet »Proces« op", exact=True)
    expect(moved).to_be_focused()
    status = page.get_by_role("status").first
    expect(status).to_have_text("Afsnittet »Proces« er nu nummer 1 af 2.")

    # Space works as well as Enter, and the part's other button is one Tab away.
    page.keyboard.press("Tab")
    down = page.get_by_role("button", name="Flyt afsnittet »Proces« ned", exact=True)
    expect(down).to_be_focused()
    page.keyboard.press("Space")
    expect(down).to_be_focused()
    expect(status).to_have_text("Afsnittet »Proces« er nu nummer 2 af 2.")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    expect(moved).to_be_focused()
    expect(status).to_have_text("Afsnittet »Proces« er nu nummer 1 af 2.")
    page.get_by_role("button", name="Gem", exact=True).first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    assert section_headings(page, live_server, theme) == ["Proces", "Baggrund"]
    assert not problems, "\n".join(problems)


def test_editor_drags_a_section_above_another(page: Page, live_server, theme, problems):
    open_theme_form(page, live_server, theme)

    page.locator("#sections-1 > h3 .inline_label").drag_to(
        page.locator("#sections-0 > h3 .inline_label")
    )
    page.get_by_role("button", name="Gem", exact=True).first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    assert section_headings(page, live_server, theme) == ["Proces", "Baggrund"]
    assert not problems, "\n".join(problems)


def test_editor_adds_an_item_to_a_section_without_leaving_the_theme(
    page: Page, live_server, theme, problems
):
    open_theme_form(page, live_server, theme)
    process = page.locator("#sections-1")

    process.locator("summary").first.click()
    process.get_by_role("button", name="Tilføj et punkt").click()
    new_item = page.locator("#sections-1-items-1")
    new_item.locator("#id_sections-1-items-1-title_da").fill("Finansiering")
    write(page, "id_sections-1-items-1-body_da", "Hvem betaler?")
    # The new item has its own language tabs, like the items that were there.
    new_item.get_by_role("tab", name="en").first.click()
    new_item.locator("#id_sections-1-items-1-title_en").fill("Funding")
    page.get_by_role("button", name="Gem", exact=True).first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    visit(page, f"{live_server.url}{theme.get_absolute_url()}")
    phases = page.get_by_role("figure", name="Procesmodellen i 2 faser").get_by_role("listitem")
    expect(phases.nth(0)).to_contain_text("Afklaring af behov")
    expect(phases.nth(1)).to_contain_text("Finansiering")
    visit(page, f"{live_server.url}/en{theme.get_absolute_url()}")
    expect(page.get_by_text("Funding")).to_be_visible()
    assert not problems, "\n".join(problems)


def test_leaving_with_unsaved_changes_asks_first_and_saving_does_not(
    page: Page, live_server, theme
):
    open_theme_form(page, live_server, theme)
    dialogs: list[str] = []

    def answer(dialog: Dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)

    page.get_by_role("link", name="Temaer").first.click()  # nothing typed: leaves at once
    expect(page).to_have_url(f"{live_server.url}/admin/themes/")
    assert dialogs == []

    visit(page, f"{live_server.url}/admin/themes/theme/{theme.pk}/change/")
    page.locator("#id_lead_da").press_sequentially(" Et ord mere.")
    page.get_by_role("link", name="Temaer").first.click()

    expect(page).to_have_url(f"{live_server.url}/admin/themes/theme/{theme.pk}/change/")
    assert dialogs == ["beforeunload"]

    page.get_by_role("button", name="Gem", exact=True).first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert dialogs == ["beforeunload"]


def test_an_added_section_or_a_scripted_edit_counts_as_unsaved(page: Page, live_server, theme):
    open_theme_form(page, live_server, theme)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))

    page.get_by_role("button", name="Tilføj et afsnit").click()
    page.get_by_role("link", name="Temaer").first.click()

    assert dialogs == ["beforeunload"]

    # The rich-text editor writes into its hidden textarea and says so with an input event.
    page = page.context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    visit(page, f"{live_server.url}/admin/themes/theme/{theme.pk}/change/")
    page.locator("#id_title_da").click()
    page.evaluate(
        """() => {
        const field = document.getElementById("id_intro_da");
        field.value = "<p><strong>Ny</strong> tekst</p>";
        field.dispatchEvent(new Event("input", {bubbles: true}));
    }"""
    )
    page.get_by_role("link", name="Temaer").first.click()

    assert dialogs == ["beforeunload", "beforeunload"]
