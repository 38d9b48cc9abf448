"""No silent overwrites: an admin save is refused when someone saved the item after it was opened.

The admin log is the record of who saved what and when, so it is also the signal. A change
form carries, in a hidden field, the id of the newest ``LogEntry`` for the item and for the
rows its inlines edit. When the form comes back, a newer entry means a colleague (or the
same editor in another window) saved in between: the form is refused with a message naming
them and the time, and re-rendered with what was posted, so nothing typed is lost. If the
item was deleted in between, the editor gets a page with the text they were saving.

The same log gives each change form its "Oprettet af … · Senest ændret af …" line and each
changelist its "Senest ændret" column, the latter through subqueries so a page of rows costs
the same number of queries however many rows it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import router, transaction
from django.db.models import (
    CharField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat, NullIf, Trim
from django.forms.models import _get_foreign_key
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

SEEN_FIELD = "seen_log_entry"
HISTORY_FIELD = "edit_history"
LAST_CHANGED_COLUMN = "last_changed"
SAVES = (ADDITION, CHANGE)


def editor_name(user) -> str:
    return user.get_full_name() or user.get_username()


def editor_time(moment: datetime) -> str:
    """A moment as editors read it, "27. november 2026 kl. 15.42", in the site's time zone."""
    # Translators: a Django date format; the Danish original reads "27. november 2026 kl. 15.42".
    return dateformat.format(timezone.localtime(moment), gettext(r"j. F Y \k\l. G.i"))


def _content_type(model: type[Model] | Model) -> ContentType:
    # The admin logs under the proxy's own content type, so look entries up the same way.
    return ContentType.objects.get_for_model(model, for_concrete_model=False)


def _without(fieldsets, name: str) -> list:
    """``fieldsets`` with ``name`` left out, leaving the (possibly class-level) originals alone."""
    result = []
    for title, options in fieldsets:
        lines = []
        for line in options.get("fields", ()):
            if isinstance(line, (list, tuple)):
                line = tuple(field for field in line if field != name)
                if line:
                    lines.append(line)
            elif line != name:
                lines.append(line)
        result.append((title, {**options, "fields": lines}))
    return result


def _inlines_by_prefix(parent: type[Model], inlines) -> dict[str, admin.options.InlineModelAdmin]:
    """The inlines of a form by the prefix their rows are posted under."""
    found = {}
    for inline in inlines:
        try:
            fk = _get_foreign_key(parent, inline.model, fk_name=getattr(inline, "fk_name", None))
        except ValueError:
            continue
        found[fk.remote_field.get_accessor_name(model=inline.model).replace("+", "")] = inline
    return found


@dataclass
class EditGuard:
    """What one change form watches: the item and the rows of its inlines."""

    model_admin: admin.ModelAdmin
    request: HttpRequest
    obj: Model

    def entries(self) -> QuerySet[LogEntry]:
        watched = Q(content_type=_content_type(self.obj), object_id=str(self.obj.pk))
        for inline in self.model_admin.get_inlines(self.request, self.obj):
            try:
                fk = _get_foreign_key(
                    type(self.obj), inline.model, fk_name=getattr(inline, "fk_name", None)
                )
            except ValueError:
                continue  # a generic inline: its rows have no foreign key to follow
            # A plain QuerySet: modeltranslation's adds the language columns to values().
            rows = (
                QuerySet(inline.model)
                .filter(**{fk.name: self.obj.pk})
                .values(text_pk=Cast("pk", TextField()))
            )
            watched |= Q(content_type=_content_type(inline.model), object_id__in=rows)
        for parent, parent_id in self._parents():
            watched |= Q(content_type=_content_type(parent), object_id=str(parent_id))
        return LogEntry.objects.filter(watched)

    def _parents(self) -> list[tuple[type[Model], object]]:
        """The items whose own forms edit this one as an inline (a section's theme).

        A save of the theme's form is logged on the theme only, so a form of the section
        alone must watch the theme to see a colleague's change to the section.
        """
        site = self.model_admin.admin_site
        parents = []
        for field in type(self.obj)._meta.concrete_fields:
            if not field.many_to_one or getattr(self.obj, field.attname) is None:
                continue
            parent_admin = site._registry.get(field.related_model)
            inlines = getattr(parent_admin, "inlines", ())
            if any(inline.model is type(self.obj) for inline in inlines):
                parents.append((field.related_model, getattr(self.obj, field.attname)))
        return parents

    def newest_entry_id(self) -> int:
        return self.entries().order_by("-pk").values_list("pk", flat=True).first() or 0

    def check(self, posted: str) -> None:
        """Raise a ValidationError if anything watched was saved after ``posted``."""
        try:
            opened = int(posted)
            if opened < 0:
                raise ValueError(posted)
        except ValueError:
            raise ValidationError(
                _(
                    "Ændringerne er ikke gemt, fordi siden ikke kunne se, hvornår du åbnede "
                    "den. Kopiér det, du har skrevet, åbn siden igen, og indsæt det."
                ),
                code="seen_log_entry",
            ) from None
        self._wait_for_other_saves()
        newer = (
            self.entries()
            .filter(pk__gt=opened)
            .select_related("user", "content_type")
            .order_by("-pk")
            .first()
        )
        if newer is not None:
            raise ValidationError(self.message(newer), code="edit_conflict")

    def _wait_for_other_saves(self) -> None:
        """Hold the item's row until this save commits, so two saves cannot both pass the check.

        The admin saves inside a transaction; on PostgreSQL the second of two simultaneous
        saves waits here and then finds the first one's log entry. SQLite has one writer and
        needs no lock.
        """
        model = type(self.obj)
        using = router.db_for_write(model)
        if transaction.get_connection(using).in_atomic_block:
            # A plain QuerySet: a manager's annotations could make FOR UPDATE invalid.
            list(
                QuerySet(model, using=using)
                .select_for_update()
                .filter(pk=self.obj.pk)
                .values_list("pk", flat=True)
            )

    def message(self, entry: LogEntry) -> str:
        if entry.content_type_id == _content_type(self.obj).pk:
            what = gettext("dette indhold")
        else:
            model = entry.content_type.model_class()
            what = gettext("“%(title)s” (%(kind)s)") % {
                "kind": model._meta.verbose_name if model else entry.content_type.name,
                "title": entry.object_repr,
            }
        when = editor_time(entry.action_time)
        if entry.user_id == self.request.user.pk:
            text = gettext(
                "Ændringerne er ikke gemt: Du gemte selv %(what)s %(when)s i et andet vindue, "
                "efter at du åbnede siden her. Kopiér det, du har skrevet, åbn siden igen, "
                "og indsæt det."
            ) % {"what": what, "when": when}
        else:
            text = gettext(
                "Ændringerne er ikke gemt: %(name)s gemte %(what)s %(when)s, efter at du "
                "åbnede siden. Kopiér det, du har skrevet, åbn siden igen, og indsæt det."
            ) % {"name": editor_name(entry.user), "what": what, "when": when}
        opts = self.obj._meta
        try:
            saved = reverse(
                f"{self.model_admin.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                args=[self.obj.pk],
            )
        except NoReverseMatch:
            return text
        return format_html(
            '{} <a href="{}" target="_blank" rel="noopener">{}</a>',
            text,
            saved,
            gettext("Åbn den gemte version i en ny fane"),
        )


class _UnlabelledHiddenInput(forms.HiddenInput):
    """A hidden input no ``<label for>`` points at: a label must name a visible control."""

    def id_for_label(self, id_: str) -> None:
        return None


class EditConflictFormMixin(forms.Form):
    """Carries the newest log entry seen when the form was opened, and checks it on save."""

    seen_log_entry = forms.CharField(
        required=False,
        widget=_UnlabelledHiddenInput,
        label=_("senest gemte version, da siden blev åbnet"),
    )
    edit_guard: EditGuard

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name = self.add_prefix(SEEN_FIELD)
        if self.is_bound:
            # The posted id is not an edit: keep it out of changed_data and the log message.
            self.initial[SEEN_FIELD] = self.data.get(name, "")
        else:
            self.initial[SEEN_FIELD] = str(self.edit_guard.newest_entry_id())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        # Only a form the admin rendered carries the id; a script posting without it is
        # not checked, rather than locked out.
        if self.add_prefix(SEEN_FIELD) in self.data:
            self.edit_guard.check(self.data[self.add_prefix(SEEN_FIELD)].strip())
        return cleaned


class EditConflictAdminMixin:
    """For ``ModelAdmin``: refuse stale saves, and show who created and last changed an item."""

    show_last_changed_column = True

    # Change form

    def get_fieldsets(self, request: HttpRequest, obj: Model | None = None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.pk is None:
            return fieldsets
        # Admins without declared fieldsets list every readonly field, this one included.
        fieldsets = _without(fieldsets, HISTORY_FIELD)
        fields = [HISTORY_FIELD]
        if self.has_change_permission(request, obj):
            fields.append(SEEN_FIELD)
        return [(None, {"fields": fields, "classes": ["edit-history"]}), *fieldsets]

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and HISTORY_FIELD not in readonly:
            readonly.append(HISTORY_FIELD)
        return readonly

    def get_form(
        self, request: HttpRequest, obj: Model | None = None, change: bool = False, **kwargs
    ):
        guarded = change and obj is not None and obj.pk is not None
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"] is not None:
            kwargs["fields"] = [field for field in kwargs["fields"] if field != SEEN_FIELD]
        form = super().get_form(request, obj, change=change, **kwargs)
        if not guarded:
            return form
        return type(
            form.__name__,
            (EditConflictFormMixin, form),
            {"edit_guard": EditGuard(self, request, obj)},
        )

    @admin.display(description=_("oprettet og ændret"))
    def edit_history(self, obj: Model) -> str:
        own = LogEntry.objects.filter(
            content_type=_content_type(obj), object_id=str(obj.pk), action_flag__in=SAVES
        ).select_related("user")
        created = own.filter(action_flag=ADDITION).order_by("pk").first()
        changed = own.order_by("-pk").first()
        parts = []
        if created is not None:
            parts.append(
                gettext("Oprettet af %(name)s %(when)s")
                % {"name": editor_name(created.user), "when": editor_time(created.action_time)}
            )
        elif getattr(obj, "created_at", None):
            parts.append(gettext("Oprettet %(when)s") % {"when": editor_time(obj.created_at)})
        if changed is not None and changed != created:
            parts.append(
                gettext("Senest ændret af %(name)s %(when)s")
                % {"name": editor_name(changed.user), "when": editor_time(changed.action_time)}
            )
        elif changed is None and getattr(obj, "updated_at", None):
            when = editor_time(obj.updated_at)
            if not parts or when not in parts[0]:
                parts.append(gettext("Senest ændret %(when)s") % {"when": when})
        # Made by a migration or a script, and not saved in the admin since.
        return " · ".join(parts) or gettext("Endnu ikke gemt i redaktionen")

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        if (
            request.method == "POST"
            and SEEN_FIELD in request.POST
            and "_saveasnew" not in request.POST
            and self.get_object(request, unquote(object_id)) is None
        ):
            return self.deleted_while_editing(request, unquote(object_id))
        return super().change_view(request, object_id, form_url, extra_context)

    def deleted_while_editing(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Say who deleted the item, and hand back the text the editor was saving."""
        opts = self.model._meta
        deletion = (
            LogEntry.objects.filter(
                content_type=_content_type(self.model),
                object_id=object_id,
                action_flag=DELETION,
            )
            .select_related("user")
            .order_by("-pk")
            .first()
        )
        if deletion is None:
            message = gettext(
                "Ændringerne er ikke gemt: Indholdet er slettet, efter at du åbnede det. "
                "Her er teksten fra din formular, så du kan kopiere den."
            )
        else:
            message = gettext(
                "Ændringerne er ikke gemt: %(name)s slettede dette indhold %(when)s, efter at "
                "du åbnede det. Her er teksten fra din formular, så du kan kopiere den."
            ) % {"name": editor_name(deletion.user), "when": editor_time(deletion.action_time)}
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Indholdet er slettet"),
            "opts": opts,
            "message": message,
            "texts": self._posted_texts(request),
            "changelist_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist"
            ),
        }
        # 409: the save conflicts with the item's current state, which is "gone".
        return TemplateResponse(request, "admin/edit_conflicts/deleted.html", context, status=409)

    def _posted_texts(self, request: HttpRequest) -> list[tuple[str, str]]:
        """The posted text fields, labelled as on the form, inlines' rows numbered.

        Nested inlines post as ``sections-0-items-1-body_da``: each ``<accessor>-<row>``
        step leads one level down.
        """
        top = _inlines_by_prefix(self.model, self.get_inline_instances(request))
        texts = []
        for name, value in request.POST.items():
            if not value.strip():
                continue
            model, labels, parts, inlines = self.model, [], name.split("-"), top
            while len(parts) >= 3 and parts[0] in inlines and parts[1].isdigit():
                inline = inlines[parts[0]]
                labels.append(f"{capfirst(inline.verbose_name)} {int(parts[1]) + 1}")
                model, parts = inline.model, parts[2:]
                nested = [cls(model, self.admin_site) for cls in getattr(inline, "inlines", ())]
                inlines = _inlines_by_prefix(model, nested)
            if len(parts) != 1:
                continue
            try:
                field = model._meta.get_field(parts[0])
            except FieldDoesNotExist:
                continue
            if isinstance(field, (CharField, TextField)) and not field.choices:
                label = ", ".join(labels) + ": " if labels else ""
                texts.append((label + capfirst(field.verbose_name), value))
        return texts

    # Changelist

    def get_list_display(self, request: HttpRequest):
        columns = list(super().get_list_display(request))
        if not self.show_last_changed_column or LAST_CHANGED_COLUMN in columns:
            return columns
        # The column says who as well as when, so it takes the place of a bare timestamp.
        if "updated_at" in columns:
            columns[columns.index("updated_at")] = LAST_CHANGED_COLUMN
        else:
            columns.append(LAST_CHANGED_COLUMN)
        return columns

    def get_queryset(self, request: HttpRequest):
        queryset = super().get_queryset(request)
        if self.show_last_changed_column and self._is_changelist(request):
            queryset = queryset.annotate(**last_change_annotations(self.model))
        return queryset

    def _is_changelist(self, request: HttpRequest) -> bool:
        match = getattr(request, "resolver_match", None)
        opts = self.model._meta
        return match is not None and match.url_name == (
            f"{opts.app_label}_{opts.model_name}_changelist"
        )

    @admin.display(description=_("senest ændret"), ordering="_last_changed_at")
    def last_changed(self, obj: Model) -> str:
        when = getattr(obj, "_last_changed_at", None)
        if when is None:
            updated = getattr(obj, "updated_at", None)
            return editor_time(updated) if updated else self.get_empty_value_display()
        return gettext("%(name)s, %(when)s") % {
            "name": obj._last_changed_by,
            "when": editor_time(when),
        }


def last_change_annotations(model: type[Model]) -> dict[str, Subquery]:
    """``_last_changed_at`` and ``_last_changed_by`` from each row's newest save in the log."""
    newest = LogEntry.objects.filter(
        content_type=_content_type(model),
        object_id=Cast(OuterRef("pk"), TextField()),
        action_flag__in=SAVES,
    ).order_by("-pk")
    name = Coalesce(
        NullIf(Trim(Concat("user__first_name", Value(" "), "user__last_name")), Value("")),
        "user__username",
    )
    return {
        "_last_changed_at": Subquery(newest.values("action_time")[:1]),
        "_last_changed_by": Subquery(newest.values(name=name)[:1], output_field=TextField()),
    }
