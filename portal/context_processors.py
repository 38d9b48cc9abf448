from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from portal.text import format_phone, tel_href

# The main navigation. An entry appears once its section's URL exists.
NAVIGATION = [
    ("projects:list", _("Nu undersøger vi")),
    ("themes:list", _("Temaer")),
    ("activities:list", _("Aktiviteter")),
    ("news:list", _("Nyheder")),
    ("portal:person_list", _("Medarbejdere")),
    ("portal:search", _("Søg")),
]


def navigation(path: str) -> list[dict]:
    items = []
    for name, label in NAVIGATION:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "current": path.startswith(url)})
    return items


def language_links(request) -> list[dict]:
    """Return a link to this same page (with its query string) in each language."""
    current = get_language()
    path = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current:
            url = translate_url(reverse("portal:home"), code)
        label = get_language_info(code)["name_local"].capitalize()
        links.append({"code": code, "label": label, "url": url, "current": code == current})
    return links


def site(request) -> dict:
    centre = settings.PORTAL_CENTRE
    return {
        "centre": {
            **centre,
            "phone_display": format_phone(centre["phone"]),
            "phone_href": tel_href(centre["phone"]),
        },
        "main_navigation": navigation(request.path),
        "language_links": language_links(request),
    }
