"""What browser tests of the admin do as an editor would: log in, write rich text."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from tests.browser.visit import visit

PASSWORD = "hemmeligt-kodeord"


def log_in(page: Page, base_url: str, username: str = "redaktoer", *, create: bool = True):
    """Log in to the admin in Danish (creating the superuser first, unless told not to)."""
    if create:
        get_user_model().objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    visit(page, f"{base_url}{reverse('admin:login')}")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.locator("#user-tools")).to_be_visible()


def rich_text(page: Page, textarea_id: str) -> Locator:
    """The editable area that stands in for a rich-text field's (hidden) textarea."""
    return page.locator(f".prose-editor:has(> textarea#{textarea_id}) .tiptap")


def write(page: Page, textarea_id: str, text: str) -> None:
    """Replace what a rich-text field holds with ``text``, typed into its editor."""
    area = rich_text(page, textarea_id)
    area.click()
    page.keyboard.press("Control+a")
    page.keyboard.type(text)
    expect(area).to_contain_text(text)
