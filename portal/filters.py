"""The filters of every list (django-filter), and what they share.

A list's FilterSet declares its URL parameters as filters: the free text ``q``
(SearchFilter) and choices by slug (SlugChoiceFilter) whose options come from data
derived from the content and stored until the next save (``cached_by_content``).
Valid values narrow the list through the model's QuerySet methods; an unknown value is
reported in Danish and ignored while the other filters still apply.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from django_filters.fields import ChoiceField

from portal.cache import cached_by_content
from portal.forms import FilterForm, SearchField


@dataclass(frozen=True, slots=True)
class Option:
    """A value a choice filter accepts: what narrows the list, its name, its results."""

    value: object  # handed to the QuerySet method, e.g. a person's pk or a term
    label: str  # shown on the active filter's chip
    count: int | None = None  # shown beside the option, "Helle Nielsen (3)"

    @property
    def choice_label(self) -> str:
        return self.label if self.count is None else f"{self.label} ({self.count})"


def subject_options(tags: list[dict], count: str) -> dict[str, Option]:
    """Return subjects (pk, slug, name, name_en and a count) as options by slug."""
    english = get_language() == "en"
    return {
        tag["slug"]: Option(tag["pk"], (english and tag["name_en"]) or tag["name"], tag[count])
        for tag in tags
    }


class PlainSelect(forms.Select):
    """Django's select with its options written in its own template, not one template
    include per option: a filter lists a few hundred people and subjects, and the
    includes were most of a list page's first render after a save. No groups."""

    template_name = "portal/widgets/select.html"


class SlugChoiceField(ChoiceField):
    """A choice whose error quotes the unknown value, shortened to 40 characters."""

    widget = PlainSelect

    default_error_messages = {
        "invalid_choice": _("Vi kender ikke værdien “%(value)s”. Vælg en fra listen."),
    }

    def validate(self, value):
        try:
            super().validate(value)
        except ValidationError as error:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": Truncator(value).chars(40)},
            ) from error


class SearchFilter(django_filters.CharFilter):
    """``?q=``: every word must match, by the QuerySet's ``search(text)``."""

    field_class = SearchField
    chip_label = _("Søgning")

    def filter(self, qs, value):
        return qs if value in EMPTY_VALUES else qs.search(value)

    def chip(self, value) -> tuple[str, str] | None:
        return (self.chip_label, value)


class SlugChoiceFilter(django_filters.ChoiceFilter):
    """One option, chosen by its slug in the URL.

    - ``options`` returns {slug: Option} for the current request (called once a request);
    - ``queryset_method`` names the QuerySet method that takes the chosen option's value;
      without it, the value is looked up on ``field_name`` as django-filter does;
    - ``label``, then ``empty_label`` (the option that leaves the filter open, or None),
      then ``unknown``: the notice for a value that is not among the options.

    ``chip=False`` keeps a chosen value out of the active filters (a sort order).
    """

    field_class = SlugChoiceField

    def __init__(
        self,
        options: Callable[[], dict[str, Option]],
        queryset_method: str | None,
        label,
        empty_label,
        unknown,
        *,
        chip: bool = True,
        **kwargs,
    ):
        super().__init__(
            label=label,
            empty_label=empty_label,
            error_messages={"invalid_choice": unknown},
            **kwargs,
        )
        self.load_options = options
        self.queryset_method = queryset_method
        self.shown_as_chip = chip

    @classmethod
    def from_choices(cls, choices: type[models.Choices], *args, **kwargs) -> "SlugChoiceFilter":
        """Offer the values of a TextChoices (stored values as they stand in the URL)."""

        def options() -> dict[str, Option]:
            return {value: Option(value, name) for value, name in choices.choices}

        return cls(options, *args, **kwargs)

    @cached_property
    def _options_and_choices(self) -> tuple[dict[str, Option], list[tuple[str, str]]]:
        """Build the options and the form's choices once per content version, day and
        language (a few hundred people and subjects), not once per request."""

        def build():
            options = self.load_options()
            return options, [(slug, option.choice_label) for slug, option in options.items()]

        inputs = (type(self.parent).__name__, self.field_name)
        return cached_by_content("filter-options", build, inputs)

    @property
    def options(self) -> dict[str, Option]:
        return self._options_and_choices[0]

    def choices(self) -> list[tuple[str, str]]:
        return self._options_and_choices[1]

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        chosen = self.options[value].value
        if self.queryset_method:
            return getattr(qs, self.queryset_method)(chosen)
        return super().filter(qs, chosen)

    def chip(self, value) -> tuple[str, str] | None:
        return (self.label, self.options[value].label) if self.shown_as_chip else None


class SubjectFilter(SlugChoiceFilter):
    """``?emne=``: one subject (tag) by its slug, narrowed by the QuerySet's ``tagged``."""

    def __init__(self, options: Callable[[], dict[str, Option]], **kwargs):
        super().__init__(
            options,
            "tagged",
            _("Emne"),
            _("Alle emner"),
            _("Vi kender ikke emnet “%(value)s”. Vælg et fra listen."),
            **kwargs,
        )


class ListFilterSet(django_filters.FilterSet):
    """The filters of a list; field names are the Danish URL parameters.

    Every list has the free text ``q``; ``search_label`` says what it searches. Besides
    django-filter's ``form`` and ``qs``: the valid values, the notices for the invalid
    ones, the active filters as chips, and the list with some filters left out.
    """

    q = SearchFilter()
    search_label = _("Søg")

    class Meta:
        form = FilterForm

    @cached_property
    def form(self) -> FilterForm:
        form = super().form
        form.fields["q"].label = self.search_label
        for name, filter_ in self.filters.items():
            if isinstance(filter_, SlugChoiceFilter):
                form.fields[name].choices = filter_.choices()
        return form

    @property
    def valid_data(self) -> dict:
        return self.form.valid_data

    def notices(self) -> list[str]:
        return self.form.error_notices()

    def active_filters(self) -> list[tuple[str, str, str]]:
        """Return (parameter, label, value shown) for each valid filter in use."""
        active = []
        for name, value in self.valid_data.items():
            if chip := self.filters[name].chip(value):
                active.append((name, *chip))
        return active

    def filter_queryset(self, queryset, *, leave_out=()):
        for name, value in self.form.cleaned_data.items():
            if name not in leave_out:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def qs_without(self, *names: str):
        """Return the queryset narrowed by every valid filter except the named ones."""
        if not self.is_bound:
            return self.queryset.all()
        self.form.is_valid()
        return self.filter_queryset(self.queryset.all(), leave_out=names)
