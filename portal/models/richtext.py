"""Rich text: one model field that brings its editor and sanitises what it stores.

A content type declares a field as ``RichTextField(heading_levels=(3, 4))`` and gets,
in every language column modeltranslation makes of it, the editor in the admin with the
buttons of ``portal.text.RICH_TEXT_EXTENSIONS`` and the sanitiser with the same
allow-list. ``heading_levels`` names the heading levels that fit under the page's own
headings where the field is shown; an empty tuple allows no headings.
"""

import json

from django import forms
from django.conf import settings
from django.db import models
from django_prose_editor.config import expand_extensions

from portal.text import DEFAULT_HEADING_LEVELS, clean_html, editor_extensions

EDITOR_ATTRIBUTE = "data-rich-text-editor"


def language_columns(field: str) -> list[str]:
    """Return a translated field's attribute and its column in every language."""
    return [field, *(f"{field}_{code}" for code, _label in settings.LANGUAGES)]


class RichTextEditor(forms.Textarea):
    """A textarea that ``static/js/rich-text-editor.js`` turns into the editor.

    The script imports django-prose-editor's bundle by path, so the page needs no
    inline import map, and it starts Tiptap without its injected ``<style>``, whose rules
    come from ``static/css/rich-text-editor.css`` instead: the admin keeps the site's CSP.
    """

    def __init__(self, *args, extensions: dict | None = None, **kwargs):
        self.extensions = extensions if extensions is not None else editor_extensions()
        super().__init__(*args, **kwargs)

    @property
    def media(self) -> forms.Media:
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                    "css/rich-text-editor.css",
                ]
            },
            js=[forms.Script("js/rich-text-editor.js", type="module")],
        )

    def editor_config(self) -> dict:
        return {"extensions": expand_extensions(self.extensions)}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"][EDITOR_ATTRIBUTE] = json.dumps(
            self.editor_config(), separators=(",", ":")
        )
        return context

    def use_required_attribute(self, initial) -> bool:
        # The textarea is hidden behind the editor; a browser cannot point at it.
        return False


class RichTextFormField(forms.CharField):
    """The form field of a rich text: the editor, and values compared once sanitised."""

    widget = RichTextEditor

    def __init__(self, *args, heading_levels: tuple[int, ...] = DEFAULT_HEADING_LEVELS, **kwargs):
        self.heading_levels = tuple(heading_levels)
        widget = kwargs.get("widget")
        widget_class = widget if isinstance(widget, type) else type(widget)
        # The admin asks every text field for its textarea; a rich text answers with the
        # editor, keeping the attributes (modeltranslation's tab classes) it was given.
        if widget is None or (
            issubclass(widget_class, forms.Textarea)
            and not issubclass(widget_class, RichTextEditor)
        ):
            kwargs["widget"] = RichTextEditor(
                extensions=editor_extensions(self.heading_levels),
                attrs=None if isinstance(widget, type) or widget is None else widget.attrs,
            )
        super().__init__(*args, **kwargs)

    def sanitise(self, value) -> str:
        return clean_html(value or "", self.heading_levels)

    def to_python(self, value):
        # Sanitised before "required" is checked: an editor's empty paragraph is empty.
        return self.sanitise(super().to_python(value))

    def has_changed(self, initial, data) -> bool:
        """Compare what would be stored: the editor's own rewriting of the HTML is no change."""
        if self.disabled:
            return False
        return self.sanitise(initial) != self.sanitise(data)


class RichTextField(models.TextField):
    """A text of paragraphs, headings, lists, links, bold, italic and quotes."""

    def __init__(self, *args, heading_levels: tuple[int, ...] = DEFAULT_HEADING_LEVELS, **kwargs):
        self.heading_levels = tuple(heading_levels)
        super().__init__(*args, **kwargs)

    def sanitise(self, value) -> str:
        return clean_html(value or "", self.heading_levels)

    def pre_save(self, model_instance, add):
        value = self.sanitise(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": RichTextFormField, "heading_levels": self.heading_levels} | kwargs
        )

    def deconstruct(self):
        # What the editor and the sanitiser allow is no part of the schema: changing a
        # field's heading levels needs no migration.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs


class RichTextMixin:
    """Sanitise the named rich-text fields, in every language, on each save.

    Templates may then render these fields with ``|safe``: nothing an editor types can
    run script on the public site. A ``RichTextField`` sanitises itself; a plain text
    column named here is sanitised with the default heading levels.
    """

    rich_text_fields: tuple[str, ...] = ()

    def sanitise_rich_text(self) -> None:
        for name in self.rich_text_fields:
            columns = [f"{name}_{code}" for code, _label in settings.LANGUAGES]
            for column in [c for c in columns if hasattr(self, c)] or [name]:
                field = self._meta.get_field(column)
                sanitise = field.sanitise if isinstance(field, RichTextField) else clean_html
                setattr(self, column, sanitise(getattr(self, column) or ""))

    def save(self, *args, **kwargs):
        self.sanitise_rich_text()
        super().save(*args, **kwargs)
