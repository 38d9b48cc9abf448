"""What the projects app adds to the content health page (see portal.health)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.health import Check, Context, finding, first_rows, label_column
from projects.models import ResearchProject


def ongoing_past_end_year(context: Context) -> Check:
    """Projects still called ongoing although the year they were to end has passed."""
    this_year = timezone.localdate(context.now).year
    overdue = ResearchProject.objects.ongoing().filter(end_year__lt=this_year)
    total, found = first_rows(overdue, label_column(ResearchProject), "end_year", order="end_year")
    return Check(
        "projects-past-end-year",
        _("Igangværende projekter, hvis slutår er passeret"),
        _("Er projektet afsluttet? Så ret projektstatus, eller ret det forventede slutår."),
        [
            finding(ResearchProject, pk, label, _("Forventet slutår: %(year)s") % {"year": year})
            for pk, label, year in found
        ],
        total,
    )


checks = [ongoing_past_end_year]
