"""Open data: the datasets the apps declare, the /data/ page, and their exports.

An app offers a dataset by a ``data.py`` with ``datasets = [Dataset(...)]`` (see
portal.registry); portal names no app. A dataset says what its rows are (the published
rows in the HTML list's order, with their relations), which FilterSet narrows them (the
HTML list's own, so the export and the list cannot drift apart), and how one row reads
as a dict of stable English field names.

The addresses: ``/data/`` explains them; ``/data/<dataset>.json`` and
``/data/<dataset>.csv`` (``/en/data/…`` in English) take the list's filter parameters,
e.g. ``/data/aktiviteter.csv?trin=…``. A value the list does not know, or a parameter it
does not have, answers 400 with the list's own notice; an unknown dataset 404.

Both formats stream: rows are read ``CHUNK`` at a time (``iterator(chunk_size=…)``,
which also runs the prefetches per chunk) and written as they come. The page cache
keeps a complete export up to a size bound (see PublicPageCacheMiddleware).

CSV is written for Danish Excel: UTF-8 with a byte order mark, ``;`` between fields,
CRLF line ends, quotes where needed. A text cell that begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading ``'``, so a spreadsheet shows it as
text instead of running it as a formula. Lists are joined with `` | ``.
"""

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import batched
from typing import Any

from django.conf import settings
from django.db.models import Max, Value
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from portal import registry
from portal.cache import STORABLE_STREAM, STORABLE_VARIANT, cached_by_content

# Rows read per query (and per prefetch): at the scale data one chunk per dataset.
CHUNK = 1000
# A CSV cell beginning with one of these would be read as a formula by a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class Kind:
    """A field's type: a stable code for programs (in the JSON), a label for people."""

    code: str
    label: Promise | str

    def __str__(self) -> str:
        return str(self.label)


TEXT = Kind("string", gettext_lazy("tekst"))
INTEGER = Kind("integer", gettext_lazy("heltal"))
URL = Kind("url", gettext_lazy("adresse (URL)"))
LIST = Kind("array of strings", gettext_lazy("liste af tekster"))
EMAIL = Kind("email", gettext_lazy("e-mailadresse"))


@dataclass(frozen=True)
class Field:
    """One column of a dataset: a stable English snake_case name, a type, a meaning."""

    name: str
    kind: Kind
    description: Promise | str


@dataclass(frozen=True)
class Dataset:
    """A list of published content offered as JSON and CSV.

    - ``slug``: the file name in the address, ``/data/<slug>.json``;
    - ``queryset()``: the published rows in the list's order, with the relations the
      rows read (select_related; prefetch_related runs once per chunk);
    - ``row(obj)``: {field name: value}; values are str, int, None or lists of str;
      fields of type URL may be paths, which the export makes absolute;
    - ``filterset_class``: the HTML list's FilterSet, whose parameters the export takes;
    - ``prepare(rows)``: fetch what a chunk of rows needs beyond the prefetches;
    - ``list_url``: the URL name of the HTML list.
    """

    slug: str
    title: Promise | str
    description: Promise | str
    fields: tuple[Field, ...]
    queryset: Callable[[], Any]
    row: Callable[[Any], dict]
    filterset_class: type | None = None
    prepare: Callable[[list], None] | None = None
    list_url: str | None = None
    extra: dict = field(default_factory=dict)

    def url(self, fmt: str, filters: dict | None = None) -> str:
        address = f"{reverse('portal:data')}{self.slug}.{fmt}"
        return f"{address}?{urlencode(filters)}" if filters else address


def datasets() -> dict[str, Dataset]:
    """Return every app's datasets by slug, in INSTALLED_APPS order."""
    return {ds.slug: ds for offered in registry.values("data", "datasets") for ds in offered}


def export_links(request, filters: dict | None = None) -> list[dict]:
    """Return the CSV and JSON addresses of the dataset of the list the request shows
    (its ``list_url``), with the list's valid filters."""
    match = request.resolver_match
    view_name = match.view_name if match else None
    return [
        {"format": fmt, "url": ds.url(fmt.lower(), filters)}
        for ds in datasets().values()
        if ds.list_url is not None and ds.list_url == view_name
        for fmt in ("CSV", "JSON")
    ]


def licence() -> dict[str, str]:
    return {"name": settings.DATA_LICENCE_NAME, "url": settings.DATA_LICENCE_URL}


def read_last_change():
    """Return the latest moment published content changed (or went live), or None.

    One query: a grouped maximum per publishable model, combined with UNION ALL.
    """
    from portal.models.publishing import publishable_models

    parts = [
        model.objects.published()
        .order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(latest=Max(Greatest("updated_at", Coalesce("publish_from", "updated_at"))))
        .values_list("latest", flat=True)
        for model in publishable_models()
    ]
    if not parts:
        return None
    combined = parts[0].union(*parts[1:], all=True).order_by()
    moments = [moment for moment in combined if moment]
    return max(moments, default=None)


def last_change():
    return cached_by_content("opendata:last-change", read_last_change)


# Writers ------------------------------------------------------------------------------


def rows_of(dataset: Dataset, queryset) -> Iterator[dict]:
    """Read the rows a chunk at a time; the prefetches run once per chunk."""
    for chunk in batched(queryset.iterator(chunk_size=CHUNK), CHUNK):
        if dataset.prepare is not None:
            dataset.prepare(list(chunk))
        for obj in chunk:
            yield dataset.row(obj)


def absolute(dataset: Dataset, base: str) -> Callable[[dict], dict]:
    urls = [f.name for f in dataset.fields if f.kind is URL]

    def make(row: dict) -> dict:
        for name in urls:
            if isinstance(row.get(name), str) and row[name].startswith("/"):
                row[name] = base + row[name]
        return row

    return make


def csv_cell(value) -> str | int:
    """Return a value as a CSV cell: lists joined, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return value
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def write_csv(dataset: Dataset, rows: Iterable[dict]) -> Iterator[bytes]:
    names = [f.name for f in dataset.fields]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(names)
    for row in rows:
        writer.writerow([csv_cell(row.get(name)) for name in names])
        if buffer.tell() > 32_768:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def write_json(head: dict, rows: Iterable[dict]) -> Iterator[bytes]:
    """Write ``{…head, "items": [...], "count": n}``, an item at a time."""
    opening = json.dumps(head, ensure_ascii=False, indent=1)
    yield f'{opening[:-2]},\n "items": ['.encode()
    count = 0
    for row in rows:
        prefix = ",\n  " if count else "\n  "
        yield (prefix + json.dumps(row, ensure_ascii=False)).encode()
        count += 1
    yield f'\n ],\n "count": {count}\n}}\n'.encode()


def in_language(language: str, chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Write in the request's language, whichever thread iterates the response."""
    chunks = iter(chunks)
    while True:
        with translation.override(language):
            chunk = next(chunks, None)
        if chunk is None:
            return
        yield chunk


# Views --------------------------------------------------------------------------------


def bad_request(message: str) -> HttpResponseBadRequest:
    more = _("Se felterne og filtrene på %(url)s") % {"url": reverse("portal:data")}
    return HttpResponseBadRequest(
        f"{message}\n\n{more}\n",
        content_type="text/plain; charset=utf-8",
    )


@require_safe
def export(request, dataset: str, fmt: str):
    found = datasets().get(dataset)
    if found is None:
        raise Http404
    params = request.GET
    queryset = found.queryset()
    filters: dict = {}
    if params:
        if found.filterset_class is None:
            return bad_request(_("Dette datasæt kan ikke filtreres."))
        filterset = found.filterset_class(params, queryset)
        unknown = sorted(set(params) - set(filterset.form.fields))
        if unknown:
            return bad_request(
                _("Filteret “%(name)s” findes ikke for dette datasæt.") % {"name": unknown[0][:40]}
            )
        if filterset.form.errors:
            return bad_request("\n".join(filterset.notices()))
        queryset = filterset.qs
        filters = dict(filterset.valid_data)
    list_url = reverse(found.list_url) if found.list_url else None
    language = translation.get_language()
    rows = map(absolute(found, request.build_absolute_uri("/")[:-1]), rows_of(found, queryset))
    if fmt == "csv":
        content = write_csv(found, rows)
        response = StreamingHttpResponse(
            in_language(language, content), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{found.slug}.csv"'
    else:
        moment = last_change()
        head = {
            "dataset": found.slug,
            "title": str(found.title),
            "language": language,
            "licence": licence(),
            "last_modified": timezone.localdate(moment).isoformat() if moment else None,
            "source": request.build_absolute_uri(
                f"{list_url}?{urlencode(filters)}" if filters else list_url
            )
            if list_url
            else None,
            "filters": {name: str(value) for name, value in filters.items()},
            "fields": [
                {"name": f.name, "type": f.kind.code, "description": str(f.description)}
                for f in found.fields
            ],
        }
        content = write_json(head, rows)
        response = StreamingHttpResponse(
            in_language(language, content), content_type="application/json"
        )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    # A variant the site serves to everyone: valid choices, each given once and not
    # blank, no free text (not even blank: "?q=%20" is not a copy of its own).
    if "q" not in params and all(
        len(values) == 1 and values[0].strip() for values in params.lists()
    ):
        setattr(response, STORABLE_VARIANT, True)
        setattr(response, STORABLE_STREAM, True)
    return response


class DataPageView(TemplateView):
    """``/data/``: what the exports hold, under which licence, and how to open them."""

    template_name = "portal/data.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["datasets"] = [
            {
                "dataset": ds,
                "json_url": ds.url("json"),
                "csv_url": ds.url("csv"),
                "list_url": reverse(ds.list_url) if ds.list_url else None,
                "filters": [
                    (name, ds.filterset_class.search_label if name == "q" else filter_.label)
                    for name, filter_ in (
                        ds.filterset_class.base_filters.items() if ds.filterset_class else ()
                    )
                ],
            }
            for ds in datasets().values()
        ]
        context["licence"] = licence()
        context["last_change"] = last_change()
        return context


data_page = DataPageView.as_view()
