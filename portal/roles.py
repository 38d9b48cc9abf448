"""Who may do what: the publish permission of every publishable content type."""

from django.db.models import Model


def publish_permission(model: type[Model] | Model) -> str:
    """Return the permission that lets a user publish, schedule or unpublish ``model``."""
    meta = model._meta
    return f"{meta.app_label}.publish_{meta.model_name}"


def can_publish(user, model: type[Model] | Model) -> bool:
    """Tell whether ``user`` may change what visitors see of ``model``."""
    return user.has_perm(publish_permission(model))


class RolesAdminMixin:
    """What a role may do in a content type's admin."""
