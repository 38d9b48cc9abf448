from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _


class FastSelect(forms.Select):
    """A <select> rendered in Python, its options reused while the choices stay the same.

    Django renders every <option> through a template of its own; with a few hundred
    people and subjects in the filters that dominated the cost of a list page.
    """

    rendered_options: dict[int, str] = {}

    def render(self, name, value, attrs=None, renderer=None):
        choices = tuple((str(option), str(label)) for option, label in self.choices)
        key = hash(choices)
        options = self.rendered_options.get(key)
        if options is None:
            if len(self.rendered_options) > 500:
                self.rendered_options.clear()
            options = self.rendered_options[key] = "\n".join(
                f'<option value="{conditional_escape(option)}">{conditional_escape(label)}</option>'
                for option, label in choices
            )
        value = "" if value is None else str(value)
        if value:
            chosen = f'<option value="{conditional_escape(value)}">'
            options = options.replace(chosen, chosen[:-1] + " selected>", 1)
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html(
            "<select{}>\n{}\n</select>",
            flatatt(final_attrs),
            mark_safe(options),  # noqa: S308 - every value and label escaped above
        )


class FilterChoiceField(forms.ChoiceField):
    """A choice in a GET filter form whose error quotes the (shortened) unknown value."""

    widget = FastSelect

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


class FilterForm(forms.Form):
    """A GET form of filters: valid choices apply, invalid ones are reported and ignored."""

    def __init__(self, data=None, **kwargs):
        super().__init__(data=data, **kwargs)
        self.set_choices()
        if self.is_bound:
            self.full_clean()

    def set_choices(self) -> None:
        """Fill in choices that come from the database (one query per field)."""

    @property
    def valid_data(self) -> dict:
        """Return the filters that passed validation, empty values left out."""
        if not self.is_bound:
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value not in ("", None)}

    def error_notices(self) -> list[str]:
        return [str(message) for errors in self.errors.values() for message in errors]


class SearchForm(FilterForm):
    q = forms.CharField(
        label=_("Søg på hele sitet"),
        required=False,
        max_length=200,
        error_messages={
            "max_length": _("Søgeteksten er for lang. Skriv højst %(limit_value)d tegn."),
        },
    )
