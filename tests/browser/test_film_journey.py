"""A visitor plays a film with the keyboard; the player comes in under the site's CSP.

The browser resolves no outside host (tests/conftest.py), so the player itself does not
load: the test checks the iframe the page builds, its address and title, where the
focus goes, and that the browser reports no breach of the Content-Security-Policy.
"""

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.visit import visit
from tests.films.factories import FilmFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def films():
    return {
        "youtube": FilmFactory(
            title="Hvad er boligsociale indsatser?",
            slug="hvad-er-boligsociale-indsatser",
            video_url="https://www.youtube.com/watch?v=eksempel001",
            transcript="<p>Fortæller: En boligsocial indsats løber i fire år.</p>",
        ),
        "vimeo": FilmFactory(
            title="Fire indsatsområder",
            slug="fire-indsatsomraader",
            video_url="https://vimeo.com/123456789",
        ),
    }


def watch_for_csp(page: Page) -> list[str]:
    problems: list[str] = []
    page.add_init_script(WATCH_CSP)
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if "Content Security Policy" in msg.text or "Refused to" in msg.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_pressing_play_with_the_keyboard_brings_in_the_player(page: Page, live_server, films):
    problems = watch_for_csp(page)
    visit(page, f"{live_server.url}/film/hvad-er-boligsociale-indsatser/")
    expect(page.locator("iframe")).to_have_count(0)
    expect(page.get_by_role("heading", name="Transskription")).to_be_visible()
    expect(page.get_by_text("Fortæller: En boligsocial indsats løber i fire år.")).to_be_visible()

    play = page.get_by_role("button", name="Afspil film")
    play.focus()
    page.keyboard.press("Enter")

    frame = page.locator(".film-player iframe")
    expect(frame).to_have_count(1)
    expect(frame).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/eksempel001?autoplay=1"
    )
    expect(frame).to_have_attribute("title", "Filmen “Hvad er boligsociale indsatser?” fra YouTube")
    expect(play).to_have_count(0)
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    page.wait_for_timeout(500)  # let the frame's navigation meet the policy
    assert page.evaluate("window.__cspViolations") == []
    assert problems == []


def test_space_plays_a_vimeo_film_without_tracking(page: Page, live_server, films):
    problems = watch_for_csp(page)
    visit(page, f"{live_server.url}/en/film/fire-indsatsomraader/")

    page.get_by_role("button", name="Play film").focus()
    page.keyboard.press("Space")

    frame = page.locator(".film-player iframe")
    expect(frame).to_have_attribute(
        "src", "https://player.vimeo.com/video/123456789?dnt=1&autoplay=1"
    )
    page.wait_for_timeout(500)
    assert page.evaluate("window.__cspViolations") == []
    assert problems == []


def test_without_javascript_the_control_is_a_link_to_the_provider(
    browser: Browser, live_server, films
):
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    visit(page, f"{live_server.url}/film/hvad-er-boligsociale-indsatser/")

    link = page.get_by_role("link", name="Afspil film hos YouTube")
    expect(link).to_have_attribute("href", "https://www.youtube.com/watch?v=eksempel001")
    expect(page.get_by_role("button", name="Afspil film")).to_have_count(0)
    expect(page.locator("iframe")).to_have_count(0)
    context.close()
