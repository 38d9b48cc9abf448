"""Permission names in Danish: "Kan tilføje forskningsprojekt", not "Can add forskningsprojekt".

Django names the default permissions of each model ("add", "change", "delete", "view")
in English as it creates them at migrate time, and stores the name in the database, where
no translation reaches it. ``name_default_permissions`` runs after every migrate, after
Django has created the permissions of a new model, and renames the default permissions
of every installed app's models: the group and user forms list them all. It changes only
the names that differ, so running it again changes nothing; the codenames, which code
and the roles refer to, stay as Django made them. Permissions of our own making (such
as ``publish_<model>``) keep their names.
"""

from django.contrib.auth import get_permission_codename
from django.db import DEFAULT_DB_ALIAS, router
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# What a holder of each default permission may do, before the model's name.
ACTIONS = {
    "add": _("Kan tilføje %(name)s"),
    "change": _("Kan ændre %(name)s"),
    "delete": _("Kan slette %(name)s"),
    "view": _("Kan se %(name)s"),
}
NAME_LENGTH = 255


def danish_permission_names(model) -> dict[str, str]:
    """Return {codename: Danish name} for the default permissions of ``model``."""
    opts = model._meta
    with translation.override("da"):
        names = {
            get_permission_codename(action, opts): str(ACTIONS[action])
            % {"name": str(opts.verbose_name)}
            for action in opts.default_permissions
            if action in ACTIONS
        }
    return {codename: name[:NAME_LENGTH] for codename, name in names.items()}


def name_default_permissions(app_config, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs) -> int:
    """Give the default permissions of ``app_config``'s models their Danish names.

    Connected to ``post_migrate``, which is sent once per app after Django's own handler
    has created that app's permissions. Returns how many permissions were renamed.
    """
    from django.contrib.auth.models import Permission

    if not app_config.models_module or not router.allow_migrate_model(using, Permission):
        return 0
    wanted = {
        (model._meta.model_name, codename): name
        for model in app_config.get_models()
        for codename, name in danish_permission_names(model).items()
    }
    if not wanted:
        return 0
    permissions = (
        Permission.objects.using(using)
        .filter(content_type__app_label=app_config.label)
        .filter(codename__in={codename for _model, codename in wanted})
        .select_related("content_type")
    )
    renamed = []
    for permission in permissions:
        name = wanted.get((permission.content_type.model, permission.codename))
        if name is not None and permission.name != name:
            permission.name = name
            renamed.append(permission)
    Permission.objects.using(using).bulk_update(renamed, ["name"])
    if renamed and verbosity >= 2:
        print(f"Gave {len(renamed)} permissions of {app_config.label} their Danish names.")
    return len(renamed)
