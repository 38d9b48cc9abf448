"""The home page is made of blocks: each app may offer one in its ``home.py``.

``block()`` returns None (nothing to show) or a dict with a ``template`` and the
context that template needs. Blocks appear in the registry's order (INSTALLED_APPS),
each rendered once per content version, day and language (the fragments store).
"""

from functools import partial

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from portal import registry
from portal.cache import fragments


def render_block(block) -> str:
    found = block()
    return render_to_string(found["template"], {"block": found}) if found else ""


def home_blocks() -> list[str]:
    """Return the sections' blocks as HTML, leaving out those with nothing to show."""
    rendered = (
        fragments.get_or_set("home-block", partial(render_block, block), (app,))
        for app, block in registry.offered("home", "block")
    )
    return [mark_safe(html) for html in rendered if html]  # noqa: S308 - rendered templates
