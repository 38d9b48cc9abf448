"""1,000 activities across the staircase, focus areas and catalogue terms."""

from activities.models import (
    Activity,
    ActivityForm,
    FocusArea,
    Method,
    TaggedActivity,
    TargetGroup,
    WelfareStep,
)
from portal.models import PublishStatus, Tag
from projects.models import ResearchProject

ACTIVITIES = 1000
TEXT = (
    "<p>Aktiviteten samler beboere og fagfolk om en konkret opgave og bygger bro til "
    "kommunens tilbud, foreningslivet og arbejdsmarkedet.</p>"
)


def load(rng) -> dict[str, int]:
    steps = list(WelfareStep.objects.all())
    if not steps:
        return {}  # the demo content brings the staircase and its terms
    areas = list(FocusArea.objects.all())
    forms = list(ActivityForm.objects.all())
    groups = list(TargetGroup.objects.all())
    methods = list(Method.objects.all())
    tags = list(Tag.objects.filter(slug__startswith="skalaemne-"))
    projects = list(ResearchProject.objects.filter(slug__startswith="skalaprojekt-")[:300])
    activities = Activity.objects.bulk_create(
        [
            Activity(
                name_da=f"Skalaaktivitet {n}",
                name_en=f"Scale activity {n}" if n % 2 else "",
                slug=f"skalaaktivitet-{n}",
                summary_da="En boligsocial aktivitet, der styrker fællesskab og livschancer.",
                step=steps[n % len(steps)],
                target_group_text_da=TEXT,
                method_text_da=TEXT,
                implementation_da=TEXT * 2,
                evidence_da=TEXT,
                economy_da=TEXT,
                status=PublishStatus.PUBLISHED if n % 10 else PublishStatus.DRAFT,
            )
            for n in range(ACTIVITIES)
        ]
    )

    def links(relation, choices, per_activity, **names):
        through = relation.through
        source, target = names["source"], names["target"]
        return through.objects.bulk_create(
            [
                through(**{source: activity, target: choice})
                for activity in activities
                for choice in rng.sample(choices, min(per_activity, len(choices)))
            ]
        )

    links(Activity.focus_areas, areas, 2, source="activity", target="focusarea")
    links(Activity.forms, forms, 1, source="activity", target="activityform")
    links(Activity.target_groups, groups, 2, source="activity", target="targetgroup")
    links(Activity.methods, methods, 2, source="activity", target="method")
    links(Activity.research_projects, projects, 1, source="activity", target="researchproject")
    TaggedActivity.objects.bulk_create(
        [
            TaggedActivity(content_object=activity, tag=tag)
            for activity in activities
            for tag in rng.sample(tags, 3)
        ]
    )
    return {"activities": ACTIVITIES}
