import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.db import transaction
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag as TaggitTag

from portal.admin_base import ContentAdmin, OneRowAdminMixin, TranslatedContentAdmin
from portal.edit_conflicts import EditConflictAdminMixin
from portal.models import Organisation, Person, SiteNotice, Tag
from portal.versions import keep_before_deleting

# The site's subjects are portal.Tag; taggit's own tag table stays unused and out of sight.
admin.site.unregister(TaggitTag)

admin.site.site_header = _("Redaktion · Viden om boligsocialt arbejde")
admin.site.site_title = _("Redaktion")
admin.site.index_title = _("Indhold")


@admin.register(Person)
class PersonAdmin(TranslatedContentAdmin):
    list_display = ["name", "job_title", "email", "phone", "is_active", "project_count"]
    list_filter = ["is_active"]
    list_editable = ["is_active"]
    search_fields = ["name", "email", "job_title_da", "job_title_en"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "job_title", "is_active", "order"]}),
        (_("Kontakt"), {"fields": ["phone", "email", "photo"]}),
        (_("Præsentation"), {"fields": ["bio"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_project_count=Count("project_links"))

    @admin.display(description=_("projekter"), ordering="_project_count")
    def project_count(self, person):
        return person._project_count


@admin.register(SiteNotice)
class SiteNoticeAdmin(OneRowAdminMixin, EditConflictAdminMixin, admin.ModelAdmin):
    """A switch, not content: no versions, drafts or publishing; two editors who change
    it at once are told, like on every form."""

    fields = ["show_demo_notice"]


@admin.register(Organisation)
class OrganisationAdmin(ContentAdmin):
    list_display = ["name", "url"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class MergeSubjectsForm(forms.Form):
    """Which of the chosen subjects is kept when they are merged."""

    survivor = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        widget=forms.RadioSelect,
        label=_("Emnet, der bevares"),
        error_messages={
            "required": _("Vælg det emne, der skal bevares."),
            "invalid_choice": _("Vælg et af de emner, der flettes."),
        },
    )

    def __init__(self, *args, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = subjects.with_usage()
        self.fields["survivor"].label_from_instance = lambda tag: (
            ngettext(
                "%(name)s (bruges %(count)d sted)",
                "%(name)s (bruges %(count)d steder)",
                tag.usage,
            )
            % {"name": tag.name, "count": tag.usage}
        )


@admin.register(Tag)
class TagAdmin(ContentAdmin):
    list_display = ["name", "name_en", "slug", "usage"]
    search_fields = ["name", "name_en"]
    fields = ["name", "name_en", "slug"]
    actions = ["merge_subjects"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_usage()

    @admin.display(description=_("bruges af"), ordering="usage")
    def usage(self, tag):
        return ngettext("%(count)d stykke indhold", "%(count)d stykker indhold", tag.usage) % {
            "count": tag.usage
        }

    def get_fields(self, request, obj=None):
        # A new subject's address is made from its name (Tag.slugify), and stays: links
        # elsewhere point at it.
        fields = super().get_fields(request, obj)
        return fields if obj is not None else [field for field in fields if field != "slug"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "slug"] if obj is not None else readonly

    @admin.action(description=_("Flet valgte emner"), permissions=["change", "delete"])
    def merge_subjects(self, request, queryset):
        """Merge the selected subjects into the one the editor keeps, on a page in between."""
        subjects = queryset.order_by("name")
        if subjects.count() < 2:
            self.message_user(request, _("Vælg mindst to emner at flette."), messages.WARNING)
            return None
        form = MergeSubjectsForm(
            request.POST if "survivor" in request.POST else None, subjects=subjects
        )
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            merged = self.merge(request, survivor, list(subjects.exclude(pk=survivor.pk)))
            self.message_user(
                request,
                ngettext(
                    "%(count)d emne er flettet ind i “%(name)s”.",
                    "%(count)d emner er flettet ind i “%(name)s”.",
                    merged,
                )
                % {"count": merged, "name": survivor.name},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Flet emner"),
            "opts": self.opts,
            "form": form,
            "subjects": subjects,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/portal/tag/merge_subjects.html", context)

    def merge(self, request, survivor: Tag, others: list[Tag]) -> int:
        """Merge ``others`` into ``survivor``, with a version and a log line for every change."""
        names = ", ".join(f"“{tag.name}”" for tag in others)
        with transaction.atomic():
            for tag in others:
                keep_before_deleting(tag, request.user)
            LogEntry.objects.log_actions(
                user_id=request.user.pk, queryset=others, action_flag=DELETION
            )
            changed = Tag.objects.filter(pk__in=[tag.pk for tag in others]).merge_into(survivor)
            comment = gettext("Emnerne %(others)s er flettet ind i “%(name)s”.") % {
                "others": names,
                "name": survivor.name,
            }
            for model, pks in changed.items():
                for item in model._default_manager.filter(pk__in=pks):
                    self._log_merged(request, item, comment)
            self._log_merged(request, survivor, comment)
        return len(others)

    def _log_merged(self, request, obj, comment: str) -> None:
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(comment)
            if reversion.is_registered(type(obj)):
                reversion.add_to_revision(obj)
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=[obj],
                action_flag=CHANGE,
                change_message=comment,
                single_object=True,
            )
