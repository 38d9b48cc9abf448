"""Editors write rich text in the admin's editor, under the site's CSP, and the page shows it."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Locator, Page, expect

from activities.models import Activity
from news.models import NewsArticle
from projects.models import ResearchProject
from tests.activities.factories import ActivityFactory
from tests.browser.visit import visit
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from themes.models import Section, Theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every violation of the page's CSP is kept on window, whichever element caused it.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sample} ${event.sourceFile}`
  );
});
"""

LINK = "https://example.org/viden"
WRITTEN = (
    '<p>Et <strong>fedt</strong> ord og et <a href="https://example.org/viden" '
    'rel="noopener noreferrer">link</a></p>'
    "<ul><li><p>Første punkt</p></li><li><p>Andet punkt</p></li></ul>"
)


class Watch:
    """What went wrong in the browser: CSP violations and console errors, on every page."""

    def __init__(self, page: Page):
        self.page = page
        self.errors: list[str] = []
        self.violations: list[str] = []
        page.add_init_script(RECORD_CSP_VIOLATIONS)
        page.on(
            "console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None
        )
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def collect(self) -> None:
        """Keep this page's violations before it is left."""
        self.violations += self.page.evaluate("window.cspViolations")

    def assert_clean(self) -> None:
        self.collect()
        assert not self.violations, "\n".join(self.violations)
        assert not self.errors, "\n".join(self.errors)


@pytest.fixture
def watch(page: Page, live_server) -> Watch:
    get_user_model().objects.create_superuser("redaktoer", "r@example.org", "hemmeligt-kodeord")
    watch = Watch(page)
    visit(page, f"{live_server.url}/admin/")
    page.get_by_label("Brugernavn").fill("redaktoer")
    page.get_by_label("Adgangskode").fill("hemmeligt-kodeord")
    page.get_by_role("button", name="Log ind").click()
    expect(page.locator("#user-tools")).to_be_visible()
    return watch


def editor_for(page: Page, textarea_id: str) -> Locator:
    """The editable area that stands in for a field's textarea."""
    return page.locator(f".prose-editor:has(> textarea#{textarea_id}) .tiptap")


def menu_button(page: Page, textarea_id: str, name: str) -> Locator:
    return page.locator(
        f".prose-editor:has(> textarea#{textarea_id}) .prose-menubar [data-name={name}]"
    )


def write_bold_link_and_list(page: Page, textarea_id: str) -> None:
    """Type as an editor does: a bold word by shortcut, a list and a link by the toolbar."""
    area = editor_for(page, textarea_id)
    area.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Et ")
    page.keyboard.press("Control+b")
    page.keyboard.type("fedt")
    page.keyboard.press("Control+b")
    page.keyboard.type(" ord og et link")
    page.keyboard.press("Enter")
    menu_button(page, textarea_id, "bulletList").click()
    page.keyboard.type("Første punkt")
    page.keyboard.press("Enter")
    page.keyboard.type("Andet punkt")
    expect(area.locator("ul li")).to_have_count(2)

    # Back to the first line to make its last word a link.
    area.locator("p").first.click()
    page.keyboard.press("End")
    for _ in range(len("link")):
        page.keyboard.press("Shift+ArrowLeft")
    page.wait_for_function("() => window.getSelection().toString() === 'link'")
    menu_button(page, textarea_id, "link").click()
    dialog = page.locator("dialog[open]")
    dialog.locator("input[name=href]").fill(LINK)
    dialog.locator("button[type=submit]").click()
    expect(dialog).to_have_count(0)
    expect(area.get_by_role("link", name="link")).to_have_attribute("href", LINK)


def save(page: Page, watch: Watch) -> None:
    watch.collect()
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def open_change_form(page: Page, live_server, obj) -> None:
    meta = obj._meta
    visit(page, f"{live_server.url}/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/change/")


def test_an_editor_writes_a_project_body_and_the_page_shows_exactly_that(
    page: Page, live_server, watch
):
    project = ProjectFactory(slug="boligsocial-viden", contacts=[PersonFactory()])
    open_change_form(page, live_server, project)
    toolbar = page.locator(".prose-editor:has(> textarea#id_body_da) .prose-menubar")
    for name in ("Fed", "Kursiv", "Punktopstilling", "Nummereret liste", "Citat", "Indsæt link"):
        expect(toolbar.get_by_role("button", name=name, exact=True)).to_be_visible()
    for name in ("underline", "strike", "code", "table", "figure", "horizontalRule", "html"):
        expect(toolbar.locator(f"[data-name={name}]")).to_have_count(0)

    write_bold_link_and_list(page, "id_body_da")
    save(page, watch)

    assert ResearchProject.objects.get(pk=project.pk).body_da == WRITTEN
    visit(page, f"{live_server.url}/nu-undersoeger-vi/boligsocial-viden/")
    body = page.locator(".article__body > div").first
    assert body.inner_html() == WRITTEN
    expect(body.get_by_role("link", name="link")).to_have_attribute("href", LINK)
    watch.assert_clean()


@pytest.mark.parametrize(
    ("make", "textarea_id", "stored"),
    [
        (
            lambda: NewsArticleFactory(),
            "id_body_da",
            lambda pk: NewsArticle.objects.get(pk=pk).body_da,
        ),
        (
            lambda: ActivityFactory(),
            "id_method_text_da",
            lambda pk: Activity.objects.get(pk=pk).method_text_da,
        ),
        (lambda: ThemeFactory(), "id_intro_da", lambda pk: Theme.objects.get(pk=pk).intro_da),
        (
            lambda: SectionItemFactory().section,
            "id_read_more_da",
            lambda pk: Section.objects.get(pk=pk).read_more_da,
        ),
    ],
    ids=["news", "activity", "theme", "section"],
)
def test_every_form_with_rich_text_takes_bold_a_link_and_a_list_under_the_csp(
    page: Page, live_server, watch, make, textarea_id, stored
):
    obj = make()
    open_change_form(page, live_server, obj)
    # Every rich-text field on the form has its editor, in both language tabs (an inline's
    # empty template form gets its editor once it is added).
    fields = page.locator("textarea[data-rich-text-editor]:not([id*=__prefix__])")
    expect(page.locator(".prose-editor > textarea")).to_have_count(fields.count())
    assert fields.count() >= 2

    write_bold_link_and_list(page, textarea_id)
    save(page, watch)

    assert stored(obj.pk) == WRITTEN
    watch.assert_clean()


def test_a_section_added_on_the_theme_form_gets_its_editor(page: Page, live_server, watch):
    theme = ThemeFactory()
    SectionFactory(theme=theme, heading="Første afsnit")
    open_change_form(page, live_server, theme)

    page.get_by_role("button", name="Tilføj et afsnit").click()
    new_section = "id_sections-1-body_da"
    expect(editor_for(page, new_section)).to_have_count(1)
    page.locator("#id_sections-1-heading_da").fill("Et nyt afsnit")
    write_bold_link_and_list(page, new_section)
    save(page, watch)

    added = Section.objects.get(theme=theme, heading_da="Et nyt afsnit")
    assert added.body_da == WRITTEN
    watch.assert_clean()


WORD_PASTE = """
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style>p.MsoNormal { margin: 0; font-family: Calibri; }</style></head><body>
<h1 class="MsoTitle" style="color: #2f5496">Rapportens titel</h1>
<p class="MsoNormal" style="margin-bottom: 8pt"><span style="font-family: Calibri; color: red">
Tekst med <b>fed</b>, <i>kursiv</i>, <u>understreget</u> og
<font color="blue" face="Arial">farvet</font> skrift.</span><o:p></o:p></p>
<h2 style="mso-outline-level: 2">En mellemrubrik</h2>
<ul style="margin-top: 0">
<li class="MsoListParagraph" style="mso-list: l0 level1">Ét punkt</li></ul>
<table class="MsoTableGrid" border="1"><tr><td style="width: 100px">Celle et</td>
<td>Celle to</td></tr></table>
<p><a href="https://example.org/kilde" style="color: blue" target="_blank">En kilde</a>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="billede"></p>
</body></html>
"""


def test_pasting_from_word_keeps_the_structure_and_drops_the_rest(page: Page, live_server, watch):
    project = ProjectFactory(contacts=[PersonFactory()])
    open_change_form(page, live_server, project)
    area = editor_for(page, "id_body_da")
    area.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")

    area.evaluate(
        """(element, html) => {
          const data = new DataTransfer();
          data.setData("text/html", html);
          data.setData("text/plain", "tekst");
          element.dispatchEvent(new ClipboardEvent("paste", {
            clipboardData: data, bubbles: true, cancelable: true,
          }));
        }""",
        WORD_PASTE,
    )
    save(page, watch)

    # The project's body sits under the page's h1: its headings are h2 and h3, so Word's
    # title becomes a paragraph and the table's row a paragraph.
    assert ResearchProject.objects.get(pk=project.pk).body_da == (
        "<p>Rapportens titel</p>"
        "<p>Tekst med <strong>fed</strong>, <em>kursiv</em>, understreget og farvet skrift.</p>"
        "<h2>En mellemrubrik</h2>"
        "<ul><li><p>Ét punkt</p></li></ul>"
        "<p>Celle et Celle to</p>"
        '<p><a href="https://example.org/kilde" rel="noopener noreferrer">En kilde</a></p>'
    )
    watch.assert_clean()
