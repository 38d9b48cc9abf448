from django import forms
from django.contrib import admin
from django.db.models import Count, Max
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline
from nested_admin import NestedInlineFormSet, NestedModelAdminMixin, NestedStackedInlineMixin
from nested_admin.formsets import mutable_querydict

from portal.admin_base import SafeAutocompleteMixin, TranslatedContentAdmin
from themes.models import Section, SectionItem, Theme, free_anchor

# Above any order a formset could hold, so a part added without a position sorts after
# every part that has one until the formset numbers them all from 0.
LAST = 2**31 - 1


class PositionField(forms.IntegerField):
    """A part's hidden position; a new part that comes without one has not changed by it."""

    def has_changed(self, initial, data):
        if data in (None, ""):
            return False
        return super().has_changed(initial, data)


class OrderedFormSet(NestedInlineFormSet):
    """Place parts that come without a position last, and say so when a position is garbage.

    The editor never types a position: the browser sets it when a part is dragged or moved
    with the buttons, and nested-admin numbers the parts 0, 1, 2 … in that order on save.
    """

    def clean(self):
        for form in self.forms:
            if "order" in getattr(form, "errors", {}):
                # The field is hidden, so its own message would show nowhere.
                form.add_error(
                    None, _("Rækkefølgen kunne ikke læses. Genindlæs siden, og prøv igen.")
                )
                # nested-admin sorts the forms it shows again by this value and cannot
                # read garbage, so the form is shown in the place it had.
                with mutable_querydict(form.data):
                    form.data[form.add_prefix("order")] = (
                        str(form.instance.order) if form.instance.pk else ""
                    )
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", None)
            if cleaned and "order" in cleaned and cleaned["order"] is None:
                cleaned["order"] = LAST
        super().clean()

    def process_forms_pre_save(self, forms):
        """Number the parts 0, 1, 2 … only when their positions need it.

        nested-admin renumbers on every save, so a theme whose stored positions have gaps
        would count as changed (a new version, a log line) on a save that changed nothing.
        Positions that are distinct and set already keep their order as they are.
        """
        placed = [
            form
            for form in forms
            if not self._should_delete_form(form)
            and (form._is_initial or form.has_changed())
            and hasattr(form, "cleaned_data")
        ]
        positions = [form.cleaned_data.get("order") for form in placed]
        if None in positions or LAST in positions or len(set(positions)) != len(positions):
            return super().process_forms_pre_save(forms)
        return sorted(forms, key=lambda form: getattr(form, "cleaned_data", {}).get("order") or 0)


class SectionFormSet(OrderedFormSet):
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


class OrderedInline(NestedStackedInlineMixin, TranslationStackedInline):
    """A stacked inline whose parts are moved by dragging or by buttons, not by numbers.

    Each part folds to its title (templates/admin/themes/ordered_inline.html); the
    buttons and the announcement of the new place come from static/js/admin-reorder.js.
    """

    template = "admin/themes/ordered_inline.html"
    sortable_field_name = "order"
    extra = 0
    # The definite form of the verbose name, for the buttons: "Flyt afsnittet »…« op".
    definite_name = ""
    title_field = ""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "order":
            return PositionField(
                label=db_field.verbose_name,
                min_value=0,
                max_value=LAST,
                required=False,
                widget=forms.HiddenInput(attrs={"data-reorder-position": ""}),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class SectionItemInline(OrderedInline):
    model = SectionItem
    formset = OrderedFormSet
    fields = ["order", "title", "body", "read_more"]
    verbose_name = _("punkt")
    verbose_name_plural = _("punkter")
    definite_name = _("punktet")
    add_text = _("Tilføj et punkt")
    title_field = "title_da"


class SectionInline(SafeAutocompleteMixin, OrderedInline):
    model = Section
    formset = SectionFormSet
    inlines = [SectionItemInline]
    autocomplete_fields = ["contact"]
    fieldsets = [
        (None, {"fields": ["order", "heading", "anchor", "kind", "body", "read_more"]}),
        (_("Kontaktperson og link"), {"fields": ["contact", "link_url", "link_label"]}),
    ]
    verbose_name = _("afsnit")
    verbose_name_plural = _("afsnit")
    definite_name = _("afsnittet")
    add_text = _("Tilføj et afsnit")
    title_field = "heading_da"


@admin.register(Theme)
class ThemeAdmin(NestedModelAdminMixin, TranslatedContentAdmin):
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

    class Media:
        css = {"all": ["css/admin-themes.css"]}
        js = ["js/admin-reorder.js", "js/admin-inline-tabs.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_section_count=Count("sections"))

    @admin.display(description=_("afsnit"), ordering="_section_count")
    def section_count(self, theme):
        return theme._section_count


@admin.register(Section)
class SectionAdmin(NestedModelAdminMixin, TranslatedContentAdmin):
    """One section with its items, for links straight to it; the theme's form edits both."""

    list_display = ["heading", "theme", "kind", "order", "item_count"]
    list_filter = ["kind", ("theme", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["theme"]
    search_fields = ["heading_da", "heading_en", "anchor", "theme__title_da"]
    autocomplete_fields = ["theme", "contact"]
    inlines = [SectionItemInline]
    ordering = ["theme", "order"]
    readonly_fields = ["order"]
    fieldsets = [
        (None, {"fields": ["theme", "order", "heading", "anchor", "kind", "body", "read_more"]}),
        (_("Kontaktperson og link"), {"fields": ["contact", "link_url", "link_label"]}),
    ]

    class Media:
        css = {"all": ["css/admin-themes.css"]}
        js = ["js/admin-reorder.js", "js/admin-inline-tabs.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_item_count=Count("items"))

    @admin.display(description=_("punkter"), ordering="_item_count")
    def item_count(self, section):
        return section._item_count

    def save_model(self, request, obj, form, change):
        if not change:
            last = obj.theme.sections.aggregate(last=Max("order"))["last"]
            obj.order = 0 if last is None else last + 1
        super().save_model(request, obj, form, change)

    def response_post_save_change(self, request, obj):
        """Take the editor back to the whole theme after a plain save."""
        theme_admin = self.admin_site.get_model_admin(Theme)
        if not theme_admin.has_view_or_change_permission(request, obj.theme):
            return super().response_post_save_change(request, obj)
        return HttpResponseRedirect(reverse("admin:themes_theme_change", args=[obj.theme_id]))

    response_post_save_add = response_post_save_change
