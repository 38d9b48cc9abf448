"""Who may do what: two roles, and the publish permission of every publishable content type.

A *Redaktør* creates, edits, publishes, schedules, deletes and restores all content and
manages people and subjects. A *Skribent* creates and edits drafts: what visitors see
(status, "vises fra", "vises til") is read-only to them, they delete nothing, run no
publishing action and restore no version. A Skribent's save of a published item becomes
a pending draft (``portal.drafts``). Superusers manage user accounts; neither role gets
permissions on them.

Both roles are derived from the project's own apps (``portal.registry.project_apps``),
so a content type added later is covered when ``manage.py setup_roles`` runs again.
"""

from functools import cache

from django.apps import apps as global_apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS, models, router
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

EDITOR = "Redaktør"
WRITER = "Skribent"

# What visitors see of an item: only a user who may publish sets these.
PUBLISHING_FIELDS = ("status", "publish_from", "publish_until")

# Login locks (django-axes): an editor may look at them and lift them.
LOGIN_LOCK_PERMISSIONS = ("axes.view_accessattempt", "axes.delete_accessattempt")


def publish_permission(model: type[models.Model] | models.Model) -> str:
    """Return the permission that lets a user publish, schedule or unpublish ``model``."""
    meta = model._meta
    return f"{meta.app_label}.publish_{meta.model_name}"


def can_publish(user, model: type[models.Model] | models.Model) -> bool:
    """Tell whether ``user`` may change what visitors see of ``model``."""
    return user.has_perm(publish_permission(model))


def is_publishable(model: type[models.Model] | models.Model) -> bool:
    from portal.models.publishing import Publishable

    model = model if isinstance(model, type) else type(model)
    return issubclass(model, Publishable)


def publish_permission_name(model: type[models.Model]) -> str:
    """Return the permission's name as editors read it: "Kan udgive nyhed"."""
    from django.conf import settings

    with translation.override(settings.LANGUAGE_CODE):
        return str(_("Kan udgive %(name)s") % {"name": model._meta.verbose_name})


def create_publish_permissions(app_config, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """Create (or rename) ``publish_<model>`` for each publishable model of ``app_config``.

    Connected to post_migrate, so every database the project migrates has them; a
    content type added later gets its permission with its first migration.
    """
    if not app_config.models_module:
        return
    try:
        content_types = apps.get_model("contenttypes", "ContentType")
        permissions = apps.get_model("auth", "Permission")
    except LookupError:
        return
    if not router.allow_migrate_model(using, permissions):
        return
    for model in app_config.get_models():
        if not is_publishable(model):
            continue
        opts = model._meta
        content_type, _created = content_types.objects.db_manager(using).get_or_create(
            app_label=opts.app_label, model=opts.model_name
        )
        permissions.objects.db_manager(using).update_or_create(
            content_type=content_type,
            codename=f"publish_{opts.model_name}",
            defaults={"name": publish_permission_name(model)[:255]},
        )


# The two roles ----------------------------------------------------------------------


def _content_models() -> list[type[models.Model]]:
    from portal.registry import project_apps

    return [model for app in project_apps() for model in app.get_models()]


def _related_model(model: type[models.Model], accessor: str) -> type[models.Model]:
    for rel in model._meta.related_objects:
        if rel.get_accessor_name() == accessor:
            return rel.related_model
    raise LookupError(accessor)


@cache
def owned_by_publishable() -> frozenset[type[models.Model]]:
    """Return the models whose rows belong to a publishable item (its inline rows).

    A theme's sections and their items, a project's contact links, an activity's
    sources: writing a draft means adding, changing and removing these.
    """
    from portal.versions import owned_relations

    owned: set[type[models.Model]] = set()
    todo = [model for model in _content_models() if is_publishable(model)]
    while todo:
        parent = todo.pop()
        for accessor in owned_relations(parent):
            child = _related_model(parent, accessor)
            if child not in owned and not is_publishable(child):
                owned.add(child)
                todo.append(child)
    return frozenset(owned)


@cache
def _owner_links(model: type[models.Model]) -> tuple[str, ...]:
    """Return the foreign keys through which ``model``'s rows belong to a publishable item."""
    if is_publishable(model) or model not in owned_by_publishable():
        return ()
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one
        and field.remote_field.on_delete is models.CASCADE
        and (is_publishable(field.related_model) or field.related_model in owned_by_publishable())
    )


def publishable_owner(obj: models.Model):
    """Return the publishable item ``obj`` belongs to (a section's theme), or None."""
    seen = 0
    while obj is not None and not is_publishable(obj) and seen < 10:
        links = _owner_links(type(obj))
        obj = getattr(obj, links[0]) if links else None
        seen += 1
    return obj if obj is not None and is_publishable(obj) else None


def role_permissions() -> dict[str, set[str]]:
    """Return each role's permissions as "app_label.codename", from the models of today."""
    content = _content_models()
    owned = owned_by_publishable()

    editor: set[str] = set(LOGIN_LOCK_PERMISSIONS)
    writer: set[str] = set()
    for model in content:
        opts = model._meta
        label = opts.app_label

        def perm(action, label=label, opts=opts):
            return f"{label}.{action}_{opts.model_name}"

        editor.update(perm(action) for action in opts.default_permissions)
        writer.add(perm("view"))
        if is_publishable(model):
            editor.add(publish_permission(model))
            writer.update({perm("add"), perm("change")})
        elif model in owned:
            writer.update({perm("add"), perm("change"), perm("delete")})
    return {EDITOR: editor, WRITER: writer}


def setup_roles(using=DEFAULT_DB_ALIAS) -> dict[str, tuple[int, int]]:
    """Create both groups, or bring them up to date: each gets exactly its permissions.

    Return {group name: (permissions added, permissions removed)}.
    """
    from django.contrib.auth.models import Group

    changes = {}
    for name, wanted in role_permissions().items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        rows = _permission_rows(wanted, using)
        before = set(group.permissions.values_list("pk", flat=True))
        after = {row.pk for row in rows}
        group.permissions.set(rows)
        changes[name] = (len(after - before), len(before - after))
    return changes


def _permission_rows(wanted: set[str], using):
    from django.contrib.auth.models import Permission

    rows = Permission.objects.using(using).select_related("content_type")
    found = [row for row in rows if f"{row.content_type.app_label}.{row.codename}" in wanted]
    missing = wanted - {f"{row.content_type.app_label}.{row.codename}" for row in found}
    if missing:
        raise LookupError(
            "Permissions missing (run manage.py migrate first): " + ", ".join(sorted(missing))
        )
    return found


# The admin ----------------------------------------------------------------------------


class RolesAdminMixin:
    """What a role may do in a content type's admin.

    For a user without the model's publish permission: the publishing fields are
    read-only (a new item is saved as a draft, and a tampered POST cannot set them),
    nothing published can be deleted, the publishing actions are not offered, and no
    version or deleted item can be restored (that would change what visitors see).
    A row that belongs to a published item (a theme's section, edited on its own page)
    is read-only to them, and a new one may join only a draft. Other models are left
    to their permissions.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if is_publishable(self.model):
            self.actions = [*(self.actions or ()), "publish_selected", "unpublish_selected"]

    def has_publish_permission(self, request, obj=None) -> bool:
        return can_publish(request.user, self.model)

    def _holds_back(self, request) -> bool:
        """Tell whether this user must not change what visitors see of this model."""
        return is_publishable(self.model) and not self.has_publish_permission(request)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self._holds_back(request):
            concrete = {field.name for field in self.model._meta.concrete_fields}
            fields += [
                name for name in PUBLISHING_FIELDS if name in concrete and name not in fields
            ]
        return fields

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if self._holds_back(request):
            # Deleting takes an item off the site: only a draft, and only one at a time.
            return obj is not None and obj.status != "published"
        return not self._part_of_live_item(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._part_of_live_item(
            request, obj
        )

    # Rows of a publishable item edited on their own (a theme's section) -------------

    def _part_of_live_item(self, request, obj) -> bool:
        """Tell whether ``obj`` belongs to a published item this user may not publish."""
        if obj is None or is_publishable(obj):
            return False  # a published item itself: the drafts mixin keeps changes pending
        owner = publishable_owner(obj)
        return (
            owner is not None
            and owner.status == "published"
            and not can_publish(request.user, type(owner))
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A new row may join only a draft, unless the user may publish the item.
        owner_model = db_field.related_model
        if (
            db_field.name in _owner_links(self.model)
            and is_publishable(owner_model)
            and not can_publish(request.user, owner_model)
        ):
            kwargs["queryset"] = owner_model._default_manager.exclude(status="published")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if (
            request.method == "POST"
            and self._holds_back(request)
            and "_publish_draft" in request.POST
        ):
            raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    # Restore and recover change what visitors see ---------------------------------

    def _restore_allowed(self, request) -> None:
        if self._holds_back(request):
            raise PermissionDenied

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self._restore_allowed(request)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self._restore_allowed(request)
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        self._restore_allowed(request)
        return super().recoverlist_view(request, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        if self._holds_back(request) and getattr(response, "context_data", None):
            # The versions stay readable and comparable; they are no longer links to restore.
            for action in response.context_data.get("action_list", ()):
                action["url"] = None
        return response

    def changelist_view(self, request, extra_context=None):
        context = {"restore_forbidden": self._holds_back(request), **(extra_context or {})}
        return super().changelist_view(request, context)

    # Publishing several items at once -----------------------------------------------

    @admin.action(description=_("Udgiv valgte %(verbose_name_plural)s"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        from portal.models.publishing import PublishStatus

        self._set_status(request, queryset, PublishStatus.PUBLISHED)

    @admin.action(
        description=_("Gør valgte %(verbose_name_plural)s til kladder"), permissions=["publish"]
    )
    def unpublish_selected(self, request, queryset):
        from portal.models.publishing import PublishStatus

        self._set_status(request, queryset, PublishStatus.DRAFT)

    def _set_status(self, request, queryset, status):
        """Save each item, so each gets a version and a log line of its own."""
        from portal.models.publishing import PublishStatus

        if not self.has_publish_permission(request):
            raise PermissionDenied
        label = str(self.model._meta.get_field("status").verbose_name).capitalize()
        changed = 0
        for obj in queryset.exclude(status=status):
            obj.status = status
            obj.save()
            self.log_change(request, obj, [{"changed": {"fields": [label]}}])
            changed += 1
        opts = self.model._meta
        message = ngettext(
            "%(count)d %(name)s er nu “%(status)s”.",
            "%(count)d %(name)s er nu “%(status)s”.",
            changed,
        ) % {
            "count": changed,
            "name": opts.verbose_name if changed == 1 else opts.verbose_name_plural,
            "status": PublishStatus(status).label,
        }
        self.message_user(request, message, messages.SUCCESS)
