from django.conf import settings

from portal.text import clean_html


def language_columns(field: str) -> list[str]:
    """Return a translated field's attribute and its column in every language."""
    return [field, *(f"{field}_{code}" for code, _label in settings.LANGUAGES)]


class RichTextMixin:
    """Sanitise the named rich-text fields, in every language, on each save.

    Templates may then render these fields with ``|safe``: nothing an editor types can
    run script on the public site.
    """

    rich_text_fields: tuple[str, ...] = ()

    def sanitise_rich_text(self) -> None:
        for name in self.rich_text_fields:
            columns = [f"{name}_{code}" for code, _label in settings.LANGUAGES]
            for column in [c for c in columns if hasattr(self, c)] or [name]:
                setattr(self, column, clean_html(getattr(self, column) or ""))

    def save(self, *args, **kwargs):
        self.sanitise_rich_text()
        super().save(*args, **kwargs)
