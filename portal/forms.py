from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _


class FilterChoiceField(forms.ChoiceField):
    """A choice in a GET filter form whose error quotes the (shortened) unknown value."""

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
