"""The base every content type's admin builds on.

Each app's admin subclasses ``ContentAdmin`` (or ``TranslatedContentAdmin`` for models
with Danish and English fields), so what editors get on one form (history, restore,
protection against overwriting a colleague's save) they get on every form, including
those of content types added later.
"""

from modeltranslation.admin import TabbedTranslationAdmin

from portal.edit_conflicts import EditConflictAdminMixin
from portal.versions import VersionedAdmin


class ContentAdmin(EditConflictAdminMixin, VersionedAdmin):
    """The admin of a content type without translated fields."""

    class Media:
        js = ["js/admin-unsaved.js"]


class TranslatedContentAdmin(ContentAdmin, TabbedTranslationAdmin):
    """The admin of a content type with a Danish and an English tab."""
