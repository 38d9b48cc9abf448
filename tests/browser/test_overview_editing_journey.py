"""A new Redaktør rewrites "Hvad er boligsociale indsatser?" in Danish and English, and
visitors read her texts on /indsatsomraader/."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.activities.factories import FocusAreaFactory
from tests.browser.admin import PASSWORD, log_in, write
from tests.browser.visit import visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor():
    call_command("setup_roles", verbosity=0)
    user = get_user_model().objects.create_user(
        "redaktoer", "redaktoer@example.org", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Redaktør"))
    return user


def test_a_redaktoer_rewrites_the_overview_and_visitors_read_it(
    page: Page, live_server, editor, tmp_path
):
    FocusAreaFactory(name="Beskæftigelse", slug="beskaeftigelse")
    log_in(page, live_server.url, create=False)

    page.get_by_role("link", name="Side om boligsociale indsatser").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ret side om boligsociale")
    page.screenshot(path=tmp_path / "overview-admin.png", full_page=True)

    page.locator("#id_title_da").fill("Boligsociale indsatser kort fortalt")
    page.locator("#id_lead_da").fill("Et nyt indledende afsnit om indsatserne.")
    write(page, "id_body_da", "Landsbyggefonden betaler for de fleste indsatser.")
    page.get_by_label("Sprog i alle faner").select_option("en")
    expect(page.locator("#id_title_en")).to_be_visible()
    page.locator("#id_title_en").fill("Social housing efforts in brief")
    page.screenshot(path=tmp_path / "overview-admin-english.png", full_page=True)
    page.get_by_role("button", name="Gem", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("er gemt")
    visit(page, f"{live_server.url}/indsatsomraader/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Boligsociale indsatser kort fortalt")
    expect(page.locator(".lead")).to_have_text("Et nyt indledende afsnit om indsatserne.")
    expect(page.locator(".overview-prose")).to_contain_text("Landsbyggefonden betaler")
    visit(page, f"{live_server.url}/en/indsatsomraader/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Social housing efforts in brief")
