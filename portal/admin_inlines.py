"""The button under an inline that adds a part, worded as Danish needs it.

Django words the button "Tilføj endnu en Afsnit": one article for every noun and the
name capitalised. Danish nouns are common ("en kontaktperson") or neuter ("et afsnit"),
so each inline says its own words in ``add_text``; one without falls back to "Tilføj"
and the name, which needs no article. The admin's inline templates
(templates/admin/edit_inline/, templates/admin/themes/ordered_inline.html) pass the
text on to the script that draws the button, through the ``inline_formset_data`` filter.
"""

import json

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.admin_base import SafeAutocompleteMixin


def add_text(inline) -> str:
    """Return the words of the button that adds a part to ``inline``."""
    text = getattr(inline, "add_text", "")
    return str(text or _("Tilføj %(name)s") % {"name": inline.verbose_name})


def inline_formset_data(inline_admin_formset) -> str:
    """Return the options the admin's inline script reads, with the inline's own add text."""
    data = json.loads(inline_admin_formset.inline_formset_data())
    data["options"]["addText"] = add_text(inline_admin_formset.opts)
    return json.dumps(data)


class TabularInline(SafeAutocompleteMixin, admin.TabularInline):
    """A table of parts: one row each, none shown empty until the editor adds one."""

    extra = 0
    # "Tilføj endnu en kontaktperson", "Tilføj endnu et afsnit".
    add_text = ""
