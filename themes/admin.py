from django.contrib import admin
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline

from portal.admin_base import TranslatedContentAdmin
from themes.models import Section, SectionItem, Theme, free_anchor


class SectionFormSet(BaseInlineFormSet):
    """Give every new section an anchor before the formset checks anchors are unique.

    Left to the model, two new sections with a blank anchor would clash as duplicates
    ("", "") before either is saved.
    """

    def clean(self):
        kept = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not self._should_delete_form(form)
        ]
        taken = {form.cleaned_data["anchor"] for form in kept if form.cleaned_data.get("anchor")}
        for form in kept:
            if form.cleaned_data.get("anchor") or not form.cleaned_data.get("heading_da"):
                continue
            anchor = free_anchor(form.cleaned_data["heading_da"], taken)
            taken.add(anchor)
            form.cleaned_data["anchor"] = form.instance.anchor = anchor
        super().clean()


class SectionInline(TranslationStackedInline):
    model = Section
    formset = SectionFormSet
    extra = 0
    show_change_link = True
    autocomplete_fields = ["contact"]
    readonly_fields = ["item_summary"]
    fieldsets = [
        (None, {"fields": ["order", "heading", "anchor", "kind", "body", "read_more"]}),
        (
            _("Punkter, kontaktperson og link"),
            {"fields": ["item_summary", "contact", "link_url", "link_label"]},
        ),
    ]
    verbose_name = _("afsnit")
    verbose_name_plural = _("afsnit (rækkefølge: lave tal først; ret tallene for at flytte)")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("punkter"))
    def item_summary(self, section):
        if not section.pk:
            return _("Gem temaet først. Derefter kan du tilføje punkter til afsnittet.")
        count = getattr(section, "item_count", None)
        if count is None:
            count = section.items.count()
        label = ngettext(
            "%(count)d punkt – ret punkterne", "%(count)d punkter – ret punkterne", count
        )
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:themes_section_change", args=[section.pk]),
            label % {"count": count},
        )


@admin.register(Theme)
class ThemeAdmin(TranslatedContentAdmin):
    list_display = ["title", "status", "section_count", "contact", "order", "updated_at"]
    list_filter = ["status", ("contact", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["contact"]
    search_fields = ["title_da", "title_en", "lead_da", "lead_en", "slug"]
    prepopulated_fields = {"slug": ["title_da"]}
    autocomplete_fields = ["contact", "projects"]
    inlines = [SectionInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "order", "lead", "intro"]}),
        (_("Kontakt og billede"), {"fields": ["contact", "hero_image", "hero_alt"]}),
        (_("Relationer"), {"fields": ["projects"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_section_count=Count("sections"))

    @admin.display(description=_("afsnit"), ordering="_section_count")
    def section_count(self, theme):
        return theme._section_count


class SectionItemInline(TranslationStackedInline):
    model = SectionItem
    extra = 0
    fields = ["order", "title", "body", "read_more"]
    verbose_name = _("punkt")
    verbose_name_plural = _("punkter (rækkefølge: lave tal først)")


@admin.register(Section)
class SectionAdmin(TranslatedContentAdmin):
    """Edit one section with its items; Django has no inlines inside inlines."""

    list_display = ["heading", "theme", "kind", "order", "item_count"]
    list_filter = ["kind", ("theme", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["theme"]
    search_fields = ["heading_da", "heading_en", "anchor", "theme__title_da"]
    autocomplete_fields = ["theme", "contact"]
    inlines = [SectionItemInline]
    ordering = ["theme", "order"]
    fieldsets = [
        (None, {"fields": ["theme", "order", "heading", "anchor", "kind", "body", "read_more"]}),
        (_("Kontaktperson og link"), {"fields": ["contact", "link_url", "link_label"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_item_count=Count("items"))

    @admin.display(description=_("punkter"), ordering="_item_count")
    def item_count(self, section):
        return section._item_count

    def response_post_save_change(self, request, obj):
        """Take the editor back to the whole theme after a plain save."""
        theme_admin = self.admin_site.get_model_admin(Theme)
        if not theme_admin.has_view_or_change_permission(request, obj.theme):
            return super().response_post_save_change(request, obj)
        return HttpResponseRedirect(reverse("admin:themes_theme_change", args=[obj.theme_id]))

    response_post_save_add = response_post_save_change
