"""The base every content type's admin builds on.

Each app's admin subclasses ``ContentAdmin`` (or ``TranslatedContentAdmin`` for models
with Danish and English fields), so what editors get on one form (history, restore,
protection against overwriting a colleague's save) they get on every form, including
those of content types added later.
"""

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from modeltranslation.admin import TabbedTranslationAdmin

from portal.admin_deletion import LinksOffDeletePageMixin
from portal.admin_schedule import PublishingAdminMixin
from portal.admin_subjects import SubjectsAdminMixin
from portal.drafts import DraftAdminMixin
from portal.edit_conflicts import EditConflictAdminMixin
from portal.roles import RolesAdminMixin
from portal.versions import VersionedAdmin


class _ReadableIdsOnly:
    """An autocomplete widget that shows again only ids its field can read.

    Django's widget looks up every posted value when the form is shown again, so a
    tampered value such as ``partners=abc`` raised an error instead of the form's own
    "Vælg et gyldigt valg".
    """

    def optgroups(self, name, value, attr=None):
        target = self.field.target_field

        def readable(item) -> bool:
            try:
                target.to_python(item)
            except ValidationError:
                return False
            return True

        return super().optgroups(name, [item for item in value if readable(item)], attr)


class SafeAutocompleteSelect(_ReadableIdsOnly, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_ReadableIdsOnly, AutocompleteSelectMultiple):
    pass


class SafeAutocompleteMixin:
    """Give a model admin or an inline autocomplete widgets that survive tampered ids."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ContentAdmin(
    RolesAdminMixin,
    DraftAdminMixin,
    PublishingAdminMixin,
    SafeAutocompleteMixin,
    SubjectsAdminMixin,
    EditConflictAdminMixin,
    LinksOffDeletePageMixin,
    VersionedAdmin,
):
    """The admin of a content type without translated fields.

    Each mixin does nothing for models it does not concern (the publishing ones leave
    people, organisations and lookup tables alone).
    """

    class Media:
        js = ["js/admin-unsaved.js"]


class TranslatedContentAdmin(ContentAdmin, TabbedTranslationAdmin):
    """The admin of a content type with a Danish and an English tab."""


class OneRowAdminMixin:
    """The admin of a ``portal.models.OneRow`` model: never a second row, never deleted,
    and its list opens the row straight away (a list of one row is a click for nothing).

    Should the row be gone, a user who may change it gets it back with its first values;
    anyone else gets the (empty) list.
    """

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        row = self.model.objects.first()
        if row is None and self.has_change_permission(request):
            row = self.model.load()
        if row is None:
            return super().changelist_view(request, extra_context)
        opts = self.model._meta
        return redirect(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", row.pk)
