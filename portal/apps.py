from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from portal import checks  # noqa: F401 - registers the deployment checks
        from portal.cache import connect_invalidation

        connect_invalidation()

        from portal.versions import register_content_models

        register_content_models()

        from django.contrib import admin

        from portal.health import install

        install(admin.site)
