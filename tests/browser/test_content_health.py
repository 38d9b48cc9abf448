"""An editor opens the Indholdstjek from the admin's front page and reads it in a browser."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from portal.models import Person
from tests.browser.admin import log_in
from tests.browser.test_admin_accessibility import AXE, axe
from tests.browser.visit import visit
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_finds_what_needs_attention_and_opens_the_item(page, live_server):
    if not AXE.exists():
        pytest.skip("axe-core is missing: run `npm ci`")
    call_command("load_demo", verbosity=0)
    overdue = ProjectFactory(
        title="Forsinket projekt", start_year=2015, end_year=2016, contacts=[Person.objects.first()]
    )
    base = live_server.url
    log_in(page, base)
    visit(page, f"{base}/admin/")

    page.get_by_role("link", name="Se, hvad på portalen der trænger til").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Indholdstjek")
    table = page.get_by_role("table", name="Igangværende projekter, hvis slutår er passeret")
    expect(table).to_be_visible()
    assert axe(page) == []
    table.get_by_role("link", name="Forsinket projekt").click()
    expect(page).to_have_url(f"{base}/admin/projects/researchproject/{overdue.pk}/change/")
