"""A Skribent proposes and writes; a Redaktør publishes and schedules; visitors see it on time."""

import datetime
import os

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import formats, timezone, translation
from playwright.sync_api import Browser, Page, expect

from portal.models import PublishStatus
from tests.browser.admin import PASSWORD, log_in
from tests.browser.visit import visit
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("PORTAL_SCREENSHOTS", "var/screenshots")
HEADLINE = "Ny rapport om boligsociale helhedsplaner (eksempelindhold)"


@pytest.fixture
def contexts(browser: Browser):
    """Browser contexts of their own (separate cookies), closed after the test."""
    opened = []

    def new_page() -> Page:
        context = browser.new_context(locale="da-DK")
        opened.append(context)
        return context.new_page()

    yield new_page
    for context in opened:
        context.close()


@pytest.fixture
def staff():
    """A Skribent and a Redaktør, in the groups `manage.py setup_roles` makes."""
    call_command("setup_roles", verbosity=0)
    users = {}
    for username, group in [("skribent", "Skribent"), ("redaktoer", "Redaktør")]:
        user = get_user_model().objects.create_user(
            username, f"{username}@example.org", PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


def signed_in(new_page, base_url: str, username: str) -> Page:
    page = new_page()
    log_in(page, base_url, username, create=False)
    return page


def main_text(visitor: Page, url: str) -> str:
    visit(visitor, url)
    return visitor.locator("main").inner_text()


def test_a_writers_change_to_a_published_project_waits_for_an_editor(contexts, live_server, staff):
    project = ProjectFactory(
        title="Stedsidentitet i udsatte boligområder",
        summary_da="Projektet følger beboernes fortællinger om deres område.",
        status=PublishStatus.PUBLISHED,
        contacts=[PersonFactory(name="Helle Nielsen")],
    )
    public_url = f"{live_server.url}{project.get_absolute_url()}"
    change_url = f"{live_server.url}/admin/projects/researchproject/{project.pk}/change/"
    visitor = contexts()
    assert "beboernes fortællinger" in main_text(visitor, public_url)

    writer = signed_in(contexts, live_server.url, "skribent")
    visit(writer, change_url)
    expect(writer.get_by_text("Dine ændringer gemmes som kladde")).to_be_visible()
    expect(writer.get_by_role("button", name="Udgiv", exact=True)).to_have_count(0)
    expect(writer.locator("input[name=status]")).to_have_count(0)  # read-only for a Skribent
    writer.locator("#id_summary_da").fill("Projektet samler beboernes egne billeder af området.")
    writer.get_by_role("button", name="Gem som kladde").first.click()
    expect(writer.locator(".messagelist .success")).to_contain_text("kladde")

    seen = main_text(visitor, public_url)
    assert "beboernes fortællinger" in seen, "visitors keep the published text"
    assert "egne billeder" not in seen

    editor = signed_in(contexts, live_server.url, "redaktoer")
    visit(editor, f"{live_server.url}/admin/projects/researchproject/")
    expect(editor.locator("#result_list")).to_contain_text("Udgivet – med ændringer i kladde")
    visit(editor, change_url)
    expect(editor.locator("#id_summary_da")).to_have_value(
        "Projektet samler beboernes egne billeder af området."
    )
    os.makedirs(SCREENSHOTS, exist_ok=True)
    editor.screenshot(path=f"{SCREENSHOTS}/roles-editor-reviews-draft.png", full_page=True)
    editor.get_by_role("button", name="Udgiv", exact=True).first.click()
    expect(editor.locator(".messagelist .success")).to_contain_text("udgivet")

    seen = main_text(visitor, public_url)
    assert "egne billeder" in seen
    assert "beboernes fortællinger" not in seen


def test_a_writers_news_item_goes_live_when_the_editor_scheduled_it(
    contexts, live_server, staff, monkeypatch
):
    NewsArticleFactory(title="En ældre nyhed", published_on=datetime.date(2021, 2, 15))
    writer = signed_in(contexts, live_server.url, "skribent")
    visit(writer, f"{live_server.url}/admin/news/newsarticle/add/")
    expect(writer.locator("select[name=status]")).to_have_count(0)
    writer.locator("#id_title_da").fill(HEADLINE)
    writer.locator("#id_lead_da").fill("Eksempel: en rapport samler erfaringer.")
    writer.locator(".prose-editor:has(> textarea#id_body_da) .tiptap").click()
    writer.keyboard.type("Eksempeltekst, skrevet til demonstration.")
    writer.locator("input[name=_save]").first.click()
    expect(writer.locator(".messagelist .success")).to_be_visible()
    article = staff["skribent"].logentry_set.get().get_edited_object()
    assert article.status == PublishStatus.DRAFT
    writer.screenshot(path=f"{SCREENSHOTS}/roles-writer-news-list.png", full_page=True)
    # The list offers a Skribent no publishing action, and a crafted one is refused.
    expect(writer.locator("select[name=action] option[value=publish_selected]")).to_have_count(0)

    editor = signed_in(contexts, live_server.url, "redaktoer")
    visit(editor, f"{live_server.url}/admin/news/newsarticle/{article.pk}/change/")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with translation.override("da"):
        day = tomorrow.strftime(formats.get_format("DATE_INPUT_FORMATS")[0])
    editor.locator("#id_status").select_option(PublishStatus.PUBLISHED)
    editor.locator("#id_publish_from_0").fill(day)
    editor.locator("#id_publish_from_1").fill("09:00")
    editor.locator("input[name=_save]").first.click()
    expect(editor.locator(".messagelist .success")).to_be_visible()
    expect(editor.locator("#result_list")).to_contain_text(
        f"Planlagt til {formats.date_format(tomorrow, 'j. F Y')} kl. 9.00"
    )
    editor.screenshot(path=f"{SCREENSHOTS}/roles-editor-scheduled.png", full_page=True)

    visitor = contexts()
    assert HEADLINE not in main_text(visitor, f"{live_server.url}/")
    assert HEADLINE not in main_text(visitor, f"{live_server.url}/nyheder/")

    nine = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(9, 0, 1)))
    monkeypatch.setattr("django.utils.timezone.now", lambda: nine)

    assert HEADLINE in main_text(visitor, f"{live_server.url}/")
    assert HEADLINE in main_text(visitor, f"{live_server.url}/nyheder/")
