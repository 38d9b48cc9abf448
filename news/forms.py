from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from news.models import tags_with_article_counts, years_with_article_counts
from portal.cache import cached_by_content
from portal.forms import FilterChoiceField, FilterForm


class NewsFilterForm(FilterForm):
    """The filters of "Nyheder". Field names are the Danish URL parameters."""

    q = forms.CharField(
        label=_("Søg i nyhederne"),
        required=False,
        max_length=200,
        error_messages={
            "max_length": _("Søgeteksten er for lang. Skriv højst %(limit_value)d tegn."),
        },
    )
    emne = FilterChoiceField(
        label=_("Emne"),
        required=False,
        error_messages={
            "invalid_choice": _("Vi kender ikke emnet “%(value)s”. Vælg et fra listen."),
        },
    )
    aar = FilterChoiceField(
        label=_("År"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "Vi har ingen nyheder fra året “%(value)s”. Vælg et år fra listen."
            ),
        },
    )

    def set_choices(self) -> None:
        # Today's date is part of the key: an article dated tomorrow counts from tomorrow.
        today = timezone.localdate().isoformat()
        tags = cached_by_content(f"news:tags:{today}", tags_with_article_counts)
        years = cached_by_content(f"news:years:{today}", years_with_article_counts)
        english = get_language() == "en"
        for tag in tags:
            tag["label"] = (english and tag["name_en"]) or tag["name"]
        self.tags = {tag["slug"]: tag for tag in tags}
        self.fields["emne"].choices = [
            ("", _("Alle emner")),
            *((t["slug"], f"{t['label']} ({t['article_count']})") for t in tags),
        ]
        self.fields["aar"].choices = [
            ("", _("Alle år")),
            *((str(y["year"]), f"{y['year']} ({y['article_count']})") for y in years),
        ]

    @property
    def tag(self) -> dict | None:
        return self.tags.get(self.valid_data.get("emne"))

    @property
    def year(self) -> int | None:
        value = self.valid_data.get("aar")
        return int(value) if value else None

    def filter(self, articles):
        """Narrow a queryset of articles by the valid filters."""
        if self.tag:
            articles = articles.tagged(self.tag["pk"])
        if self.year:
            articles = articles.from_year(self.year)
        if self.valid_data.get("q"):
            articles = articles.search(self.valid_data["q"])
        return articles

    def active_filters(self) -> list[tuple[str, str, str]]:
        """Return (parameter, label, value shown) for each valid filter in use."""
        active = []
        if self.valid_data.get("q"):
            active.append(("q", _("Søgning"), self.valid_data["q"]))
        if self.tag:
            active.append(("emne", _("Emne"), self.tag["label"]))
        if self.year:
            active.append(("aar", _("År"), str(self.year)))
        return active
