"""An editor gives a project subjects from the list by typing, and adds a new one on purpose."""

import os
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.admin import log_in
from tests.browser.visit import visit
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR", "var/screenshots")


def subjects_box(page: Page):
    """The search box of the project's subject field."""
    return page.locator(".subject-field .select2-search__field")


def test_an_editor_picks_a_subject_by_typing_and_creates_a_new_one(page: Page, live_server):
    TagFactory(name="renovering")
    TagFactory(name="boligområder")
    TagFactory(name="beskæftigelse")
    project = ProjectFactory(title="Praktikpladser", contacts=[PersonFactory()])
    log_in(page, live_server.url)
    visit(page, f"{live_server.url}/admin/projects/researchproject/{project.pk}/change/")

    # Keyboard only: into the box, type part of the name, Enter picks the match.
    subjects_box(page).focus()
    page.keyboard.type("bolig")
    expect(page.locator(".select2-results__option--highlighted")).to_have_text("boligområder")
    os.makedirs(SCREENSHOTS, exist_ok=True)
    page.screenshot(path=f"{SCREENSHOTS}/subjects-autocomplete.png", full_page=False)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(page.locator(".subject-field .select2-selection__choice")).to_have_text(
        ["×boligområder"]
    )

    # A word that is no subject is not made one by typing it.
    subjects_box(page).focus()
    page.keyboard.type("helt nyt emne")
    expect(page.locator(".select2-results__message")).to_contain_text("Intet emne passer")
    page.keyboard.press("Escape")
    subjects_box(page).fill("")

    # "Nyt emne" is the deliberate step: its own form, in the admin's pop-up.
    with page.expect_popup() as opened:
        page.get_by_role("link", name="Nyt emne").click()
    popup = opened.value
    popup.get_by_label(re.compile(r"^Navn:?$")).fill("helt nyt emne")
    popup.get_by_role("button", name="Gem", exact=True).click()
    popup.wait_for_event("close")
    expect(page.locator(".subject-field .select2-selection__choice")).to_have_text(
        ["×boligområder", "×helt nyt emne"]
    )
    page.screenshot(path=f"{SCREENSHOTS}/subjects-picked.png", full_page=False)

    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    project.refresh_from_db()
    assert sorted(project.tags.names()) == ["boligområder", "helt nyt emne"]


def test_an_editor_merges_two_subjects_and_the_projects_follow(page: Page, live_server):
    keep, lose = TagFactory(name="boligområder"), TagFactory(name="Boligområde")
    ProjectFactory.create_batch(2, tags=[keep])
    moved = ProjectFactory(tags=[lose])
    log_in(page, live_server.url)
    visit(page, f"{live_server.url}/admin/portal/tag/")

    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option(label="Flet valgte emner")
    page.get_by_role("button", name="Kør").click()
    expect(page.get_by_role("heading", name="Flet emner")).to_be_visible()
    os.makedirs(SCREENSHOTS, exist_ok=True)
    page.screenshot(path=f"{SCREENSHOTS}/subjects-merge.png", full_page=False)
    page.get_by_label("boligområder (bruges 2 steder)").check()
    page.get_by_role("button", name="Flet emnerne").click()

    expect(page.locator(".messagelist .success")).to_have_text(
        "1 emne er flettet ind i “boligområder”."
    )
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    assert list(moved.tags.names()) == ["boligområder"]
