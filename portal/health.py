"""Content health ("Indholdstjek"): what on the site needs an editor's attention.

Each check returns a ``Check`` of findings, each finding linking to the item's change
page. The checks here hold for every Publishable model, present and future; an app adds
checks of its own in its ``health.py`` (``checks``: callables taking a ``Context``, see
portal.registry), so this module names no content app.

Every check reads a fixed number of queries per content model, however many items there
are: the page takes as many queries for 3,000 items as for 30, and lists at most
``SHOWN`` findings per check.
"""

import contextlib
import datetime
import functools
import html
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import DisallowedHost
from django.core.files.storage import default_storage
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    Model,
    OuterRef,
    Q,
    TextField,
    Window,
)
from django.db.models.functions import Cast
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, Resolver404, get_script_prefix, path, resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from django.views.generic.detail import SingleObjectMixin
from modeltranslation.translator import NotRegistered, translator

from portal import registry
from portal.models import Person
from portal.models.publishing import format_moment, publishable_models

logger = logging.getLogger(__name__)

# Findings listed per check; the page says how many more there are.
SHOWN = 100

LINK = re.compile(r"""href\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


@dataclass
class Context:
    """What the checks are run against: the clock and the site's own host names."""

    now: datetime.datetime
    hosts: frozenset[str] = frozenset()


@dataclass
class Finding:
    label: str
    url: str
    kind: str
    detail: str = ""
    # Further items the finding concerns, each (label, change page).
    related: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Check:
    """One check's findings: the first ``SHOWN`` of them, and how many there are."""

    key: str
    title: str
    description: str
    findings: list[Finding]
    total: int | None = None

    def __post_init__(self) -> None:
        if self.total is None:
            self.total = len(self.findings)
        self.findings = self.findings[:SHOWN]

    @property
    def more(self) -> int:
        return self.total - len(self.findings)


# Helpers ------------------------------------------------------------------------------


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """Return the same day and time ``months`` calendar months earlier (or that month's
    last day when it is shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


def translated_fields(model: type[Model]) -> tuple[str, ...]:
    try:
        return tuple(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return ()


def label_column(model: type[Model]) -> str:
    """Return the column that names an item: its title or name, in Danish."""
    name = next((f.name for f in model._meta.get_fields() if f.name in ("title", "name")), "pk")
    if name in translated_fields(model):
        return f"{name}_{settings.LANGUAGE_CODE}"
    return name


@functools.cache
def _change_url_pattern(model: type[Model], prefix: str) -> str:
    meta = model._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[PK])
    except NoReverseMatch:
        return ""


PK = "__pk__"


def change_url(model: type[Model], pk) -> str:
    """Return the item's change page (reversed once per model, not once per item)."""
    pattern = _change_url_pattern(model, get_script_prefix())
    return pattern.replace(PK, quote(str(pk))) if pattern else ""


def kind(model: type[Model]) -> str:
    return str(model._meta.verbose_name).capitalize()


def finding(model, pk, label, detail="", related=None) -> Finding:
    return Finding(
        label=str(label or pk),
        url=change_url(model, pk),
        kind=kind(model),
        detail=detail,
        related=related or [],
    )


def rows(queryset, *columns: str) -> Iterable[tuple]:
    return queryset.order_by("pk").values_list("pk", *columns)


def first_rows(queryset, *columns: str, order: str = "pk") -> tuple[int, list[tuple]]:
    """Return how many rows there are and the first ``SHOWN`` (pk, *columns), in one
    query: a window count rides along with each row."""
    counted = queryset.annotate(_total=Window(Count("pk"))).order_by(order, "pk")
    found = list(counted.values_list("pk", *columns, "_total")[:SHOWN])
    return (found[0][-1] if found else 0), [row[:-1] for row in found]


def date_detail(text: str, moment) -> str:
    return text % {"when": format_moment(moment)}


def listed(findings_per_model: list[tuple[int, list[Finding]]]) -> tuple[int, list[Finding]]:
    total = sum(count for count, _found in findings_per_model)
    return total, [item for _count, found in findings_per_model for item in found]


# The checks every content type gets ----------------------------------------------------


def changed_before(queryset, model) -> tuple[int, list[Finding]]:
    """Return the items of ``queryset`` oldest first, each with its last change."""
    total, found = first_rows(queryset, label_column(model), "updated_at", order="updated_at")
    text = _("Senest ændret %(when)s")
    return total, [finding(model, pk, label, date_detail(text, when)) for pk, label, when in found]


def unchanged_for_a_year(context: Context) -> Check:
    since = months_before(context.now, 12)
    total, found = listed(
        [
            changed_before(model.objects.published().filter(updated_at__lt=since), model)
            for model in publishable_models()
        ]
    )
    return Check(
        "unchanged",
        _("Udgivet indhold, der ikke er ændret i over et år"),
        _("Læs det igennem: er det stadig rigtigt?"),
        found,
        total,
    )


def untouched_drafts(context: Context) -> Check:
    since = months_before(context.now, 3)
    total, found = listed(
        [
            changed_before(
                model.objects.filter(
                    Q(model.state_condition("draft"), updated_at__lt=since)
                    | Q(Exists(waiting_drafts(model, since)))
                ),
                model,
            )
            for model in publishable_models()
        ]
    )
    return Check(
        "drafts",
        _("Kladder, der ikke er rørt i tre måneder"),
        _("Gør dem færdige og udgiv dem, eller slet dem."),
        found,
        total,
    )


def waiting_drafts(model: type[Model], since: datetime.datetime):
    """The pending drafts of a published ``model`` item, last saved before ``since``."""
    from django.contrib.contenttypes.models import ContentType

    from portal.models.drafts import PendingDraft

    return PendingDraft.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=Cast(OuterRef("pk"), TextField()),
        updated_at__lt=since,
    )


def person_relations(model: type[Model]) -> list[str]:
    """Return the names of the model's own relations to people (its contacts)."""
    return [
        f.name
        for f in model._meta.get_fields()
        if f.is_relation
        and f.related_model is Person
        and not f.auto_created
        and (f.many_to_many or f.many_to_one)
    ]


def inactive_contacts(context: Context) -> Check:
    """People who have left but are still contacts of something visitors see."""
    people: dict[int, Finding] = {}
    detail = _("Ikke længere aktiv, men stadig kontakt for:")
    for model in publishable_models():
        what = kind(model).lower()
        for relation in person_relations(model):
            visible = model.objects.published().filter(**{f"{relation}__is_active": False})
            pairs = rows(visible, label_column(model), f"{relation}__pk", f"{relation}__name")
            for pk, label, person_pk, person_name in pairs:
                person = people.get(person_pk)
                if person is None:
                    person = people[person_pk] = finding(Person, person_pk, person_name, detail)
                person.related.append((f"{label} ({what})", change_url(model, pk)))
    return Check(
        "inactive-contacts",
        _("Medarbejdere, der ikke er aktive, men stadig er kontaktpersoner"),
        _("Besøgende ser dem ikke længere ved indholdet: vælg en ny kontaktperson."),
        sorted(people.values(), key=lambda found: found.label),
    )


def without_active_contacts(context: Context) -> Check:
    parts = []
    detail = _("Alle kontaktpersoner er holdt op")
    for model in publishable_models():
        for relation in person_relations(model):
            with_contacts = model.objects.filter(**{f"{relation}__isnull": False}).values("pk")
            orphaned = (
                model.objects.published()
                .filter(pk__in=with_contacts)
                .exclude(**{f"{relation}__is_active": True})
            )
            total, found = first_rows(orphaned, label_column(model))
            parts.append((total, [finding(model, pk, label, detail) for pk, label in found]))
    total, found = listed(parts)
    return Check(
        "no-active-contact",
        _("Udgivet indhold, hvis kontaktpersoner alle er holdt op"),
        _("Besøgende ser ingen kontaktperson ved det."),
        found,
        total,
    )


def missing_english(context: Context) -> Check:
    default, others = (
        settings.LANGUAGE_CODE,
        [code for code, _label in settings.LANGUAGES if code != settings.LANGUAGE_CODE],
    )
    parts = []
    for model in publishable_models():
        # Every translated field is text a visitor reads (titles, texts, alt texts):
        # each needs its English when it has its Danish.
        translated = translated_fields(model)
        fields = [f.name for f in model._meta.fields if f.name in translated]
        missing = {
            (name, code): Q(**{f"{name}_{default}__gt": ""})
            & (Q(**{f"{name}_{code}": ""}) | Q(**{f"{name}_{code}__isnull": True}))
            for name in fields
            for code in others
        }
        if not missing:
            continue
        flags = {
            f"missing_{index}": ExpressionWrapper(condition, output_field=BooleanField())
            for index, condition in enumerate(missing.values())
        }
        named = [model._meta.get_field(name).verbose_name for name, _code in missing]
        any_missing = Q()
        for condition in missing.values():
            any_missing |= condition
        visible = model.objects.published().filter(any_missing).annotate(**flags)
        total, found = first_rows(visible, label_column(model), *flags)
        items = []
        for pk, label, *flagged in found:
            names = [str(name) for name, flag in zip(named, flagged, strict=True) if flag]
            detail = _("Mangler på engelsk: %(fields)s") % {"fields": ", ".join(names)}
            items.append(finding(model, pk, label, detail))
        parts.append((total, items))
    total, found = listed(parts)
    return Check(
        "missing-english",
        _("Udgivet indhold, der mangler en engelsk tekst"),
        _("Engelske besøgende ser den danske tekst i stedet."),
        found,
        total,
    )


# Links to the site's own pages ---------------------------------------------------------


def rich_text_columns(model: type[Model]) -> list[str]:
    translated = translated_fields(model)
    columns = []
    for name in getattr(model, "rich_text_fields", ()):
        if name in translated:
            columns += [f"{name}_{code}" for code, _label in settings.LANGUAGES]
        else:
            columns.append(name)
    return columns


def own_path(href: str, hosts: frozenset[str]) -> str | None:
    """Return the path of a link to the site itself, or None for any other link."""
    href = html.unescape(href).strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc:
        if (parts.hostname or "").lower() not in hosts:
            return None
        return unquote(parts.path) or "/"
    if parts.scheme or not parts.path.startswith("/"):
        return None  # relative to the page, or only a fragment or query
    return unquote(parts.path)


def anonymous_request() -> HttpRequest:
    request = HttpRequest()
    request.user = AnonymousUser()
    return request


class LinkTargets:
    """Tell which of the site's own paths lead to no page a visitor can open.

    A path must resolve; a path to one item (a detail view finding its object by slug)
    must name an item the view shows to visitors. Items are looked up together, one
    query per kind of page.
    """

    def __init__(self) -> None:
        self.broken: set[str] = set()
        # view class → {slug: [paths]}, checked together in ``settle()``.
        self._pending: dict[type, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self._kwargs: dict[type, dict] = {}
        self._seen: set[str] = set()

    def add(self, link_path: str) -> None:
        if link_path in self._seen:
            return
        self._seen.add(link_path)
        media = (
            settings.MEDIA_URL if settings.MEDIA_URL.startswith("/") else f"/{settings.MEDIA_URL}"
        )
        static = (
            settings.STATIC_URL
            if settings.STATIC_URL.startswith("/")
            else f"/{settings.STATIC_URL}"
        )
        if link_path.startswith(static):
            return
        if link_path.startswith(media):
            name = link_path.removeprefix(media)
            try:
                exists = bool(name) and default_storage.exists(name)
            except Exception:  # a name the storage refuses (../, NUL) is no file
                exists = False
            if not exists:
                self.broken.add(link_path)
            return
        match = self._resolve(link_path)
        if match is None:
            self.broken.add(link_path)
            return
        view_class = getattr(match.func, "view_class", None)
        if view_class is None or not issubclass(view_class, SingleObjectMixin):
            return
        slug = match.kwargs.get(view_class.slug_url_kwarg)
        if slug is None or view_class.pk_url_kwarg in match.kwargs:
            return
        self._pending[view_class][slug].append(link_path)
        self._kwargs.setdefault(view_class, dict(match.kwargs))

    @staticmethod
    def _resolve(link_path: str):
        language = get_language_from_path(link_path) or settings.LANGUAGE_CODE
        candidates = [link_path]
        if settings.APPEND_SLASH and not link_path.endswith("/"):
            candidates.append(f"{link_path}/")
        with translation.override(language):
            for candidate in candidates:
                try:
                    return resolve(candidate)
                except Resolver404:
                    continue
                except Exception:  # a path no pattern can even read
                    return None
        return None

    def settle(self) -> set[str]:
        for view_class, by_slug in self._pending.items():
            view = view_class()
            view.setup(anonymous_request(), **self._kwargs[view_class])
            try:
                shown = view.get_queryset()
            except Exception:  # a view that needs more than a visitor's request
                logger.warning("Cannot check links to %s", view_class.__name__, exc_info=True)
                continue
            slug_field = view.get_slug_field()
            found = set(
                shown.filter(**{f"{slug_field}__in": list(by_slug)}).values_list(
                    slug_field, flat=True
                )
            )
            for slug, paths in by_slug.items():
                if slug not in found:
                    self.broken.update(paths)
        self._pending.clear()
        return self.broken


@dataclass
class LinkSource:
    """Rich text whose links visitors follow, and the item an editor corrects it in.

    ``queryset`` gives the rows that hold the text (the item itself, or parts of it
    such as a theme's sections); ``owner`` and ``owner_label`` are the paths from those
    rows to the item's pk and name; ``columns`` are the text columns.
    """

    model: type[Model]
    queryset: Any
    columns: list[str]
    owner: str = "pk"
    owner_label: str = ""


def own_link_sources() -> list[LinkSource]:
    """Every Publishable model's own rich text, as visitors see it."""
    return [
        LinkSource(model, model.objects.published(), columns, "pk", label_column(model))
        for model in publishable_models()
        if (columns := rich_text_columns(model))
    ]


def all_link_sources() -> list[LinkSource]:
    """Return the rich text of every content type, and what apps add (``link_sources``
    in their health.py: the parts of an item, such as a theme's sections)."""
    offered = [
        source for sources in registry.values("health", "link_sources") for source in sources()
    ]
    return [*own_link_sources(), *offered]


def mentions_own_link(columns: list[str], hosts: frozenset[str]) -> Q:
    """Return a Q for rows whose text may link to the site: only those are read."""
    mentions = Q()
    for column in columns:
        mentions |= Q(**{f"{column}__icontains": 'href="/'})
        for host in hosts:
            mentions |= Q(**{f"{column}__icontains": f"://{host}"})
    return mentions


def broken_links(context: Context) -> Check:
    targets = LinkTargets()
    per_item: dict[tuple[type, Any], tuple[str, set[str]]] = {}
    for source in all_link_sources():
        linking = source.queryset.filter(mentions_own_link(source.columns, context.hosts))
        owned = linking.order_by("pk").values_list(
            source.owner, source.owner_label, *source.columns
        )
        for owner, label, *texts in owned:
            paths = {
                found
                for text in texts
                for href in LINK.findall(text or "")
                if (found := own_path(href, context.hosts)) is not None
            }
            for found_path in paths:
                targets.add(found_path)
            per_item.setdefault((source.model, owner), (label, set()))[1].update(paths)
    broken = targets.settle()
    found = []
    for (model, pk), (label, paths) in per_item.items():
        if dead := sorted(paths & broken):
            detail = _("Fører ingen steder hen: %(paths)s") % {"paths": ", ".join(dead)}
            found.append(finding(model, pk, label, detail))
    return Check(
        "broken-links",
        _("Links til sider på portalen, som ikke findes"),
        _("Siden er flyttet, slettet eller ikke længere udgivet: ret eller fjern linket."),
        found,
    )


GENERIC_CHECKS: list[Callable[[Context], Check]] = [
    unchanged_for_a_year,
    untouched_drafts,
    inactive_contacts,
    without_active_contacts,
    missing_english,
    broken_links,
]


def all_checks() -> list[Callable[[Context], Check]]:
    """Return the checks of the apps (their health.py) first, then those for all."""
    offered = [check for checks in registry.values("health", "checks") for check in checks]
    return [*offered, *GENERIC_CHECKS]


def site_hosts(request=None) -> frozenset[str]:
    hosts = {
        host.lower().lstrip(".")
        for host in settings.ALLOWED_HOSTS
        if host and "*" not in host and not host.startswith("[")
    }
    if request is not None:
        with contextlib.suppress(DisallowedHost):
            hosts.add(split_domain_port(request.get_host())[0].lower())
    return frozenset(hosts)


def run_checks(context: Context) -> list[Check]:
    return [check(context) for check in all_checks()]


# The admin page ------------------------------------------------------------------------


def content_health_view(request, site=None):
    site = site or admin.site
    checks = run_checks(Context(now=timezone.now(), hosts=site_hosts(request)))
    context = {
        **site.each_context(request),
        "title": _("Indholdstjek"),
        "checks": checks,
        "total": sum(len(check.findings) for check in checks),
    }
    return TemplateResponse(request, "admin/content_health.html", context)


def install(site) -> None:
    """Add the page to an admin site, at <admin>/indholdstjek/, for staff only."""
    site_urls = site.get_urls

    def get_urls():
        page = path(
            "indholdstjek/",
            site.admin_view(lambda request: content_health_view(request, site)),
            name="content_health",
        )
        return [page, *site_urls()]

    site.get_urls = get_urls
