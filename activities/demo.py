"""Demo content of the catalogue: focus areas, the welfare staircase and activities.

Runs after the projects demo (INSTALLED_APPS order), so activities can link to projects.
"""

from activities.models import (
    Activity,
    ActivityForm,
    FocusArea,
    Method,
    Overview,
    Source,
    TargetGroup,
    WelfareStep,
)
from portal.demo import read, upsert
from portal.models import Tag
from projects.models import ResearchProject

TERMS = [
    ("focus areas", FocusArea, "activities_focus_areas.json"),
    ("steps", WelfareStep, "activities_steps.json"),
    ("forms", ActivityForm, "activities_forms.json"),
    ("target groups", TargetGroup, "activities_target_groups.json"),
    ("methods", Method, "activities_methods.json"),
]


def load() -> dict[str, int]:
    for row in read("activities_tags.json"):
        upsert(Tag, "name", row)
    counts = {}
    for label, model, filename in TERMS:
        rows = read(filename)
        for row in rows:
            upsert(model, "slug", row)
        counts[label] = len(rows)

    rows = read("activities.json")
    for row in rows:
        row = dict(row)
        relations = {
            "focus_areas": FocusArea.objects.filter(slug__in=row.pop("focus_areas")),
            "forms": ActivityForm.objects.filter(slug__in=row.pop("forms")),
            "target_groups": TargetGroup.objects.filter(slug__in=row.pop("target_groups")),
            "methods": Method.objects.filter(slug__in=row.pop("methods")),
            "research_projects": ResearchProject.objects.filter(
                slug__in=row.pop("research_projects")
            ),
        }
        tags = row.pop("tags")
        sources = row.pop("sources")
        step = row.pop("step")
        row["step"] = WelfareStep.objects.get(slug=step) if step else None
        # Seed 004 names thirteen of these activities and their step; every section
        # text is written for the demo, so each page says "Eksempeltekst".
        row["text_is_example"] = True
        activity = upsert(Activity, "slug", row)
        for name, queryset in relations.items():
            getattr(activity, name).set(queryset)
        activity.tags.set(list(Tag.objects.filter(name__in=tags)))
        activity.sources.all().delete()
        Source.objects.bulk_create(
            Source(activity=activity, order=order, **source)
            for order, source in enumerate(sources, start=1)
        )
    counts["activities"] = len(rows)
    # The overview's texts: the first ones, unless an editor has written her own.
    Overview.load()
    return counts
