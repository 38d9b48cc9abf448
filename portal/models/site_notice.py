from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .singleton import OneRow


class SiteNotice(OneRow):
    """The site's one row of notices: whether pages say that their texts are examples.

    ``manage.py load_demo`` switches the notice on; an editor switches it off in the
    admin when the demo texts are replaced, and ``DJANGO_DEMO_NOTICE=off`` keeps it off
    whatever the row says. A save replaces the content version (portal.cache), so
    stored pages show the change at once.
    """

    show_demo_notice = models.BooleanField(
        _("vis eksempelindhold-besked"),
        default=False,
        help_text=_(
            "Viser “Eksempelindhold: teksterne er skrevet til demonstration” øverst på "
            "alle sider. Slå den fra, når eksempelteksterne er erstattet af rigtige."
        ),
    )

    class Meta:
        verbose_name = _("besked om eksempelindhold")
        verbose_name_plural = _("besked om eksempelindhold")

    def __str__(self) -> str:
        return str(_("Besked om eksempelindhold"))

    @classmethod
    def switch_demo_notice(cls, on: bool) -> None:
        notice = cls.load()
        notice.show_demo_notice = on
        notice.save()


def demo_notice_shown() -> bool:
    """Tell whether pages carry the demo notice: read once per content version.

    ``DJANGO_DEMO_NOTICE=off`` (settings.DEMO_NOTICE) forces it off and costs no query.
    """
    if settings.DEMO_NOTICE == "off":
        return False
    from portal.cache import cached_by_content

    return cached_by_content(
        "demo-notice",
        lambda: SiteNotice.objects.filter(pk=1, show_demo_notice=True).exists(),
    )
