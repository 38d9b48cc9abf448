from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _


class SearchField(forms.CharField):
    """The free text ``?q=`` of the site search and of every list."""

    default_error_messages = {
        "max_length": _("Søgeteksten er for lang. Skriv højst %(limit_value)d tegn."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class FilterForm(forms.Form):
    """A GET form of filters: valid values apply, invalid ones are reported and ignored.

    Every filter form is a subclass (the lists' forms are made from their FilterSets,
    portal.filters), so its fields name the query parameters some page understands.
    """

    @property
    def valid_data(self) -> dict:
        """Return the values that passed validation, empty values left out."""
        if not self.is_bound:
            return {}
        self.is_valid()  # validates once; cleaned_data then holds the valid fields
        return {key: value for key, value in self.cleaned_data.items() if value not in ("", None)}

    def error_notices(self) -> list[str]:
        return [str(message) for errors in self.errors.values() for message in errors]


class ShortEchoChoiceField(forms.ChoiceField):
    """A choice whose error names the unknown value cut to 40 characters, as the other
    notices do, so a long address is not printed back whole."""

    def validate(self, value):
        try:
            super().validate(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": Truncator(value).chars(40)},
            ) from error


class SearchForm(FilterForm):
    q = SearchField(label=_("Søg på hele sitet"))
    type = ShortEchoChoiceField(
        required=False,
        error_messages={
            "invalid_choice": _("Vi kender ikke typen “%(value)s”. Her er alle resultater.")
        },
    )

    def __init__(self, *args, **kwargs):
        from portal.search import kinds

        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", ""), *kinds()]
