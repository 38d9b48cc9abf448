"""Site-wide search: one engine for ``/soeg/`` and for every list's ``?q=``.

Each app describes its content in its ``search.py`` as ``providers``: a list of
Provider (the model's published rows, the searched fields with their weights, how a
hit is shown, where the app's own list is). The search page asks every provider in the
registry's order, so a new section is searchable once it has that module; the people,
which belong to the portal itself, come first. This module never imports a content app.

On PostgreSQL every searched table has two stored, generated ``tsvector`` columns,
``search_da`` (``danish`` configuration) and ``search_en`` (``english`` over the English
columns, Danish text where English is empty), weighted A (title), B (summary, lead), C
(body, HTML tags stripped), each with a GIN index: ``vector_migration`` adds them in an
app's migration, and PostgreSQL keeps them current on every insert and update, bulk
updates included. A word matches when the stemmed word is a prefix of a lexeme
(``to_tsquery('danish', 'lommepenge:*')`` finds "Lommepengeprojekter") or when it stands
inside the title (``ILIKE``, served by a trigram GIN index: "projekt" finds
"Forskningsprojekt"). Hits are ranked by ``ts_rank`` and shown with a ``ts_headline``
snippet, escaped here before the match is marked.

On SQLite (``make run``) the same page comes from a simpler matcher: every word as a
substring of one of the fields, in either language, without rank or snippet.

A search with no results suggests another spelling ("Mente du …?"): the closest words,
by trigram similarity, among the words of the published titles and summaries, which
are read in one query once per content version.
"""

import bisect
import html
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    Expression,
    F,
    FloatField,
    Q,
    QuerySet,
    TextField,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.cache import LocalStore, scope

MAX_WORDS = 8
# Longer words are cut: no Danish word is longer, and tsquery lexemes have a limit.
MAX_WORD_LENGTH = 60
# Words this long or longer are also looked for inside titles (compounds).
INFIX_LENGTH = 4
PER_GROUP = 5
PER_PAGE = 20
# Characters no content uses, so that the snippet can be escaped as a whole and the
# match marked afterwards (a StartSel of "<mark>" would come back unescaped).
MARK_START, MARK_STOP = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_STOP}, MaxWords=30, MinWords=12, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
CONFIGS = {"da": "danish", "en": "english"}
WORD = re.compile(r"[^\W_]+")


# What an app describes ---------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """A searched field: its name (translated fields have a column per language), its
    weight (A title, B summary, C body), and whether it holds HTML (tags are stripped)."""

    name: str
    weight: str = "C"
    translated: bool = True
    html: bool = False


@dataclass
class SearchHit:
    title: str
    url: str
    summary: str = ""
    meta: str = ""
    snippet: SafeString | None = None


@dataclass
class Provider:
    """One kind of content in the site search, described by its app's ``search.py``.

    - ``slug``: the value of ``?type=`` that shows only this kind (Danish, shareable);
    - ``label``: the group's heading;
    - ``queryset()``: the rows visitors may see (``published()``), with what ``hit`` reads;
    - ``fields``: the searched fields (``SEARCH_FIELDS`` of the model, as its list uses);
    - ``hit(obj)``: a SearchHit (title, address, summary, meta);
    - ``also(word)``: other ways a word matches (a contact's name, a subject, a section);
    - ``more_url(text)``: the app's own list searched for the same text;
    - ``order``: the order among equally ranked hits (and the only order on SQLite).
    """

    slug: str
    label: str
    queryset: Callable[[], QuerySet]
    fields: tuple[Field, ...]
    hit: Callable[[object], SearchHit]
    also: Callable[[str], Q] | None = None
    more_url: Callable[[str], str] | None = None
    order: tuple[str, ...] = ("pk",)


# Words and languages ---------------------------------------------------------------


def clean(text: str) -> str:
    """Drop what no search means and PostgreSQL refuses (NUL), and trim."""
    return text.replace("\x00", "").strip()


def words(text: str) -> list[str]:
    """Return the words of ``text``: letters and digits only, so no tsquery operator,
    quote or wildcard reaches the database as anything but a word."""
    return [word[:MAX_WORD_LENGTH] for word in WORD.findall(clean(text).lower())][:MAX_WORDS]


def language() -> str:
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in CONFIGS else settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def column(spec: Field, code: str) -> str:
    """Return the column name of a field in a language (Danish for untranslated ones)."""
    return f"{spec.name}_{code}" if spec.translated else spec.name


def text_sql(spec: Field, code: str, qualify: Callable[[str], str] = str) -> str:
    """Return SQL for a field's text in a language: English falls back to Danish."""
    danish = qualify(quote(column(spec, "da")))
    if spec.translated and code != "da":
        sql = f"coalesce(nullif({qualify(quote(column(spec, code)))}, ''), {danish}, '')"
    else:
        sql = f"coalesce({danish}, '')"
    return f"regexp_replace({sql}, '<[^>]*>', ' ', 'g')" if spec.html else sql


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# The stored vectors (PostgreSQL) -----------------------------------------------------


def vector_sql(fields, code: str) -> str:
    config = CONFIGS[code]
    return " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, {text_sql(spec, code)}), '{spec.weight}')"
        for spec in fields
    )


def vector_migration(table: str, fields, title: str | None = None):
    """Return a migration operation that adds ``search_da`` and ``search_en`` to
    ``table`` on PostgreSQL (generated, stored, GIN-indexed), and a trigram index on the
    title's language columns for the words inside compounds. Nothing on SQLite.

    ``fields`` are Field values as the model's search uses them; write them out in the
    migration (a migration must not change when the model's code does).
    """
    from django.db import migrations

    fields = tuple(fields)
    title_fields = [spec for spec in fields if spec.name == title]

    def statements() -> list[tuple[str, str]]:
        # pg_trgm for the title's index; an app's migration need not wait for portal's.
        found = [("CREATE EXTENSION IF NOT EXISTS pg_trgm", "SELECT 1")] if title_fields else []
        head = [spec for spec in fields if spec.weight in ("A", "B")]
        for code in CONFIGS:
            for name, weighted in ((f"search_{code}", fields), (f"search_head_{code}", head)):
                if not weighted:
                    continue
                found.append(
                    (
                        f"ALTER TABLE {quote(table)} ADD COLUMN {name} tsvector "
                        f"GENERATED ALWAYS AS ({vector_sql(weighted, code)}) STORED",
                        f"ALTER TABLE {quote(table)} DROP COLUMN IF EXISTS {name}",
                    )
                )
                index = quote(f"{table}_{name}")
                found.append(
                    (
                        f"CREATE INDEX {index} ON {quote(table)} USING gin ({name})",
                        f"DROP INDEX IF EXISTS {index}",
                    )
                )
        for spec in title_fields:
            for code in CONFIGS if spec.translated else ("da",):
                name = column(spec, code)
                index = quote(f"{table}_{name}_trgm")
                found.append(
                    (
                        f"CREATE INDEX {index} ON {quote(table)} "
                        f"USING gin ({quote(name)} gin_trgm_ops)",
                        f"DROP INDEX IF EXISTS {index}",
                    )
                )
        return found

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql, _undo in statements():
                schema_editor.execute(sql)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for _sql, undo in reversed(statements()):
                schema_editor.execute(undo)

    return migrations.RunPython(forwards, backwards, elidable=False)


def trigram_migration():
    """Return the operation that creates pg_trgm on PostgreSQL (nothing on SQLite)."""
    from django.db import migrations

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")

    return migrations.RunPython(forwards, migrations.RunPython.noop)


# Expressions ------------------------------------------------------------------------


class OnTable(Expression):
    """SQL that names columns of the queryset's own table, qualified by its alias.

    The alias comes from the query the expression is used in (a subquery gets its own),
    so the same condition works in a list, in ``Exists`` and in a count.
    """

    def __init__(self, build: Callable[[Callable[[str], str]], tuple[str, list]], output_field):
        super().__init__(output_field=output_field)
        self.build = build
        self.pk = None

    def get_source_expressions(self):
        return [self.pk] if self.pk is not None else []

    def set_source_expressions(self, exprs):
        if exprs:
            (self.pk,) = exprs

    def resolve_expression(self, query=None, *args, **kwargs):
        resolved = self.copy()
        resolved.pk = query.resolve_ref("pk")
        return resolved

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name(self.pk.alias)
        return self.build(lambda name: f"{alias}.{name}")

    def __repr__(self):
        return f"{type(self).__name__}()"

    @property
    def identity(self):
        return (type(self), id(self))

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)


class Condition(OnTable):
    conditional = True

    def __init__(self, build):
        super().__init__(build, BooleanField())


# The query as PostgreSQL parses and stems it. (A scalar subquery, evaluated once per
# statement, measured no faster at scale.)
TSQUERY = "to_tsquery(%s::regconfig, %s)"


def prefix_query(word_list: list[str]) -> str:
    """Return tsquery text: every word as a prefix ("lommepenge:*"), all of them needed."""
    return " & ".join(f"{word}:*" for word in word_list)


def vector_matches(word: str, code: str) -> Condition:
    """On PostgreSQL: a stored vector has a lexeme that starts with the stemmed word;
    a stop word ("og") matches everything, as it says nothing.

    The small vector of title and summary is asked first: a word found there spares
    reading the large one (with the body), which is most of a broad search's time.
    """
    config, query = CONFIGS[code], prefix_query([word])
    others = [other for other in CONFIGS if other != code]

    def build(qualify):
        tsquery = TSQUERY
        head, full = qualify(f"search_head_{code}"), qualify(f"search_{code}")
        # A title or summary in another language counts too ("homework" on a Danish
        # page), as the lists always had it; the page still shows the current language.
        elsewhere = "".join(
            f" OR {qualify(f'search_head_{other}')} @@ {tsquery}" for other in others
        )
        sql = f"({head} @@ {tsquery} OR {full} @@ {tsquery}{elsewhere} OR numnode({tsquery}) = 0)"
        params = [config, query, config, query]
        for other in others:
            params += [CONFIGS[other], query]
        return sql, [*params, config, query]

    return Condition(build)


def infix_matches(word: str, spec: Field, code: str) -> Condition:
    """On PostgreSQL: the word stands inside the title. The inner part of a compound is
    written in lower case ("Forskningsprojekt"), as the word is; a word at the start is
    found by the vector (and a trigram index serves the LIKE)."""
    pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    codes = ["da"] if not spec.translated or code == "da" else [code, "da"]

    def build(qualify):
        parts = [f"{qualify(quote(column(spec, c)))} LIKE %s" for c in codes]
        return "(" + " OR ".join(parts) + ")", [pattern] * len(codes)

    return Condition(build)


def substring_matches(word: str, fields) -> Q:
    """On SQLite: the word is a substring of one of the fields, in either language."""
    found = Q()
    for spec in fields:
        codes = [code for code, _label in settings.LANGUAGES] if spec.translated else [None]
        for code in codes:
            name = column(spec, code) if code else spec.name
            found |= Q(**{f"{name}__icontains": word})
    return found


def word_matches(word: str, fields, also: Callable[[str], Q] | None = None) -> Q:
    """Return a Q where ``word`` matches the row's own text, or ``also(word)``."""
    if is_postgresql():
        code = language()
        found = Q(vector_matches(word, code))
        if len(word) >= INFIX_LENGTH:
            for spec in fields:
                if spec.weight == "A":
                    found |= Q(infix_matches(word, spec, code))
    else:
        found = substring_matches(word, fields)
    return found | also(word) if also else found


def matching(queryset: QuerySet, text: str, fields, also=None) -> QuerySet:
    """Return the rows where every word of ``text`` matches: the lists' ``?q=``.

    A text with no word in it ("!!!", an emoji) matches nothing: a search for nothing
    the site could hold is not a search for everything.
    """
    found = words(text)
    if not found:
        return queryset if not clean(text) else queryset.none()
    condition = Q()
    for word in found:
        condition &= word_matches(word, fields, also)
    return queryset.filter(condition)


def rank(text: str) -> OnTable:
    """ts_rank of the row's title and summary (A over B); a hit in the body alone
    ranks below them (0), and equal ranks follow the provider's order. Ranking by the
    small vector keeps a broad search from reading every body's vector twice."""
    config, code = CONFIGS[language()], language()
    query = prefix_query(words(text))

    def build(qualify):
        return (
            f"ts_rank({qualify(f'search_head_{code}')}, {TSQUERY})",
            [config, query],
        )

    return OnTable(build, FloatField())


def headline(text: str, fields) -> OnTable:
    """ts_headline over the non-title fields (tags stripped), marked with MARK_*."""
    code = language()
    config, query = CONFIGS[code], prefix_query(words(text))
    shown = [spec for spec in fields if spec.weight != "A"] or list(fields)

    def build(qualify):
        document = " || ' ' || ".join(
            f"left({text_sql(spec, code, qualify)}, 4000)" for spec in shown
        )
        return (
            f"ts_headline(%s::regconfig, {document}, {TSQUERY}, %s)",
            [config, config, query, HEADLINE_OPTIONS],
        )

    return OnTable(build, TextField())


def marked(snippet: str) -> SafeString:
    """Escape the whole snippet (it may hold any text, "<script>" too), then mark."""
    text = escape(html.unescape(snippet))
    return mark_safe(  # noqa: S308 - escaped above; only our markers become tags
        text.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    )


def in_language(name: str, code: str):
    """A translated column in a language, falling back to Danish."""
    if code == "da":
        return Coalesce(F(f"{name}_da"), Value(""), output_field=CharField())
    return Coalesce(
        NullIf(F(f"{name}_{code}"), Value("")),
        F(f"{name}_da"),
        Value(""),
        output_field=CharField(),
    )


# The search page ---------------------------------------------------------------------


@dataclass
class SearchGroup:
    slug: str
    label: str
    total: int
    hits: list[SearchHit] = field(default_factory=list)
    more_url: str = ""


def all_providers() -> list[Provider]:
    return [provider for found in registry.values("search", "providers") for provider in found]


def found(provider: Provider, text: str) -> QuerySet:
    """Return the provider's matching rows, best first, each with the count of all."""
    rows = matching(provider.queryset(), text, provider.fields, provider.also)
    if is_postgresql():
        rows = rows.annotate(
            search_rank=rank(text), search_snippet=headline(text, provider.fields)
        ).order_by("-search_rank", *provider.order)
    else:
        rows = rows.order_by(*provider.order)
    return rows.annotate(search_total=Window(Count("pk")))


def hits_of(provider: Provider, rows) -> list[SearchHit]:
    hits = []
    for row in rows:
        hit = provider.hit(row)
        snippet = getattr(row, "search_snippet", None)
        if snippet:
            hit.snippet = marked(snippet)
        hits.append(hit)
    return hits


def group(provider: Provider, text: str, start: int = 0, size: int = PER_GROUP) -> SearchGroup:
    """Return a provider's group: the count and one page of hits, in one query."""
    rows = list(found(provider, text)[start : start + size])
    total = rows[0].search_total if rows else 0
    if not rows and start:
        total = matching(provider.queryset(), text, provider.fields, provider.also).count()
    more = provider.more_url(text) if provider.more_url else ""
    return SearchGroup(provider.slug, str(provider.label), total, hits_of(provider, rows), more)


def count(provider: Provider, text: str) -> SearchGroup:
    total = matching(provider.queryset(), text, provider.fields, provider.also).count()
    more = provider.more_url(text) if provider.more_url else ""
    return SearchGroup(provider.slug, str(provider.label), total, [], more)


@dataclass
class Results:
    groups: list[SearchGroup]  # every kind with a hit, in the registry's order
    shown: list[SearchGroup]  # the groups whose hits the page shows
    total: int
    chosen: SearchGroup | None = None  # the kind ``?type=`` asks for
    page: int = 1
    pages: int = 1


def search_everything(text: str, kind: str = "", page: int = 1) -> Results:
    """Search every provider: one query each (its hits and its count together).

    With ``kind`` (a provider's slug) that group is shown a page at a time and the
    others only counted, for the links that filter by type.
    """
    everything = all_providers()
    chosen_provider = next((p for p in everything if p.slug == kind), None)
    groups = []
    for provider in everything:
        if chosen_provider is None:
            groups.append(group(provider, text))
        elif provider is chosen_provider:
            chosen = group(provider, text, (page - 1) * PER_PAGE, PER_PAGE)
            if page > 1 and not chosen.hits and chosen.total:
                # Beyond the last page: the last page (one query more).
                page = math.ceil(chosen.total / PER_PAGE)
                chosen = group(provider, text, (page - 1) * PER_PAGE, PER_PAGE)
            groups.append(chosen)
        else:
            groups.append(count(provider, text))
    with_hits = [g for g in groups if g.total]
    total = sum(g.total for g in groups)
    if chosen_provider is None:
        return Results(with_hits, with_hits, total)
    chosen = next(g for g in groups if g.slug == kind)
    pages = max(1, math.ceil(chosen.total / PER_PAGE))
    return Results(with_hits, [chosen] if chosen.total else [], total, chosen, page, pages)


def kinds() -> list[tuple[str, str]]:
    return [(provider.slug, str(provider.label)) for provider in all_providers()]


# "Mente du …?" -----------------------------------------------------------------------


def trigrams(word: str) -> set[str]:
    """The trigrams of a word as pg_trgm counts them: two spaces before, one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


SUGGESTION_THRESHOLD = 0.4
# A search with this many results or fewer is checked for words nobody wrote.
SUGGEST_BELOW = 3


def read_vocabulary(code: str) -> dict[str, int]:
    """Return {word: distinct texts it is in} of the published titles and summaries,
    in one query: a row per field, so a text that many rows share is read once."""
    parts = []
    for provider in all_providers():
        for spec in provider.fields:
            if spec.weight not in ("A", "B") or spec.html:
                continue
            text = in_language(spec.name, code) if spec.translated else F(spec.name)
            parts.append(
                provider.queryset().annotate(search_text=text).values_list("search_text").order_by()
            )
    if not parts:
        return {}
    # Django's union() keeps a model's default order here, so the SQL is joined by hand.
    compiled = [part.query.sql_with_params() for part in parts]
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ".join(sql for sql, _params in compiled),
            [param for _sql, params in compiled for param in params],
        )
        rows = cursor.fetchall()
    found = Counter(WORD.findall(" ".join(text or "" for (text,) in rows).lower()))
    return {word: n for word, n in found.items() if len(word) >= 3 and word.isalpha()}


def vocabulary() -> dict[str, int]:
    from portal.cache import cached_by_content

    code = language()
    return cached_by_content("search:vocabulary", lambda: read_vocabulary(code), code)


# Words of a search that are looked up for a suggestion; the rest are kept as typed.
SUGGEST_WORDS = 3
# The indexes of the vocabulary, one per language and content version, built once.
_INDEXES = LocalStore(max_entries=4, timeout=3600)


@dataclass
class VocabularyIndex:
    """The vocabulary sorted (for prefixes) and by trigram (for near words), so a
    suggestion reads only the words that share a trigram with the typed one."""

    known: dict[str, int]
    ordered: list[str]
    by_trigram: dict[str, list[str]]

    @classmethod
    def of(cls, known: dict[str, int]) -> "VocabularyIndex":
        by_trigram: dict[str, list[str]] = {}
        for word in known:
            for trigram in trigrams(word):
                by_trigram.setdefault(trigram, []).append(word)
        return cls(known, sorted(known), by_trigram)

    def has_prefix(self, word: str) -> bool:
        at = bisect.bisect_left(self.ordered, word)
        return at < len(self.ordered) and self.ordered[at].startswith(word)

    def candidates(self, mine: set[str]) -> dict[str, int]:
        """Every known word sharing a trigram with ``mine``, with how many it shares."""
        shared: dict[str, int] = {}
        for trigram in mine:
            for word in self.by_trigram.get(trigram, ()):
                shared[word] = shared.get(word, 0) + 1
        return shared


def vocabulary_index() -> VocabularyIndex:
    key = scope()  # content version, day, schedule marker, language
    index = _INDEXES.get(key, None)
    if index is None:
        index = VocabularyIndex.of(vocabulary())
        _INDEXES.set(key, index)
    return index


def suggest(text: str) -> str:
    """Return the text with each unknown word replaced by the closest known word, or ""."""
    index = vocabulary_index()
    known = index.known
    if not known:
        return ""
    changed, result = False, []
    for position, word in enumerate(words(text)):
        if position >= SUGGEST_WORDS or word in known or len(word) < 3 or index.has_prefix(word):
            result.append(word)
            continue
        mine = trigrams(word)
        best, best_score = None, SUGGESTION_THRESHOLD
        for candidate, common in sorted(index.candidates(mine).items()):
            if abs(len(candidate) - len(word)) > 3:
                continue
            # Jaccard similarity, as pg_trgm's similarity(): shared / all distinct.
            score = common / (len(mine) + len(trigrams(candidate)) - common)
            times = known[candidate]
            if score > best_score or (
                best is not None and score == best_score and times > known[best]
            ):
                best, best_score = candidate, score
        if best:
            changed = True
            result.append(best)
        else:
            result.append(word)
    return " ".join(result) if changed else ""


# The people: the portal's own part of the search ------------------------------------

PERSON_FIELDS = (
    Field("name", "A", translated=False),
    Field("job_title", "B"),
    Field("bio", "C"),
)


def _people():
    from portal.models import Person

    return Person.objects.active()


def _person_hit(person) -> SearchHit:
    return SearchHit(title=person.name, url=person.get_absolute_url(), meta=person.job_title)


providers = [
    Provider(
        slug="medarbejdere",
        label=_("Medarbejdere"),
        queryset=_people,
        fields=PERSON_FIELDS,
        hit=_person_hit,
        order=("order", "name"),
    )
]
