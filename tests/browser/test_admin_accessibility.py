"""The admin, as the centre's staff use it, in a real browser.

Every page an editor reaches is found from the admin itself: the index, each app, and for
every registered model its list, its add form, the change form and history of one object,
and whatever the object tools of a list or form link to (history, compare, restore, deleted
items), so a content type or admin page added later is checked without touching this file.
"""

import json
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from playwright.sync_api import Page, expect

from projects.models import ResearchProject
from tests.browser.visit import visit
from themes.models import Theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary),
  }));
}"""
USERNAME, PASSWORD = "redaktoer", "hemmeligt-kodeord"
# Links under these lead away from the editor's pages (the public site, logging out) or
# change data when followed.
NOT_EDITOR_PAGES = ("/logout/", "/delete/", "/r/")


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)
    get_user_model().objects.create_superuser(USERNAME, "r@example.org", PASSWORD)


@pytest.fixture
def editor(browser, live_server, demo):
    """A logged-in editor's page in Danish; axe is injected from outside, past the CSP."""
    context = browser.new_context(bypass_csp=True, locale="da-DK")
    page = context.new_page()
    yield page
    context.close()


def log_in(page: Page, base: str) -> None:
    visit(page, f"{base}/admin/login/")
    page.get_by_label("Brugernavn").fill(USERNAME)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page).to_have_url(f"{base}/admin/")


def edit_twice(page: Page, base: str, model) -> None:
    """Save an object's title twice, so its history has versions to list and compare."""
    opts = model._meta
    instance = model.objects.order_by("pk").first()
    for suffix in (" (1)", " (2)"):
        visit(
            page,
            base + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk]),
        )
        page.locator("#id_title_da").fill(instance.title_da + suffix)
        page.locator("input[name=_continue]").first.click()
        expect(page.locator(".messagelist .success")).to_be_visible()


def delete_one(page: Page, base: str, model) -> None:
    """Delete an object as an editor does, so the list of deleted items has one to restore."""
    opts = model._meta
    instance = model.objects.order_by("pk").last()
    visit(
        page,
        base + reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[instance.pk]),
    )
    page.get_by_role("button", name="Ja, jeg er sikker").click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def admin_pages() -> dict[str, str]:
    """The admin's own pages for every registered model: list, add, change and history."""
    pages = {
        "forside": reverse("admin:index"),
        "skift adgangskode": reverse("admin:password_change"),
    }
    superuser = RequestFactory().get("/")
    superuser.user = get_user_model().objects.filter(is_superuser=True).first()
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        name = f"{opts.app_label}.{opts.model_name}"
        pages[f"app {opts.app_label}"] = reverse("admin:app_list", args=[opts.app_label])
        pages[f"{name} liste"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        if model_admin.has_add_permission(superuser):  # login locks are only made by logins
            pages[f"{name} tilføj"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        instance = model._default_manager.order_by("pk").first()
        if instance is not None:
            args = [instance.pk]
            pages[f"{name} ret"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=args
            )
            pages[f"{name} historik"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_history", args=args
            )
    return pages


def linked_admin_pages(page: Page, selector: str, under: str = "/admin/") -> list[str]:
    """The admin paths under ``under`` that links matched by ``selector`` go to."""
    hrefs = page.eval_on_selector_all(selector, "links => links.map(a => a.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(urljoin(page.url, href))
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not parts.path.startswith(under) or parts.path.endswith(NOT_EDITOR_PAGES):
            continue
        found.append(path)
    return found


def get_form_pages(page: Page) -> list[str]:
    """Where the open page's GET forms lead with their preset values (compare two versions)."""
    urls = page.eval_on_selector_all(
        "#content-main form",
        """forms => forms.filter(f => f.method.toLowerCase() === "get").map(f =>
            f.action.split("?")[0] + "?" + new URLSearchParams(new FormData(f)))""",
    )
    return [urlsplit(url).path + "?" + urlsplit(url).query for url in urls]


def axe(page: Page) -> list[dict]:
    page.evaluate(AXE.read_text())
    return page.evaluate(RUN_AXE, WCAG_22_AA)


def test_every_admin_page_an_editor_uses_passes_axe_wcag_22_aa(editor, live_server):
    if not AXE.exists():
        pytest.skip("axe-core is missing: run `npm ci`")
    base = live_server.url
    violations, statuses, errors = {}, {}, []
    editor.on("pageerror", lambda error: errors.append(f"{editor.url}: {error}"))

    visit(editor, f"{base}/admin/login/")
    if found := axe(editor):
        violations["log ind"] = found
    log_in(editor, base)
    for model in (ResearchProject, Theme):
        edit_twice(editor, base, model)
    delete_one(editor, base, ResearchProject)

    pages = admin_pages()
    checked: set[str] = set()
    queue = list(pages.items())
    while queue:
        label, path = queue.pop(0)
        if path in checked:
            continue
        checked.add(path)
        response = editor.goto(base + path)
        if response is None or response.status != 200:
            statuses[f"{label} {path}"] = response.status if response else None
            continue
        if found := axe(editor):
            violations[f"{label} {path}"] = found
        # What a list's or form's object tools link to (history, compare, deleted items)
        # and the pages a history lists are editor pages too.
        for linked in linked_admin_pages(editor, ".object-tools a"):
            queue.append((f"{label} → værktøj", linked))
        if label.endswith(("historik", "værktøj")):
            model_path = "/".join(urlsplit(path).path.split("/")[:4]) + "/"
            linked_pages = linked_admin_pages(editor, "#content-main a", model_path)
            for linked in [path for path in linked_pages if path not in checked][:3]:
                queue.append((f"{label} → side", linked))
            for linked in get_form_pages(editor):
                queue.append((f"{label} → formular", linked))

    registered = {m._meta.label_lower for m in admin.site._registry}
    assert len(registered) >= 12
    assert {pages[f"{name} liste"] for name in registered} <= checked
    assert any(path.endswith("/history/") for path in checked)
    assert any("/recover/" in path for path in checked)  # restoring a deleted item
    assert not statuses, statuses
    assert not errors, "\n".join(errors)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)


def focus(page: Page) -> dict:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          const inner = el.querySelector("a[href], button, input, select, textarea, [tabindex]");
          return {id: el.id, role: el.getAttribute("role"), text: el.textContent.trim(),
                  nested: inner ? inner.outerHTML : null,
                  controls: el.getAttribute("aria-controls"),
                  outline: style.outlineStyle, width: parseFloat(style.outlineWidth)}
        }"""
    )


def assert_focus_shows(focused: dict) -> None:
    assert focused["outline"] not in ("none", "auto") and focused["width"] >= 2, focused


ENGLISH_TITLE = "Place identity in deprived neighbourhoods"


def test_an_editor_switches_a_fields_language_with_the_keyboard_alone(editor, live_server):
    project = ResearchProject.objects.get(slug="stedsidentiteten-i-udsatte-boligomraader")
    log_in(editor, live_server.url)
    visit(editor, f"{live_server.url}/admin/projects/researchproject/{project.pk}/change/")

    # The admin's sidebar comes first: every app's links (more apps, more stops).
    for _ in range(100):
        editor.keyboard.press("Tab")
        if focus(editor)["controls"] == "tab_id_title_da":
            break
    else:
        raise AssertionError("Tab never reached the title's Danish tab")
    danish = focus(editor)
    # A tab holds no control of its own, or a screen reader meets one control in another.
    assert (danish["role"], danish["text"], danish["nested"]) == ("tab", "da", None)
    assert_focus_shows(danish)

    editor.keyboard.press("ArrowRight")
    english = focus(editor)
    assert (english["role"], english["text"], english["controls"]) == (
        "tab",
        "en",
        "tab_id_title_en",
    )
    assert_focus_shows(english)
    expect(editor.get_by_role("tab", name="en").first).to_have_attribute("aria-selected", "true")
    expect(editor.locator("#id_title_en")).to_be_visible()
    expect(editor.locator("#id_title_da")).to_be_hidden()

    editor.keyboard.press("Tab")
    assert focus(editor)["id"] == "id_title_en"
    assert_focus_shows(focus(editor))
    editor.keyboard.press("ControlOrMeta+A")
    editor.keyboard.type(ENGLISH_TITLE)
    expect(editor.locator("#id_title_en")).to_have_value(ENGLISH_TITLE)

    # Back with Shift+Tab; Ctrl+Home moves to the Danish tab without opening it, Enter opens it.
    editor.keyboard.press("Shift+Tab")
    assert focus(editor)["controls"] == "tab_id_title_en"
    editor.keyboard.press("Control+Home")
    assert focus(editor)["controls"] == "tab_id_title_da"
    expect(editor.locator("#id_title_en")).to_be_visible()
    editor.keyboard.press("Enter")
    assert focus(editor)["controls"] == "tab_id_title_da"
    expect(editor.locator("#id_title_da")).to_be_visible()
    expect(editor.locator("#id_title_da")).to_have_value(project.title_da)


def test_rows_an_editor_adds_to_a_form_pass_axe_too(editor, live_server):
    """Inline rows are built in the browser, after the page has been named and labelled."""
    if not AXE.exists():
        pytest.skip("axe-core is missing: run `npm ci`")
    log_in(editor, live_server.url)
    violations = {}
    for model in (ResearchProject, Theme):
        opts = model._meta
        instance = model.objects.order_by("pk").first()
        visit(
            editor,
            live_server.url
            + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk]),
        )
        forms = editor.locator("input[name$='-TOTAL_FORMS']")
        before = [int(value) for value in forms.evaluate_all("els => els.map(e => e.value)")]
        # Django's "Tilføj endnu en …" links, and nested inlines' add buttons.
        adders = editor.locator(".inline-group .add-row a:visible, .djn-add-handler:visible")
        for index in range(adders.count()):
            adders.nth(index).click()
        after = [int(value) for value in forms.evaluate_all("els => els.map(e => e.value)")]
        assert sum(after) > sum(before) > 0
        if found := axe(editor):
            violations[opts.label] = found

    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
