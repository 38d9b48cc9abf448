"""The head's schema.org data is data: the strict CSP lets the page load without a
complaint, the browser reads it as JSON, and a hostile title runs nothing."""

import pytest
from playwright.sync_api import Page

from tests.browser.visit import visit
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE = "</script><script>alert(1)</script>"

RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""

READ_JSONLD = """() => Array.from(
  document.querySelectorAll('script[type="application/ld+json"]'),
  (script) => JSON.parse(script.textContent)["@type"],
)"""


def test_jsonld_is_read_as_data_under_the_csp_and_runs_nothing(page: Page, live_server):
    article = NewsArticleFactory(title=HOSTILE, slug="fjendtlig", lead=f"Manchet {HOSTILE}")
    person = PersonFactory(name="Lene Holm", slug="lene-holm")
    dialogs, errors = [], []
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    found = {}
    for path in ("/", "/nyheder/", article.get_absolute_url(), person.get_absolute_url()):
        visit(page, live_server.url + path)
        found[path] = page.evaluate(READ_JSONLD)
        assert page.evaluate("window.cspViolations") == [], path

    assert found["/"] == ["Organization"]
    assert found["/nyheder/"] == ["ItemList"]
    assert found[article.get_absolute_url()] == ["NewsArticle", "BreadcrumbList"]
    assert found[person.get_absolute_url()] == ["Person", "BreadcrumbList"]
    assert page.title().startswith("Lene Holm")
    assert not dialogs, dialogs
    assert not errors, errors
