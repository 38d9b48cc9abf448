"""What every piece of editorial content shares: its state, its window and its timestamps.

Visitors see an item only while it is *published* and now lies inside its window
("vises fra" … "vises til", both optional). ``Publishable.published_condition()`` is the
one place that rule is written; ``published()`` and every count over a relation use it.
"""

import functools

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext


class PublishStatus(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    PUBLISHED = "published", _("Udgivet")


class PublishableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        """Update in bulk, and let every process drop pages that showed the old state.

        A bulk update (an admin action such as "publish") sends no post_save signal.
        """
        from portal.cache import bump_content_version

        updated = super().update(**kwargs)
        bump_content_version()
        return updated

    def published(self):
        """Return what visitors may see now."""
        return self.filter(self.model.published_condition())

    def visible_to(self, user):
        """Return what this user may see: staff preview drafts, visitors see published."""
        if user is not None and user.is_active and user.is_staff:
            return self.all()
        return self.published()


class Publishable(models.Model):
    """Draft/published state, the publishing window and audit timestamps."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PublishStatus.choices,
        default=PublishStatus.DRAFT,
        db_index=True,
        help_text=_("Kun udgivet indhold vises for besøgende. Kladder kan ses af redaktører."),
    )
    publish_from = models.DateTimeField(
        _("vises fra"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Tomt: vises, så snart det er udgivet."),
    )
    publish_until = models.DateTimeField(
        _("vises til"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Tomt: vises, indtil det tages af siden."),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senest ændret"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def published_condition(cls, prefix: str = "") -> Q:
        """Return a Q selecting rows (reached through ``prefix``) that visitors may see now.

        ``prefix`` is the path from the queried model to this one, ending in ``__``
        (``"project_links__project__"``), so counts over relations follow the same rule.
        """
        now = timezone.now()
        return (
            Q(**{f"{prefix}status": PublishStatus.PUBLISHED})
            & (
                Q(**{f"{prefix}publish_from__isnull": True})
                | Q(**{f"{prefix}publish_from__lte": now})
            )
            & (
                Q(**{f"{prefix}publish_until__isnull": True})
                | Q(**{f"{prefix}publish_until__gt": now})
            )
        )

    @classmethod
    def state_condition(cls, state: str) -> Q:
        """Return a Q selecting the rows in ``state`` ("draft", "scheduled", "published"
        or "expired") as of now, as ``publishing_state()`` names them."""
        now = timezone.now()
        published = Q(status=PublishStatus.PUBLISHED)
        expired = published & Q(publish_until__lte=now)
        if state == "draft":
            return ~published
        if state == "expired":
            return expired
        if state == "published":
            return cls.published_condition()
        if state == "scheduled":
            return published & ~expired & ~cls.published_condition()
        raise ValueError(f"unknown publishing state: {state!r}")

    def clean(self):
        super().clean()
        if (
            self.publish_from is not None
            and self.publish_until is not None
            and self.publish_until <= self.publish_from
        ):
            raise ValidationError({"publish_until": _("“Vises til” skal ligge efter “vises fra”.")})

    @property
    def is_published(self) -> bool:
        """Tell whether visitors see this item now."""
        if self.status != PublishStatus.PUBLISHED:
            return False
        now = timezone.now()
        return (self.publish_from is None or self.publish_from <= now) and (
            self.publish_until is None or self.publish_until > now
        )

    def publishing_state(self) -> str:
        """Return "draft", "scheduled", "published" or "expired", as of now.

        "scheduled" is any published item visitors do not see yet, whatever holds it
        back (its "vises fra", or a rule of its own such as a news item's date).
        """
        if self.status != PublishStatus.PUBLISHED:
            return "draft"
        if self.publish_until is not None and self.publish_until <= timezone.now():
            return "expired"
        return "published" if self.is_published else "scheduled"

    def goes_live_at(self):
        """Return when visitors will first see this scheduled item, or None if unknown.

        A content type with a rule of its own (a news item's date) may say more.
        """
        if self.publish_from is not None and self.publish_from > timezone.now():
            return self.publish_from
        return None

    def publishing_state_label(self, pending_draft: bool = False) -> str:
        """Return the state in words: "Kladde", "Planlagt til 3. marts 2027 kl. 9.00" …

        ``pending_draft``: changes wait in a draft beside the live version.
        """
        state = self.publishing_state()
        goes_live = self.goes_live_at() if state == "scheduled" else None
        if goes_live is not None:
            label = _("Planlagt til %(when)s") % {"when": format_moment(goes_live)}
        elif state == "expired":
            label = _("Udløbet %(when)s") % {"when": format_moment(self.publish_until)}
        else:
            label = str(PUBLISHING_STATES[state])
        if pending_draft and state != "draft":
            return _("%(state)s – med ændringer i kladde") % {"state": label}
        return label


PUBLISHING_STATES = {
    "draft": _("Kladde"),
    "scheduled": _("Planlagt"),
    "published": _("Udgivet"),
    "expired": _("Udløbet"),
}


def format_moment(moment) -> str:
    """Return a moment as editors read it, in local time: "3. marts 2027 kl. 9.00"
    ("3 March 2027 at 9:00")."""
    local = timezone.localtime(moment)
    # Translators: a date format of Django's date filter; Danish "3. marts 2027".
    date = formats.date_format(local, pgettext("moment", "j. F Y"))
    # Translators: hours and minutes; Danish "9.00".
    time = pgettext("moment", "%(hour)d.%(minute)02d") % {
        "hour": local.hour,
        "minute": local.minute,
    }
    return _("%(date)s kl. %(time)s") % {"date": date, "time": time}


@functools.cache
def publishable_models() -> tuple[type[Publishable], ...]:
    """Return the Publishable models of the project's apps, in INSTALLED_APPS order."""
    from portal.registry import project_apps

    return tuple(
        model
        for app in project_apps()
        for model in app.get_models()
        if issubclass(model, Publishable)
    )
