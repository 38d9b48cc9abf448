"""500 published films with transcripts, a few tied to themes, projects and activities."""

from datetime import timedelta

from activities.models import Activity
from films.models import Film
from portal.models import PublishStatus
from projects.models import ResearchProject
from themes.models import Theme

FILMS = 500
TRANSCRIPT = (
    "<p>Fortæller: Beboere, medarbejdere og frivillige fortæller om, hvordan de "
    "arbejder sammen i boligområdet, og hvad det har betydet for dem.</p>"
)


def load(rng) -> dict[str, int]:
    films = Film.objects.bulk_create(
        [
            Film(
                title_da=f"Skalafilm {n}: boligsocialt arbejde i praksis",
                title_en=f"Scale film {n}" if n % 2 else "",
                slug=f"skalafilm-{n}",
                video_url=f"https://www.youtube.com/watch?v=skala{n:06d}",
                provider="youtube",
                video_id=f"skala{n:06d}",
                duration=timedelta(seconds=rng.randrange(60, 1800)),
                description_da="<p>En film om samarbejdet i et boligområde.</p>",
                transcript_da=TRANSCRIPT * 20,
                status=PublishStatus.PUBLISHED,
            )
            for n in range(FILMS)
        ],
        batch_size=500,
    )
    themes = list(Theme.objects.all()[:20])
    projects = list(ResearchProject.objects.all()[:50])
    activities = list(Activity.objects.all()[:50])
    links = 0
    for film in films[:100]:
        film.themes.set(rng.sample(themes, min(2, len(themes))))
        film.research_projects.set(rng.sample(projects, min(3, len(projects))))
        film.activities.set(rng.sample(activities, min(3, len(activities))))
        links += 1
    return {"films": len(films), "films with relations": links}
