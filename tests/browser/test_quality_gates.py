"""Every public page type, in Danish and English, in a real browser.

Pages are found from the site itself (tests/site/pages.py): the sitemap, the filtered
variants linked from list pages, and a 404.
"""

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.browser.visit import expected_status, visit
from tests.site.pages import discover_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary),
  }));
}"""


@pytest.fixture
def site_pages(client, settings):
    settings.DEMO_NOTICE = "auto"  # pages as the demo shows them: with its notice
    call_command("load_demo", verbosity=0)
    return discover_pages(client)


def test_every_page_type_passes_axe_wcag_21_aa(browser, live_server, site_pages):
    if not AXE.exists():
        pytest.skip("axe-core is missing: run `npm ci`")
    # axe is injected from outside the page, so this context lets it past the CSP.
    context = browser.new_context(bypass_csp=True, locale="da-DK")
    page = context.new_page()
    violations = {}
    for label, path in site_pages.items():
        visit(page, live_server.url + path, expected_status(path))
        page.evaluate(AXE.read_text())
        found = page.evaluate(RUN_AXE, WCAG_21_AA)
        if found:
            violations[f"{label} {path}"] = found
    context.close()

    assert len(site_pages) >= 12
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)


def test_no_page_breaks_the_content_security_policy(page: Page, live_server, site_pages):
    problems = []
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    for path in site_pages.values():
        visit(page, live_server.url + path, expected_status(path))

    csp = [p for p in problems if "Content Security Policy" in p or "Refused to" in p]
    assert not csp, "\n".join(csp)


def test_the_admin_works_under_the_same_policy(page: Page, live_server, site_pages):
    get_user_model().objects.create_superuser("redaktoer", "r@example.org", "hemmeligt-kodeord")
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    visit(page, f"{live_server.url}/admin/")
    page.get_by_label("Brugernavn").fill("redaktoer")
    page.get_by_label("Adgangskode").fill("hemmeligt-kodeord")
    page.get_by_role("button", name="Log ind").click()
    visit(page, f"{live_server.url}/admin/projects/researchproject/add/")

    # modeltranslation's language tabs need jQuery UI, served by the site itself.
    expect(page.locator(".ui-tabs-nav").first).to_be_visible()
    page.get_by_role("tab", name="en").first.click()
    expect(page.locator("#id_title_en")).to_be_visible()
    assert not problems, "\n".join(problems)


def focused_outline(page: Page) -> dict:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          return {tag: el.tagName, text: (el.innerText || el.value || "").trim().slice(0, 60),
                  outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
        }"""
    )


def tab_until(page: Page, text: str, limit: int = 120) -> None:
    """Press Tab until the focused element's text starts with ``text``; focus must show."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = focused_outline(page)
        assert focused["outline"] != "none" and focused["width"] >= 2, focused
        if focused["text"].startswith(text):
            return
    raise AssertionError(f"never reached {text!r} with Tab")


def test_keyboard_only_visitor_filters_projects_and_opens_one(page: Page, live_server, site_pages):
    visit(page, live_server.url + "/")

    tab_until(page, "Nu undersøger vi")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/nu-undersoeger-vi/")

    tab_until(page, "Alle kontaktpersoner")
    page.keyboard.press("ArrowDown")  # the first person in the list
    tab_until(page, "Alle emner")
    tab_until(page, "Vis projekter")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/nu-undersoeger-vi/?kontakt=anne-clementsen")
    expect(page.get_by_role("heading", name="1 projekt", exact=True)).to_be_visible()

    tab_until(page, "Stedsidentiteten i udsatte boligområder")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stedsidentiteten i udsatte boligområder"
    )

    # The project belongs to a theme; from there, open a "Læs mere" with the keyboard.
    tab_until(page, "Det boligsociale arbejde i bevægelse")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Det boligsociale arbejde i bevægelse"
    )
    tab_until(page, "Læs mere")
    page.keyboard.press("Enter")
    expect(page.locator("details[open]").first).to_be_visible()
    assert page.evaluate("document.activeElement.parentElement.open") is True


def test_a_slug_typed_in_the_admin_keeps_danish_words_readable(page: Page, live_server, site_pages):
    get_user_model().objects.create_superuser("redaktoer", "r@example.org", "hemmeligt-kodeord")
    visit(page, f"{live_server.url}/admin/")
    page.get_by_label("Brugernavn").fill("redaktoer")
    page.get_by_label("Adgangskode").fill("hemmeligt-kodeord")
    page.get_by_role("button", name="Log ind").click()
    visit(page, f"{live_server.url}/admin/projects/researchproject/add/")

    page.locator("#id_title_da").press_sequentially("Beskæftigelse på Nørrebro")

    expect(page.locator("#id_slug")).to_have_value("beskaeftigelse-paa-noerrebro")
