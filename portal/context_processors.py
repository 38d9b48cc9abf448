from functools import cache

from django.conf import settings
from django.urls import (
    NoReverseMatch,
    Resolver404,
    ResolverMatch,
    resolve,
    reverse,
    translate_url,
)
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.text import format_phone, tel_href

# The site's own entries close the main navigation, after each section's (its urls.py).
SITE_NAVIGATION = [
    ("portal:person_list", _("Medarbejdere")),
    ("portal:search", _("Søg")),
]


def navigation_entries() -> list[tuple[str, str]]:
    """Return (URL name, label) for the main navigation, sections first."""
    return [
        *(entry for entries in registry.values("urls", "navigation") for entry in entries),
        *SITE_NAVIGATION,
    ]


@cache
def navigation_urls(language: str) -> tuple[tuple[str, str], ...]:
    """Return (address, label) of the navigation in a language: the same for every page."""
    return tuple((reverse(name), label) for name, label in navigation_entries())


def navigation(path: str) -> list[dict]:
    return [
        {"url": url, "label": label, "current": path.startswith(url)}
        for url, label in navigation_urls(get_language())
    ]


def _route(request) -> ResolverMatch | None:
    try:
        return resolve(request.path_info)
    except Resolver404:
        return None


def language_links(request) -> list[dict]:
    """Return a link to this same page (with its query string) in each language.

    Links are built from the resolved route, never from the raw path: a path such as
    ``//evil.example/`` would otherwise become a link to another site. A page without a
    route (a 404) links to the home page in each language.
    """
    current = get_language()
    route = _route(request)
    query = request.get_full_path()[len(request.path) :]
    links = []
    for code, _name in settings.LANGUAGES:
        try:
            if route is None:
                raise NoReverseMatch
            with override(code):
                url = reverse(route.view_name, args=route.args, kwargs=route.kwargs) + query
        except NoReverseMatch:
            url = translate_url(reverse("portal:home"), code)
        label = get_language_info(code)["name_local"].capitalize()
        links.append({"code": code, "label": label, "url": url, "current": code == current})
    return links


def centre() -> dict:
    """Return the centre's facts as templates show them."""
    facts = settings.PORTAL_CENTRE
    return {
        **facts,
        "phone_display": format_phone(facts["phone"]),
        "phone_href": tel_href(facts["phone"]),
    }


def site(request) -> dict:
    return {
        "centre": centre(),
        "main_navigation": navigation(request.path),
        "language_links": language_links(request),
    }
