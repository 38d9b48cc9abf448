from django.utils.translation import gettext

from activities.models import Activity, catalogue_url
from portal.search import SearchGroup, SearchHit


def hit(activity: Activity) -> SearchHit:
    step = activity.step.name if activity.step else ""
    return SearchHit(activity.name, activity.get_absolute_url(), activity.summary, meta=step)


def search(text: str, limit: int) -> SearchGroup:
    activities = Activity.objects.published().search(text).select_related("step").by_name()
    return SearchGroup.of(
        gettext("Aktiviteter"), activities, limit, hit, more_url=catalogue_url(q=text)
    )
