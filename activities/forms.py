import hashlib
from dataclasses import dataclass

from django import forms
from django.db import models
from django.db.models import Count, F, Value
from django.db.models.functions import Concat
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from activities.models import ActivityForm, FocusArea, Method, TargetGroup, WelfareStep
from portal.cache import cached_by_content
from portal.forms import FilterChoiceField, FilterForm


@dataclass(frozen=True)
class Facet:
    """One facet of the catalogue: its URL parameter, its terms and how it narrows."""

    param: str
    model: type
    path: str  # the activity's relation to the term
    method: str  # the ActivityQuerySet method that narrows by one term
    label: Promise
    all_label: Promise
    unknown: Promise


FACETS = [
    Facet(
        "indsatsomraade",
        FocusArea,
        "focus_areas",
        "in_focus_area",
        _("Indsatsområde"),
        _("Alle indsatsområder"),
        _("Vi kender ikke indsatsområdet “%(value)s”. Vælg et fra listen."),
    ),
    Facet(
        "trin",
        WelfareStep,
        "step",
        "on_step",
        _("Trin på velfærdstrappen"),
        _("Alle trin"),
        _("Vi kender ikke trinnet “%(value)s”. Vælg et trin fra listen."),
    ),
    Facet(
        "form",
        ActivityForm,
        "forms",
        "with_form",
        _("Aktivitetsform"),
        _("Alle former"),
        _("Vi kender ikke aktivitetsformen “%(value)s”. Vælg en fra listen."),
    ),
    Facet(
        "maalgruppe",
        TargetGroup,
        "target_groups",
        "for_target_group",
        _("Målgruppe"),
        _("Alle målgrupper"),
        _("Vi kender ikke målgruppen “%(value)s”. Vælg en fra listen."),
    ),
    Facet(
        "metode",
        Method,
        "methods",
        "with_method",
        _("Metode"),
        _("Alle metoder"),
        _("Vi kender ikke metoden “%(value)s”. Vælg en fra listen."),
    ),
]


FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}


def catalogue_terms() -> dict[str, dict]:
    """Return {facet parameter: {slug: term}} for every facet."""
    return {
        facet.param: {term.slug: term for term in facet.model.objects.all()} for facet in FACETS
    }


def facet_field(param: str) -> FilterChoiceField:
    facet = FACETS_BY_PARAM[param]
    return FilterChoiceField(
        label=facet.label, required=False, error_messages={"invalid_choice": facet.unknown}
    )


class SortOrder(models.TextChoices):
    # The stored values are the ones visitors see in the URL (?sortering=…).
    NAME = "navn", _("Navn")
    STEP = "trin", _("Trin på velfærdstrappen")


class ActivityFilterForm(FilterForm):
    """The catalogue's facets. Field names are the Danish URL parameters.

    Choices combine with AND across facets. Each option is counted over the activities
    that all the *other* active choices leave, so a visitor sees what a click would give.
    """

    q = forms.CharField(
        label=_("Søg i aktiviteterne"),
        required=False,
        max_length=200,
        error_messages={
            "max_length": _("Søgeteksten er for lang. Skriv højst %(limit_value)d tegn."),
        },
    )
    indsatsomraade = facet_field("indsatsomraade")
    trin = facet_field("trin")
    form = facet_field("form")
    maalgruppe = facet_field("maalgruppe")
    metode = facet_field("metode")
    sortering = FilterChoiceField(
        label=_("Sortér efter"),
        required=False,
        choices=SortOrder.choices,
        error_messages={
            "invalid_choice": _(
                "Vi kan ikke sortere efter “%(value)s”. Aktiviteterne står efter navn."
            ),
        },
    )

    facets = FACETS

    def set_choices(self) -> None:
        # The terms editors keep in the admin: one query per facet after each save.
        self.terms = cached_by_content("activities:terms", catalogue_terms)
        for facet in self.facets:
            self.fields[facet.param].choices = [
                ("", facet.all_label),
                *((slug, term.name) for slug, term in self.terms[facet.param].items()),
            ]

    def selected(self, param: str):
        """Return the chosen term of a facet, or None."""
        return self.terms[param].get(self.valid_data.get(param))

    @property
    def sort_order(self) -> str:
        return self.valid_data.get("sortering") or SortOrder.NAME

    def filter(self, activities, *, except_param: str | None = None):
        """Narrow a queryset of activities by the valid choices, leaving one facet out."""
        for facet in self.facets:
            term = self.selected(facet.param)
            if term is not None and facet.param != except_param:
                activities = getattr(activities, facet.method)(term)
        if self.valid_data.get("q") and except_param != "q":
            activities = activities.search(self.valid_data["q"])
        return activities

    def sort(self, activities):
        return activities.by_step() if self.sort_order == SortOrder.STEP else activities.by_name()

    def facet_counts(self, activities) -> dict[str, dict[str, int]]:
        """Return {facet: {term slug: activities}}, each facet counted under the others.

        One query for all facets: a UNION ALL of one grouped count per facet.
        """
        parts = [
            self.filter(activities, except_param=facet.param)
            .order_by()
            # "facet:slug" in one column tells the facets apart in the combined result.
            .annotate(
                key=Concat(
                    Value(f"{facet.param}:"),
                    F(f"{facet.path}__slug"),
                    output_field=models.CharField(),
                )
            )
            .values("key")
            .annotate(activities=Count("pk", distinct=True))
            .values_list("key", "activities")
            for facet in self.facets
        ]
        counts: dict[str, dict[str, int]] = {facet.param: {} for facet in self.facets}
        for key, number in parts[0].union(*parts[1:], all=True).order_by():
            if key:  # activities without a term in this facet
                param, slug = key.split(":", 1)
                counts[param][slug] = number
        return counts

    def facet_options(self, activities) -> list[dict]:
        """Return each facet with its options, and how many activities each option gives.

        The counts depend only on the content and the valid choices, so they are stored
        per combination of choices until the next save.
        """
        result = []
        state = sorted(
            (param, str(value)) for param, value in self.valid_data.items() if param != "sortering"
        )
        digest = hashlib.sha256(repr(state).encode()).hexdigest()
        all_counts = cached_by_content(
            f"activities:facets:{digest}", lambda: self.facet_counts(activities)
        )
        for facet in self.facets:
            counts = all_counts[facet.param]
            chosen = self.selected(facet.param)
            options = [
                {
                    "value": slug,
                    "label": term.name,
                    "count": counts.get(slug, 0),
                    "selected": term == chosen,
                    "id": f"id_{facet.param}_{index}",
                }
                for index, (slug, term) in enumerate(self.terms[facet.param].items(), start=1)
            ]
            result.append(
                {
                    "param": facet.param,
                    "label": facet.label,
                    "all_label": facet.all_label,
                    "options": options,
                    "chosen": chosen,
                    "has_errors": bool(self.errors.get(facet.param)),
                }
            )
        return result

    def active_filters(self) -> list[tuple[str, str, str]]:
        """Return (parameter, label, value shown) for each valid choice in use."""
        active = []
        if self.valid_data.get("q"):
            active.append(("q", _("Søgning"), self.valid_data["q"]))
        for facet in self.facets:
            term = self.selected(facet.param)
            if term is not None:
                active.append((facet.param, facet.label, term.name))
        return active
