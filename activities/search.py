from django.utils.translation import gettext

from activities.models import Activity, catalogue_url
from portal.search import SearchGroup, SearchHit


def search(text: str, limit: int) -> SearchGroup:
    activities = Activity.objects.published().search(text).select_related("step").by_name()
    return SearchGroup(
        label=gettext("Aktiviteter"),
        total=activities.count(),
        hits=[
            SearchHit(
                title=activity.name,
                url=activity.get_absolute_url(),
                summary=activity.summary,
                meta=activity.step.name if activity.step else "",
            )
            for activity in activities[:limit]
        ],
        more_url=catalogue_url(q=text),
    )
