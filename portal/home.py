"""The home page is made of blocks: each app may offer one in its ``home.py``.

``block()`` returns None (nothing to show) or a dict with a ``template`` and the
context that template needs. Blocks appear in the registry's order (INSTALLED_APPS).
"""

from portal import registry


def home_blocks() -> list[dict]:
    return [block for provider in registry.values("home", "block") if (block := provider())]
