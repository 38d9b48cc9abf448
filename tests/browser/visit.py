"""Open pages in the browser and check the server's answer, not only what shows."""

from playwright.sync_api import Page, Response

from tests.site.pages import NOT_FOUND


def visit(page: Page, url: str, status: int = 200) -> Response:
    """Go to ``url`` and require the answer's status (after any redirects)."""
    response = page.goto(url)

    assert response is not None, f"{url}: no answer"
    assert response.status == status, f"{url} answered {response.status}, not {status}"
    return response


def expected_status(path: str) -> int:
    """The status of a page that tests/site/pages.py found: 200, or 404 for its 404s."""
    return 404 if path in NOT_FOUND.values() else 200
