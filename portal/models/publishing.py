from django.db import models
from django.utils.translation import gettext_lazy as _


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
        """Return what visitors may see."""
        return self.filter(status=PublishStatus.PUBLISHED)

    def visible_to(self, user):
        """Return what this user may see: staff preview drafts, visitors see published."""
        if user is not None and user.is_active and user.is_staff:
            return self.all()
        return self.published()


class Publishable(models.Model):
    """Draft/published state and audit timestamps shared by all editorial content."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PublishStatus.choices,
        default=PublishStatus.DRAFT,
        db_index=True,
        help_text=_("Kun udgivet indhold vises for besøgende. Kladder kan ses af redaktører."),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senest ændret"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == PublishStatus.PUBLISHED
