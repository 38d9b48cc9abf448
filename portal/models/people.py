from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.text import SLUG_ERRORS, format_phone, tel_href, unique_slug


class PersonQuerySet(models.QuerySet):
    def active(self):
        """Return the people shown on public pages."""
        return self.filter(is_active=True)


class Person(models.Model):
    """A member of staff whom visitors can contact."""

    name = models.CharField(_("navn"), max_length=150)
    slug = models.SlugField(
        _("kortnavn i adressen"),
        max_length=80,
        unique=True,
        error_messages=SLUG_ERRORS,
        help_text=_(
            "Sidste del af medarbejderens adresse: /medarbejdere/kortnavn/. Udfyldes ud fra navnet."
        ),
    )
    job_title = models.CharField(_("stilling"), max_length=150, blank=True, default="")
    phone = models.CharField(_("telefon"), max_length=30, blank=True, default="")
    email = models.EmailField(_("e-mail"), blank=True, default="")
    photo = models.ImageField(_("foto"), upload_to="people/", blank=True, default="")
    bio = models.TextField(_("kort præsentation"), blank=True, default="")
    is_active = models.BooleanField(
        _("aktiv"),
        default=True,
        help_text=_(
            "Fjern markeringen, når personen stopper. Personen forsvinder fra de offentlige "
            "sider, men bevares her med sin historik."
        ),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("medarbejder")
        verbose_name_plural = _("medarbejdere")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("portal:person_detail", kwargs={"slug": self.slug})

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)

    @property
    def initials(self) -> str:
        return "".join(part[0] for part in self.name.split()[:3] if part).upper()
