"""How editors give content its subjects: picked from the list, never typed into being.

Every admin that builds on ``ContentAdmin`` shows a subject field (a taggit field whose
subjects are ``portal.Tag``) as a multiple select of the existing subjects. Without
JavaScript it is a plain ``<select multiple>``; with it, the admin's select2 turns it into
a search-as-you-type box (the look of the admin's other autocomplete fields), with every
subject already on the page, so no request is made per keystroke.

A new subject is added on its own form ("Nyt emne", the subject admin's add page), and
the link to it is shown only to editors allowed to add subjects. Posted values that are
not subjects (a tampered id) give the field's own Danish error.
"""

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper, get_select2_language
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from portal.models import Tag


class SubjectSelect(forms.SelectMultiple):
    """Every subject as an option; the admin's select2 makes it searchable."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "subject-select", **(attrs or {})}, choices)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-subject-language"] = get_select2_language() or "en"
        context["widget"]["attrs"]["data-no-results"] = str(
            _("Intet emne passer. Findes det ikke, skal det oprettes som nyt emne.")
        )
        return context

    @property
    def media(self):
        extra = "" if settings.DEBUG else ".min"
        language = get_select2_language()
        return forms.Media(
            js=(
                f"admin/js/vendor/jquery/jquery{extra}.js",
                f"admin/js/vendor/select2/select2.full{extra}.js",
                *((f"admin/js/vendor/select2/i18n/{language}.js",) if language else ()),
                "admin/js/jquery.init.js",
                "js/admin-subjects.js",
            ),
            css={
                "screen": (
                    f"admin/css/vendor/select2/select2{extra}.css",
                    "admin/css/autocomplete.css",
                )
            },
        )


class SubjectChoiceField(forms.ModelMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": _("Vælg emner fra listen. %(value)s er ikke et af emnerne."),
        "invalid_pk_value": _("“%(pk)s” er ikke et emne. Vælg emner fra listen."),
        "invalid_list": _("Vælg emner fra listen."),
    }

    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset if queryset is not None else Tag.objects.all(), **kwargs)

    def clean(self, value):
        # An empty value stands for "no subject", as an empty select sends nothing at all.
        if isinstance(value, (list, tuple)):
            value = [item for item in value if item not in self.empty_values]
        return super().clean(value)


class SubjectWidgetWrapper(RelatedFieldWidgetWrapper):
    """The subject select with a "Nyt emne" link beside it (for those who may add one).

    The link opens the subject form in the admin's pop-up, which puts the new subject
    into the select, selected, when it is saved. Without JavaScript it opens the form in
    a new tab, leaving the item being edited as it is.
    """

    template_name = "portal/widgets/subject_widget_wrapper.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.can_add_related:
            context["new_subject_url"] = reverse(
                f"{self.admin_site.name}:portal_tag_add", current_app=self.admin_site.name
            )
        return context


class SubjectsAdminMixin:
    """Show every subject field as a choice among the existing subjects."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, TaggableManager) and db_field.remote_field.model is Tag:
            return self.subject_formfield(db_field, request)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def subject_formfield(self, db_field, request) -> SubjectChoiceField:
        tag_admin = self.admin_site._registry.get(Tag)
        can_add = tag_admin is not None and tag_admin.has_add_permission(request)
        if can_add:
            help_text = _(
                "Skriv for at søge, og vælg med Enter. Findes emnet ikke, så opret det "
                "med “Nyt emne”."
            )
        else:
            help_text = _(
                "Skriv for at søge, og vælg med Enter. Findes emnet ikke, så bed en "
                "redaktør om at oprette det."
            )
        field = db_field.formfield(
            form_class=SubjectChoiceField,
            queryset=Tag.objects.all(),
            widget=SubjectSelect,
            help_text=help_text,
        )
        field.widget = SubjectWidgetWrapper(
            field.widget,
            db_field.remote_field,
            self.admin_site,
            can_add_related=can_add,
            can_change_related=False,
            can_delete_related=False,
            can_view_related=False,
        )
        return field
