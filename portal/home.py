"""The home page is made of blocks: each app may offer one in its ``home.py``.

``block()`` returns None (nothing to show) or a dict with a ``template`` and the
context that template needs. Blocks appear in the order given by HOME_ORDER.
"""

from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

HOME_ORDER = ["projects", "activities", "themes", "news"]


@cache
def providers() -> list:
    found = {}
    for app in apps.get_app_configs():
        module_name = f"{app.name}.home"
        if not app.name.startswith("django") and find_spec(module_name):
            module = import_module(module_name)
            if hasattr(module, "block"):
                found[app.label] = module.block
    ordered = [found.pop(label) for label in HOME_ORDER if label in found]
    return ordered + list(found.values())


def home_blocks() -> list[dict]:
    return [block for provider in providers() if (block := provider())]
