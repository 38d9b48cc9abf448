from functools import partial

from django.http import Http404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from activities.filters import ActivityFilterSet
from activities.models import (
    Activity,
    Overview,
    SortOrder,
    catalogue_terms,
    steps_with_activities,
)
from portal import registry
from portal.cache import cached_by_content, fragments
from portal.home import render_block
from portal.views import (
    FilteredListView,
    StoredBodyMixin,
    crumbs,
    prefetch_for_cards,
    url_without,
)


class CatalogueView(FilteredListView):
    """The catalogue: published activities narrowed by facets, free text and sort order."""

    model = Activity
    filterset_class = ActivityFilterSet
    template_name = "activities/activity_list.html"
    context_object_name = "activities"
    card_template = "activities/includes/activity_card.html"
    card_name = "activity"
    variant_parameters = ("sortering",)

    def get_unfiltered(self):
        # By name unless the visitor sorts otherwise (?sortering=).
        return super().get_unfiltered().by_name()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        active = filterset.active_filters()
        context["facets"] = filterset.facet_options()
        areas = cached_by_content("activities:terms", catalogue_terms)["indsatsomraade"]
        context["focus_areas"] = areas.values()
        context["sort_order"] = filterset.sort_order
        context["sort_choices"] = [
            {"value": value, "label": label, "current": value == filterset.sort_order}
            for value, label in SortOrder.choices
        ]
        if not context["paginator"].count and active:
            # Say what each filter costs: one count per active filter, only on empty pages.
            widen = [
                {
                    "label": label,
                    "value": value,
                    "url": url_without(self.request, param),
                    "count": filterset.qs_without(param).count(),
                }
                for param, label, value in active
            ]
            context["widen"] = sorted(widen, key=lambda option: -option["count"])
        return context


class ActivityDetailView(StoredBodyMixin, DetailView):
    template_name = "activities/activity_detail.html"
    body_template = "activities/includes/activity_body.html"
    context_object_name = "activity"

    # How many related activities the page suggests.
    related_count = 4

    def get_queryset(self):
        return Activity.objects.visible_to(self.request.user).select_related("step")

    def get_body_context(self) -> dict:
        context = super().get_body_context()
        context["related_activities"] = (
            Activity.objects.published()
            .related_to(self.object, self.related_count)
            .with_compact_relations()
        )
        return context

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = self.object
        context["crumbs"] = crumbs(
            (_("Aktiviteter"), reverse("activities:list")), (activity.name, None)
        )
        return context


class StaircaseView(TemplateView):
    """The welfare staircase, each step with its published activities."""

    template_name = "activities/staircase.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read only when the staircase is rendered; the rendered staircase is stored.
        context["steps"] = SimpleLazyObject(lambda: list(steps_with_activities()))
        context["crumbs"] = crumbs((_("Velfærdstrappen"), None))
        return context


def overview_blocks(place: str) -> list[str]:
    """Return what other sections add to the overview at ``place`` ("facts" or "media").

    An app takes part with a function of that name in its ``overview.py`` that returns
    None or a dict with a ``template`` (the key-figures band, a film with its transcript),
    so this app names none of them.
    """
    rendered = (
        fragments.get_or_set("overview-block", partial(render_block, block), (app, place))
        for app, block in registry.offered("overview", place)
    )
    return [mark_safe(html) for html in rendered if html]  # noqa: S308 - rendered templates


class OverviewView(TemplateView):
    """What a social-housing effort is (the editors' texts), the four focus areas, the
    figures and a film."""

    template_name = "activities/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["overview"] = cached_by_content("activities:overview", Overview.current)
        areas = cached_by_content("activities:terms", catalogue_terms)["indsatsomraade"]
        context["areas"] = list(areas.values())
        context["facts"] = overview_blocks("facts")
        context["media"] = overview_blocks("media")
        context["crumbs"] = crumbs((_("Indsatsområder"), None))
        return context


class FocusAreaView(TemplateView):
    """One focus area: its goal and its published activities, step by step."""

    template_name = "activities/focus_area.html"
    # The first activities by step; the catalogue filtered by the area pages through all.
    shown = 24

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The focus areas are among the catalogue's terms, stored until the next save.
        areas = cached_by_content("activities:terms", catalogue_terms)["indsatsomraade"]
        area = areas.get(kwargs["slug"])
        if area is None:
            raise Http404
        context["area"] = area
        activities = area.activities.published()
        context["activity_count"] = cached_by_content(
            "activities:area-count", activities.count, (area,)
        )
        listed = activities.by_step().select_related("step")

        def rows() -> list:
            found = list(listed[: self.shown])
            prefetch_for_cards(
                found,
                listed.card_prefetches(),
                "activities/includes/activity_card.html",
                "activity",
                heading_level=4,
            )
            return found

        # Read only when the area's activities are rendered, not when they are stored.
        context["activities"] = SimpleLazyObject(rows)
        context["other_areas"] = [other for other in areas.values() if other.pk != area.pk]
        context["crumbs"] = crumbs(
            (_("Indsatsområder"), reverse("activities:overview")), (area.name, None)
        )
        return context


activity_list = CatalogueView.as_view()
activity_detail = ActivityDetailView.as_view()
staircase = StaircaseView.as_view()
focus_area = FocusAreaView.as_view()
overview = OverviewView.as_view()
