"""Editors bring back earlier work: a theme's earlier version, and a deleted project."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Page, expect

from tests.browser.visit import visit
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, ThemeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, live_server) -> None:
    get_user_model().objects.create_superuser("redaktoer", "r@example.org", "hemmeligt-kodeord")
    visit(page, f"{live_server.url}/admin/")
    page.get_by_label("Brugernavn").fill("redaktoer")
    page.get_by_label("Adgangskode").fill("hemmeligt-kodeord")
    page.get_by_role("button", name="Log ind").click()


def edit_sections(page: Page, changes: dict[int, dict[str, str]]) -> None:
    """Change sections on the theme's open form: {section's place in the form: {field: value}}.

    The one place that knows how the form shows sections (today an inline with an order
    number per section), so a new way of ordering them changes only this function.
    """
    for index, fields in changes.items():
        if "order" in fields:
            page.locator(f"#id_sections-{index}-order").fill(fields["order"])
        if "text" in fields:
            page.locator(f"#id_sections-{index}-body_da").fill(fields["text"])


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
    log_in(page, live_server)

    save_theme(page, live_server, theme, {0: {"text": "Første udgave af teksten."}})
    save_theme(page, live_server, theme, {0: {"order": "3", "text": "Anden udgave af teksten."}})
    seen = headings_and_text(visitor, public_url)  # the page cache now holds this
    assert seen.index("Det andet afsnit") < seen.index("Det første afsnit")
    assert "Anden udgave af teksten." in seen

    visit(page, f"{live_server.url}/admin/themes/theme/{theme.pk}/history/")
    expect(page.get_by_role("heading", name=re.compile("Historik"))).to_be_visible()
    page.locator("#change-history tbody tr").last.get_by_role("link").click()
    expect(page.locator("#id_sections-0-body_da")).to_have_value("<p>Første udgave af teksten.</p>")
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
    log_in(page, live_server)

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
