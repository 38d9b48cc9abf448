from projects.models import ResearchProject


def block() -> dict | None:
    projects = list(ResearchProject.objects.published().ongoing().with_list_relations()[:3])
    return {"template": "projects/home_block.html", "projects": projects} if projects else None
