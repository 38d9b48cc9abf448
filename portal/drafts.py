"""Changes to published content kept as a pending draft until someone publishes them.

On a published item's change form, "Gem som kladde" runs the admin's normal save inside
a transaction, serialises the item and the rows it owns (``PendingDraft``), and rolls
the save back: visitors keep seeing the published version. "Udgiv" applies the draft and
saves it as a new version; "Kassér kladde" drops it. A user who may not publish the
content type gets a draft from every save of a published item.

While a draft is pending, its change form, its public page (for staff) and a shared
preview link show the draft: it is applied inside a transaction that is rolled back
after the page is rendered, with every cache store bypassed.

Preview links carry a token signed with Django's signing tools: the content type, the
item and (for a pending draft) the draft, valid for seven days.
"""

import json
from dataclasses import dataclass
from datetime import timedelta

import reversion
from django.contrib import messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.db.models import Exists, OuterRef, TextField
from django.db.models.functions import Cast
from django.db.models.signals import post_delete
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.cache import bypass
from portal.edit_conflicts import SEEN_FIELD, EditGuard, editor_name, editor_time
from portal.models.drafts import DraftConflict, PendingDraft, snapshot_of
from portal.models.publishing import PublishStatus
from portal.roles import can_publish, is_publishable, publishable_owner

SAVE_DRAFT = "_save_draft"
PUBLISH_DRAFT = "_publish_draft"
DISCARD_DRAFT = "_discard_draft"

PREVIEW_PARAMETER = "forhaandsvisning"
PREVIEW_SALT = "portal.drafts.preview"
PREVIEW_MAX_AGE = timedelta(days=7)

BROKEN_DRAFT = _(
    "Kladden kan ikke vises, fordi noget, den henviser til, er blevet slettet siden (fx en "
    "kontaktperson eller et emne). Her er den udgivne version: gem dine ændringer som kladde "
    "for at erstatte kladden, eller kassér den."
)

# What the current change form request does with a draft: "save" or "publish".
_ACTION = "_draft_action"
_SAVED = "_draft_saved"
_MESSAGE = "_draft_change_message"


def pending_draft(obj: models.Model) -> PendingDraft | None:
    return PendingDraft.objects.for_object(obj).select_related("author").first()


class _RollBack(Exception):
    def __init__(self, response):
        self.response = response


def _rendered(response):
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    return response


def render_with_draft(draft: PendingDraft, view):
    """Return ``view()``, rendered with ``draft`` applied, and leave no trace of it.

    Nothing computed meanwhile is stored (the cache stores are bypassed) and the
    transaction is rolled back, so neither visitors nor later requests see the draft.
    """
    using = router.db_for_write(draft.model)
    try:
        with bypass(), transaction.atomic(using=using):
            draft.apply()
            raise _RollBack(_rendered(view()))
    except _RollBack as done:
        return done.response


# Preview links -----------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewGrant:
    """What a valid preview token lets its holder see."""

    model: type[models.Model]
    pk: str
    draft_id: int | None


def preview_token(obj: models.Model, draft: PendingDraft | None = None) -> str:
    """Sign a token that shows ``obj`` (or its pending ``draft``) for seven days."""
    content_type = ContentType.objects.get_for_model(obj)
    payload = {"type": content_type.pk, "pk": str(obj.pk), "draft": draft.pk if draft else None}
    return signing.dumps(payload, salt=PREVIEW_SALT)


def read_preview_token(token: str) -> PreviewGrant | None:
    """Return what ``token`` grants, or None when it is tampered with, foreign or expired."""
    if not isinstance(token, str) or len(token) > 500:
        return None
    try:
        payload = signing.loads(token, salt=PREVIEW_SALT, max_age=PREVIEW_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(payload, dict):
        return None
    type_id, pk, draft_id = payload.get("type"), payload.get("pk"), payload.get("draft")
    if not isinstance(type_id, int) or not isinstance(pk, str):
        return None
    if draft_id is not None and not isinstance(draft_id, int):
        return None
    try:
        model = ContentType.objects.get_for_id(type_id).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None or not is_publishable(model):
        return None
    return PreviewGrant(model, pk, draft_id)


def preview_url(request, obj: models.Model, draft: PendingDraft | None) -> str:
    return request.build_absolute_uri(
        f"{obj.get_absolute_url()}?{PREVIEW_PARAMETER}={preview_token(obj, draft)}"
    )


# What a preview page says ------------------------------------------------------------


@dataclass
class Preview:
    """A public page shown beyond what visitors see: to staff, or through a token."""

    obj: models.Model
    draft: PendingDraft | None
    via_token: bool
    broken: bool = False  # a pending draft that points at something deleted since

    @property
    def state(self) -> str:
        state = self.obj.publishing_state()
        if state == "published" and not self.obj.is_published:
            return "scheduled"  # a news item dated in the future
        return state

    def notice(self) -> str:
        """Say which version the page shows and whether visitors see it."""
        if self.broken:
            return gettext(
                "Ændringerne i kladde kan ikke vises, fordi noget, de henviser til, er blevet "
                "slettet siden. Siden viser den udgivne version."
            )
        if self.draft is not None and self.obj.status == PublishStatus.PUBLISHED:
            if self.via_token:
                return gettext(
                    "Forhåndsvisning af ændringer, som endnu ikke er udgivet. Siden ser "
                    "anderledes ud for andre besøgende."
                )
            return gettext(
                "Du ser ændringer i kladde, som endnu ikke er udgivet. Besøgende ser den "
                "udgivne version."
            )
        state = self.state
        if state == "draft":
            text = gettext("Kladde – kun synlig for redaktører.")
        elif state == "scheduled":
            if self.obj.publish_from is not None and self.obj.publish_from > timezone.now():
                text = gettext("%(state)s. Besøgende kan ikke se siden endnu.") % {
                    "state": self.obj.publishing_state_label()
                }
            else:
                text = gettext("Planlagt – vises for besøgende fra %(date)s.") % {
                    "date": _date(self.obj.published_on)
                }
        elif state == "expired":
            text = gettext("%(state)s. Besøgende kan ikke længere se siden.") % {
                "state": self.obj.publishing_state_label()
            }
        else:
            return gettext("Udgivet.")
        if self.via_token:
            return gettext("Forhåndsvisning: %(state)s") % {"state": text}
        return text


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


# The admin -----------------------------------------------------------------------------


class DraftAdminMixin:
    """ "Gem som kladde", "Udgiv" and "Kassér kladde" on published items."""

    share_preview_template = "admin/drafts/share_preview.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._drafts_apply():
            post_delete.connect(
                _drop_pending_draft, sender=self.model, dispatch_uid=f"drafts-{self.model}"
            )

    def _drafts_apply(self) -> bool:
        return is_publishable(self.model)

    # Parts of a published item edited on a form of their own (a theme's section)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and not self._drafts_apply():
            return not self._changed_through_owner(request, obj)
        return allowed

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and not self._drafts_apply():
            return not self._changed_through_owner(request, obj)
        return allowed

    def _changed_through_owner(self, request, obj) -> bool:
        """Tell whether ``obj`` belongs to an item with a pending draft.

        The draft holds this row too: a change here would be undone when the draft is
        published. (That a user who may not publish the item changes its rows only
        through the item's form is the roles' rule: ``RolesAdminMixin``.)
        """
        owner = publishable_owner(obj)
        return owner is not None and pending_draft(owner) is not None

    # Changelist

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not self._drafts_apply() or not self._is_draft_changelist(request):
            return queryset
        drafts = PendingDraft.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=Cast(OuterRef("pk"), TextField()),
        )
        return queryset.annotate(has_pending_draft=Exists(drafts))

    def _is_draft_changelist(self, request) -> bool:
        match = getattr(request, "resolver_match", None)
        opts = self.model._meta
        return match is not None and match.url_name == (
            f"{opts.app_label}_{opts.model_name}_changelist"
        )

    # URLs

    def get_urls(self):
        urls = super().get_urls()
        if not self._drafts_apply():
            return urls
        opts = self.model._meta
        share = path(
            "<path:object_id>/forhaandsvisning/",
            self.admin_site.admin_view(self.share_preview_view),
            name=f"{opts.app_label}_{opts.model_name}_share_preview",
        )
        return [share, *urls]

    def share_preview_view(self, request, object_id):
        """Show a preview link for someone outside the centre."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        draft = pending_draft(obj)
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Del forhåndsvisning"),
            "subtitle": str(obj),
            "opts": opts,
            "original": obj,
            "draft": draft,
            "url": preview_url(request, obj, draft),
            "change_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                args=[obj.pk],
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.share_preview_template, context)

    # Restoring an old version while a draft waits

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if self._drafts_apply() else None
        if obj is not None and pending_draft(obj) is not None:
            # Publishing the draft later would silently undo the restore.
            self.message_user(
                request,
                gettext(
                    "Siden har ændringer i kladde. Udgiv eller kassér kladden, før du "
                    "gendanner en ældre version."
                ),
                messages.WARNING,
            )
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                    args=[obj.pk],
                )
            )
        return super().revision_view(request, object_id, version_id, extra_context)

    # The change form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not self._drafts_apply():
            return super().change_view(request, object_id, form_url, extra_context)
        obj = self.get_object(request, unquote(object_id))
        if obj is None:  # the admin's own answer: a message, or the deleted-while-editing page
            return super().change_view(request, object_id, form_url, extra_context)
        draft = pending_draft(obj)
        may_publish = can_publish(request.user, self.model)
        live = obj.status == PublishStatus.PUBLISHED
        context = {
            **self._draft_context(request, obj, draft, may_publish, live),
            **(extra_context or {}),
        }

        def view():
            return super(DraftAdminMixin, self).change_view(request, object_id, form_url, context)

        if request.method != "POST":
            if draft is None:
                return view()
            try:
                return render_with_draft(draft, view)
            except DraftConflict:
                self.message_user(request, BROKEN_DRAFT, messages.ERROR)
                return view()
        if DISCARD_DRAFT in request.POST:
            return self._discard(request, obj, draft)
        if "_saveasnew" in request.POST:
            return view()
        if PUBLISH_DRAFT in request.POST:
            if not may_publish:
                raise PermissionDenied
            return self._publish(request, obj, draft, view)
        if live and (SAVE_DRAFT in request.POST or draft is not None or not may_publish):
            return self._save_draft(request, obj, draft, view)
        if draft is not None:  # an item taken offline since: the draft becomes the item
            return self._publish(request, obj, draft, view)
        return view()

    def _draft_context(self, request, obj, draft, may_publish, live) -> dict:
        buttons = {
            "save_draft": live,
            "publish": may_publish and draft is not None,
            "discard": draft is not None,
            # An item offline with a draft (taken offline since the draft was saved) is
            # saved as any offline item: the draft and the form become the item.
            "live_save": not live or (draft is None and may_publish),
        }
        context = {"pending_draft": draft, "draft_buttons": buttons}
        if draft is not None:
            context["draft_notice"] = gettext(
                "Denne side har ændringer i kladde, som endnu ikke er udgivet."
            )
            if draft.author is not None:
                context["draft_saved_by"] = gettext(
                    "Kladden er senest gemt af %(name)s %(when)s."
                ) % {"name": editor_name(draft.author), "when": editor_time(draft.updated_at)}
        elif live and not may_publish:
            context["draft_notice"] = gettext(
                "Siden er udgivet. Dine ændringer gemmes som kladde, indtil en redaktør "
                "udgiver dem."
            )
        if not buttons["live_save"]:
            context.update(
                show_save=False, show_save_and_continue=False, show_save_and_add_another=False
            )
        if draft is not None or not obj.is_published:
            opts = self.model._meta
            context["share_preview_url"] = reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_share_preview",
                args=[obj.pk],
            )
        return context

    def _save_draft(self, request, obj, draft, view):
        """Run the normal save, keep what it wrote as the draft, and roll it back."""
        setattr(request, _ACTION, "save")
        using = router.db_for_write(self.model)
        snapshot = None
        try:
            with bypass(), transaction.atomic(using=using):
                before = draft.snapshot if _applied(draft) else snapshot_of(_fresh(obj))
                response = _rendered(view())
                if getattr(request, _SAVED, False):
                    snapshot = snapshot_of(_fresh(obj))
                raise _RollBack(response)
        except _RollBack as done:
            response = done.response
        if snapshot is None:
            return response
        if _same(snapshot, before):
            self.message_user(request, gettext("Der var ingen ændringer at gemme."))
            return response
        with bypass():
            PendingDraft.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(obj),
                object_id=str(obj.pk),
                defaults={"snapshot": snapshot, "author": request.user},
            )
        changes = LogEntry(change_message=json.dumps(getattr(request, _MESSAGE, []) or []))
        described = changes.get_change_message()
        message = gettext("Gemt som kladde.")
        if described:
            message = gettext("Gemt som kladde: %(changes)s") % {"changes": described}
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=[obj],
            action_flag=CHANGE,
            change_message=message,
            single_object=True,
        )
        self.message_user(
            request,
            gettext("Ændringerne er gemt som kladde. Besøgende ser stadig den udgivne version."),
            messages.SUCCESS,
        )
        return response

    def _publish(self, request, obj, draft, view):
        """Apply the draft and what the form adds to it, as a new version."""
        setattr(request, _ACTION, "publish")
        using = router.db_for_write(self.model)
        try:
            with transaction.atomic(using=using):
                _applied(draft)
                response = _rendered(view())
                if not getattr(request, _SAVED, False):
                    raise _RollBack(response)  # the form was refused: nothing is applied
                if draft is not None:
                    PendingDraft.objects.filter(pk=draft.pk).delete()
        except _RollBack as done:
            return done.response
        return response

    def _discard(self, request, obj, draft):
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        here = HttpResponseRedirect(request.path)
        if draft is None:
            self.message_user(request, gettext("Der er ingen kladde at kassere."), messages.INFO)
            return here
        seen = request.POST.get(SEEN_FIELD)
        if seen is not None:
            try:
                EditGuard(self, request, obj).check(seen.strip())
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return here
        PendingDraft.objects.filter(pk=draft.pk).delete()
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=[obj],
            action_flag=CHANGE,
            change_message=gettext("Kladden er kasseret."),
            single_object=True,
        )
        self.message_user(
            request,
            gettext("Kladden er kasseret. Siden viser den udgivne version."),
            messages.SUCCESS,
        )
        return here

    # Hooks of the admin's save, while a draft is saved or published

    def _form_unchanged(self, request, form, change) -> bool:
        if getattr(request, _ACTION, None) == "publish":
            return False  # publishing a draft is a save, even when the form adds nothing
        return super()._form_unchanged(request, form, change)

    def log_change(self, request, obj, message):
        action = getattr(request, _ACTION, None)
        if action == "save":
            setattr(request, _MESSAGE, message)
            return None  # logged after the rolled-back save, without a version
        if action == "publish":
            entry = super().log_change(request, obj, message or gettext("Kladden er udgivet."))
            if reversion.is_active() and not getattr(request, "revision_comment", ""):
                reversion.set_comment(gettext("Ændringerne i kladden er udgivet."))
            return entry
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        action = getattr(request, _ACTION, None)
        if action is None:
            return super().response_change(request, obj)
        setattr(request, _SAVED, True)
        if action == "publish":
            self.message_user(
                request,
                gettext("Ændringerne er udgivet og vises nu på siden."),
                messages.SUCCESS,
            )
        return HttpResponseRedirect(request.path)


def _applied(draft: PendingDraft | None) -> bool:
    """Apply ``draft`` if it can be; the form then starts from the live rows instead.

    A form shown while the draft could not be applied showed the live version, so what
    the editor saves from it replaces the draft.
    """
    if draft is None:
        return False
    try:
        with transaction.atomic(using=router.db_for_write(draft.model)):
            draft.apply()
    except DraftConflict:
        return False
    return True


def _drop_pending_draft(sender, instance, **kwargs) -> None:
    """A deleted item's draft goes with it (a restored item starts without one)."""
    PendingDraft.objects.for_object(instance).delete()


def _fresh(obj: models.Model) -> models.Model:
    """The item as the database holds it now, without the admin's prefetched relations."""
    return type(obj)._base_manager.get(pk=obj.pk)


def _same(first: list[dict], second: list[dict]) -> bool:
    def normal(rows):
        return sorted(
            (row["model"], row["object_id"], json.dumps(json.loads(row["data"]), sort_keys=True))
            for row in rows
        )

    return normal(first) == normal(second)
