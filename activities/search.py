"""The activity catalogue in the site search (see portal.search.Provider)."""

from django.db.models import Exists, Q
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Overview, TaggedActivity, catalogue_url
from portal.models import language_columns, subject_links
from portal.search import Provider, SearchHit


def rows():
    sections = [name for field in Activity.rich_text_fields for name in language_columns(field)]
    return Activity.objects.published().select_related("step").defer(*sections)


def hit(activity: Activity) -> SearchHit:
    step = activity.step.name if activity.step else ""
    return SearchHit(activity.name, activity.get_absolute_url(), activity.summary, meta=step)


def overview_hit(overview: Overview) -> SearchHit:
    return SearchHit(overview.title, overview.get_absolute_url(), overview.lead)


def subjects(word: str) -> Q:
    return Q(Exists(subject_links(TaggedActivity, word)))


providers = [
    Provider(
        slug="aktiviteter",
        label=_("Aktiviteter"),
        queryset=rows,
        fields=Activity.search_fields,
        hit=hit,
        also=subjects,
        more_url=lambda text: catalogue_url(q=text),
        order=("name", "pk"),
    ),
    # "Hvad er boligsociale indsatser?": § 91a, Landsbyggefonden, who works together.
    Provider(
        slug="om-indsatser",
        label=_("Om boligsociale indsatser"),
        queryset=lambda: Overview.objects.all(),
        fields=Overview.search_fields,
        hit=overview_hit,
    ),
]
