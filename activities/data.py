"""Open data: the activity catalogue, as the catalogue at /aktiviteter/ lists it."""

from django.db.models import CharField, F, Value
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from activities.filters import ActivityFilterSet
from activities.models import Activity, TaggedActivity, catalogue_terms
from portal.cache import cached_by_content
from portal.models import language_columns
from portal.opendata import INTEGER, LIST, TEXT, URL, Dataset, Field

# The catalogue terms of an activity: (its relation, the facet's URL parameter, field name).
TERMS = (
    ("focus_areas", "indsatsomraade", "focus_areas"),
    ("forms", "form", "forms"),
    ("target_groups", "maalgruppe", "target_groups"),
    ("methods", "metode", "methods"),
)


def activities():
    """The published activities in the catalogue's order, with their step and subjects.

    The long texts are left out: the export carries what a catalogue card shows.
    """
    return (
        Activity.objects.published()
        .by_name()
        .select_related("step")
        .defer(*(column for name in Activity.rich_text_fields for column in language_columns(name)))
    )


def with_terms(chunk: list[Activity]) -> None:
    """Give each activity of a chunk its terms by facet (one query for all four relations;
    the terms themselves are the catalogue's, stored until the next save) and its
    subjects (one query). Values, not model instances: a thousand activities have
    thousands of links.
    """
    ids = [activity.pk for activity in chunk]
    parts = []
    for relation, param, _field in TERMS:
        link = Activity._meta.get_field(relation)
        parts.append(
            link.remote_field.through.objects.filter(activity_id__in=ids)
            .annotate(
                kind=Value(param, output_field=CharField()), term=F(link.m2m_reverse_field_name())
            )
            .values_list("activity_id", "kind", "term")
        )
    terms = cached_by_content("activities:terms", catalogue_terms)
    # Each term's place and name, read once: a name is a translated attribute.
    sort_keys = {
        param: {term.pk: (term.order, term.name) for term in found.values()}
        for param, found in terms.items()
    }
    found: dict[int, dict[str, list]] = {pk: {param: [] for _r, param, _f in TERMS} for pk in ids}
    for activity_id, kind, term_id in parts[0].union(*parts[1:], all=True).order_by():
        key = sort_keys[kind].get(term_id)
        if key is not None:
            found[activity_id][kind].append(key)
    english = get_language() == "en"
    subjects: dict[int, list[str]] = {pk: [] for pk in ids}
    links = (
        TaggedActivity.objects.filter(content_object_id__in=ids)
        .order_by("tag__name", "pk")
        .values_list("content_object_id", "tag__name", "tag__name_en")
    )
    for activity_id, name, name_en in links:
        subjects[activity_id].append((english and name_en) or name)
    for activity in chunk:
        activity.export_subjects = subjects[activity.pk]
        activity.export_terms = {
            param: [name for _order, name in sorted(chosen)]
            for param, chosen in found[activity.pk].items()
        }


def activity_row(activity: Activity) -> dict:
    terms = activity.export_terms
    step = activity.step
    changed = max(filter(None, (activity.updated_at, activity.publish_from)))
    return {
        "slug": activity.slug,
        "name": activity.name,
        "summary": activity.summary,
        "step": step.name if step else None,
        "step_number": step.order if step else None,
        **{name: terms[param] for _relation, param, name in TERMS},
        "subjects": activity.export_subjects,
        "url": activity.get_absolute_url(),
        "last_modified": timezone.localdate(changed).isoformat(),
    }


datasets = [
    Dataset(
        slug="aktiviteter",
        title=_("Aktivitetskataloget"),
        description=_(
            "De boligsociale aktiviteter i inspirations- og videnskataloget med trin på "
            "velfærdstrappen, indsatsområder, aktivitetsformer, målgrupper, metoder og emner."
        ),
        fields=(
            Field("slug", TEXT, _("Kort, fast navn, som også står i aktivitetens adresse.")),
            Field("name", TEXT, _("Aktivitetens navn.")),
            Field("summary", TEXT, _("Resumé på to-tre sætninger.")),
            Field("step", TEXT, _("Trinnet på velfærdstrappen; tomt, hvis intet er valgt.")),
            Field("step_number", INTEGER, _("Trinnets nummer; 1 er det nederste trin.")),
            Field("focus_areas", LIST, _("Indsatsområder.")),
            Field("forms", LIST, _("Aktivitetsformer.")),
            Field("target_groups", LIST, _("Målgrupper.")),
            Field("methods", LIST, _("Metoder.")),
            Field("subjects", LIST, _("Emner.")),
            Field("url", URL, _("Aktivitetens side på hjemmesiden.")),
            Field("last_modified", TEXT, _("Dato for seneste ændring (ÅÅÅÅ-MM-DD).")),
        ),
        queryset=activities,
        row=activity_row,
        prepare=with_terms,
        filterset_class=ActivityFilterSet,
        list_url="activities:list",
    )
]
