"""The publishing window and state in every content type's admin.

For Publishable models only: the list shows each item's state in words ("Kladde",
"Planlagt til 3. marts 2027 kl. 9.00", "Udgivet", "Udløbet …") instead of the raw
status, filters by that state, and the form puts "vises fra" and "vises til" on the
line of the status. Every other model's admin is left as it is.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.models.publishing import PUBLISHING_STATES, Publishable

WINDOW = ("publish_from", "publish_until")


class PublishingStateFilter(admin.SimpleListFilter):
    """Filter by the state visitors meet now: draft, scheduled, published or expired."""

    title = _("status")
    parameter_name = "tilstand"

    def lookups(self, request, model_admin):
        return list(PUBLISHING_STATES.items())

    def queryset(self, request, queryset):
        state = self.value()
        if state in PUBLISHING_STATES:
            return queryset.filter(queryset.model.state_condition(state))
        return queryset


def with_window(fields):
    """Return ``fields`` (a fieldset's list) with the window on the status's line."""
    result = []
    for field in fields:
        if field == "status":
            result.append(("status", *WINDOW))
        elif isinstance(field, (list, tuple)) and "status" in field:
            result.append((*field, *(name for name in WINDOW if name not in field)))
        else:
            result.append(field)
    return result


def names_in(fieldsets) -> set[str]:
    found = set()
    for _name, options in fieldsets:
        for field in options.get("fields", ()):
            found.update(field if isinstance(field, (list, tuple)) else (field,))
    return found


class PublishingAdminMixin:
    """The state in words as a list column and filter; the window beside the status."""

    def _is_publishable(self) -> bool:
        return issubclass(self.model, Publishable)

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if not self._is_publishable():
            return columns
        return ["publishing_state" if column == "status" else column for column in columns]

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        if not self._is_publishable():
            return filters
        if "status" not in filters:
            return filters
        return [PublishingStateFilter if item == "status" else item for item in filters]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._is_publishable() or names_in(fieldsets) & set(WINDOW):
            return fieldsets
        return [
            (name, {**options, "fields": with_window(options.get("fields", ()))})
            for name, options in fieldsets
        ]

    @admin.display(description=_("status"), ordering="status")
    def publishing_state(self, obj):
        return obj.publishing_state_label(pending_draft=getattr(obj, "has_pending_draft", False))
