"""The head's tags for search engines and link previews (see portal/seo.py)."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal import seo

register = template.Library()

# The image a link preview shows when the content has none of its own.
DEFAULT_IMAGE = "img/social-card.png"
# Set on the request when the page says noindex: the middleware repeats it as a header.
NOINDEX_ATTRIBUTE = "seo_noindex"


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name: str) -> None:
        self.nodelist, self.name = nodelist, name

    def render(self, context) -> str:
        # Rendered by an autoescaping template: safe as it is.
        context[self.name] = mark_safe(self.nodelist.render(context))  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """``{% capture name %}…{% endcapture %}``: render the enclosed part into ``name``.

    base.html captures its ``title`` and ``description`` blocks this way, so a page's
    template fills each once and the head uses it in several tags.
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% capture %} takes a variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


@register.simple_tag
def jsonld(data) -> str:
    """``{% jsonld data %}``: a schema.org script element whose text cannot end it."""
    return format_html('<script type="application/ld+json">{}</script>', seo.jsonld(data))


def _title(context, meta: seo.PageMeta) -> tuple[str, str]:
    """Return the page's title for previews and, for ``<title>``, with its section.

    Filters and the page number make a list's variants titles of their own; the section
    a breadcrumb trail names ("Temaer") tells apart a theme and a project of one name.
    """
    title = seo.plain(meta.title or context.get("page_title"))
    extras = [f"{f['label']}: {f['value']}" for f in context.get("active_filters") or ()]
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        extras.append(_("side %(number)s") % {"number": page.number})
    title = " – ".join([title, *map(seo.plain, extras)])
    crumbs = context.get("crumbs") or ()
    section = str(crumbs[-2]["label"]) if len(crumbs) > 1 else ""
    return title, (f"{title} – {section}" if section else title)


def _breadcrumbs(context, request, canonical: str) -> dict | None:
    """The trail includes/breadcrumbs.html shows: the home page, then ``crumbs``."""
    crumbs = context.get("crumbs")
    if not crumbs:
        return None
    trail = [(_("Forside"), reverse("portal:home"))]
    trail += [(crumb["label"], crumb["url"]) for crumb in crumbs]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(label),
                "item": seo.absolute(request, url) if url else canonical,
            }
            for position, (label, url) in enumerate(trail, start=1)
        ],
    }


def _item_list(request, meta: seo.PageMeta) -> dict | None:
    if meta.items is None:
        return None
    rows = meta.items() if callable(meta.items) else meta.items
    return {
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(name),
                "url": seo.absolute(request, url),
            }
            for position, (name, url) in enumerate(rows, start=meta.first_position)
        ],
    }


@register.simple_tag(takes_context=True)
def seo_head(context) -> str:
    """Render the title, description, canonical, alternates, previews and JSON-LD."""
    request = context.get("request")
    meta = context.get("seo") or seo.PageMeta()
    error_page = seo.wants_noindex(context.get("page_robots"))
    noindex = (
        meta.noindex
        or error_page
        or bool(context.get("preview"))
        or (request is not None and seo.is_search_result(request))
    )
    if noindex and request is not None:
        setattr(request, NOINDEX_ATTRIBUTE, True)
    title, document_title = _title(context, meta)
    description = seo.describe(meta.description or context.get("page_description"))
    values = {
        "title": title,
        "document_title": document_title,
        "site_title": _("Viden om boligsocialt arbejde"),
        "description": description,
        "noindex": noindex,
        "error_page": error_page,
    }
    # Without a request (a page rendered outside one) there is no address to name.
    if not error_page and request is not None:
        path = meta.canonical or request.path
        canonical = seo.absolute(request, path)
        query = path.partition("?")[2]
        alternates = [
            (link["code"], seo.absolute(request, link["url"].partition("?")[0]))
            for link in context.get("language_links") or ()
        ]
        if query:
            alternates = [(code, f"{url}?{query}") for code, url in alternates]
        default = dict(alternates).get(settings.LANGUAGE_CODE)
        language = get_language()
        centre = context.get("centre") or {}
        image = seo.absolute(request, meta.image) or seo.absolute(request, static(DEFAULT_IMAGE))
        data = [
            *meta.jsonld,
            _breadcrumbs(context, request, canonical),
            _item_list(request, meta),
        ]
        values.update(
            canonical=canonical,
            alternates=[*alternates, *([("x-default", default)] if default else [])],
            og_type=meta.type,
            site_name=centre.get("name", ""),
            locale=seo.LOCALES.get(language, language),
            other_locales=[
                seo.LOCALES.get(code, code)
                for code, _name in settings.LANGUAGES
                if code != language
            ],
            image=image,
            twitter_card="summary_large_image" if meta.image else "summary",
            jsonld=[
                seo.jsonld({"@context": "https://schema.org", **entry}) for entry in data if entry
            ],
        )
    return mark_safe(render_to_string("includes/seo_head.html", values))  # noqa: S308
