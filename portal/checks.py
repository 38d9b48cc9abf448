from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache_in_production(app_configs, **kwargs):
    """Several app processes need one shared cache, or a save clears only its own process."""
    backend = settings.CACHES["default"]["BACKEND"]
    if "locmem" in backend.lower():
        return [
            Warning(
                "The page cache is per process (no REDIS_URL).",
                hint=(
                    "Set REDIS_URL when running more than one app process, or a saved "
                    "edit stays invisible in the other processes for up to ten minutes."
                ),
                id="portal.W001",
            )
        ]
    return []
