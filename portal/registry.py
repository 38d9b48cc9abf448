"""How apps plug into the pages the whole site shares.

An app takes part by having a module of a known name with a known attribute in it;
nothing in ``portal/`` names an app. The site-wide pages ask ``offered()``:

| module        | attribute                          | used by                          |
| ------------- | ---------------------------------- | -------------------------------- |
| ``urls``      | ``mount`` (the path prefix)        | the root URLconf                 |
| ``urls``      | ``navigation`` ((name, label), …)  | the main navigation              |
| ``home``      | ``block()`` → dict or None         | the home page                    |
| ``people``    | ``block(person)`` → dict or None   | a person's page                  |
| ``people``    | ``counts()`` → {person pk: n}      | the staff list                   |
| ``themes``    | ``block(theme)`` → dict or None    | a theme's page                   |
| ``search``    | ``providers`` [search.Provider]    | ``/soeg/``                       |
| ``feeds``     | ``for_person(person)`` → [dict]    | a person's page's <head>         |
| ``sitemaps``  | ``sitemaps`` {name: Sitemap}       | ``/sitemap.xml``                 |
| ``data``      | ``datasets`` [opendata.Dataset]    | ``/data/`` and its exports       |
| ``health``    | ``checks`` [check(context)]        | the admin's "Indholdstjek"       |
| ``health``    | ``link_sources()`` → [LinkSource]  | its check of links in rich text  |
| ``demo``      | ``load()``                         | ``manage.py load_demo``          |
| ``scale``     | ``load(rng)``                      | ``manage.py load_scale``         |
| ``overview``  | ``facts()``, ``media()`` → dict    | ``/indsatsomraader/`` (activities) |

One order rule for all of them: the order of ``INSTALLED_APPS``. Only the project's
own apps are asked (those inside the repository), never Django's or a library's.
"""

from functools import cache
from importlib import import_module
from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule


def project_apps() -> list[AppConfig]:
    """Return the apps that live in this repository, in INSTALLED_APPS order."""
    base = Path(settings.BASE_DIR).resolve()
    return [
        app
        for app in apps.get_app_configs()
        if (path := Path(app.path).resolve()).is_relative_to(base)
        and "site-packages" not in path.parts
    ]


@cache
def offered(module: str, attribute: str) -> tuple[tuple[str, object], ...]:
    """Return (app name, value) for every project app whose ``module`` has ``attribute``."""
    found = []
    for app in project_apps():
        if module_has_submodule(app.module, module):
            value = getattr(import_module(f"{app.name}.{module}"), attribute, None)
            if value is not None:
                found.append((app.name, value))
    return tuple(found)


def values(module: str, attribute: str) -> list:
    """Return just the offered values, in the registry's order."""
    return [value for _label, value in offered(module, attribute)]
