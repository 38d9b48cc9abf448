from activities.models import Activity, WelfareStep


def block() -> dict | None:
    steps = list(WelfareStep.objects.order_by("-order"))
    if not steps:
        return None
    return {
        "template": "activities/home_block.html",
        "steps": steps,
        "count": Activity.objects.published().count(),
    }
