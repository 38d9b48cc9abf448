from django import template
from django.utils.html import escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext

from portal import admin_inlines

register = template.Library()


@register.filter
def inline_formset_data(inline_admin_formset) -> str:
    """Return an inline's options for the admin's script, with its own add text."""
    return admin_inlines.inline_formset_data(inline_admin_formset)


@register.filter
def add_text(inline) -> str:
    """Return the words of the button that adds a part to ``inline``."""
    return admin_inlines.add_text(inline)


# The yes/no icons of a list's true/false columns, as Django writes them.
YES_NO_ICONS = {'alt="True">': "Yes", 'alt="False">': "No", 'alt="None">': "Unknown"}


@register.filter
def danish_yes_no_icons(cell: str) -> str:
    """Return a list cell whose yes/no icon reads "Ja", "Nej" or "Ukendt", not "True"."""
    if not isinstance(cell, SafeData):
        return cell  # text, not Django's HTML: escaped as it is printed
    for english, word in YES_NO_ICONS.items():
        if english in cell:
            cell = cell.replace(english, f'alt="{escape(gettext(word))}">')
    return mark_safe(cell)  # noqa: S308 (Django's cell, one attribute replaced)
