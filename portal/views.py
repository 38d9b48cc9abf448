import re

from django.conf import settings
from django.contrib.sitemaps import views as sitemaps_views
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView

from portal import registry
from portal.cache import STORABLE_VARIANT, cached_by_content, fragments
from portal.context_processors import centre
from portal.drafts import (
    PREVIEW_PARAMETER,
    DraftConflict,
    Preview,
    is_publishable,
    read_preview_token,
    render_with_draft,
)
from portal.feeds import feed_parameters, feed_url
from portal.filters import ListFilterSet
from portal.forms import SearchForm
from portal.home import home_blocks
from portal.models import PendingDraft, Person
from portal.opendata import export_links
from portal.search import PER_PAGE, SUGGEST_BELOW, clean, search_everything, suggest
from portal.seo import PAGE_PARAMETER, absolute, list_variant, organization, page_meta
from portal.sitemaps import collect as collect_sitemaps
from portal.templatetags.portal_tags import has_card, has_fragment


def prefetch_for_cards(rows, lookups, card_template: str, card_name: str, **values) -> None:
    """Prefetch, in one go, only for the rows whose card is not rendered yet.

    ``values`` are the card's other arguments, as the template passes them to ``card``.
    """
    missing = [row for row in rows if not has_card(card_template, {card_name: row, **values})]
    if missing:
        prefetch_related_objects(missing, *lookups)


class CleanQueryMixin:
    """Redirect a submitted filter form to its shortest URL, without empty parameters.

    A GET form sends every field, chosen or not; the redirect makes the address in the
    browser the one worth sharing ("?kontakt=helle-nielsen"), with or without JavaScript.
    """

    def get(self, request, *args, **kwargs):
        query = request.GET.copy()
        empty = [key for key, values in query.lists() if not any(v.strip() for v in values)]
        if empty:
            for key in empty:
                del query[key]
            location = f"{request.path}?{query.urlencode()}" if query else request.path
            return HttpResponseRedirect(location)
        return super().get(request, *args, **kwargs)


class FriendlyPaginationMixin:
    """Paginate without ever failing on ``?page=``: odd values give a notice, not a 404.

    ``filter_inputs()`` names what the rows depend on (the valid filters), so the result
    count is stored under it until the next save, whatever else the address carries.
    ``is_served_variant()`` tells whether the address is one the site serves to everyone
    (its own parameters, valid values, a page number in range): only then may the page
    cache store the page.
    """

    paginate_by = 20
    # The card each row is shown with, e.g. "includes/project_card.html" and "project":
    # rows whose card is already rendered skip the queryset's card_prefetches().
    card_template: str | None = None
    card_name: str = "object"

    def filter_inputs(self) -> tuple | None:
        """Return the inputs the rows depend on, or None when they are not worth storing."""
        return ()

    def is_served_variant(self) -> bool:
        return set(self.request.GET) <= {"page"}

    def paginate_queryset(self, queryset, page_size):
        lookups = queryset.card_prefetches() if self.card_template else ()
        if lookups:
            queryset = queryset.prefetch_related(None)
        paginator = Paginator(queryset, page_size)
        inputs = self.filter_inputs()
        if inputs is not None:
            # The number of results depends on the content, the day and the filters
            # alone: keep it until the next save rather than counting for every visit.
            paginator.count = cached_by_content(
                "list-count", queryset.count, (type(self).__name__, inputs)
            )
        raw = self.request.GET.get("page", "")
        page = paginator.get_page(raw)
        self.page_in_range = not raw or str(page.number) == raw.strip()
        if not self.page_in_range:
            # ASCII digits only: "²".isdigit() is true, but int("²") fails.
            if re.fullmatch(r"[0-9]+", raw.strip()) and int(raw) > paginator.num_pages:
                notice = _("Side %(asked)s findes ikke. Her er den sidste side, side %(page)s.")
            else:
                notice = _("Sidetallet “%(asked)s” forstod vi ikke. Her er side %(page)s.")
            self.notices.append(notice % {"asked": raw[:20], "page": page.number})
        # A page of rows the site serves is rendered once: then its rows are not even read.
        self.rows_key = None if inputs is None else (type(self).__name__, inputs, page.number)
        if lookups and not has_fragment("rows", self.rows_key):
            prefetch_for_cards(page.object_list, lookups, self.card_template, self.card_name)
        return paginator, page, page.object_list, page.has_other_pages()

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if getattr(self, "page_in_range", True) and self.is_served_variant():
            setattr(response, STORABLE_VARIANT, True)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(page.number)
        context["rows_key"] = getattr(self, "rows_key", None)
        if page is not None:
            self.describe_page(context, page)
        return context

    def describe_page(self, context, page) -> None:
        """Give the head the page's canonical address and its rows for an ItemList."""
        meta = page_meta(context)
        path = self.request.path
        meta.canonical = f"{path}?{PAGE_PARAMETER}={page.number}" if page.number > 1 else path
        meta.first_position = page.start_index()
        rows_key = context["rows_key"]

        def items() -> list[tuple[str, str]]:
            return [(str(row), row.get_absolute_url()) for row in page.object_list]

        # Stored with the rows: a page whose rows are rendered already reads none.
        meta.items = lambda: (
            items() if rows_key is None else cached_by_content("seo-items", items, rows_key)
        )

    @property
    def notices(self) -> list[str]:
        if not hasattr(self, "_notices"):
            self._notices = []
        return self._notices


def url_without(request, *params: str) -> str:
    """Return the current URL with the given query parameters (and the page) removed."""
    query = request.GET.copy()
    for param in (*params, "page"):
        query.pop(param, None)
    return f"{request.path}?{query.urlencode()}" if query else request.path


def crumbs(*pairs) -> list[dict]:
    """Build breadcrumbs from (label, url) pairs; the home page comes first by itself."""
    return [{"label": label, "url": url} for label, url in pairs]


class FilteredListView(CleanQueryMixin, FriendlyPaginationMixin, ListView):
    """A list of published content narrowed by the filters of a ListFilterSet."""

    filterset_class: type[ListFilterSet]
    paginate_by = 12
    # The list's Atom feed (portal.feeds), linked from <head> with the same filters.
    feed_url_name: str | None = None
    feed_title = None
    # Parameters that order the rows rather than choose them (left out of the canonical).
    variant_parameters: tuple[str, ...] = ()

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(request.GET or None, self.get_unfiltered())
        return super().get(request, *args, **kwargs)

    def get_unfiltered(self):
        """Return what the filters narrow: the published rows, in the list's order."""
        return self.model.objects.published()

    def get_queryset(self):
        return self.filterset.qs.with_list_relations()

    def filter_inputs(self) -> tuple | None:
        """The valid choices; free text would make an entry per search, so it has none."""
        data = self.filterset.valid_data
        return None if "q" in data else tuple(sorted((k, str(v)) for k, v in data.items()))

    def is_served_variant(self) -> bool:
        form = self.filterset.form
        return (
            set(self.request.GET) <= {"page", *form.fields}
            and not form.errors
            and self.filter_inputs() is not None
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.filterset.form
        # The filter fields show the valid choices: the same on every page of them (an
        # invalid value is shown with its error, and such fields are not stored).
        inputs = None if self.filterset.form.errors else self.filter_inputs()
        context["fields_key"] = None if inputs is None else (type(self).__name__, inputs)
        context["active_filters"] = [
            {"label": label, "value": value, "remove_url": url_without(self.request, param)}
            for param, label, value in self.filterset.active_filters()
        ]
        context["notices"] = self.filterset.notices() + self.notices
        # The list as open data, with the same valid filters (see portal.opendata).
        context["exports"] = export_links(self.request, self.filterset.valid_data)
        if self.feed_url_name:
            parameters = feed_parameters(self.filterset)
            context["feed"] = {
                "url": feed_url(self.feed_url_name, parameters),
                "title": self.feed_title,
                "filtered": bool(parameters),  # free text and page numbers are not
            }
        return context

    def describe_page(self, context, page) -> None:
        """One filter is a page of its own; more than one, or free text, is not indexed."""
        super().describe_page(context, page)
        form = self.filterset.form
        names = set(form.fields) - set(self.variant_parameters) - {PAGE_PARAMETER}
        filters = {
            name: values
            for name, values in self.request.GET.lists()
            if name in names and any(v.strip() for v in values)
        }
        meta = page_meta(context)
        meta.canonical, meta.noindex = list_variant(
            self.request, filters, not any(name in form.errors for name in filters), page.number
        )


class StoredBodyMixin:
    """Render a detail page's body once per content version, day and language.

    The body template sees only ``get_body_context()``: the object and what is fetched
    for it, only when the body is rendered. So the object identifies the body (with the
    key rule's scope), and a page-cache miss with the body stored costs one query.

    Staff see drafts, scheduled and expired items, and pending drafts applied, with a
    banner saying so; a visitor with a valid preview token (``?forhaandsvisning=``) sees
    the item or draft it names. Such pages are never stored and carry ``noindex``.
    """

    body_template: str
    preview: Preview | None = None

    def get(self, request, *args, **kwargs):
        self.preview = self.find_preview()
        draft = self.preview.draft if self.preview else None
        if draft is None:
            response = super().get(request, *args, **kwargs)
        else:
            try:
                response = render_with_draft(
                    draft,
                    lambda: super(StoredBodyMixin, self).get(request, *args, **kwargs),
                )
            except DraftConflict:
                if self.preview.via_token:
                    raise Http404 from None
                self.preview.draft, self.preview.broken = None, True
                response = super().get(request, *args, **kwargs)
        if self.preview is not None:
            response["Cache-Control"] = "private, no-store"
            response["X-Robots-Tag"] = "noindex"
        return response

    def find_preview(self) -> Preview | None:
        """Return what the page shows beyond the published version, if anything.

        A token that is tampered with, expired, or made for another item answers 404.
        """
        model = self.get_queryset().model
        if not is_publishable(model):
            return None
        token = self.request.GET.get(PREVIEW_PARAMETER)
        if token is not None:
            grant = read_preview_token(token)
            if grant is None or grant.model is not model:
                raise Http404
            obj = (
                model._default_manager.filter(
                    pk=grant.pk, **{self.slug_field: self.kwargs.get(self.slug_url_kwarg)}
                )
            ).first()
            if obj is None:
                raise Http404
            draft = None
            if grant.draft_id is not None:
                draft = PendingDraft.objects.for_object(obj).filter(pk=grant.draft_id).first()
                if draft is None:  # published or discarded since
                    raise Http404
            return Preview(obj, draft, via_token=True)
        user = self.request.user
        if not (user.is_active and user.is_staff):
            return None
        obj = self.get_object()
        draft = PendingDraft.objects.for_object(obj).first()
        if draft is None and obj.is_published:
            return None
        return Preview(obj, draft, via_token=False)

    def get_object(self, queryset=None):
        """Find the object once per content version, day and language.

        Only objects that exist are stored (an unknown slug raises Http404 and stores
        nothing); staff, who also see drafts, get entries of their own.
        """
        preview = self.preview
        if preview is not None and (preview.via_token or preview.draft is not None):
            # By its id, read again: the draft applied since may give it another slug.
            return type(preview.obj)._default_manager.get(pk=preview.obj.pk)
        user = self.request.user
        inputs = (type(self).__name__, self.kwargs.get(self.slug_url_kwarg), user.is_staff)
        return cached_by_content(
            "detail-object", lambda: super(StoredBodyMixin, self).get_object(queryset), inputs
        )

    def get_body_context(self) -> dict:
        """Fetch the object's relations and return what the body template shows."""
        prefetch_related_objects([self.object], *self.get_queryset().detail_prefetches())
        return {self.context_object_name: self.object}

    def render_body(self) -> str:
        return render_to_string(self.body_template, {"centre": centre(), **self.get_body_context()})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["body"] = mark_safe(  # noqa: S308 - rendered by an autoescaping template
            fragments.get_or_set("body", self.render_body, (self.body_template, self.object))
        )
        if self.preview is not None:
            # The banner reads the object as shown, with a draft applied.
            self.preview.obj = self.object
            context["preview"] = self.preview
        return context


class HomeView(TemplateView):
    """The front page: one block from each section that has something to show."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["blocks"] = home_blocks()
        page_meta(context).jsonld.append(organization(centre(), self.request))
        return context


class PersonListView(FriendlyPaginationMixin, ListView):
    template_name = "portal/person_list.html"
    context_object_name = "people"
    paginate_by = 48

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = context["people"]

        def tiles() -> list[tuple]:
            # Each section may link a person's tile to their content (its people.py).
            offered = [
                cached_by_content("portal:people:links", links, (app,))
                for app, links in registry.offered("people", "links")
            ]
            return [
                (person, [found[person.pk] for found in offered if person.pk in found])
                for person in people
            ]

        # Read only when the page of tiles is rendered, not when it is stored already.
        context["tiles"] = SimpleLazyObject(tiles)
        context["notices"] = self.notices
        context["exports"] = export_links(self.request)
        return context

    def get_queryset(self):
        return Person.objects.active()


class PersonDetailView(StoredBodyMixin, DetailView):
    """Show one person and everything they are the contact for."""

    template_name = "portal/person_detail.html"
    body_template = "portal/includes/person_body.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.active()

    def get_body_context(self) -> dict:
        person = self.object
        # Each section shows what the person is contact for (its people.py).
        blocks = [
            block for provider in registry.values("people", "block") if (block := provider(person))
        ]
        return {"person": person, "blocks": blocks}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = crumbs(
            (_("Medarbejdere"), reverse("portal:person_list")), (self.object.name, None)
        )
        # The feeds of what the person is contact for (an app's feeds.py), in <head>.
        context["feeds"] = [
            feed
            for provider in registry.values("feeds", "for_person")
            for feed in provider(self.object)
        ]
        self.describe_person(page_meta(context), self.object)
        return context

    def describe_person(self, meta, person) -> None:
        """Name, title and workplace only: no phone number or e-mail in the head."""
        meta.type = "profile"
        if person.bio:
            meta.description = person.bio
        facts = {
            "@type": "Person",
            "name": person.name,
            "url": absolute(self.request, person.get_absolute_url()),
            "worksFor": organization(centre(), self.request),
        }
        if person.job_title:
            facts["jobTitle"] = person.job_title
        if person.photo:
            meta.image = person.photo.url
            facts["image"] = absolute(self.request, meta.image)
        meta.jsonld.append(facts)


class SearchView(CleanQueryMixin, TemplateView):
    """``/soeg/?q=…&type=…&page=…``: every kind of content, grouped, best first.

    Without ``type`` each kind shows its first hits and its count; with it, that kind
    a page at a time. No results: "Mente du …?" when a close word exists. The engine
    is portal.search (one query per kind, the suggestion's words once per version).
    """

    template_name = "portal/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        data = form.valid_data
        text = search_words_text(data.get("q", ""))
        kind = data.get("type", "")
        notices = form.error_notices()
        page = self.page_number(notices)
        results = search_everything(text, kind, page) if text else None
        if results and results.chosen and page > results.page:
            notices.append(
                _("Side %(asked)s findes ikke. Her er den sidste side, side %(page)s.")
                % {"asked": page, "page": results.page}
            )
        # A typo finds little: then the words of the published content are read (once
        # per content version), not on the searches that find plenty.
        few = results is not None and results.total <= SUGGEST_BELOW
        suggestion = suggest(text) if few else ""
        context.update(
            form=form,
            query=text,
            results=results,
            groups=results.shown if results else [],
            kinds=results.groups if results else [],
            total=results.total if results else 0,
            suggestion=suggestion,
            notices=notices,
            popular=popular_subjects() if not results or not results.total else [],
        )
        if results and results.chosen and results.pages > 1:
            paginator = Paginator(range(results.chosen.total), PER_PAGE)
            page_obj = paginator.page(results.page)
            context.update(
                is_paginated=True,
                page_obj=page_obj,
                page_range=paginator.get_elided_page_range(page_obj.number),
            )
        return context

    def page_number(self, notices: list) -> int:
        raw = self.request.GET.get("page", "").strip()
        if not raw:
            return 1
        if re.fullmatch(r"[0-9]{1,6}", raw) and int(raw) >= 1:
            return int(raw)
        notices.append(
            _("Sidetallet “%(asked)s” forstod vi ikke. Her er side %(page)s.")
            % {"asked": raw[:20], "page": 1}
        )
        return 1


def search_words_text(text: str) -> str:
    """The text as searched (NUL dropped, trimmed): what the box shows again."""
    return clean(text)


def popular_subjects(limit: int = 8) -> list[dict]:
    """The subjects most content has, for the empty and the fruitless search."""
    from portal.models import Tag

    def read():
        tags = Tag.objects.with_usage().filter(usage__gt=0).order_by("-usage", "name")
        return list(tags.values("name", "name_en")[:limit])

    english = (translation.get_language() or "").startswith("en")
    return [
        {"name": (english and tag["name_en"]) or tag["name"]}
        for tag in cached_by_content("search:popular", read)
    ]


@require_safe
def sitemap_index(request):
    """List the sitemap's sections, each page of each one a file of its own.

    One file of every page at scale took seconds to build; a section page of at most
    PortalSitemap.limit entries stays fast even when nothing is stored.
    """
    return sitemaps_views.index(
        request, sitemaps=collect_sitemaps(), sitemap_url_name="sitemap_section"
    )


@require_safe
def sitemap_section(request, section: str):
    response = sitemaps_views.sitemap(request, sitemaps=collect_sitemaps(), section=section)
    # A section page that exists (?p= in range) is a variant the site serves.
    if set(request.GET) <= {"p"}:
        setattr(response, STORABLE_VARIANT, True)
    return response


@require_safe
def robots_txt(request):
    """Tell crawlers where the sitemap is and keep them out of the admin."""
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_PATH}",
        f"Disallow: /*?{PREVIEW_PARAMETER}=",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@require_safe
def healthz(request):
    """Answer load balancers without touching the database; also the benchmarks' bare view."""
    return HttpResponse(b"ok", content_type="text/plain")


home = HomeView.as_view()
search = SearchView.as_view()
accessibility = TemplateView.as_view(template_name="portal/accessibility.html")
privacy = TemplateView.as_view(template_name="portal/privacy.html")
person_list = PersonListView.as_view()
person_detail = PersonDetailView.as_view()
