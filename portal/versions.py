"""Every version of every content type kept, compared and restorable (django-reversion).

Each model of the project's own apps (``portal.registry.project_apps``) is registered, so
a content type added later is versioned without code. A version holds the row, its
many-to-many values, and the rows the model owns, followed down the tree: a theme's
sections and their items, a project's contact links, an activity's sources, the subject
links of anything with subjects. Restoring a version brings all of them back.

``VersionedAdmin`` gives every admin that builds on it the history, compare, restore and
recover-deleted pages of django-reversion-compare, and adds what the portal needs on top:
one version and one log line per item in bulk changes, a snapshot before each delete, no
version for a save that changes nothing, a paginated history, and an optional comment.
"""

from contextlib import contextmanager

import reversion
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import NestedObjects, quote, unquote
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, models, router
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from reversion.models import Version
from reversion.revisions import _get_options
from reversion_compare.admin import CompareVersionAdmin
from reversion_compare.helpers import html_diff

from portal.models.richtext import RichTextField
from portal.text import html_as_text

COMMENT_FIELD = "revision_comment"
HISTORY_PAGE_SIZE = 50

# Flags on the request: a changelist makes one revision per item, a restore always saves.
_PER_ITEM = "_versions_per_item"
_RESTORING = "_versions_restoring"


def _content_models() -> list[type[models.Model]]:
    from portal.registry import project_apps

    return [model for app in project_apps() for model in app.get_models()]


def _link_owners() -> dict[type[models.Model], type[models.Model]]:
    """Map each explicit link table (an m2m ``through``) to the model that declares the m2m.

    A link row belongs to that side only: a project keeps its subject links, a subject
    does not keep every project's link (restoring a subject must not undo later tagging).
    """
    owners = {}
    for model in _content_models():
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if not through._meta.auto_created:
                owners[through] = model
    return owners


def owned_relations(model: type[models.Model]) -> tuple[str, ...]:
    """Return the reverse accessors of the rows ``model`` owns: deleted with it, kept with it."""
    ours = set(_content_models())
    owners = _link_owners()
    names = []
    for rel in model._meta.related_objects:
        child = rel.related_model
        if rel.many_to_many or child not in ours or rel.on_delete is not models.CASCADE:
            continue
        if owners.get(child, model) is not model:
            continue
        names.append(rel.get_accessor_name())
    return tuple(names)


def _custom_m2m(model: type[models.Model]) -> tuple[str, ...]:
    """Return the m2m fields stored as link rows of their own (followed, not serialised)."""
    return tuple(
        field.name
        for field in model._meta.local_many_to_many
        if not field.remote_field.through._meta.auto_created
    )


def _translated(model: type[models.Model]) -> tuple[str, ...]:
    """Return the fields modeltranslation splits into one column per language."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return tuple(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return ()


def register_content_models() -> None:
    """Register every model of the project's apps with reversion (safe to call again)."""
    for model in _content_models():
        if not reversion.is_registered(model):
            reversion.register(model, follow=owned_relations(model), exclude=_custom_m2m(model))


def keep_before_deleting(obj: models.Model, user) -> None:
    """Store ``obj`` and every row its deletion takes with it as one revision.

    Objects loaded without the admin (demo data, imports) have no version yet; this one
    is what "Slettede …" restores, relations included.
    """
    collector = NestedObjects(using=router.db_for_write(obj.__class__, instance=obj))
    collector.collect([obj])
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(str(_("Slettet.")))
        for model, instances in collector.data.items():
            if reversion.is_registered(model):
                for instance in instances:
                    reversion.add_to_revision(instance)


class PlainTextarea(AdminTextareaWidget):
    """A textarea whose line breaks read back as they were stored.

    Browsers submit a textarea's line breaks as CRLF (HTML's form submission rule), while
    the database holds LF (the sanitiser's HTML parser normalises them), so an untouched
    text with a line break looked changed on every save.
    """

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value


@cached_property
def _changed_content(form) -> list[str]:
    """The form's changed fields, without the comment: a comment alone changes nothing."""
    return [name for name in forms.Form.changed_data.func(form) if name != COMMENT_FIELD]


# reversion-compare's own words for a field a version lacks; it ships no Danish.
gettext_noop("Field didn't exist!")


class VersionedAdmin(CompareVersionAdmin):
    """History, compare, restore and recover-deleted for every content type."""

    object_history_template = "reversion-compare/object_history.html"
    formfield_overrides = {models.TextField: {"widget": PlainTextarea}}

    def __init__(self, *args, **kwargs):
        # Before reversion's own auto-registration, which would follow only the inlines.
        register_content_models()
        super().__init__(*args, **kwargs)

    @property
    def compare_exclude(self) -> list[str]:
        """Leave out what would only repeat or mislead in a comparison.

        Relations a version does not hold (they would show today's rows), fields no editor
        sets ("senest ændret" differs in every version), and a translated field's own
        column, which mirrors one of its language columns.
        """
        opts = self.model._meta
        kept = set(_get_options(self.model).follow)
        others = [rel.name for rel in opts.related_objects if rel.name not in kept]
        automatic = [field.name for field in opts.concrete_fields if not field.editable]
        return [*others, *automatic, *_custom_m2m(self.model), *_translated(self.model)]

    def compare_view(self, request, object_id, extra_context=None):
        # reversion-compare checks no permission of its own: a comparison shows as much as
        # the history does, so it asks what the history asks.
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        context = {"title": _("Sammenlign to versioner"), **(extra_context or {})}
        return super().compare_view(request, object_id, context)

    def compare_TextField(self, obj_compare):
        """Show the difference of rich text in words, not in its HTML."""
        if not isinstance(obj_compare.field, RichTextField):
            return self.fallback_compare(obj_compare)
        before, after = (html_as_text(value) for value in obj_compare.to_string())
        return html_diff(before, after)

    def compare(self, obj, version1, version2):
        result = super().compare(obj, version1, version2)
        for diff in result.diff:
            field = diff["field"]
            name = (
                getattr(field, "verbose_name", None)
                or field.related_model._meta.verbose_name_plural
            )
            diff["label"] = capfirst(name)
        return result

    # One revision per item -------------------------------------------------------

    @contextmanager
    def create_revision(self, request):
        if getattr(request, _PER_ITEM, False):
            yield
            return
        with super().create_revision(request):
            yield
            if getattr(request, _RESTORING, False):
                # reversion names a restore in English after the form has saved; the
                # editor's own comment, or a Danish line, takes its place.
                comment = getattr(request, COMMENT_FIELD, "")
                reversion.set_comment(comment or str(_("Gendannet fra en tidligere version.")))

    def changelist_view(self, request, extra_context=None):
        # List edits and actions make a revision per item (in log_change), so that
        # restoring one item never reverts the others changed in the same request.
        setattr(request, _PER_ITEM, True)
        return super().changelist_view(request, extra_context)

    def log_addition(self, request, obj, message):
        with self._revision_for(request, obj):
            entry = super().log_addition(request, obj, message)
            self._use_editor_comment(request)
        return entry

    def log_change(self, request, obj, message):
        if not message:
            if not getattr(request, _RESTORING, False):
                return None  # nothing changed: no log line, and no version was made
            message = str(_("Gendannet fra en tidligere version."))
        with self._revision_for(request, obj):
            entry = super().log_change(request, obj, message)
            self._use_editor_comment(request)
        return entry

    def log_deletions(self, request, queryset):
        for obj in queryset:
            keep_before_deleting(obj, request.user)
        return super().log_deletions(request, queryset)

    @contextmanager
    def _revision_for(self, request, obj):
        """Join the request's revision, or make one for ``obj`` (bulk edits and actions)."""
        if reversion.is_active():
            yield
            return
        with reversion.create_revision():
            reversion.set_user(request.user)
            yield
            reversion.add_to_revision(obj)

    # A save that changes nothing -------------------------------------------------

    def save_model(self, request, obj, form, change):
        setattr(request, COMMENT_FIELD, form.cleaned_data.get(COMMENT_FIELD, ""))
        if not self._form_unchanged(request, form, change):
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not self._form_unchanged(request, form, change):
            super().save_related(request, form, formsets, change)
            return
        # Skip save_m2m: taggit signals a change even when it sets the same subjects.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
        if any(formset.has_changed() for formset in formsets):
            form.instance.save()  # the item itself is what a change of its inlines changes

    def _form_unchanged(self, request, form, change) -> bool:
        return change and not form.has_changed() and not getattr(request, _RESTORING, False)

    def _use_editor_comment(self, request):
        comment = getattr(request, COMMENT_FIELD, "")
        if comment and reversion.is_active():
            reversion.set_comment(comment)

    # The optional comment on the form -----------------------------------------------

    def get_fieldsets(self, request, obj=None):
        # Admins without fieldsets list every form field, the comment included: move it last.
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != COMMENT_FIELD]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        return [*fieldsets, (_("Kommentar til ændringen"), {"fields": [COMMENT_FIELD]})]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if kwargs.get("fields"):
            kwargs["fields"] = [name for name in kwargs["fields"] if name != COMMENT_FIELD]
        form = super().get_form(request, obj, change=change, **kwargs)
        comment = forms.CharField(
            label=_("Kommentar til ændringen"),
            required=False,
            max_length=500,
            help_text=_("Valgfri. Vises i historikken ved denne version."),
        )
        return type(
            form.__name__, (form,), {COMMENT_FIELD: comment, "changed_data": _changed_content}
        )

    # Restore and recover ---------------------------------------------------------

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # reversion finds the version by its id and the object's id alone, whatever the
        # model: a version of another content type must not be restored through this one.
        ours = Version.objects.get_for_model(self.model).filter(
            pk=version_id, object_id=unquote(object_id)
        )
        if not ours.exists():
            raise Http404
        setattr(request, _RESTORING, True)
        context = {"title": _("Gendan en tidligere version"), **(extra_context or {})}
        return self._restoring(request, super().revision_view, object_id, version_id, context)

    def recover_view(self, request, version_id, extra_context=None):
        if not Version.objects.get_deleted(self.model).filter(pk=version_id).exists():
            raise Http404  # not a deleted item of this content type
        setattr(request, _RESTORING, True)
        context = {
            "title": _("Gendan slettet %(name)s") % {"name": self.opts.verbose_name},
            **(extra_context or {}),
        }
        return self._restoring(request, super().recover_view, version_id, context)

    def _restoring(self, request, view, *args):
        try:
            return view(request, *args)
        except (IntegrityError, ObjectDoesNotExist):
            messages.error(
                request,
                _(
                    "Versionen kunne ikke gendannes, fordi noget, den henviser til, er blevet "
                    "slettet siden (fx en kontaktperson eller et emne). Gendan det først."
                ),
            )
            return redirect(self._url_name("changelist"))

    def _url_name(self, view: str) -> str:
        return f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{view}"

    def recoverlist_view(self, request, extra_context=None):
        deleted = Version.objects.get_deleted(self.model).select_related("revision__user")
        page = Paginator(
            self._reversion_order_version_queryset(request, deleted), HISTORY_PAGE_SIZE
        ).get_page(request.GET.get("p"))
        context = {
            "title": _("Slettede %(name)s") % {"name": self.opts.verbose_name_plural},
            "deleted": page,
            "page_obj": page,
        }
        return super().recoverlist_view(request, {**context, **(extra_context or {})})

    # History, a page at a time ---------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = (
            Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk")
        )
        page = Paginator(versions, HISTORY_PAGE_SIZE).get_page(request.GET.get("p"))
        revision_url = self._url_name("revision")
        action_list = [
            {
                "version": version,
                "revision": version.revision,
                "url": reverse(revision_url, args=(quote(version.object_id), version.pk)),
            }
            for version in page
        ]
        self._annotate_action_list(action_list)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Historik: %(object)s") % {"object": obj},
            "subtitle": None,
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "module_name": str(capfirst(self.opts.verbose_name_plural)),
            "object": obj,
            "action_list": action_list,
            "page_obj": page,
            "comparable": page.paginator.count >= 2,
            "compare_view": True,
            "preserved_filters": self.get_preserved_filters(request),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)
