from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True  # this module also holds LoginLocksConfig
    name = "portal"
    verbose_name = _("Medarbejdere, partnere og emner")

    def ready(self) -> None:
        from portal import checks  # noqa: F401 - registers the deployment checks
        from portal.cache import connect_invalidation

        connect_invalidation()

        from portal.versions import register_content_models

        register_content_models()

        from django.contrib import admin

        from portal.health import install

        install(admin.site)
        from portal.permissions import name_default_permissions
        from portal.roles import create_publish_permissions

        post_migrate.connect(create_publish_permissions, dispatch_uid="portal-publish-permissions")
        # After Django's own handler, which creates the permissions with English names.
        post_migrate.connect(name_default_permissions, dispatch_uid="portal.permission_names")


class LoginLocksConfig(AxesAppConfig):
    """django-axes, which counts failed logins, under a Danish name (see portal.logins)."""

    verbose_name = _("Loginspærringer")

    def ready(self) -> None:
        super().ready()
        from django.contrib.auth.signals import user_logged_in

        from portal import logins

        logins.register_admin()
        user_logged_in.connect(logins.unlock_on_login, dispatch_uid="portal-unlock-on-login")
