"""Atom feeds of the site's lists (Django's syndication framework).

A list's feed takes the same shareable filters as the list itself (``?kontakt=…``,
``?emne=…``), so a filtered list page names exactly its own feed in its <head>. The free
text ``q`` and the page number are the list's only, not the feed's.

- Only published items (the model's ``published()``), the newest ``limit`` of them.
- An unknown parameter or an unknown value (a contact who does not exist) is a 404.
- The plain feed and a variant with valid values are stored by the page cache
  (``STORABLE_VARIANT``) and change with the content version like every page.
- Each entry: title, summary (plain text, escaped by the XML writer), published and
  updated moments, absolute link, and an id that never changes (``tag:`` URI from the
  item's model, primary key and creation date, not from its slug or title).

An app's view: ``feed = ListFeed.view(MyFeed)`` where ``MyFeed`` names the model, the
filterset, the list's URL name and its titles. A list view with ``feed_url_name`` set
(portal.views.FilteredListView) puts the <link rel="alternate"> into its page.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from portal.cache import STORABLE_VARIANT
from portal.filters import ListFilterSet

FEED_TYPE = "application/atom+xml"
# Parameters of a list that never narrow its feed.
LIST_ONLY = ("q", "page")


def feed_parameters(filterset: ListFilterSet) -> dict[str, str]:
    """Return the list's valid filters that its feed takes, as they stand in the URL."""
    if not filterset.is_bound:
        return {}
    return {
        name: str(filterset.form.data.get(name, "")).strip()
        for name in filterset.valid_data
        if name not in LIST_ONLY
    }


def feed_url(url_name: str, parameters: dict[str, str] | None = None) -> str:
    """Return the feed's address with the given filters (in a stable order)."""
    url = reverse(url_name)
    if parameters:
        url += "?" + urlencode(sorted(parameters.items()))
    return url


def atom_summary(text: str) -> str:
    """Atom's <summary type="html">: the plain text is escaped once more, so a "<" in a
    lead is shown as a "<" by the reader, never read as markup."""
    return escape(" ".join(text.split()))


def tag_uri(request, item) -> str:
    """A tag: URI (RFC 4151) from the item's model, key and creation day: it survives a
    new slug or title."""
    host = request.get_host().split(":")[0] if request else "localhost"
    day = timezone.localdate(item.created_at).isoformat()
    return f"tag:{host},{day}:{item._meta.label_lower}/{item.pk}"


class ListFeed(Feed):
    """The Atom feed of a filtered list; subclasses name model, filterset and texts."""

    feed_type = Atom1Feed
    model = None
    filterset_class: type[ListFilterSet]
    list_url_name: str
    limit = 50

    def __init__(self, request=None):
        super().__init__()
        self.request = request

    @classmethod
    def view(cls):
        """Return a view function: one feed object per request (it holds the request)."""

        def serve(request, *args, **kwargs):
            return cls(request)(request, *args, **kwargs)

        serve.not_html = True  # a document, not a page: not in the sitemap (tools/pages.py)
        return serve

    # The request and its filters -------------------------------------------------------

    def get_object(self, request, *args, **kwargs):
        allowed = set(self.filterset_class.base_filters) - set(LIST_ONLY)
        if not set(request.GET) <= allowed:
            raise Http404("Feeds take only the list's filters.")
        filterset = self.filterset_class(request.GET or None, self.model.objects.published())
        if filterset.is_bound and filterset.form.errors:
            raise Http404("Unknown filter value.")
        return filterset

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Every value was valid (else get_object raised 404): each one a single,
        # non-empty value, so the address is the one the list page links to.
        if request.GET and all(
            len(values) == 1 and values[0].strip() for _key, values in request.GET.lists()
        ):
            setattr(response, STORABLE_VARIANT, True)
        return response

    def items(self, filterset):
        return filterset.qs.order_by(*self.item_order)[: self.limit]

    # The feed ----------------------------------------------------------------------------

    item_order: tuple[str, ...] = ("-created_at",)

    def link(self, filterset):
        parameters = feed_parameters(filterset)
        url = reverse(self.list_url_name)
        return f"{url}?{urlencode(sorted(parameters.items()))}" if parameters else url

    def feed_url(self, filterset):
        return self.request.get_full_path() if self.request else None

    def author_name(self):
        return settings.PORTAL_CENTRE["name"]

    def title(self, filterset):
        # An unbound filterset builds no form: the plain feed reads no filter options.
        names = (
            [str(value) for _n, _l, value in filterset.active_filters()]
            if filterset.is_bound
            else []
        )
        base = f"{self.feed_title} · {settings.PORTAL_CENTRE['name']}"
        return f"{base}: {', '.join(names)}" if names else base

    feed_title = ""

    # Each entry ----------------------------------------------------------------------

    def item_title(self, item) -> str:
        return str(item)

    def item_summary(self, item) -> str:
        """Return the item's summary as plain text."""
        return ""

    def item_description(self, item) -> str:
        return atom_summary(self.item_summary(item))

    def item_pubdate(self, item) -> datetime.datetime:
        return item.publish_from or item.created_at

    def item_updateddate(self, item) -> datetime.datetime:
        return max(item.updated_at, self.item_pubdate(item))

    def item_guid(self, item) -> str:
        return tag_uri(self.request, item)

    item_guid_is_permalink = False
