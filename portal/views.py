import hashlib
import re

from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from portal import registry
from portal.cache import cached_by_content, card_key, rendered_cards, request_content_version
from portal.filters import ListFilterSet
from portal.forms import SearchForm
from portal.home import home_blocks
from portal.models import Person
from portal.search import search_everything
from portal.sitemaps import collect as collect_sitemaps


def prefetch_for_cards(request, rows, lookups, card_template: str, card_name: str, **values):
    """Prefetch, in one go, only for the rows whose card is not rendered yet.

    ``values`` are the card's other arguments, as the template passes them to ``card``.
    """
    version = request_content_version(request)
    missing = [
        row
        for row in rows
        if not rendered_cards.has(version, card_key(card_template, {card_name: row, **values}))
    ]
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

    The result count is stored per set of query parameters until the next save, so the
    list's queryset must depend on the query string alone, never on who is asking.
    """

    paginate_by = 20
    # The card each row is shown with, e.g. "includes/project_card.html" and "project":
    # rows whose card is already rendered skip the queryset's prefetches.
    card_template: str | None = None
    card_name: str = "object"

    def paginate_queryset(self, queryset, page_size):
        lookups = queryset._prefetch_related_lookups if self.card_template else ()
        if lookups:
            queryset = queryset.prefetch_related(None)
        paginator = Paginator(queryset, page_size)
        # The number of results depends on the content and the filters alone: keep it
        # until the next save rather than counting again for every page and visit.
        state = sorted((k, v) for k, v in self.request.GET.lists() if k != "page")
        digest = hashlib.sha256(repr((type(self).__name__, state)).encode()).hexdigest()
        paginator.count = cached_by_content(f"count:{digest}", lambda: queryset.count())
        raw = self.request.GET.get("page", "")
        page = paginator.get_page(raw)
        if raw and str(page.number) != raw.strip():
            # ASCII digits only: "²".isdigit() is true, but int("²") fails.
            if re.fullmatch(r"[0-9]+", raw.strip()) and int(raw) > paginator.num_pages:
                notice = _("Side %(asked)s findes ikke. Her er den sidste side, side %(page)s.")
            else:
                notice = _("Sidetallet “%(asked)s” forstod vi ikke. Her er side %(page)s.")
            self.notices.append(notice % {"asked": raw[:20], "page": page.number})
        if lookups:
            prefetch_for_cards(
                self.request, page.object_list, lookups, self.card_template, self.card_name
            )
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(page.number)
        return context

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

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(request.GET or None, self.get_unfiltered())
        return super().get(request, *args, **kwargs)

    def get_unfiltered(self):
        """Return what the filters narrow: the published rows, in the list's order."""
        return self.model.objects.published()

    def get_queryset(self):
        return self.filterset.qs.with_list_relations()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.filterset.form
        context["active_filters"] = [
            {"label": label, "value": value, "remove_url": url_without(self.request, param)}
            for param, label, value in self.filterset.active_filters()
        ]
        context["notices"] = self.filterset.notices() + self.notices
        return context


class HomeView(TemplateView):
    """The front page: one block from each section that has something to show."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["blocks"] = home_blocks()
        return context


class PersonListView(FriendlyPaginationMixin, ListView):
    template_name = "portal/person_list.html"
    context_object_name = "people"
    paginate_by = 48

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Each section may link a person's tile to their content (its people.py).
        offered = [
            cached_by_content(f"portal:people:links:{app}", links)
            for app, links in registry.offered("people", "links")
        ]
        for person in context["people"]:
            person.links = [found[person.pk] for found in offered if person.pk in found]
        context["notices"] = self.notices
        return context

    def get_queryset(self):
        return Person.objects.active()


class PersonDetailView(TemplateView):
    """Show one person and everything they are the contact for."""

    template_name = "portal/person_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = get_object_or_404(Person.objects.active(), slug=kwargs["slug"])
        context["person"] = person
        context["crumbs"] = crumbs(
            (_("Medarbejdere"), reverse("portal:person_list")), (person.name, None)
        )
        # Each section shows what the person is contact for (its people.py).
        context["blocks"] = [
            block for provider in registry.values("people", "block") if (block := provider(person))
        ]
        return context


class SearchView(CleanQueryMixin, TemplateView):
    template_name = "portal/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        text = form.valid_data.get("q", "")
        groups = search_everything(text) if text else []
        context.update(
            form=form,
            query=text,
            groups=groups,
            total=sum(group.total for group in groups),
            notices=form.error_notices(),
        )
        return context


def sitemap(request):
    return sitemap_view(request, sitemaps=collect_sitemaps())


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def healthz(request):
    """Answer load balancers without touching the database; also the benchmarks' bare view."""
    return HttpResponse(b"ok", content_type="text/plain")


home = HomeView.as_view()
search = SearchView.as_view()
accessibility = TemplateView.as_view(template_name="portal/accessibility.html")
privacy = TemplateView.as_view(template_name="portal/privacy.html")
person_list = PersonListView.as_view()
person_detail = PersonDetailView.as_view()
