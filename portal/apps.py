from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Medarbejdere, partnere og emner")

    def ready(self) -> None:
        from portal import checks  # noqa: F401 - registers the deployment checks
        from portal.cache import connect_invalidation

        connect_invalidation()

        from portal.versions import register_content_models

        register_content_models()

        from portal.permissions import name_default_permissions

        # After Django's own handler, which creates the permissions with English names.
        post_migrate.connect(name_default_permissions, dispatch_uid="portal.permission_names")
