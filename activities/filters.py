from django.utils.translation import gettext_lazy as _

from activities.models import (
    ActivityForm,
    CatalogueTerm,
    FocusArea,
    Method,
    SortOrder,
    TargetGroup,
    WelfareStep,
    catalogue_terms,
)
from portal.cache import cached_by_content
from portal.filters import ListFilterSet, Option, SlugChoiceFilter


class FacetFilter(SlugChoiceFilter):
    """A facet of the catalogue: one term of a ``kind``, by its slug.

    ``relation`` is the activity's relation to those terms (django-filter's field name).
    The terms are the ones editors keep in the admin, stored until the next save.
    """

    def __init__(self, kind: type[CatalogueTerm], relation: str, *args, **kwargs):
        def options() -> dict[str, Option]:
            terms = cached_by_content("activities:terms", catalogue_terms)[kind.catalogue_param]
            return {slug: Option(term, term.name) for slug, term in terms.items()}

        super().__init__(options, None, *args, field_name=relation, **kwargs)


class ActivityFilterSet(ListFilterSet):
    """The catalogue's facets, free text and sort order.

    Choices combine with AND across facets. Each option is counted over the activities
    that all the *other* active choices leave, so a visitor sees what a click would give.
    """

    indsatsomraade = FacetFilter(
        FocusArea,
        "focus_areas",
        _("Indsatsområde"),
        _("Alle indsatsområder"),
        _("Vi kender ikke indsatsområdet “%(value)s”. Vælg et fra listen."),
    )
    trin = FacetFilter(
        WelfareStep,
        "step",
        _("Trin på velfærdstrappen"),
        _("Alle trin"),
        _("Vi kender ikke trinnet “%(value)s”. Vælg et trin fra listen."),
    )
    form = FacetFilter(
        ActivityForm,
        "forms",
        _("Aktivitetsform"),
        _("Alle former"),
        _("Vi kender ikke aktivitetsformen “%(value)s”. Vælg en fra listen."),
    )
    maalgruppe = FacetFilter(
        TargetGroup,
        "target_groups",
        _("Målgruppe"),
        _("Alle målgrupper"),
        _("Vi kender ikke målgruppen “%(value)s”. Vælg en fra listen."),
    )
    metode = FacetFilter(
        Method,
        "methods",
        _("Metode"),
        _("Alle metoder"),
        _("Vi kender ikke metoden “%(value)s”. Vælg en fra listen."),
    )
    # Orders rather than narrows: without it (or when unknown) the list's own order holds.
    sortering = SlugChoiceFilter.from_choices(
        SortOrder,
        "sorted_by",
        _("Sortér efter"),
        None,
        _("Vi kan ikke sortere efter “%(value)s”. Aktiviteterne står efter navn."),
        chip=False,
    )

    search_label = _("Søg i aktiviteterne")

    @property
    def sort_order(self) -> str:
        return self.valid_data.get("sortering") or SortOrder.NAME

    def facet_options(self) -> list[dict]:
        """Return each facet with its options, and how many activities each option gives.

        The counts depend only on the content, the day and the valid choices, so they are
        stored per combination of choices until the next save; with free text (which
        would make a new entry per search) they are counted each time.
        """
        facets = {n: f for n, f in self.filters.items() if isinstance(f, FacetFilter)}
        chosen = {
            param: facets[param].options[slug].value
            for param, slug in self.valid_data.items()
            if param in facets
        }

        def count():
            return self.qs_without(*facets).facet_counts(
                chosen, {param: facet.field_name for param, facet in facets.items()}
            )

        if "q" in self.valid_data:
            all_counts = count()
        else:
            chosen_slugs = sorted((p, s) for p, s in self.valid_data.items() if p in facets)
            all_counts = cached_by_content("activities:facets", count, chosen_slugs)
        result = []
        for param, facet in facets.items():
            counts = all_counts[param]
            options = [
                {
                    "value": slug,
                    "label": option.label,
                    "count": counts.get(slug, 0),
                    "selected": param in chosen and option.value == chosen[param],
                    "id": f"id_{param}_{index}",
                }
                for index, (slug, option) in enumerate(facet.options.items(), start=1)
            ]
            result.append(
                {
                    "param": param,
                    "label": facet.label,
                    "all_label": self.form.fields[param].empty_label,
                    "options": options,
                    "chosen": chosen.get(param),
                    "has_errors": bool(self.errors.get(param)),
                }
            )
        return result
