from modeltranslation.translator import TranslationOptions, register

from themes.models import Section, SectionItem, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "intro", "hero_alt")
    required_languages = ("da",)


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body", "read_more", "link_label")
    required_languages = ("da",)


@register(SectionItem)
class SectionItemTranslationOptions(TranslationOptions):
    fields = ("title", "body", "read_more")
    required_languages = ("da",)
