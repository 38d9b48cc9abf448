"""Editors bring back earlier work: a theme's earlier version, and a deleted project."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.admin import log_in, rich_text, write
from tests.browser.visit import visit
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, ThemeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def edit_sections(page: Page, changes: dict[int, dict[str, str]]) -> None:
    """Change sections on the theme's open form: {section's place in the form: {what: value}}.

    "text" replaces the section's Danish text in its editor; "move" is "op" or "ned" and
    presses the section's move button. The one place that knows how the form shows
    sections, so a new way of editing them changes only this function.
    """
    for index, fields in changes.items():
        section = page.locator(f"#sections-{index}")
        heading = page.locator(f"#id_sections-{index}-heading_da").input_value()
        if "text" in fields:
            section.locator("summary").first.click()
            write(page, f"id_sections-{index}-body_da", fields["text"])
        if "move" in fields:
            name = f"Flyt afsnittet »{heading}« {fields['move']}"
            page.get_by_role("button", name=name, exact=True).click()


def save_theme(page: Page, live_server, theme, changes: dict[int, dict[str, str]]) -> None:
    visit(page, f"{live_server.url}/admin/themes/theme/{theme.pk}/change/")
    edit_sections(page, changes)
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def headings_and_text(visitor: Page, url: str) -> str:
    visit(visitor, url)
    return visitor.locator("main").inner_text()


def test_an_editor_restores_a_themes_first_version_and_visitors_see_it(
    page: Page, browser: Browser, live_server
):
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse")
    SectionFactory(theme=theme, order=1, heading="Det første afsnit", body="Oprindelig tekst.")
    SectionFactory(theme=theme, order=2, heading="Det andet afsnit", body="Andet afsnits tekst.")
    public_url = f"{live_server.url}{theme.get_absolute_url()}"
    visitor = browser.new_page()
    log_in(page, live_server.url)

    save_theme(page, live_server, theme, {0: {"text": "Første udgave af teksten."}})
    save_theme(page, live_server, theme, {0: {"text": "Anden udgave af teksten.", "move": "ned"}})
    seen = headings_and_text(visitor, public_url)  # the page cache now holds this
    assert seen.index("Det andet afsnit") < seen.index("Det første afsnit")
    assert "Anden udgave af teksten." in seen

    visit(page, f"{live_server.url}/admin/themes/theme/{theme.pk}/history/")
    expect(page.get_by_role("heading", name=re.compile("Historik"))).to_be_visible()
    page.locator("#change-history tbody tr").last.get_by_role("link").click()
    expect(rich_text(page, "id_sections-0-body_da")).to_have_text("Første udgave af teksten.")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    seen = headings_and_text(visitor, public_url)
    assert "Første udgave af teksten." in seen
    assert "Anden udgave af teksten." not in seen
    assert seen.index("Det første afsnit") < seen.index("Det andet afsnit")
    visitor.close()


def test_a_deleted_project_is_restored_and_back_on_its_contacts_list(
    page: Page, browser: Browser, live_server
):
    mette = PersonFactory(name="Mette Fabricius Madsen", slug="mette-fabricius-madsen")
    project = ProjectFactory(title="Praktikpladser i boligområderne", contacts=[mette])
    contact_list = f"{live_server.url}/nu-undersoeger-vi/?kontakt={mette.slug}"
    visitor = browser.new_page()
    log_in(page, live_server.url)

    visit(page, f"{live_server.url}/admin/projects/researchproject/{project.pk}/delete/")
    page.get_by_role("button", name=re.compile("Ja, jeg er sikker")).click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    visit(visitor, f"{live_server.url}/nu-undersoeger-vi/")
    expect(visitor.get_by_text("Praktikpladser i boligområderne")).to_have_count(0)

    page.get_by_role("link", name="Slettede forskningsprojekter").click()
    page.get_by_role("link", name=re.compile("Gendan “Praktikpladser i boligområderne”")).click()
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    visit(visitor, contact_list)
    expect(visitor.get_by_role("link", name="Praktikpladser i boligområderne")).to_be_visible()
    visitor.close()
