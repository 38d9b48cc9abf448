"""Two editors open the same project in two browsers; the second save is refused, not lost."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Locator, Page, expect

from projects.models import ResearchProject
from tests.browser.admin import rich_text, write
from tests.browser.visit import visit
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "hemmeligt-kodeord"


BODY = "id_body_da"


def body_text(page: Page) -> Locator:
    """The project's Danish body as the editor shows it."""
    return rich_text(page, BODY)


def save(page: Page) -> None:
    page.locator('input[name="_save"]').first.click()


@pytest.fixture
def log_in(browser: Browser, live_server):
    """Log an editor in from a browser context of their own, as on two computers."""
    contexts = []

    def log_in(username: str) -> Page:
        context = browser.new_context(locale="da-DK")
        contexts.append(context)
        page = context.new_page()
        visit(page, f"{live_server.url}/admin/login/")
        page.get_by_label("Brugernavn").fill(username)
        page.get_by_label("Adgangskode").fill(PASSWORD)
        page.get_by_role("button", name="Log ind").click()
        expect(page.locator("#logout-form")).to_have_count(1)
        return page

    yield log_in
    # Closed before the live server stops, so no request thread outlives its database.
    for context in contexts:
        context.close()


@pytest.fixture
def editors():
    for username, first, last in (("hanne", "Hanne", "Jensen"), ("jens", "Jens", "Hansen")):
        get_user_model().objects.create_superuser(
            username, f"{username}@example.org", PASSWORD, first_name=first, last_name=last
        )


def test_the_second_editor_is_told_who_saved_and_keeps_their_text(live_server, log_in, editors):
    project = ProjectFactory(title="Praktikpladser", contacts=[PersonFactory()])
    url = f"{live_server.url}/admin/projects/researchproject/{project.pk}/change/"
    hanne, jens = log_in("hanne"), log_in("jens")
    visit(hanne, url)
    visit(jens, url)

    write(hanne, BODY, "Hannes udgave af projektet.")
    save(hanne)
    expect(hanne.locator(".messagelist .success")).to_be_visible()

    write(jens, BODY, "Jens' udgave, som ikke må gå tabt.")
    save(jens)

    error = jens.locator(".errorlist.nonfield")
    expect(error).to_contain_text("Ændringerne er ikke gemt: Hanne Jensen gemte dette indhold")
    expect(error).to_contain_text(re.compile(r"\d{1,2}\. [a-z]+ \d{4} kl\. \d{1,2}\.\d{2}, efter"))
    expect(error).to_contain_text("Kopiér det, du har skrevet, åbn siden igen, og indsæt det.")
    expect(body_text(jens)).to_have_text("Jens' udgave, som ikke må gå tabt.")
    project.refresh_from_db()
    assert "Hannes udgave af projektet." in project.body_da

    with jens.context.expect_page() as opened:
        jens.get_by_role("link", name="Åbn den gemte version i en ny fane").click()
    expect(body_text(opened.value)).to_have_text("Hannes udgave af projektet.")
    expect(body_text(jens)).to_have_text("Jens' udgave, som ikke må gå tabt.")

    visit(jens, url)
    expect(jens.locator(".field-edit_history")).to_contain_text("Senest ændret af Hanne Jensen")
    write(jens, BODY, "Jens' udgave, nu på den gemte.")
    save(jens)

    expect(jens.locator(".messagelist .success")).to_be_visible()
    assert "Jens' udgave, nu på den gemte." in ResearchProject.objects.get().body_da
