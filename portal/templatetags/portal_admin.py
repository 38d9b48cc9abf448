from django import template

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
